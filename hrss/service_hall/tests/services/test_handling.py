"""Caseworker actions: one event and one audit row per transition, optimistic locking,
the second reviewer rule, districts, and the executor allow-list."""

import pytest

from hrss.audit.models import AuditEntry
from hrss.core.errors import DomainError, InvalidTransition
from hrss.service_hall import executors, services
from hrss.service_hall.errors import (
    ApplicationNotFound,
    ExecutorNotAllowed,
    SameReviewer,
    SecondReviewRequired,
    StaleVersion,
)
from hrss.service_hall.models import Application
from hrss.service_hall.tests.factories import approved, in_review, submitted

pytestmark = pytest.mark.django_db

EXECUTOR = "hrss.service_hall.tests.services.test_handling.fake_executor"
CALLS = []


def fake_executor(*, actor, application):
    CALLS.append((actor.pk, application.pk))
    return "已发放"


def act(service, clerk, app, **kwargs):
    return service(actor=clerk, application_id=app.pk, version=app.version, **kwargs)


def test_the_full_path_writes_one_event_and_one_audit_row_per_transition(
    zhang, clerk_wuchang, item
):
    app = submitted(zhang, item)
    audit_before = AuditEntry.objects.count()
    app = act(services.application_accept, clerk_wuchang, app)
    app = act(services.application_start_review, clerk_wuchang, app)
    app = act(services.application_approve, clerk_wuchang, app, note="符合条件")
    app = act(services.application_complete, clerk_wuchang, app, result="已办结")

    events = list(app.events.order_by("seq"))
    assert [(e.from_status, e.to_status) for e in events[2:]] == [
        ("submitted", "accepted"),
        ("accepted", "in_review"),
        ("in_review", "approved"),
        ("approved", "completed"),
    ]
    assert all(e.actor_id == clerk_wuchang.pk for e in events[2:])
    audit = list(AuditEntry.objects.filter(id__gt=audit_before).order_by("id"))
    assert [a.action for a in audit] == [
        "application.accept",
        "application.start_review",
        "application.approve",
        "application.complete",
    ]
    assert all(a.object_id == str(app.pk) and a.person_id == app.person_id for a in audit)
    assert app.version == 6 and app.status == "completed"
    assert app.completed_at is not None and app.result == "已办结"
    assert app.handler == clerk_wuchang


def test_stale_version_is_refused_and_overwrites_nothing(zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    seen = app.version
    act(services.application_accept, clerk_wuchang, app)
    events, audit = app.events.count(), AuditEntry.objects.count()

    with pytest.raises(StaleVersion) as refused:
        services.application_return(
            actor=clerk_wuchang, application_id=app.pk, version=seen, notice=["补充"]
        )

    assert refused.value.code == "application.stale_version"
    assert refused.value.extra == {"current_version": seen + 1}
    fresh = Application.objects.get(pk=app.pk)
    assert fresh.status == "accepted" and fresh.version == seen + 1
    assert app.events.count() == events and AuditEntry.objects.count() == audit


def test_caseworker_of_another_district_cannot_act_and_nothing_is_written(
    zhang, clerk_xiangyang, item
):
    app = submitted(zhang, item)
    audit = AuditEntry.objects.count()

    with pytest.raises(ApplicationNotFound):
        act(services.application_accept, clerk_xiangyang, app)

    fresh = Application.objects.get(pk=app.pk)
    assert (fresh.status, fresh.version, fresh.accepted_at) == ("submitted", app.version, None)
    assert app.events.count() == 2 and AuditEntry.objects.count() == audit


def test_supervisors_and_citizens_cannot_act(zhang, supervisor_wuhan, item):
    app = submitted(zhang, item)
    for actor in (supervisor_wuhan, zhang):
        with pytest.raises(ApplicationNotFound):
            act(services.application_accept, actor, app)


def test_missing_application_is_the_same_not_found(clerk_wuchang):
    with pytest.raises(ApplicationNotFound):
        services.application_accept(actor=clerk_wuchang, application_id=999999, version=1)


def test_return_needs_a_notice_and_lists_every_item(zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    with pytest.raises(DomainError) as refused:
        act(services.application_return, clerk_wuchang, app, notice=["  ", ""])
    assert refused.value.code == "application.notice_required"

    returned = act(
        services.application_return, clerk_wuchang, app, notice=["身份证照片不清晰", "缺少签名"]
    )
    event = returned.events.get(action="return")
    assert event.note == "1. 身份证照片不清晰\n2. 缺少签名"
    assert [d["message"] for d in event.detail] == ["身份证照片不清晰", "缺少签名"]


def test_items_needing_second_review_cannot_be_decided_by_the_first_handler(
    zhang, clerk_wuchang, reviewed_item
):
    app = in_review(zhang, clerk_wuchang, reviewed_item)
    for service, extra in (
        (services.application_approve, {}),
        (services.application_reject, {"reason": "不符合"}),
    ):
        with pytest.raises(SecondReviewRequired):
            act(service, clerk_wuchang, app, **extra)

    forwarded = act(services.application_second_review, clerk_wuchang, app, note="拟同意")
    assert forwarded.status == "second_review" and forwarded.handler == clerk_wuchang
    with pytest.raises(SameReviewer):
        act(services.application_approve, clerk_wuchang, forwarded)


def test_a_second_caseworker_decides_after_second_review(
    zhang, clerk_wuchang, clerk_wuchang_2, reviewed_item
):
    app = in_review(zhang, clerk_wuchang, reviewed_item)
    app = act(services.application_second_review, clerk_wuchang, app)

    done = act(services.application_approve, clerk_wuchang_2, app)

    assert done.status == "approved"
    assert done.events.get(action="approve").actor_id == clerk_wuchang_2.pk


def test_reject_needs_a_reason_and_tells_it(zhang, clerk_wuchang, item):
    app = in_review(zhang, clerk_wuchang, item)
    with pytest.raises(DomainError) as refused:
        act(services.application_reject, clerk_wuchang, app, reason=" ")
    assert refused.value.code == "application.reason_required"

    done = act(services.application_reject, clerk_wuchang, app, reason="缴费不满一年")
    assert done.status == "rejected" and done.result == "缴费不满一年"
    assert done.closed_at is not None


def test_actions_out_of_order_are_invalid_transitions(zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    for service in (services.application_approve, services.application_complete):
        with pytest.raises(InvalidTransition):
            act(service, clerk_wuchang, app)
    assert Application.objects.get(pk=app.pk).status == "submitted"


def test_approval_runs_an_allowed_executor(monkeypatch, zhang, clerk_wuchang, item):
    monkeypatch.setattr(executors, "ALLOWED_EXECUTORS", frozenset({EXECUTOR}))
    item.executor = EXECUTOR
    item.save()
    CALLS.clear()

    app = approved(zhang, clerk_wuchang, item)

    assert [(clerk_wuchang.pk, app.pk)] == CALLS
    assert app.result == "已发放"


def test_an_executor_off_the_allow_list_never_runs(zhang, clerk_wuchang, item):
    # the row could have been edited behind the admin form's back: checked again at run time
    item.executor = EXECUTOR
    item.save()
    CALLS.clear()
    app = in_review(zhang, clerk_wuchang, item)

    with pytest.raises(ExecutorNotAllowed):
        act(services.application_approve, clerk_wuchang, app)

    assert CALLS == []
    assert Application.objects.get(pk=app.pk).status == "in_review"
