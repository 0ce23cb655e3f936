"""Shared-kernel tables: calendar days entered by administrators."""

from __future__ import annotations

from datetime import date

from django.db import models


class CalendarDay(models.Model):
    """A holiday or make-up working day that an administrator entered.

    Overrides the ``chinese_calendar`` package (which lags the State Council's
    yearly announcement) and the weekend rule.
    """

    day = models.DateField("日期", unique=True)
    is_working_day = models.BooleanField("是否工作日", help_text="调休上班填“是”,法定节假日填“否”")
    name = models.CharField("名称", max_length=40, blank=True, help_text="如:春节、国庆节调休")

    class Meta:
        ordering = ["day"]
        verbose_name = "节假日与调休"
        verbose_name_plural = "节假日与调休"

    def __str__(self) -> str:
        kind = "上班" if self.is_working_day else "放假"
        return f"{self.day} {self.name} {kind}"


def calendar_overrides(start: date | None = None, end: date | None = None) -> dict[date, bool]:
    """Administrator-entered days, optionally limited to a range."""
    qs = CalendarDay.objects.all()
    if start:
        qs = qs.filter(day__gte=start)
    if end:
        qs = qs.filter(day__lte=end)
    return dict(qs.values_list("day", "is_working_day"))
