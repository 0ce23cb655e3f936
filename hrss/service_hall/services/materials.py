"""Materials: upload (checked by content), attach, and 免提交 reuse of what is on file."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from hrss.audit.services import audit_record
from hrss.core import blobstore, clock
from hrss.core.actors import Actor
from hrss.core.crypto import CryptoError
from hrss.service_hall.errors import MaterialNotFound, NotEditable, invalid
from hrss.service_hall.models import (
    Application,
    ApplicationMaterial,
    Certificate,
    CertificateKind,
    Material,
    RequiredMaterial,
)
from hrss.service_hall.selectors.access import is_applicant_side
from hrss.service_hall.services.transitions import application_actor_id, lock_application
from hrss.service_hall.sniffing import clean_filename, sniff
from hrss.service_hall.workflow import EDITABLE_STATES

REUSE_CANDIDATES = 10


def ensure_editable(application: Application) -> None:
    if application.status not in EDITABLE_STATES:
        raise NotEditable()


def required_material(application: Application, code: str) -> RequiredMaterial:
    required = application.item.materials.filter(code=code).first()
    if required is None:
        raise invalid("material.unknown_code", "该事项不需要此材料", material_code=code)
    return required


def check_content(required: RequiredMaterial, data: bytes) -> str:
    """The sniffed type of ``data`` if ``required`` accepts it; else a clear refusal."""
    if not data:
        raise invalid("material.empty", "文件为空", material_code=required.code)
    if len(data) > required.max_bytes:
        limit_mb = required.max_bytes / (1024 * 1024)
        raise invalid(
            "material.too_large",
            f"{required.name}的文件不能超过 {limit_mb:.1f} MB",
            material_code=required.code,
            max_bytes=required.max_bytes,
        )
    content_type = sniff(data)
    if content_type not in required.accepted_type_list:
        raise invalid(
            "material.type_not_accepted",
            f"{required.name}只接受 {', '.join(required.accepted_type_list)} 文件",
            material_code=required.code,
            detected=content_type or "unknown",
        )
    return content_type


def link_material(
    application: Application, code: str, material: Material, *, reused: bool
) -> ApplicationMaterial:
    link, _ = ApplicationMaterial.objects.update_or_create(
        application=application,
        code=code,
        defaults={"material": material, "reused": reused, "attached_at": clock.now()},
    )
    return link


def _audit_material(actor: Actor, action: str, application: Application, **extra: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="service_hall.application",
        object_id=application.pk,
        person_id=application.person_id,
        extra=extra,
    )


@transaction.atomic
def material_upload(
    *, actor: Actor, application_id: int, code: str, filename: str, data: bytes
) -> ApplicationMaterial:
    """Store a file for required material ``code`` of a draft or returned application.

    The type is sniffed from the bytes and must be one the material accepts; the size
    must be within its limit. The bytes are stored once, under their SM3.
    """
    application = lock_application(
        actor=actor, application_id=application_id, allowed=is_applicant_side, version=None
    )
    ensure_editable(application)
    required = required_material(application, code)
    content_type = check_content(required, data)
    material = Material.objects.create(
        owner_id=application_actor_id(actor),
        person=application.person,
        kind=required.reusable_kind,
        filename=clean_filename(filename),
        content_type=content_type,
        size=len(data),
        blob_key=blobstore.put(data),
        created_at=clock.now(),
    )
    link = link_material(application, code, material, reused=False)
    _audit_material(actor, "material.upload", application, code=code, material=material.pk)
    return link


def attach_owned(*, actor: Actor, application: Application, material_ids: dict[str, int]) -> None:
    """Attach materials ``actor`` uploaded earlier (types are checked at pre-review)."""
    for code, material_id in sorted(material_ids.items()):
        required = required_material(application, code)
        material = Material.objects.filter(pk=material_id, owner_id=actor.pk).first()
        if material is None:
            raise MaterialNotFound(extra={"material_code": code})
        link_material(application, required.code, material, reused=False)


def _fits(material: Material, required: RequiredMaterial) -> bool:
    return material.content_type in required.accepted_type_list and (
        material.size <= required.max_bytes
    )


def _certificate_holder(application: Application) -> Q | None:
    if application.person_id:
        return Q(person_id=application.person_id)
    if application.employer_id:
        return Q(employer_id=application.employer_id)
    return None


def _from_certificate(application: Application, required: RequiredMaterial) -> Material | None:
    """An e-certificate already issued to the applicant, as a material (same stored bytes)."""
    owner = _certificate_holder(application)
    if required.reusable_kind not in CertificateKind.values or owner is None:
        return None
    cert = (
        Certificate.objects.filter(owner, kind=required.reusable_kind)
        .order_by("-issued_at")
        .first()
    )
    if cert is None:
        return None
    try:
        data = blobstore.get(cert.storage_key)
    except CryptoError:
        return None
    return Material(
        owner_id=application.applicant_id,
        person=application.person,
        kind=required.reusable_kind,
        filename=f"{cert.verification_code}.pdf",
        content_type=sniff(data) or "",
        size=len(data),
        blob_key=cert.storage_key,
        created_at=clock.now(),
    )


def material_on_file(application: Application, required: RequiredMaterial) -> Material | None:
    """The newest material of ``required``'s reusable kind the applicant already has."""
    earlier = Material.objects.filter(
        owner_id=application.applicant_id, kind=required.reusable_kind
    ).order_by("-created_at", "-pk")[:REUSE_CANDIDATES]
    found = next((m for m in earlier if _fits(m, required)), None)
    if found is not None:
        return found
    from_cert = _from_certificate(application, required)
    if from_cert is None or not _fits(from_cert, required):
        return None
    from_cert.save(force_insert=True)
    return from_cert


def reuse_on_file(application: Application) -> list[ApplicationMaterial]:
    """Attach, for every reusable material not yet attached, what is already on file."""
    linked = set(application.material_links.values_list("code", flat=True))
    links = []
    for required in application.item.materials.all():
        if not required.reusable_kind or required.code in linked:
            continue
        material = material_on_file(application, required)
        if material is not None:
            links.append(link_material(application, required.code, material, reused=True))
    return links


@transaction.atomic
def application_reuse_materials(*, actor: Actor, application_id: int) -> list[ApplicationMaterial]:
    """免提交: attach materials already on file instead of asking for them again."""
    application = lock_application(
        actor=actor, application_id=application_id, allowed=is_applicant_side, version=None
    )
    ensure_editable(application)
    links = reuse_on_file(application)
    if links:
        _audit_material(actor, "material.reuse", application, codes=[x.code for x in links])
    return links
