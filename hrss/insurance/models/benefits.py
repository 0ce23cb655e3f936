"""Benefit claims: the monthly pension (按月领取基本养老金) and the unemployment benefit.

A claim is the decision (who, from when, how much, why); each month's money is a
``BenefitPayment`` row. One pension claim in force (active or suspended) and one
active unemployment claim per person, enforced by partial unique indexes.
"""

from __future__ import annotations

from django.db import models

from hrss.insurance.models.records import money_field
from hrss.insurance.pension import RetirementCategory
from hrss.registry.models import Person


class PensionClaimStatus(models.TextChoices):
    ACTIVE = "active", "正常发放"
    SUSPENDED = "suspended", "暂停发放"
    STOPPED = "stopped", "终止发放"


class PensionClaim(models.Model):
    """按月领取基本养老金 (企业职工), with the calculation as it was shown to the person."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="pension_claims")
    category = models.CharField("人员类别", max_length=16, choices=RetirementCategory.choices)
    retirement_month = models.DateField("退休年月")
    start_month = models.DateField("待遇起始年月")
    region = models.CharField("待遇领取地", max_length=6)
    basic_amount = money_field("基础养老金")
    account_amount = money_field("个人账户养老金")
    transitional_amount = money_field("过渡性养老金")
    monthly_amount = money_field("月基本养老金")
    calculation = models.JSONField("计算过程", default=list)
    status = models.CharField(
        "状态", max_length=12, choices=PensionClaimStatus.choices, default="active"
    )
    status_reason = models.CharField("状态原因", max_length=100, blank=True)
    status_changed_on = models.DateField("状态变更日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "养老金待遇"
        verbose_name_plural = "养老金待遇"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status__in=["active", "suspended"]),
                name="one_pension_claim_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"pension claim #{self.pk} {self.status}"


class UnemploymentClaimStatus(models.TextChoices):
    ACTIVE = "active", "领取中"
    STOPPED = "stopped", "停止领取"
    EXHAUSTED = "exhausted", "期满"


class StopReason(models.TextChoices):
    REEMPLOYED = "reemployed", "重新就业"
    DEATH = "death", "死亡"
    PENSION = "pension", "开始领取基本养老金"
    OTHER = "other", "其他"


class UnemploymentBenefitClaim(models.Model):
    """失业保险金 (失业保险条例 第14/17/18条): months granted and the monthly amount."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="unemployment_claims")
    region = models.CharField("发放地", max_length=6)
    start_month = models.DateField("起始年月")
    months_granted = models.PositiveSmallIntegerField("核定领取月数")
    monthly_amount = money_field("月失业保险金")
    contribution_months = models.PositiveSmallIntegerField("计算期限的缴费月数")
    carried_months = models.PositiveSmallIntegerField("合并计算的前次未领月数", default=0)
    status = models.CharField(
        "状态", max_length=12, choices=UnemploymentClaimStatus.choices, default="active"
    )
    stop_reason = models.CharField(
        "停发原因", max_length=12, choices=StopReason.choices, blank=True
    )
    stop_note = models.CharField("停发说明", max_length=200, blank=True)
    stopped_from = models.DateField("停发起始年月", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "失业保险金待遇"
        verbose_name_plural = "失业保险金待遇"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status="active"),
                name="one_active_unemployment_claim",
            ),
            models.CheckConstraint(
                condition=models.Q(months_granted__gte=1, months_granted__lte=24),
                name="unemployment_months_1_to_24",
            ),
        ]
        indexes = [models.Index(fields=["status", "start_month"])]

    def __str__(self) -> str:
        return f"unemployment claim #{self.pk} {self.status}"
