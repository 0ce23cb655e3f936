"""Sending SMS (短信通知): a small interface and the sender the demo uses.

The sender is chosen by the setting ``HRSS_SMS_SENDER`` (a dotted path to a class
with no constructor arguments); the default :class:`LoggingSmsSender` sends nothing
and logs only the masked phone number and the template name. A carrier gateway is a
class with the same ``send`` method.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from hrss.core.masking import mask_phone

DEFAULT_SENDER = "hrss.service_hall.sms.LoggingSmsSender"
logger = logging.getLogger(__name__)


class SmsSender(Protocol):
    def send(self, *, phone: str, template: str, params: Mapping[str, str]) -> None:
        """Send template ``template`` to ``phone``; ``params`` hold no personal data."""


class LoggingSmsSender:
    """Demo sender: writes one log line (masked phone, template name), sends nothing."""

    def send(self, *, phone: str, template: str, params: Mapping[str, str]) -> None:
        logger.info("sms template=%s to=%s", template, mask_phone(phone))


def get_sms_sender() -> SmsSender:
    path = getattr(settings, "HRSS_SMS_SENDER", DEFAULT_SENDER)
    sender: SmsSender = import_string(path)()
    return sender
