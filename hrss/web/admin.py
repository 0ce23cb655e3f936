"""Admin pages for kernel tables (registered here, at the top of the layer order,
so that their edits can go through the audit log)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models

from hrss.audit.services import audit_record
from hrss.core.admin_mixins import AuditedAdmin
from hrss.core.models import CalendarDay


def _audit(*, actor: Any, obj: models.Model, verb: str) -> None:
    audit_record(
        actor=actor,
        action=f"admin.calendarday.{verb}",
        object_type="core.calendarday",
        object_id=str(obj.pk),
        extra={"day": str(getattr(obj, "day", ""))},
    )


@admin.register(CalendarDay)
class CalendarDayAdmin(AuditedAdmin):
    """Holidays and make-up working days the State Council announces (legal time limits)."""

    list_display = ("day", "name", "is_working_day")
    list_filter = ("is_working_day",)
    date_hierarchy = "day"
    audit_hook = staticmethod(_audit)
