"""Issue e-certificates: render the PDF, sign it, store it, record it, audit it.

What is signed (SM2 with SM3, the platform key of :func:`hrss.core.signing.platform_signer`)
is :func:`signed_statement`: the SM3 of the exact PDF bytes stored, bound to the
verification code, kind, issue time and masked holder that the public page shows.
A changed byte of the file changes its SM3 (no stored certificate matches); a
changed row in the table no longer matches its signature. Either way: not genuine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from hrss.audit.services import audit_record
from hrss.core import blobstore, clock
from hrss.core.actors import Actor
from hrss.core.crypto import sm3_hex
from hrss.core.errors import PermissionDenied
from hrss.core.signing import platform_signer
from hrss.iam.models import Role
from hrss.registry.models import Employer, Person
from hrss.registry.selectors import access_employer_by_uscc, person_of_account
from hrss.service_hall.certificates.codes import new_code
from hrss.service_hall.certificates.content import (
    ProofDocument,
    employer_proof_document,
    person_proof_document,
)
from hrss.service_hall.certificates.pdf import Stamp, render_pdf
from hrss.service_hall.models import Certificate, CertificateKind

SIGNATURE_CONTEXT = "HRSS-CERT-1"
DEFAULT_PUBLIC_BASE_URL = "http://127.0.0.1:8000"
DEFAULT_BUREAU = "湖北省人力资源和社会保障厅"
CODE_ATTEMPTS = 5
DEFAULT_REUSE_SECONDS = 60


def public_base_url() -> str:
    """Scheme and host the QR codes point at (setting ``HRSS_PUBLIC_BASE_URL``)."""
    return str(getattr(settings, "HRSS_PUBLIC_BASE_URL", DEFAULT_PUBLIC_BASE_URL)).rstrip("/")


def verify_url(code: str) -> str:
    """Absolute URL of the public page of one certificate (what the QR code holds)."""
    return public_base_url() + reverse("certificates:verify_code", kwargs={"code": code})


def verify_home_url() -> str:
    return public_base_url() + reverse("certificates:verify")


def bureau_name() -> str:
    return str(getattr(settings, "HRSS_BUREAU_NAME", DEFAULT_BUREAU))


def signed_statement(
    *, code: str, kind: str, issued_at: datetime, holder_masked: str, content_sm3: str
) -> bytes:
    """The exact message the platform signs (UTF-8, one ``name=value`` per line)."""
    lines = (
        SIGNATURE_CONTEXT,
        f"code={code}",
        f"kind={kind}",
        f"issued_at={clock.localise(issued_at).isoformat()}",
        f"holder={holder_masked}",
        f"sm3={content_sm3}",
    )
    return "\n".join(lines).encode()


def statement_of(certificate: Certificate) -> bytes:
    """The signed message rebuilt from a stored row."""
    return signed_statement(
        code=certificate.verification_code,
        kind=certificate.kind,
        issued_at=certificate.issued_at,
        holder_masked=certificate.holder_masked,
        content_sm3=certificate.content_sm3,
    )


def _unused_code() -> str:
    for _ in range(CODE_ATTEMPTS):  # ~78 random bits: a clash is practically impossible
        code = new_code()
        if not Certificate.objects.filter(verification_code=code).exists():
            return code
    raise RuntimeError("no unused verification code found; is the random source broken?")


@dataclass(frozen=True)
class _Signed:
    code: str
    issued_at: datetime
    data: bytes
    content_sm3: str
    signature: str
    public_key: str


def _render_and_sign(doc: ProofDocument) -> _Signed:
    code, issued_at = _unused_code(), clock.now().replace(microsecond=0)
    data = render_pdf(
        doc, Stamp(bureau_name(), code, issued_at, verify_url(code), verify_home_url())
    )
    digest, signer = sm3_hex(data), platform_signer()
    statement = signed_statement(
        code=code,
        kind=doc.kind,
        issued_at=issued_at,
        holder_masked=doc.holder_masked,
        content_sm3=digest,
    )
    return _Signed(code, issued_at, data, digest, signer.sign(statement), signer.public_key)


def _audit_issue(actor: Actor, certificate: Certificate) -> None:
    audit_record(
        actor=actor,
        action="certificate.issue",
        object_type="service_hall.certificate",
        object_id=certificate.pk,
        person_id=certificate.person_id,
        extra={
            "kind": certificate.kind,
            "employer_id": certificate.employer_id,
            "content_sm3": certificate.content_sm3,
        },
    )


def _issue(
    *, actor: Actor, doc: ProofDocument, person: Person | None, employer: Employer | None
) -> Certificate:
    """Render and sign outside the transaction; store, record and audit inside it."""
    signed = _render_and_sign(doc)
    with transaction.atomic():
        certificate = Certificate.objects.create(
            verification_code=signed.code,
            kind=doc.kind,
            person=person,
            employer=employer,
            holder_masked=doc.holder_masked,
            issued_at=signed.issued_at,
            content_sm3=signed.content_sm3,
            signature=signed.signature,
            signer_public_key=signed.public_key,
            storage_key=blobstore.put(signed.data),
            issued_by=actor.get_username()[:150],
        )
        _audit_issue(actor, certificate)
    return certificate


def issue_person_insurance_proof(*, actor: Actor, person: Person) -> Certificate:
    """个人参保证明 for ``person`` (obtained by the caller through an access selector)."""
    return _issue(actor=actor, doc=person_proof_document(person), person=person, employer=None)


def issue_employer_insurance_proof(*, actor: Actor, employer: Employer) -> Certificate:
    """单位参保证明 for ``employer`` (obtained by the caller through an access selector)."""
    doc = employer_proof_document(employer, on=clock.today())
    return _issue(actor=actor, doc=doc, person=None, employer=employer)


def recent_proof(
    kind: str, *, person: Person | None = None, employer: Employer | None = None
) -> Certificate | None:
    """The holder's proof of ``kind`` issued within the reuse window, if any."""
    window = int(getattr(settings, "HRSS_CERTIFICATE_REUSE_SECONDS", DEFAULT_REUSE_SECONDS))
    since = clock.now() - timedelta(seconds=window)
    return (
        Certificate.objects.filter(kind=kind, person=person, employer=employer)
        .filter(issued_at__gte=since)
        .order_by("-issued_at")
        .first()
    )


def issue_insurance_proof_for(*, actor: Actor) -> Certificate:
    """The proof the signed-in account may have: its own person's, or its employer's.

    A proof the same holder got within the reuse window is returned again instead of
    signing a new one: a double click or a script gets one certificate, not hundreds.
    """
    if actor.role == Role.CITIZEN:
        person = person_of_account(actor=actor)
        kind = CertificateKind.PERSON_INSURANCE_PROOF
        return recent_proof(kind, person=person) or issue_person_insurance_proof(
            actor=actor, person=person
        )
    if actor.role == Role.EMPLOYER_AGENT:
        uscc = str(getattr(actor, "employer_uscc", ""))
        employer = access_employer_by_uscc(actor=actor, uscc=uscc)
        kind = CertificateKind.EMPLOYER_INSURANCE_PROOF
        return recent_proof(kind, employer=employer) or issue_employer_insurance_proof(
            actor=actor, employer=employer
        )
    raise PermissionDenied("certificates.role", "参保证明由参保人本人或单位经办人开具")
