"""待遇资格认证 (qualification certification of pensioners).

Evidence that a pensioner is alive comes from other areas (card use, medical
settlements, self-service face checks...). Areas above insurance write it through
``certification.certification_evidence_record``; cards, a peer, cannot import
insurance, so the service hall (or interop) bridges its usage trail.
"""

from __future__ import annotations

from django.db import models

from hrss.registry.models import Person


class EvidenceSource(models.TextChoices):
    CARD_USE = "card_use", "社会保障卡使用"
    MEDICAL = "medical", "就医结算"
    TRANSPORT = "transport", "乘坐公共交通"
    SELF_SERVICE = "self_service", "本人自助认证(人脸识别)"
    HOME_VISIT = "home_visit", "上门认证"
    AGENCY = "agency", "部门数据比对"
    GRANT = "grant", "待遇核定时本人到场"


class CertificationEvidence(models.Model):
    """One sign of life on one day (an outbox the higher areas fill)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="certification_evidence"
    )
    source = models.CharField("来源", max_length=16, choices=EvidenceSource.choices)
    seen_on = models.DateField("发生日期")
    reference = models.CharField("来源凭据", max_length=64, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "资格认证依据"
        verbose_name_plural = "资格认证依据"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "source", "seen_on"], name="certification_evidence_unique"
            ),
        ]
        indexes = [models.Index(fields=["person", "seen_on"])]

    def __str__(self) -> str:
        return f"{self.source} {self.seen_on}"


class CertificationStatus(models.TextChoices):
    CERTIFIED = "certified", "已认证"
    REMINDED = "reminded", "已提醒认证"
    SUSPENDED = "suspended", "暂停发放"


class SuspendReason(models.TextChoices):
    NOT_CERTIFIED = "not_certified", "逾期未认证"
    DEATH = "death", "死亡"


class PensionerCertification(models.Model):
    """The certification state of one pensioner (created by the first run that sees them)."""

    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="certification")
    status = models.CharField("状态", max_length=12, choices=CertificationStatus.choices)
    certified_on = models.DateField("最近认证日期", null=True, blank=True)
    reminded_on = models.DateField("提醒日期", null=True, blank=True)
    suspended_on = models.DateField("暂停日期", null=True, blank=True)
    suspend_reason = models.CharField(
        "暂停原因", max_length=16, choices=SuspendReason.choices, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "待遇资格认证"
        verbose_name_plural = "待遇资格认证"
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"certification {self.status}"
