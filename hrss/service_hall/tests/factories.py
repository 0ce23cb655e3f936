"""Builders for service-hall tests: catalog items, files, and applications at a given stage."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from hrss.service_hall import services
from hrss.service_hall.models import RequiredMaterial, ServiceItem

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def image_bytes(fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, fmt)
    return buffer.getvalue()


PNG = image_bytes("PNG")
JPEG = image_bytes("JPEG")


def make_item(
    code: str = "GG09901001",
    *,
    materials: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> ServiceItem:
    """An item with, by default, one required ID copy (reusable) and one PDF-only form."""
    defaults: dict[str, Any] = {
        "name": "测试事项",
        "category": "social_insurance",
        "applicant": "person",
        "legal_limit_days": 20,
        "promised_limit_days": 5,
    }
    item = ServiceItem.objects.create(code=code, **{**defaults, **fields})
    if materials is None:
        materials = [
            {"code": "M01", "name": "居民身份证", "reusable_kind": "id_copy"},
            {"code": "M02", "name": "申请表", "accepted_types": "application/pdf"},
        ]
    for position, m in enumerate(materials, start=1):
        RequiredMaterial.objects.create(item=item, position=position, **m)
    return item


def draft(actor: Any, item: ServiceItem, form: dict[str, Any] | None = None) -> Any:
    return services.application_create_draft(actor=actor, item_code=item.code, form=form)


def upload_all(actor: Any, application: Any) -> None:
    """Upload an accepted file for every required material not attached yet."""
    attached = set(application.material_links.values_list("code", flat=True))
    for required in application.item.materials.all():
        if required.code in attached or required.optional:
            continue
        data = PDF if "application/pdf" in required.accepted_type_list else PNG
        services.material_upload(
            actor=actor,
            application_id=application.pk,
            code=required.code,
            filename=f"{required.code}.bin",
            data=data,
        )


def submitted(actor: Any, item: ServiceItem, key: str = "key-1") -> Any:
    """A complete application, submitted (it passes pre-review)."""
    app = draft(actor, item)
    upload_all(actor, app)
    app.refresh_from_db()
    return services.application_submit(
        actor=actor, application_id=app.pk, version=app.version, idempotency_key=key
    )


def accepted(actor: Any, clerk: Any, item: ServiceItem) -> Any:
    app = submitted(actor, item)
    return services.application_accept(actor=clerk, application_id=app.pk, version=app.version)


def in_review(actor: Any, clerk: Any, item: ServiceItem) -> Any:
    app = accepted(actor, clerk, item)
    return services.application_start_review(
        actor=clerk, application_id=app.pk, version=app.version
    )


def approved(actor: Any, clerk: Any, item: ServiceItem) -> Any:
    app = in_review(actor, clerk, item)
    return services.application_approve(actor=clerk, application_id=app.pk, version=app.version)
