"""社会保障卡: one person, one active card (enforced by a partial unique index)."""

from __future__ import annotations

from django.db import models

from hrss.registry.models import Person


class CardStatus(models.TextChoices):
    APPLIED = "applied", "已申领"
    IN_PRODUCTION = "in_production", "制卡中"
    ISSUED = "issued", "已发放"
    ACTIVE = "active", "正常"
    TEMPORARY_LOSS = "temporary_loss", "临时挂失"
    LOST = "lost", "正式挂失"
    REPLACED = "replaced", "已补换"
    CANCELLED = "cancelled", "已注销"


# Statuses in which the card is the person's one card in use (临时挂失 is reversible).
CURRENT_STATUSES = (CardStatus.ACTIVE, CardStatus.TEMPORARY_LOSS)


class Card(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cards")
    card_number = models.CharField("卡号", max_length=9)
    issuing_region = models.CharField("发卡地", max_length=6)
    status = models.CharField("状态", max_length=16, choices=CardStatus.choices)
    issued_on = models.DateField("发卡日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "社会保障卡"
        verbose_name_plural = "社会保障卡"
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_region", "card_number"], name="card_number_unique"
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status__in=["active", "temporary_loss"]),
                name="one_current_card_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.issuing_region}-{self.card_number}"
