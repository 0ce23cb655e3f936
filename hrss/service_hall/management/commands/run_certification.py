"""``hrss run_certification --on YYYY-MM-DD [--card-use-days N]``: 待遇资格认证.

Feeds the card uses of the last N days (default 31) as certification evidence, runs
the certification (silent renewal, reminders, suspensions after the warning period,
resumptions), then delivers the outbox notices. Idempotent for a day. Exit 0 on success.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.core.actors import SystemActor
from hrss.core.errors import DomainError
from hrss.core.parsing import parse_date
from hrss.service_hall.jobs import CARD_USE_DAYS, certification_job


class Command(BaseCommand):
    help = "待遇资格认证批处理:用卡记录比对、提醒、暂停、恢复、通知送达"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--on", required=True, help="the day, YYYY-MM-DD")
        parser.add_argument("--card-use-days", type=int, default=CARD_USE_DAYS)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["card_use_days"] < 0:
            raise CommandError("--card-use-days must not be negative")
        try:
            on = parse_date(options["on"], field="on")
            result = certification_job(
                actor=SystemActor("run_certification:cli"),
                on=on,
                card_use_days=options["card_use_days"],
            )
        except DomainError as error:
            raise CommandError(error.message) from None
        run, sent = result.run, result.delivered
        self.stdout.write(
            f"{on:%Y-%m-%d}: 用卡认证依据 {result.evidence} 条;认证续期 {run.renewed},"
            f"提醒 {len(run.reminded)},暂停 {len(run.suspended)},恢复 {len(run.resumed)},"
            f"死亡停发 {len(run.deceased)};送达通知 {sent.notices} 条"
            f"(站内消息 {sent.notifications},短信 {sent.sms})"
        )
