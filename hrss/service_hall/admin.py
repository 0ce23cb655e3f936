"""Admin of the service hall: the catalog is edited here (every save audited); applications,
events, materials and messages are read-only (they change only through services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet
from django.http import HttpRequest

from hrss.core.admin_mixins import AuditedAdmin, ReadOnlyAdmin
from hrss.registry.admin import audit_admin_change
from hrss.service_hall.models import (
    Application,
    ApplicationEvent,
    Material,
    Notification,
    RequiredMaterial,
    ServiceItem,
)


class RequiredMaterialInline(admin.TabularInline):
    model = RequiredMaterial
    extra = 0
    fields = (
        "position",
        "code",
        "name",
        "description",
        "accepted_types",
        "max_bytes",
        "optional",
        "reusable_kind",
    )


@admin.register(ServiceItem)
class ServiceItemAdmin(AuditedAdmin):
    list_display = (
        "code",
        "name",
        "category",
        "applicant",
        "promised_limit_days",
        "fully_online",
        "instant",
        "needs_second_review",
        "active",
    )
    list_filter = ("category", "applicant", "fully_online", "instant", "active")
    search_fields = ("code", "name", "keywords")
    inlines = [RequiredMaterialInline]
    audit_hook = staticmethod(audit_admin_change)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ServiceItem]) -> None:
        """The changelist's bulk delete is audited item by item, like a single delete."""
        for obj in queryset:
            audit_admin_change(actor=request.user, obj=obj, verb="delete")
        super().delete_queryset(request, queryset)

    def save_formset(
        self, request: HttpRequest, form: Any, formset: BaseInlineFormSet, change: bool
    ) -> None:
        """Inline materials are catalog data too: audit each one added, changed or deleted."""
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            audit_admin_change(actor=request.user, obj=obj, verb="add")
        for obj, _fields in formset.changed_objects:
            audit_admin_change(actor=request.user, obj=obj, verb="change")
        for obj in formset.deleted_objects:
            audit_admin_change(actor=request.user, obj=obj, verb="delete")


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    """Technical view for administrators: no form content, no personal data."""

    list_display = ("id", "item", "district", "status", "due_date", "submitted_at")
    list_filter = ("status", "district")
    fields = ("item", "district", "channel", "status", "version", "submitted_at", "due_date")
    list_select_related = ("item",)


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(ReadOnlyAdmin):
    list_display = (
        "application_id",
        "seq",
        "action",
        "from_status",
        "to_status",
        "actor_role",
        "at",
    )
    list_filter = ("action",)
    fields = ("application_id", "seq", "action", "from_status", "to_status", "actor_role", "at")


@admin.register(Material)
class MaterialAdmin(ReadOnlyAdmin):
    list_display = ("id", "kind", "content_type", "size", "created_at")
    fields = ("kind", "content_type", "size", "blob_key", "created_at")


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("id", "title", "created_at", "read_at")
    fields = ("title", "created_at", "read_at")
