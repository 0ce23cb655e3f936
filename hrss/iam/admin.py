"""Django admin for accounts, and the admin site's door policy.

* Login goes through our own page (password + TOTP for staff), never the admin's form.
* Only active administrators (role ``administrator`` with ``is_staff``) may enter.
* Password hashes and TOTP secrets are never shown.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from hrss.iam.models import Account, Role
from hrss.iam.services import account_update, role_district_errors
from hrss.iam.views import admin_login_redirect, admin_logout


def administrators_only(request: HttpRequest) -> bool:
    user = request.user
    return bool(
        user.is_active and user.is_staff and getattr(user, "role", None) == Role.ADMINISTRATOR
    )


admin.site.login = admin_login_redirect  # type: ignore[method-assign]
admin.site.logout = admin_logout  # type: ignore[method-assign,assignment]
admin.site.has_permission = administrators_only  # type: ignore[method-assign]
admin.site.site_header = "湖北省人力资源和社会保障厅 · 系统管理"
admin.site.site_title = "一网通办 · 系统管理"
admin.site.index_title = "系统管理"


class AccountAdminForm(forms.ModelForm[Account]):
    class Meta:
        model = Account
        fields = ("role", "district", "employer_uscc", "is_active")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        errors = role_district_errors(role=data.get("role", ""), district=data.get("district", ""))
        for error in errors:
            self.add_error(error.extra.get("field"), error.message)
        return data


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin[Account]):
    form = AccountAdminForm
    list_display = ("username", "role", "district", "is_active", "last_login")
    list_filter = ("role", "is_active")
    search_fields = ("username", "district")
    ordering = ("username",)
    # No password hash, no TOTP secret, no lock bookkeeping in the form; people's data
    # links (person_index) are not for administrators to browse.
    fields = ("username", "role", "district", "employer_uscc", "is_active", "last_login")
    readonly_fields = ("username", "last_login")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Accounts are created with `hrss create_account` (validation, TOTP enrolment, audit).
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Account | None = None) -> bool:
        # Deactivate instead: audit rows keep pointing to the account.
        return False

    def save_model(self, request: HttpRequest, obj: Account, form: Any, change: bool) -> None:
        # The form already applied the rules; the service writes and audits.
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        if changes:
            account_update(account=obj, changes=changes, actor=request.user)  # type: ignore[arg-type]
