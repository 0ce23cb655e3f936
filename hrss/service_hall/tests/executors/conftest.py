"""Fixtures of the executor tests: an SMS sender that records what it was asked to send."""

from __future__ import annotations

import pytest

SENT: list[tuple[str, str, dict[str, str]]] = []


class RecordingSender:
    def send(self, *, phone, template, params):
        SENT.append((phone, template, dict(params)))


@pytest.fixture
def sms(settings):
    SENT.clear()
    settings.HRSS_SMS_SENDER = f"{__name__}.RecordingSender"
    return SENT
