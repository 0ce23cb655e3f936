"""In-app messages (站内消息) about an application's progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hrss.service_hall.models.applications import Application, ApplicationEvent


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The event a message reports; unique with the recipient so a retried job sends once.
    event = models.ForeignKey(
        ApplicationEvent, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("标题", max_length=100)
    body = models.TextField("内容")
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "站内消息"
        verbose_name_plural = "站内消息"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "recipient"],
                condition=models.Q(event__isnull=False),
                name="notification_once_per_event",
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_inbox_idx")]

    def __str__(self) -> str:
        return self.title
