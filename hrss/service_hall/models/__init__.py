"""Models of the online service hall, one module per concern."""

from hrss.service_hall.models.applications import (
    Application,
    ApplicationChannel,
    ApplicationEvent,
)
from hrss.service_hall.models.catalog import (
    ApplicantKind,
    Category,
    Channel,
    ItemType,
    RequiredMaterial,
    ServiceItem,
)
from hrss.service_hall.models.certificates import Certificate, CertificateKind
from hrss.service_hall.models.materials import ApplicationMaterial, Material
from hrss.service_hall.models.notifications import Notification

__all__ = [
    "ApplicantKind",
    "Application",
    "ApplicationChannel",
    "ApplicationEvent",
    "ApplicationMaterial",
    "Category",
    "Certificate",
    "CertificateKind",
    "Channel",
    "ItemType",
    "Material",
    "Notification",
    "RequiredMaterial",
    "ServiceItem",
]
