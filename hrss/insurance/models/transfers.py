"""养老保险关系转移接续 (国办发〔2009〕66号): the case and its timeline."""

from __future__ import annotations

from django.db import models

from hrss.insurance.models.records import money_field
from hrss.insurance.workflow import TransferAction, TransferStatus
from hrss.registry.models import Person


class PensionTransfer(models.Model):
    """A transfer between two 统筹地区 (possibly two regions of this installation)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="pension_transfers")
    from_region = models.CharField("转出地", max_length=6)
    to_region = models.CharField("转入地", max_length=6)
    status = models.CharField("状态", max_length=12, choices=TransferStatus.choices)
    applied_on = models.DateField("申请日期")
    accepted_on = models.DateField("同意接收日期", null=True, blank=True)
    sent_on = models.DateField("转出日期", null=True, blank=True)
    completed_on = models.DateField("办结日期", null=True, blank=True)
    closed_on = models.DateField("终止日期", null=True, blank=True)
    account_amount = money_field("转移个人账户储存额", null=True)
    pooled_amount = money_field("转移统筹基金", null=True)
    contribution_months = models.PositiveSmallIntegerField("转移缴费月数", null=True)
    bases_total = money_field("1998年起缴费基数合计", null=True)
    note = models.CharField("说明", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "养老保险关系转移"
        verbose_name_plural = "养老保险关系转移"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status__in=["applied", "accepted", "sent"]),
                name="one_open_pension_transfer",
            ),
        ]

    def __str__(self) -> str:
        return f"transfer #{self.pk} {self.from_region}→{self.to_region}"


class PensionTransferEvent(models.Model):
    """One row per transition: the progress a person sees is a query over these."""

    transfer = models.ForeignKey(PensionTransfer, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=TransferStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=TransferStatus.choices)
    action = models.CharField(max_length=12, choices=TransferAction.choices)
    actor_name = models.CharField("操作人", max_length=150)
    at = models.DateTimeField("时间")
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "转移接续进度"
        verbose_name_plural = "转移接续进度"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.to_status}"
