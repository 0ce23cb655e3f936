"""Errors of the accounts area (codes ``iam.*``).

Messages are Chinese msgids marked with ``gettext_noop`` and translated when the
error is raised, so a page shown in English gets English, and the API and the
command line get the active language (Chinese by default).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_noop

from hrss.core.errors import Conflict, DomainError


class IamError(DomainError):
    default_code = "iam.error"
    default_message = gettext_noop("账户操作无法完成")

    def __init__(
        self,
        code: str | None = None,
        message: str | None = None,
        *,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(code, message or gettext(self.default_message), extra=extra)


class AuthenticationFailed(IamError):
    """Login refused. Nothing about the account beyond the code is revealed."""

    status = 401
    default_code = "iam.authentication_failed"
    default_message = gettext_noop("登录失败")


class BadCredentials(AuthenticationFailed):
    # Unknown user and wrong password give this same answer (no account enumeration).
    default_code = "iam.bad_credentials"
    default_message = gettext_noop("用户名或密码错误")


class SecondFactorRequired(AuthenticationFailed):
    default_code = "iam.second_factor_required"
    default_message = gettext_noop("工作人员登录须填写动态验证码")


class BadSecondFactor(AuthenticationFailed):
    default_code = "iam.bad_second_factor"
    default_message = gettext_noop("动态验证码错误或已使用,请等待验证器刷新后输入新的 6 位数字")


class SecondFactorNotEnrolled(AuthenticationFailed):
    default_code = "iam.second_factor_not_enrolled"
    default_message = gettext_noop("该账户尚未绑定动态验证码,请联系系统管理员办理")


class AccountLocked(AuthenticationFailed):
    status = 403
    default_code = "iam.locked"
    default_message = gettext_noop("登录失败次数过多,账户已被锁定,请稍后再试")


class AccountInvalid(IamError):
    default_code = "iam.invalid"
    default_message = gettext_noop("账户信息有误")


class UsernameTaken(Conflict):
    default_code = "iam.username_taken"
    default_message = gettext_noop("该用户名已被使用,请换一个")

    def __init__(self) -> None:
        super().__init__(message=gettext(self.default_message))
