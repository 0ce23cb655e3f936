"""Insurance records: enrolment, monthly contributions, personal accounts, benefits,
and the dated per-region parameters every rule reads.

Months are stored as the first day of the month (``period = 2025-03-01`` is
2025-03). Money is ``DecimalField`` in yuan with two decimals.
"""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Coalesce

from hrss.registry.models import Employer, Person


def money_field(label: str, *, null: bool = False) -> models.DecimalField:
    """Yuan with two decimals (exact to the fen)."""
    return models.DecimalField(label, max_digits=14, decimal_places=2, null=null, blank=null)


class Insurance(models.TextChoices):
    PENSION = "pension", "企业职工基本养老保险"
    UNEMPLOYMENT = "unemployment", "失业保险"
    WORK_INJURY = "work_injury", "工伤保险"
    MEDICAL = "medical", "职工基本医疗保险(医保部门)"


class Benefit(models.TextChoices):
    PENSION_EMPLOYEE = "pension_employee", "企业职工基本养老金"
    PENSION_RESIDENT = "pension_resident", "城乡居民基本养老金"
    PENSION_PUBLIC = "pension_public", "机关事业单位养老金"
    UNEMPLOYMENT = "unemployment", "失业保险金"
    WORK_INJURY = "work_injury", "工伤保险待遇"


PENSION_BENEFITS = frozenset(
    {Benefit.PENSION_EMPLOYEE, Benefit.PENSION_RESIDENT, Benefit.PENSION_PUBLIC}
)


