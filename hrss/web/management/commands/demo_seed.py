"""``hrss demo_seed``: persona accounts and a small city for the laptop demo."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hrss.web.demo import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "演示数据:创建演示账户和少量人员、单位、缴费记录 (demo accounts and records)"

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.DEBUG or "insecure" in settings.SECRET_KEY):
            raise CommandError(
                "demo_seed only runs with development keys (HRSS_INSECURE_DEV_KEYS=1)"
            )
        uris = seed_demo()
        self.stdout.write(f"演示账户密码 / demo password: {DEMO_PASSWORD}")
        for username, uri in uris.items():
            self.stdout.write(f"  {username}: TOTP {uri}")
        if not uris:
            self.stdout.write("  (accounts existed already; `hrss demo_totp USER` prints a code)")
