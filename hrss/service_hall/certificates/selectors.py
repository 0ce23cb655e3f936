"""Reads of issued certificates by their holder: one door, :func:`certificate_for_holder`.

A citizen sees the certificates of the person their account belongs to; an
employer agent those of their employer. Anyone else gets the same "not found"
as for a code that does not exist.
"""

from __future__ import annotations

from hrss.core import blobstore
from hrss.core.actors import Actor
from hrss.iam.models import Account, Role
from hrss.service_hall.certificates.codes import normalise_code
from hrss.service_hall.certificates.errors import CertificateNotFound
from hrss.service_hall.models import Certificate


def is_holder(actor: Actor, certificate: Certificate) -> bool:
    """Is ``actor`` the person or the employer agent the certificate was issued to?"""
    if not isinstance(actor, Account) or not actor.is_active:
        return False
    if actor.role == Role.CITIZEN and certificate.person is not None:
        index = certificate.person.id_number_index
        return bool(actor.person_index) and actor.person_index == index
    if actor.role == Role.EMPLOYER_AGENT and certificate.employer is not None:
        uscc = certificate.employer.uscc
        return bool(actor.employer_uscc) and actor.employer_uscc == uscc
    return False


def certificate_for_holder(*, actor: Actor, code: str) -> Certificate:
    """The certificate with ``code`` if ``actor`` holds it; else ``CertificateNotFound``."""
    normalised = normalise_code(code)
    certificate = (
        Certificate.objects.select_related("person", "employer")
        .filter(verification_code=normalised)
        .first()
        if normalised
        else None
    )
    if certificate is None or not is_holder(actor, certificate):
        raise CertificateNotFound()
    return certificate


def certificate_pdf(certificate: Certificate) -> bytes:
    """The stored PDF (the blob store refuses a file whose bytes no longer match)."""
    return blobstore.get(certificate.storage_key)
