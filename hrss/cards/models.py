"""社会保障卡: one person, one active card (enforced by a partial unique index), and the
card-usage trail (``CardEvent``: every transition and every use)."""

from __future__ import annotations

from django.db import models

from hrss.cards.workflow import CURRENT_STATUSES, CardAction, CardStatus
from hrss.registry.models import Person

__all__ = ["CURRENT_STATUSES", "Card", "CardAction", "CardEvent", "CardStatus"]


class Card(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cards")
    card_number = models.CharField("卡号", max_length=9)
    issuing_region = models.CharField("发卡地", max_length=6)
    status = models.CharField("状态", max_length=16, choices=CardStatus.choices)
    issued_on = models.DateField("发卡日期", null=True, blank=True)
    identification_code = models.CharField(
        "卡识别码", max_length=32, blank=True, default="", db_default=""
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name="补换的原卡",
    )
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
        indexes = [models.Index(fields=["status", "issuing_region"])]

    def __str__(self) -> str:
        return f"{self.issuing_region}-{self.card_number}"


class CardEvent(models.Model):
    """One row per transition or use. Progress and usage are queries over these rows."""

    card = models.ForeignKey(Card, on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField(max_length=16, choices=CardStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=CardStatus.choices)
    action = models.CharField(max_length=24, choices=CardAction.choices)
    channel = models.CharField("渠道", max_length=24, blank=True)
    actor_name = models.CharField("操作人", max_length=150)
    actor_id = models.BigIntegerField(null=True, blank=True)
    at = models.DateTimeField("时间")
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "社会保障卡记录"
        verbose_name_plural = "社会保障卡记录"
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["card", "at"]),
            models.Index(fields=["action", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"
