"""Models of the online service hall, one module per concern."""

from hrss.service_hall.models.certificates import Certificate, CertificateKind

__all__ = ["Certificate", "CertificateKind"]
