"""Admin for insurance: parameters are edited here (audited); records are read-only."""

from __future__ import annotations

from django.contrib import admin

from hrss.core.admin_mixins import AuditedAdmin, ReadOnlyAdmin
from hrss.insurance.models import (
    BenefitPayment,
    Contribution,
    Enrolment,
    Parameter,
    PersonalAccount,
)
from hrss.registry.admin import audit_admin_change


@admin.register(Parameter)
class ParameterAdmin(AuditedAdmin):
    list_display = ("name", "key", "region", "valid_from", "valid_to", "value")
    list_filter = ("name", "region")
    audit_hook = staticmethod(audit_admin_change)


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    list_display = ("id", "insurance", "employer", "start_month", "end_month")
    list_select_related = ("employer",)


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "insurance",
        "period",
        "base",
        "employer_amount",
        "employee_amount",
        "paid_on",
    )


@admin.register(PersonalAccount)
class PersonalAccountAdmin(ReadOnlyAdmin):
    list_display = ("id", "year", "opening_balance", "credited", "interest", "closing_balance")


@admin.register(BenefitPayment)
class BenefitPaymentAdmin(ReadOnlyAdmin):
    list_display = ("id", "benefit", "period", "amount", "region", "paid_on")
