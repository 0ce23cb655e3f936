"""Medical claims: an external feed from the medical-insurance (医保) system, kept
for monitoring rules (分解住院, 串换, 回流药 ...). HRSS does not settle claims."""

from __future__ import annotations

from django.db import models

from hrss.registry.models import Person


class VisitType(models.TextChoices):
    OUTPATIENT = "outpatient", "门诊"
    INPATIENT = "inpatient", "住院"


class ItemType(models.TextChoices):
    DRUG = "drug", "药品"
    SERVICE = "service", "诊疗项目"
    MATERIAL = "material", "医用耗材"


class Restriction(models.TextChoices):
    NONE = "", "无"
    MALE_ONLY = "male_only", "限男性"
    FEMALE_ONLY = "female_only", "限女性"
    CHILD_ONLY = "child_only", "限儿童"
    WORK_INJURY_ONLY = "work_injury_only", "限工伤保险"
    MATERNITY_ONLY = "maternity_only", "限生育保险"


class Claim(models.Model):
    claim_id = models.CharField("结算单号", max_length=40, unique=True)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="claims")
    institution_code = models.CharField("定点医药机构", max_length=30)
    institution_region = models.CharField("机构所在地", max_length=6)
    visit_type = models.CharField("就诊类型", max_length=12, choices=VisitType.choices)
    admission_date = models.DateField("入院(就诊)日期")
    discharge_date = models.DateField("出院日期", null=True, blank=True)
    diagnosis = models.CharField("诊断(ICD-10)", max_length=16)
    total_amount = models.DecimalField("总费用", max_digits=14, decimal_places=2)
    fund_amount = models.DecimalField("统筹支付", max_digits=14, decimal_places=2)
    settled_on = models.DateField("结算日期")

    class Meta:
        verbose_name = "医疗结算单"
        verbose_name_plural = "医疗结算单"
        indexes = [models.Index(fields=["person", "admission_date"])]

    def __str__(self) -> str:
        return self.claim_id


class ClaimItem(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="items")
    line_key = models.CharField(
        max_length=64, help_text="SM3 of the line's columns (idempotent re-import)"
    )
    item_code = models.CharField("项目编码", max_length=40)
    item_name = models.CharField("项目名称", max_length=120)
    item_type = models.CharField("类别", max_length=10, choices=ItemType.choices)
    quantity = models.DecimalField("数量", max_digits=12, decimal_places=3)
    unit_price = models.DecimalField("单价", max_digits=14, decimal_places=4)
    days_supply = models.PositiveIntegerField("用药天数", null=True, blank=True)
    trace_code = models.CharField("药品追溯码", max_length=40, blank=True, db_index=True)
    restriction = models.CharField("限定", max_length=20, choices=Restriction.choices, blank=True)

    class Meta:
        verbose_name = "结算明细"
        verbose_name_plural = "结算明细"
        constraints = [
            models.UniqueConstraint(fields=["claim", "line_key"], name="claim_item_line_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item_code} × {self.quantity}"
