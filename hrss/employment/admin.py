"""Admin for employment: masked, read-only (every change goes through a service)."""

from __future__ import annotations

from django.contrib import admin

from hrss.core.admin_mixins import ReadOnlyAdmin
from hrss.core.masking import mask_id_number, mask_name
from hrss.employment.models import EmploymentRegistration, EntrepreneurshipCard


class MaskedPersonMixin:
    @admin.display(description="人员")
    def masked_person(self, obj: EmploymentRegistration | EntrepreneurshipCard) -> str:
        return f"{mask_name(obj.person.name)} {obj.person.id_number_masked}"


@admin.register(EmploymentRegistration)
class EmploymentRegistrationAdmin(MaskedPersonMixin, ReadOnlyAdmin):
    list_display = (
        "id",
        "masked_person",
        "kind",
        "registered_on",
        "region",
        "status",
        "ended_on",
        "end_reason",
    )
    list_filter = ("kind", "status")
    list_select_related = ("person",)
    fields = list_display
    readonly_fields = list_display
    search_fields = ("region",)


@admin.register(EntrepreneurshipCard)
class EntrepreneurshipCardAdmin(MaskedPersonMixin, ReadOnlyAdmin):
    list_display = ("id", "masked_person", "masked_number", "region", "issued_on")
    list_select_related = ("person",)
    fields = list_display
    readonly_fields = list_display

    @admin.display(description="证号")
    def masked_number(self, obj: EntrepreneurshipCard) -> str:
        return mask_id_number(obj.number)
