"""``hrss create_account USERNAME --role caseworker --district 420106 [--password-from-env VAR]``.

Creates an account through :func:`hrss.iam.services.account_create` (rules,
audit). For staff roles it also enrols TOTP and prints the provisioning URI
(and, with ``--qr``, a QR code for the terminal) exactly once: hand it to the
person in private, it is the second factor itself.
"""

from __future__ import annotations

import getpass
import io
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.core.actors import SystemActor
from hrss.core.errors import DomainError, ValidationFailed
from hrss.iam.models import STAFF_ROLES, Role
from hrss.iam.services import account_create, account_enrol_totp


def _describe(error: DomainError) -> str:
    if isinstance(error, ValidationFailed):
        return "\n".join(f"- {e.message}" for e in error.errors)
    return error.message


class Command(BaseCommand):
    help = "创建账户;工作人员账户同时绑定动态验证码 (create an account, enrol TOTP for staff)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--district", default="", help="GB/T 2260 code, e.g. 420106")
        parser.add_argument("--employer-uscc", default="")
        parser.add_argument(
            "--password-from-env", metavar="VAR", help="read the password from this variable"
        )
        parser.add_argument("--qr", action="store_true", help="also draw the TOTP QR code")

    def _password(self, options: dict[str, Any]) -> str:
        var = options["password_from_env"]
        if var:
            password = os.environ.get(var, "")
            if not password:
                raise CommandError(f"environment variable {var} is empty or not set")
            return password
        first = getpass.getpass("密码 Password: ")
        if first != getpass.getpass("再次输入 Again: "):
            raise CommandError("两次输入的密码不一致 (passwords differ)")
        return first

    def handle(self, *args: Any, **options: Any) -> None:
        actor = SystemActor(f"cli:{os.environ.get('USER', 'operator')}"[:150])
        try:
            account = account_create(
                username=options["username"],
                password=self._password(options),
                role=options["role"],
                district=options["district"],
                employer_uscc=options["employer_uscc"],
                actor=actor,
            )
        except DomainError as error:
            raise CommandError(_describe(error)) from None
        self.stdout.write(f"created {account.username} ({account.role}) id={account.pk}")
        if account.role in STAFF_ROLES:
            uri = account_enrol_totp(account=account, actor=actor)
            self.stdout.write("TOTP (shown once; add it to an authenticator app):")
            self.stdout.write(uri)
            if options["qr"]:
                self._draw_qr(uri)

    def _draw_qr(self, uri: str) -> None:
        import qrcode

        qr = qrcode.QRCode(border=1)
        qr.add_data(uri)
        buffer = io.StringIO()
        qr.print_ascii(out=buffer, invert=True)
        self.stdout.write(buffer.getvalue())
