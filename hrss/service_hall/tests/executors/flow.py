"""Drive an application of a shipped item through the hall's services, as people would:
draft → upload every required material → submit (pre-review) → accept → review →
(second review) → approve, which runs the item's executor."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from hrss.core import clock
from hrss.iam.models import Account
from hrss.service_hall import services
from hrss.service_hall.tests.factories import upload_all

_keys = itertools.count(1)


def at(day: str):
    """Freeze the clock at 10:00 Shanghai time on ``day``."""
    return clock.frozen(datetime.fromisoformat(f"{day}T10:00:00+08:00"))


def citizen_of(person, username: str) -> Account:
    """A citizen account linked to ``person`` (the way the portal links them)."""
    return Account.objects.create_user(
        username=username,
        password="Test-Passw0rd!",
        role="citizen",
        person_index=person.id_number_index,
    )


def submit(citizen, code: str, form: dict[str, Any] | None = None):
    """Create, complete and submit; the result is ``submitted`` or ``returned``."""
    app = services.application_create_draft(actor=citizen, item_code=code, form=form)
    upload_all(citizen, app)
    app.refresh_from_db()
    return services.application_submit(
        actor=citizen, application_id=app.pk, version=app.version, idempotency_key=f"k{next(_keys)}"
    )


def to_decision(app, clerk):
    """Accept and start the review (and send to second review when the item needs it)."""
    assert app.status == "submitted", app.events.last().note
    app = services.application_accept(actor=clerk, application_id=app.pk, version=app.version)
    app = services.application_start_review(actor=clerk, application_id=app.pk, version=app.version)
    if app.item.needs_second_review:
        app = services.application_second_review(
            actor=clerk, application_id=app.pk, version=app.version, note="初审同意"
        )
    return app


def approve(app, clerk, reviewer=None):
    return services.application_approve(
        actor=reviewer if app.status == "second_review" else clerk,
        application_id=app.pk,
        version=app.version,
    )


def through_hall(citizen, clerk, code: str, form=None, *, reviewer=None):
    """The whole path to ``approved``; returns the application."""
    return approve(to_decision(submit(citizen, code, form), clerk), clerk, reviewer)


def notice_messages(app) -> list[str]:
    """The one-time notice of a returned application, item by item."""
    return [item["message"] for item in app.events.get(action="return").detail]
