"""Admin helpers shared by the areas: read-only tables and audited edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that change only through services (so every change is audited)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


AuditHook = Callable[..., Any]


class AuditedAdmin(admin.ModelAdmin):
    """Editable reference data; each save or delete goes through ``audit_hook``."""

    audit_hook: AuditHook | None = None

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if self.audit_hook:
            self.audit_hook(actor=request.user, obj=obj, verb="change" if change else "add")

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        if self.audit_hook:
            self.audit_hook(actor=request.user, obj=obj, verb="delete")
        super().delete_model(request, obj)
