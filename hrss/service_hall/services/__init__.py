"""Writes of the service hall: atomic, keyword-only, audited (one module per concern)."""

from hrss.service_hall.services.applications import (
    application_create_draft,
    application_resubmit,
    application_submit,
    application_submit_new,
    application_update_form,
    application_withdraw,
)
from hrss.service_hall.services.handling import (
    application_accept,
    application_approve,
    application_complete,
    application_reject,
    application_return,
    application_second_review,
    application_start_review,
)
from hrss.service_hall.services.materials import application_reuse_materials, material_upload
from hrss.service_hall.services.notifications import (
    notification_create_for_event,
    notification_mark_read,
)

__all__ = [
    "application_accept",
    "application_approve",
    "application_complete",
    "application_create_draft",
    "application_reject",
    "application_resubmit",
    "application_return",
    "application_reuse_materials",
    "application_second_review",
    "application_start_review",
    "application_submit",
    "application_submit_new",
    "application_update_form",
    "application_withdraw",
    "material_upload",
    "notification_create_for_event",
    "notification_mark_read",
]
