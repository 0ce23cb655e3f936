"""Background jobs of the service hall: thin, idempotent, calling services."""

from __future__ import annotations

from django_tasks import task

from hrss.service_hall.services.notifications import notification_create_for_event


@task()
def notify_application_event(event_id: int) -> None:
    """Tell the applicant about event ``event_id`` (in-app message, SMS); safe to re-run."""
    notification_create_for_event(event_id=event_id)