class Enrolment(models.Model):
    """参保登记: a person insured for one risk, through an employer or as a flexible worker."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="enrolments")
    insurance = models.CharField("险种", max_length=16, choices=Insurance.choices)
    employer = models.ForeignKey(
        Employer, null=True, blank=True, on_delete=models.PROTECT, related_name="enrolments"
    )
    start_month = models.DateField("参保年月")
    end_month = models.DateField("停保年月", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "参保登记"
        verbose_name_plural = "参保登记"
        constraints = [
            models.UniqueConstraint(
                "person",
                "insurance",
                Coalesce("employer", models.Value(0)),
                "start_month",
                name="enrolment_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(end_month__isnull=True)
                | models.Q(end_month__gte=models.F("start_month")),
                name="enrolment_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.insurance} {self.start_month:%Y-%m}"


class Contribution(models.Model):
    """One month's contribution for one person and risk (paid, or in arrears)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="contributions")
    employer = models.ForeignKey(
        Employer, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    insurance = models.CharField("险种", max_length=16, choices=Insurance.choices)
    period = models.DateField("费款所属期")
    base = money_field("缴费基数")
    employer_amount = money_field("单位缴费")
    employee_amount = money_field("个人缴费")
    paid_on = models.DateField("到账日期", null=True, blank=True)

    class Meta:
        verbose_name = "缴费记录"
        verbose_name_plural = "缴费记录"
        constraints = [
            models.UniqueConstraint(
                "person",
                "insurance",
                "period",
                Coalesce("employer", models.Value(0)),
                name="contribution_unique",
            ),
        ]
        indexes = [models.Index(fields=["person", "insurance", "period"])]

    def __str__(self) -> str:
        return f"{self.insurance} {self.period:%Y-%m}"


class PersonalAccount(models.Model):
    """个人账户: the pension personal account, one row per person and year."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="personal_accounts")
    year = models.PositiveSmallIntegerField("年度")
    opening_balance = money_field("上年结转")
    credited = money_field("本年记账")
    interest = money_field("本年利息")
    closing_balance = money_field("年末余额")

    class Meta:
        verbose_name = "个人账户"
        verbose_name_plural = "个人账户"
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="account_year_unique")
        ]

    def __str__(self) -> str:
        return f"account {self.year}"


class BenefitPayment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="benefit_payments")
    benefit = models.CharField("待遇类型", max_length=20, choices=Benefit.choices)
    period = models.DateField("待遇所属期")
    amount = money_field("金额")
    region = models.CharField("发放地", max_length=6)
    paid_on = models.DateField("发放日期")

    class Meta:
        verbose_name = "待遇发放"
        verbose_name_plural = "待遇发放"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "benefit", "period", "region"], name="benefit_payment_unique"
            ),
        ]
        indexes = [models.Index(fields=["benefit", "period"])]

    def __str__(self) -> str:
        return f"{self.benefit} {self.period:%Y-%m}"


class ParameterName(models.TextChoices):
    AVERAGE_MONTHLY_WAGE = "average_monthly_wage", "全口径城镇单位就业人员月平均工资(元)"
    CONTRIBUTION_BASE_FLOOR = "contribution_base_floor", "缴费基数下限(元/月)"
    CONTRIBUTION_BASE_CEILING = "contribution_base_ceiling", "缴费基数上限(元/月)"
    BASE_FLOOR_RATIO = "base_floor_ratio", "缴费基数下限比例"
    BASE_CEILING_RATIO = "base_ceiling_ratio", "缴费基数上限比例"
    MINIMUM_MONTHLY_WAGE = "minimum_monthly_wage", "最低工资标准(元/月)"
    UNEMPLOYMENT_BENEFIT_RATIO = "unemployment_benefit_ratio", "失业保险金占最低工资比例"
    PERSONAL_ACCOUNT_INTEREST_RATE = "personal_account_interest_rate", "个人账户记账利率"
    PENSION_EMPLOYER_RATE = "pension_employer_rate", "养老保险单位费率"
    PENSION_EMPLOYEE_RATE = "pension_employee_rate", "养老保险个人费率"
    UNEMPLOYMENT_EMPLOYER_RATE = "unemployment_employer_rate", "失业保险单位费率"
    UNEMPLOYMENT_EMPLOYEE_RATE = "unemployment_employee_rate", "失业保险个人费率"
    WORK_INJURY_BASE_RATE = "work_injury_base_rate", "工伤保险行业基准费率(按风险类别)"
    PENSION_PAYMENT_MONTHS = "pension_payment_months", "个人账户养老金计发月数(子项为退休年龄)"
    PENSION_PAYMENT_MONTHS_METHOD = (
        "pension_payment_months_method",
        "非整岁退休计发月数取值方法(0=按整岁,1=按月插值)",
    )
    TRANSITIONAL_PENSION_COEFFICIENT = "transitional_pension_coefficient", "过渡性养老金计发系数"
    PENSION_MIN_CONTRIBUTION_MONTHS = (
        "pension_min_contribution_months",
        "按月领取基本养老金最低缴费月数",
    )
    TRANSFER_POOLED_FUND_RATIO = "transfer_pooled_fund_ratio", "转移接续统筹基金划转比例"
    TRANSFER_STEP_WORKING_DAYS = "transfer_step_working_days", "转移接续每一环节时限(工作日)"
    TRANSFER_CASE_WORKING_DAYS = "transfer_case_working_days", "转移接续全程时限(工作日)"
    CERTIFICATION_VALID_MONTHS = "certification_valid_months", "待遇资格认证有效期(月)"
    CERTIFICATION_WARNING_MONTHS = "certification_warning_months", "未认证提醒后暂停发放的期限(月)"


class Parameter(models.Model):
    """A dated, per-region policy value. ``key`` qualifies it (e.g. a risk class).

    ``region`` 420000 applies province-wide unless a more specific region has its
    own row in force; a prefecture's row applies to its counties likewise.
    """

    name = models.CharField("参数", max_length=40, choices=ParameterName.choices)
    key = models.CharField("子项", max_length=16, blank=True, default="")
    region = models.CharField("适用地区", max_length=6, default="420000")
    valid_from = models.DateField("生效日期")
    valid_to = models.DateField("失效日期", null=True, blank=True, help_text="空表示仍有效")
    value = models.DecimalField("数值", max_digits=18, decimal_places=6)
    note = models.CharField("依据", max_length=200, blank=True)

    class Meta:
        verbose_name = "政策参数"
        verbose_name_plural = "政策参数"
        ordering = ["name", "key", "region", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "key", "region", "valid_from"], name="parameter_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}[{self.key}] {self.region} {self.valid_from}: {self.value}"
