"""The applicant's side: create a draft, submit (idempotent), resubmit after a return, withdraw.

Submission runs the automatic pre-review in the same transaction: when anything is
missing or wrong the application comes straight back with a one-time notice listing
every problem at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import InvalidTransition
from hrss.core.models import calendar_overrides
from hrss.core.workdays import add_working_days
from hrss.service_hall.form_fields import clean_form as clean_item_form
from hrss.service_hall.models import Application, ApplicationChannel
from hrss.service_hall.prereview import notice_text, prereview, problems_as_detail
from hrss.service_hall.selectors.access import is_applicant_side
from hrss.service_hall.selectors.catalog import service_item_get
from hrss.service_hall.services.intake import (
    applicant_context,
    clean_form,
    clean_key,
    replay,
    request_hash,
)
from hrss.service_hall.services.materials import attach_owned, reuse_on_file
from hrss.service_hall.services.transitions import (
    PRE_REVIEW,
    application_actor_id,
    apply_action,
    audit_transition,
    check_version,
    lock_application,
    record_event,
)
from hrss.service_hall.timelimits import pause_length
from hrss.service_hall.workflow import EDITABLE_STATES, INITIAL, Action


def _new_application(
    *, actor: Actor, item_code: str, form: dict[str, Any] | None, channel: str, **key: str
) -> Application:
    item = service_item_get(item_code)
    person, employer = applicant_context(actor, item)
    district = person.district if person else employer.region if employer else ""
    application = Application.objects.create(
        item=item,
        applicant_id=application_actor_id(actor),
        person=person,
        employer=employer,
        district=district,
        channel=channel,
        status=INITIAL,
        form=clean_form(form),
        created_at=clock.now(),
        **key,
    )
    event = record_event(application=application, actor=actor, action=Action.CREATE, from_status="")
    audit_transition(actor=actor, event=event, application=application)
    reuse_on_file(application)
    return application


@transaction.atomic
def application_create_draft(
    *,
    actor: Actor,
    item_code: str,
    form: dict[str, Any] | None = None,
    channel: str = ApplicationChannel.ONLINE,
) -> Application:
    """A draft of ``item_code`` for the actor, with reusable materials on file already attached."""
    return _new_application(actor=actor, item_code=item_code, form=form, channel=channel)


def _pause_if_clock_runs(application: Application) -> dict[str, Any]:
    return {"clock_paused_on": clock.today()} if application.accepted_at else {}


def _submit_and_prereview(
    actor: Actor, application: Application, action: Action, changes: dict[str, Any]
) -> Application:
    apply_action(actor=actor, application=application, action=action, changes=changes)
    problems = prereview(application)
    if problems:
        apply_action(
            actor=PRE_REVIEW,
            application=application,
            action=Action.RETURN,
            note=notice_text(problems),
            detail=problems_as_detail(problems),
            changes=_pause_if_clock_runs(application),
        )
    return application


def application_submit(
    *, actor: Actor, application_id: int, version: int, idempotency_key: str | None
) -> Application:
    """Submit a draft. A retry with the same key and body returns the same application;
    the same key with another body is refused (``application.idempotency_mismatch``)."""
    key = clean_key(idempotency_key)
    digest = request_hash({"op": "submit", "application": application_id, "version": version})
    try:
        with transaction.atomic():
            return _submit_draft(actor, application_id, version, key, digest)
    except IntegrityError:  # the key was taken meanwhile, by another of the applicant's drafts
        earlier = replay(applicant_id=actor.pk, key=key, digest=digest)
        if earlier is None:
            raise
        return earlier


def _submit_draft(
    actor: Actor, application_id: int, version: int, key: str, digest: str
) -> Application:
    application = lock_application(
        actor=actor, application_id=application_id, allowed=is_applicant_side, version=None
    )
    earlier = replay(applicant_id=application.applicant_id, key=key, digest=digest)
    if earlier is not None:
        return earlier
    check_version(application, version)
    changes = {"idempotency_key": key, "request_hash": digest, "submitted_at": clock.now()}
    return _submit_and_prereview(actor, application, Action.SUBMIT, changes)


def application_submit_new(
    *,
    actor: Actor,
    item_code: str,
    idempotency_key: str | None,
    form: dict[str, Any] | None = None,
    material_ids: dict[str, int] | None = None,
) -> Application:
    """Create and submit in one step (a client without a draft: app, 12333, kiosk).

    Idempotent on ``(applicant, key)``, enforced by a unique constraint: of many
    concurrent requests with one key exactly one creates the application.
    """
    key = clean_key(idempotency_key)
    material_ids = material_ids or {}
    body = {"op": "submit_new", "item": item_code, "form": form, "materials": material_ids}
    digest = request_hash(body)
    earlier = replay(applicant_id=actor.pk, key=key, digest=digest)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            return _create_and_submit(actor, item_code, form, material_ids, key, digest)
    except IntegrityError:
        earlier = replay(applicant_id=actor.pk, key=key, digest=digest)
        if earlier is None:
            raise
        return earlier


def _create_and_submit(
    actor: Actor,
    item_code: str,
    form: dict[str, Any] | None,
    material_ids: dict[str, int],
    key: str,
    digest: str,
) -> Application:
    application = _new_application(
        actor=actor,
        item_code=item_code,
        form=form,
        channel=ApplicationChannel.ONLINE,
        idempotency_key=key,
        request_hash=digest,
    )
    attach_owned(actor=actor, application=application, material_ids=material_ids)
    changes = {"submitted_at": clock.now()}
    return _submit_and_prereview(actor, application, Action.SUBMIT, changes)


def resume_clock(application: Application, today: date) -> dict[str, Any]:
    """Changes that restart a paused clock: the due date moves by the working days paused."""
    paused_on, due = application.clock_paused_on, application.due_date
    if paused_on is None or due is None:
        return {"clock_paused_on": None}
    overrides = calendar_overrides(start=paused_on)
    paused = pause_length(paused_on, today, overrides)
    return {
        "clock_paused_on": None,
        "paused_working_days": application.paused_working_days + paused,
        "due_date": add_working_days(due, paused, overrides),
    }


@transaction.atomic
def application_resubmit(*, actor: Actor, application_id: int, version: int) -> Application:
    """Submit again after a return (补正); pre-review runs again and the clock resumes."""
    application = lock_application(
        actor=actor, application_id=application_id, allowed=is_applicant_side, version=version
    )
    changes = resume_clock(application, clock.today())
    return _submit_and_prereview(actor, application, Action.RESUBMIT, changes)


@transaction.atomic
def application_withdraw(
    *, actor: Actor, application_id: int, version: int, reason: str = ""
) -> Application:
    """The applicant withdraws (撤回) an application not yet decided."""
    application = lock_application(
        actor=actor, application_id=application_id, allowed=is_applicant_side, version=version
    )
    apply_action(
        actor=actor,
        application=application,
        action=Action.WITHDRAW,
        note=reason.strip()[:500],
        changes={"closed_at": clock.now(), "clock_paused_on": None},
    )
    return application


UPDATE_FORM = "update_form"


@transaction.atomic
def application_update_form(
    *, actor: Actor, application_id: int, version: int, form: dict[str, Any]
) -> Application:
    """Fill in the application form (申请信息) of a draft or returned application.

    ``form`` is checked field by field against the item's registry
    (:mod:`hrss.service_hall.form_fields`); every problem is reported at once
    (``ValidationFailed``) and nothing is written. The stored form becomes the cleaned
    fields. Not a transition: no event row, one ``application.update_form`` audit row,
    and the version moves on.
    """
    application = lock_application(
        actor=actor, application_id=application_id, allowed=is_applicant_side, version=version
    )
    if application.status not in EDITABLE_STATES:
        raise InvalidTransition(
            "application.invalid_transition",
            "申请已提交,当前不能修改申请信息",
            extra={"status": str(application.status), "action": UPDATE_FORM},
        )
    gender = application.person.gender if application.person is not None else None
    cleaned = clean_form(clean_item_form(application.item.code, form or {}, gender=gender))
    application.form = cleaned
    application.version += 1
    application.save(update_fields=["form", "version"])
    audit_record(
        actor=actor,
        action="application.update_form",
        object_type="service_hall.application",
        object_id=application.pk,
        person_id=application.person_id,
        extra={
            "item": application.item.code,
            "fields": sorted(cleaned),
            "version": application.version,
        },
    )
    return application
