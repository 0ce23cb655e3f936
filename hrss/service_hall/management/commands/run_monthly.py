"""``hrss run_monthly --period YYYY-MM``: the monthly run across areas.

Pays the month's 失业保险金 (stopping claims on re-employment or death), closes the
失业登记 of people an employer has since filed a job for, then delivers the outbox
notices (in-app messages and SMS). Idempotent: a second run for the same month pays
nothing twice and sends nothing twice. Exit 0 on success.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.core.actors import SystemActor
from hrss.core.errors import DomainError
from hrss.service_hall.jobs import monthly_run


class Command(BaseCommand):
    help = "月度批处理:失业保险金发放、失业登记维护、通知送达 (monthly run)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="the month, YYYY-MM")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = monthly_run(actor=SystemActor("run_monthly:cli"), period=options["period"])
        except DomainError as error:
            raise CommandError(error.message) from None
        pay, sent = result.pay, result.delivered
        self.stdout.write(
            f"{pay.period:%Y-%m}: 失业保险金发放 {pay.paid} 人(已发放 {pay.already_paid}),"
            f"停发 {len(pay.stopped)},期满 {len(pay.exhausted)};"
            f"终止失业登记 {result.registrations_closed};"
            f"送达通知 {sent.notices} 条(站内消息 {sent.notifications},短信 {sent.sms})"
        )
