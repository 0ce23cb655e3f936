"""``hrss demo_totp USER``: print the current TOTP code of a demo staff account.

Demo only: refused unless the platform runs on development keys.
"""

from __future__ import annotations

from typing import Any

import pyotp
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.iam import totp
from hrss.iam.models import Account


class Command(BaseCommand):
    help = "演示用:显示演示工作人员账户当前的动态验证码"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.DEBUG or "insecure" in settings.SECRET_KEY):
            raise CommandError("demo_totp only runs with development keys")
        account = Account.objects.filter(username=options["username"]).first()
        if account is None or not account.totp_secret_enc:
            raise CommandError("no such demo staff account with a TOTP secret")
        secret = totp.decrypt_secret(bytes(account.totp_secret_enc))
        self.stdout.write(pyotp.TOTP(secret).now())
