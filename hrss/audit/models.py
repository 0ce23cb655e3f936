"""The append-only, hash-chained audit log.

Each :class:`AuditEntry` carries ``tag = HMAC-SM3(key, prev_tag || canonical row)``;
the canonical row includes the entry's sequence number, so editing, deleting or
reordering a row breaks the chain at that row. :class:`AuditHead` holds the
last sequence number and tag under a tag of its own, so cutting rows off the
end is detected too. Database triggers (migration 0002) refuse UPDATE and
DELETE on the log.
"""

from __future__ import annotations

from django.db import models


class Outcome(models.TextChoices):
    OK = "ok", "成功"
    DENIED = "denied", "拒绝"
    FAILED = "failed", "失败"


class AuditEntry(models.Model):
    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField("时间")
    actor_id = models.BigIntegerField("操作人编号", null=True, blank=True)
    actor_name = models.CharField("操作人", max_length=150)
    actor_role = models.CharField("角色", max_length=32)
    action = models.CharField("动作", max_length=64, db_index=True)
    object_type = models.CharField("对象类型", max_length=64, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    person_id = models.BigIntegerField("涉及人员编号", null=True, blank=True, db_index=True)
    outcome = models.CharField("结果", max_length=8, choices=Outcome.choices, default=Outcome.OK)
    reason = models.CharField("事由", max_length=200, blank=True)
    extra = models.JSONField("附加信息", default=dict, blank=True)
    prev_tag = models.CharField(max_length=64)
    tag = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"

    def __str__(self) -> str:
        return f"#{self.id} {self.action} {self.actor_name}"


class AuditHead(models.Model):
    """Single row (id=1): the end of the chain, tagged, updated with every append."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_id = models.BigIntegerField(default=0)
    last_tag = models.CharField(max_length=64)
    count = models.BigIntegerField(default=0)
    tag = models.CharField(max_length=64)

    class Meta:
        verbose_name = "审计链头"
        verbose_name_plural = "审计链头"

    def __str__(self) -> str:
        return f"audit head #{self.last_id}"
