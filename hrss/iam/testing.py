"""Helpers for other areas' tests: log a staff account in as our login view would.

``client.force_login(staff)`` alone is refused by
:class:`hrss.iam.middleware.StaffSecondFactorMiddleware` (no second factor
passed); tests that are not about login use :func:`force_login_staff` instead.
"""

from __future__ import annotations

from typing import Any

from hrss.core import clock
from hrss.iam.models import Account
from hrss.iam.sessions import SESSION_LAST_ACTIVITY, SESSION_MFA_OK


def force_login_staff(client: Any, account: Account) -> None:
    """Log ``account`` into the Django test ``client`` with the second factor marked passed."""
    client.force_login(account)
    session = client.session
    session[SESSION_MFA_OK] = True
    session[SESSION_LAST_ACTIVITY] = int(clock.now().timestamp())
    session.save()
