"""Applications (申请/办件) and their event rows (the timeline).

Progress shown to anyone is a query over :class:`ApplicationEvent`; the ``status``
column is the current state the services move with the transition table
(:mod:`hrss.service_hall.workflow`), under a row lock and an optimistic ``version``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hrss.service_hall.models.catalog import ServiceItem
from hrss.service_hall.workflow import Action, Status


class ApplicationChannel(models.TextChoices):
    ONLINE = "online", "网上申请"
    WINDOW = "window", "窗口申请"


class Application(models.Model):
    item = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applications"
    )
    person = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    employer = models.ForeignKey(
        "registry.Employer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    district = models.CharField("办理地", max_length=6, help_text="申请人所属管辖地")
    channel = models.CharField(
        "申请渠道",
        max_length=10,
        choices=ApplicationChannel.choices,
        default=ApplicationChannel.ONLINE,
    )
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField("版本", default=1)
    form = models.JSONField("申请表", default=dict, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_applications",
        help_text="初审经办人(复核人不能是此人)",
    )
    created_at = models.DateTimeField("创建时间")
    submitted_at = models.DateTimeField("首次提交时间", null=True, blank=True)
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    due_date = models.DateField("办结期限", null=True, blank=True)
    clock_paused_on = models.DateField(
        "计时暂停日", null=True, blank=True, help_text="受理后退回补正之日;补正期间不计时"
    )
    paused_working_days = models.PositiveIntegerField("暂停计时工作日数", default=0)
    completed_at = models.DateTimeField("办结时间", null=True, blank=True)
    closed_at = models.DateTimeField("终结时间", null=True, blank=True)
    result = models.TextField("办理结果", blank=True)
    idempotency_key = models.CharField(max_length=255, blank=True)
    request_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "申请"
        verbose_name_plural = "申请"
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="application_idempotency_key_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["district", "status", "due_date"], name="application_queue_idx"),
            models.Index(fields=["applicant", "created_at"], name="application_mine_idx"),
            models.Index(fields=["item", "district", "status"], name="application_kpi_idx"),
        ]

    def __str__(self) -> str:
        return f"application #{self.pk} {self.status}"


class ApplicationEvent(models.Model):
    """One transition: who did what, when, from which state to which, and why."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField("序号")
    from_status = models.CharField(max_length=16, blank=True, choices=Status.choices)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    action = models.CharField(max_length=24, choices=Action.choices)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_name = models.CharField(max_length=150)
    actor_role = models.CharField(max_length=32)
    note = models.TextField("说明", blank=True, help_text="一次性告知内容、不予批准理由或办理意见")
    detail = models.JSONField(default=list, blank=True, help_text="一次性告知的逐项内容")
    at = models.DateTimeField()

    class Meta:
        ordering = ["application", "seq"]
        verbose_name = "办件记录"
        verbose_name_plural = "办件记录"
        constraints = [
            models.UniqueConstraint(fields=["application", "seq"], name="application_event_seq")
        ]

    def __str__(self) -> str:
        return f"#{self.application_id}.{self.seq} {self.action}"
