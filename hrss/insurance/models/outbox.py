"""Outbox: what insurance has to tell a person, for a higher area to deliver.

Insurance never imports the service hall. A job there reads the pending notices
(``notices.notice_list_pending``), sends them (site message, SMS, 12333 app) and
marks them delivered. ``dedupe_key`` makes writers idempotent.
"""

from __future__ import annotations

from django.db import models

from hrss.registry.models import Person


class NoticeTopic(models.TextChoices):
    UNEMPLOYMENT_STOPPED = "unemployment.stopped", "失业保险金停发"
    UNEMPLOYMENT_EXHAUSTED = "unemployment.exhausted", "失业保险金领取期满"
    CERTIFICATION_REMINDER = "certification.reminder", "请办理待遇资格认证"
    CERTIFICATION_SUSPENDED = "certification.suspended", "养老金暂停发放"
    CERTIFICATION_RESUMED = "certification.resumed", "养老金恢复发放"
    BENEFIT_SUSPENDED = "benefit.suspended", "待遇暂停发放"


class Notice(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="insurance_notices")
    topic = models.CharField("主题", max_length=40, choices=NoticeTopic.choices)
    message = models.CharField("内容", max_length=300)
    payload = models.JSONField("数据", default=dict, blank=True)
    dedupe_key = models.CharField(max_length=100, unique=True)
    created_at = models.DateTimeField("生成时间")
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)

    class Meta:
        verbose_name = "待发送通知"
        verbose_name_plural = "待发送通知"
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(delivered_at__isnull=True),
                name="insurance_notice_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.created_at:%Y-%m-%d}"
