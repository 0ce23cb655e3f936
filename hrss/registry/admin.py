"""Admin for the registry: masked, read-only views; only regions are editable."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models

from hrss.audit.services import audit_record
from hrss.core.admin_mixins import AuditedAdmin, ReadOnlyAdmin
from hrss.core.masking import mask_name
from hrss.registry.models import Employer, Employment, KeyGroupTag, LifeEvent, Person, Region


def audit_admin_change(*, actor: Any, obj: models.Model, verb: str) -> None:
    audit_record(
        actor=actor,
        action=f"admin.{obj._meta.model_name}.{verb}",
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
    )


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ("code", "name", "level", "valid_from", "valid_to")
    search_fields = ("code", "name")
    audit_hook = staticmethod(audit_admin_change)


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ("id", "masked_name", "id_number_masked", "gender", "district", "phone_masked")
    list_filter = ("gender",)
    fields = (
        "masked_name",
        "id_number_masked",
        "gender",
        "birth_date",
        "hukou_region",
        "residence_region",
        "district",
        "phone_masked",
        "created_at",
    )
    readonly_fields = fields
    search_fields = ("district",)

    @admin.display(description="姓名")
    def masked_name(self, obj: Person) -> str:
        return mask_name(obj.name)


@admin.register(Employer)
class EmployerAdmin(ReadOnlyAdmin):
    list_display = ("uscc", "name", "industry", "region", "risk_class", "registered_on")
    search_fields = ("uscc", "name")


@admin.register(Employment)
class EmploymentAdmin(ReadOnlyAdmin):
    list_display = ("id", "employer", "start_date", "end_date", "end_reason")
    list_select_related = ("employer",)


@admin.register(LifeEvent)
class LifeEventAdmin(ReadOnlyAdmin):
    list_display = ("id", "event", "event_date", "source")


@admin.register(KeyGroupTag)
class KeyGroupTagAdmin(ReadOnlyAdmin):
    list_display = ("id", "group", "valid_from", "valid_to")
