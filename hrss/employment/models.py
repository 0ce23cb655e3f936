"""就业失业登记 and the 《就业创业证》.

A person's employment status as the public employment service knows it: one
**active** registration at a time — 就业登记 (employed, including flexible work and
self-employment) or 失业登记 (registered unemployed, at the place of habitual residence).
Registering one kind ends the other; the history stays. The first 失业登记 issues a
《就业创业证》, whose number never changes (one card per person, for life).

Legal basis: 《中华人民共和国就业促进法》; 《就业服务与就业管理规定》 第六十一条至第六十四条
(就业登记, 失业登记 at the 常住地, 《就业创业证》).
"""

from __future__ import annotations

from django.db import models

from hrss.registry.models import Employer, Person


class RegistrationKind(models.TextChoices):
    EMPLOYMENT = "employment", "就业登记"
    UNEMPLOYMENT = "unemployment", "失业登记"


class RegistrationStatus(models.TextChoices):
    ACTIVE = "active", "有效"
    ENDED = "ended", "已终止"


class RegistrationEndReason(models.TextChoices):
    EMPLOYED = "employed", "实现就业"
    UNEMPLOYED = "unemployed", "办理失业登记"
    OTHER = "other", "其他"


class HardshipReason(models.TextChoices):
    """就业困难人员 categories (就业促进法 第五十二条; the exact list is the province's)."""

    DISABLED = "disabled", "残疾人"
    LOW_INCOME = "low_income", "城乡低保家庭成员"
    OLDER_WORKER = "older_worker", "大龄失业人员(女40周岁以上、男50周岁以上)"
    LONG_TERM = "long_term", "连续失业一年以上"
    LAND_LOST = "land_lost", "失去土地的农民"
    ZERO_EMPLOYMENT_FAMILY = "zero_employment_family", "零就业家庭成员"
    OTHER = "other", "省级规定的其他情形"


class EmploymentRegistration(models.Model):
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="employment_registrations"
    )
    kind = models.CharField("登记类别", max_length=12, choices=RegistrationKind.choices)
    registered_on = models.DateField("登记日期")
    region = models.CharField("登记地(常住地)", max_length=6)
    employer = models.ForeignKey(
        Employer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="就业单位",
        help_text="就业登记时的用人单位;灵活就业、自主创业为空",
    )
    status = models.CharField(
        "状态",
        max_length=8,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.ACTIVE,
    )
    ended_on = models.DateField("终止日期", null=True, blank=True)
    end_reason = models.CharField(
        "终止原因", max_length=12, choices=RegistrationEndReason.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "就业失业登记"
        verbose_name_plural = "就业失业登记"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status="active"),
                name="one_active_employment_registration",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("registered_on")),
                name="registration_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "status", "region"], name="registration_count_idx"),
            models.Index(fields=["person", "registered_on"], name="registration_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} {self.status}"


class EntrepreneurshipCard(models.Model):
    """《就业创业证》. Number: 6-digit region of issue + 4-digit year + 6-digit sequence
    of that region and year, e.g. ``4201062026000123`` (see ``numbers.py``)."""

    person = models.OneToOneField(
        Person, on_delete=models.PROTECT, related_name="entrepreneurship_card"
    )
    number = models.CharField("证号", max_length=16, unique=True)
    region = models.CharField("发证地", max_length=6)
    issued_on = models.DateField("发证日期")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "就业创业证"
        verbose_name_plural = "就业创业证"

    def __str__(self) -> str:
        return f"就业创业证 {self.region}…{self.number[-4:]}"
