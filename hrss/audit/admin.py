from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hrss.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    """Read-only: the log is append-only for everyone, administrators included."""

    list_display = ("id", "at", "actor_name", "actor_role", "action", "object_type", "outcome")
    list_filter = ("action", "outcome", "actor_role")
    search_fields = ("actor_name", "action", "object_id")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
