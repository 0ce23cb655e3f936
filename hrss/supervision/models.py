"""Medical claims: an external feed from the medical-insurance (医保) system, kept
for monitoring rules (分解住院, 串换, 回流药 ...). HRSS does not settle claims.

Screening runs, the cases their hits open, and the cases' events; proactive-service
tasks (政策找人) and the messages they leave for the person (see README.md).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from hrss.registry.models import Person
from hrss.supervision.workflow import CaseAction, CaseStatus


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


# --- Screening: runs, cases and their events -------------------------------------------


class ScreeningRun(models.Model):
    """One run of the screening job: which rules, on which engine, what it found."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "运行中"
        FINISHED = "finished", "已完成"
        FAILED = "failed", "失败"

    started_at = models.DateTimeField("开始时间")
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    engine = models.CharField("计算引擎", max_length=16)
    rules = models.CharField("规则", max_length=200)
    as_of = models.DateField("筛查基准日")
    status = models.CharField("状态", max_length=12, choices=Status.choices)
    hits = models.PositiveIntegerField("命中", default=0)
    opened = models.PositiveIntegerField("新立案件", default=0)
    seen_again = models.PositiveIntegerField("再次命中", default=0)
    unresolved = models.PositiveIntegerField("无法对应", default=0)
    actor_name = models.CharField("发起人", max_length=150)
    message = models.TextField("说明", blank=True)
    # What the job is doing now and how far it is (0–100), updated by the job itself,
    # so that the supervisors' page can show a progress bar and be left and come back to.
    stage = models.CharField("当前步骤", max_length=80, blank=True)
    progress = models.PositiveSmallIntegerField("进度(%)", default=0)
    tasks_opened = models.PositiveIntegerField("新增主动服务任务", default=0)

    class Meta:
        verbose_name = "筛查批次"
        verbose_name_plural = "筛查批次"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"run #{self.pk} {self.engine} {self.as_of}"


class ScreeningCase(models.Model):
    """A screening hit under investigation: one open case per rule and subject."""

    rule = models.CharField("规则", max_length=3, db_index=True)
    subject_kind = models.CharField("对象类型", max_length=8)  # person, employer, claim
    # The blind index (persons), USCC (employers) or claim_id (claims): never an ID number.
    subject_key = models.CharField("对象", max_length=64)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="screening_cases"
    )
    employer = models.ForeignKey(
        "registry.Employer", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.PROTECT, related_name="screening_cases"
    )
    status = models.CharField("状态", max_length=16, choices=CaseStatus.choices)
    detail = models.TextField("线索")
    district = models.CharField("管辖地", max_length=6, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    amount_to_recover = models.DecimalField(
        "应追回金额", max_digits=14, decimal_places=2, null=True, blank=True
    )
    amount_recovered = models.DecimalField(
        "已追回金额", max_digits=14, decimal_places=2, default=Decimal("0.00")
    )
    dismiss_reason = models.CharField("排除理由", max_length=200, blank=True)
    first_seen = models.DateTimeField("首次发现")
    last_seen = models.DateTimeField("最近命中")
    first_run = models.ForeignKey(
        ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_run = models.ForeignKey(
        ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "监管案件"
        verbose_name_plural = "监管案件"
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "subject_key"],
                condition=~models.Q(status="closed"),
                name="one_open_case_per_rule_subject",
            ),
        ]
        indexes = [models.Index(fields=["district", "status"])]

    def __str__(self) -> str:
        return f"{self.rule} case #{self.pk}"


class CaseEvent(models.Model):
    """One step of a case (the progress shown to staff is a query over these rows)."""

    case = models.ForeignKey(ScreeningCase, on_delete=models.PROTECT, related_name="events")
    action = models.CharField("操作", max_length=24, choices=CaseAction.choices)
    from_status = models.CharField("原状态", max_length=16, blank=True)
    to_status = models.CharField("新状态", max_length=16)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_name = models.CharField("操作人", max_length=150)
    at = models.DateTimeField("时间")
    note = models.CharField("说明", max_length=200, blank=True)
    amount = models.DecimalField("金额", max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "案件记录"
        verbose_name_plural = "案件记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d}"


# --- Proactive service (政策找人): tasks for staff, messages for the person -----------------


class ProactiveKind(models.TextChoices):
    """Why a person is approached, and which service item the message offers."""

    ENROL = "enrol", "参保登记提醒"  # F07: employed > 30 days without pension enrolment
    CARD = "card", "社会保障卡申领提醒"  # F08: insured without an active card
    PENSION = "pension", "养老金待遇申领提醒"  # statutory age reached, enough contribution


class ProactiveTask(models.Model):
    """A person the platform should approach (主动服务): one open task per kind and person."""

    class Status(models.TextChoices):
        OPEN = "open", "待办"
        DONE = "done", "已办结"

    kind = models.CharField("类型", max_length=12, choices=ProactiveKind.choices)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="proactive_tasks")
    district = models.CharField("管辖地", max_length=6, db_index=True)
    status = models.CharField("状态", max_length=8, choices=Status.choices, default="open")
    source = models.CharField("来源", max_length=8)  # the rule code, or "RET" (age reached)
    item_code = models.CharField("服务事项编码", max_length=10)
    detail = models.TextField("说明")
    first_run = models.ForeignKey(
        ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_run = models.ForeignKey(
        ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("生成时间")
    last_seen = models.DateTimeField("最近命中")
    done_at = models.DateTimeField("办结时间", null=True, blank=True)
    done_by = models.CharField("办结人", max_length=150, blank=True)
    done_note = models.CharField("办结说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "主动服务任务"
        verbose_name_plural = "主动服务任务"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "person"],
                condition=models.Q(status="open"),
                name="one_open_proactive_task_per_kind_person",
            ),
        ]
        indexes = [models.Index(fields=["district", "status", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} task #{self.pk}"


class ProactiveMessage(models.Model):
    """ "您可以申请…": the portal lists these for the person, each with a one-click start
    of the service item (``item_code``). One message per task."""

    task = models.OneToOneField(ProactiveTask, on_delete=models.CASCADE, related_name="message")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="proactive_messages")
    item_code = models.CharField("服务事项编码", max_length=10)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("内容")
    created_at = models.DateTimeField("生成时间")
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "主动服务消息"
        verbose_name_plural = "主动服务消息"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["person", "read_at"], name="proactive_message_inbox")]

    def __str__(self) -> str:
        return self.title
