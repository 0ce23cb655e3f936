"""Login form: username, password and the 动态验证码 (TOTP) for staff."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hrss.iam.errors import AuthenticationFailed

# Which field an authentication error is shown next to ('' = above the form).
ERROR_FIELDS = {
    "iam.bad_credentials": "password",
    "iam.second_factor_required": "totp_code",
    "iam.bad_second_factor": "totp_code",
    "iam.second_factor_not_enrolled": "totp_code",
}


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("用户名"),
        max_length=150,
        error_messages={"required": _("请填写用户名")},
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    password = forms.CharField(
        label=_("密码"),
        strip=False,
        error_messages={"required": _("请填写密码")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    totp_code = forms.CharField(
        label=_("动态验证码"),
        required=False,
        max_length=8,
        help_text=_("打开手机上的验证器应用,输入显示的 6 位数字。参保人和单位经办人不用填写。"),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": "8"}
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def full_clean(self) -> None:
        super().full_clean()
        self._mark_invalid()

    def _mark_invalid(self) -> None:
        """Tie each error to its input for screen readers (aria-invalid, aria-describedby)."""
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described = {*attrs.get("aria-describedby", "").split(), f"id_{name}-error"}
            attrs["aria-describedby"] = " ".join(sorted(described))

    def clean_totp_code(self) -> str:
        code = "".join(self.cleaned_data.get("totp_code", "").split())
        if code and (len(code) != 6 or not code.isdigit()):
            raise forms.ValidationError(_("动态验证码是 6 位数字,请核对后重新输入"))
        return code

    def add_authentication_error(self, error: AuthenticationFailed) -> None:
        """Show a refused login next to the field it concerns, in plain words."""
        self.add_error(ERROR_FIELDS.get(error.code), error.message)
        self._mark_invalid()
