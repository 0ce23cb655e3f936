"""Drafts, submission with pre-review (one-time notice), idempotency keys, and resubmission."""

import pytest

from conftest import ZHANG_ID
from hrss.audit.models import AuditEntry
from hrss.core.errors import DomainError, InvalidTransition
from hrss.service_hall import services
from hrss.service_hall.errors import IdempotencyMismatch, StaleVersion, WrongApplicant
from hrss.service_hall.models import Application, ApplicationEvent
from hrss.service_hall.tests.factories import PDF, PNG, draft, make_item, submitted, upload_all

pytestmark = pytest.mark.django_db


def submit(actor, app, key="k-1", version=None):
    return services.application_submit(
        actor=actor,
        application_id=app.pk,
        version=app.version if version is None else version,
        idempotency_key=key,
    )


def test_draft_is_for_the_person_and_handled_in_their_district(zhang, person_zhang, item):
    app = draft(zhang, item, {"reason": "合同到期"})

    assert app.status == "draft" and app.version == 1
    assert app.person == person_zhang and app.district == "420106"
    event = ApplicationEvent.objects.get(application=app)
    assert (event.seq, event.action, event.from_status, event.to_status) == (
        1,
        "create",
        "",
        "draft",
    )
    assert AuditEntry.objects.filter(action="application.create", object_id=str(app.pk)).exists()


def test_a_complete_application_passes_pre_review(zhang, item):
    app = submitted(zhang, item)

    assert app.status == "submitted" and app.version == 2
    assert app.submitted_at is not None
    assert list(app.events.values_list("action", flat=True)) == ["create", "submit"]


def test_one_time_notice_lists_every_problem_at_once(zhang, item):
    app = draft(zhang, item)
    services.material_upload(
        actor=zhang, application_id=app.pk, code="M01", filename="id.png", data=PNG
    )
    item.materials.filter(code="M01").update(accepted_types="application/pdf")
    item.materials.create(code="M03", name="照片", position=3)

    returned = submit(zhang, app)

    assert returned.status == "returned"
    notice = returned.events.get(action="return")
    assert notice.actor_role == "system" and notice.from_status == "submitted"
    assert [(p["code"], p["material_code"]) for p in notice.detail] == [
        ("material.type_not_accepted", "M01"),
        ("material.missing", "M02"),
        ("material.missing", "M03"),
    ]
    assert notice.note.count("\n") == 2  # three numbered lines
    assert AuditEntry.objects.filter(action="application.return", actor_role="system").exists()


def test_conditions_are_pre_reviewed_with_the_materials(zhang):
    item = make_item(
        "JF09901001",
        condition_check="hrss.service_hall.conditions.unemployment_benefit_conditions",
    )
    app = draft(zhang, item)

    returned = submit(zhang, app)

    codes = [p["code"] for p in returned.events.get(action="return").detail]
    assert codes == [
        "condition.unemployment_contribution_short",
        "condition.unemployment_no_separation",
        "condition.unemployment_not_registered",
        "material.missing",
        "material.missing",
    ]


def test_resubmit_after_return_goes_through_pre_review_again(zhang, item):
    app = submit(zhang, draft(zhang, item))
    assert app.status == "returned"
    upload_all(zhang, app)

    again = services.application_resubmit(actor=zhang, application_id=app.pk, version=app.version)

    assert again.status == "submitted"
    actions = list(again.events.order_by("seq").values_list("action", flat=True))
    assert actions == ["create", "submit", "return", "resubmit"]


def test_same_key_same_body_returns_the_same_application(zhang, item):
    app = draft(zhang, item)
    upload_all(zhang, app)
    app.refresh_from_db()
    first = submit(zhang, app, key="abc")
    audit_rows = AuditEntry.objects.count()

    retry = submit(zhang, app, key="abc", version=app.version)

    assert retry.pk == first.pk and retry.version == first.version
    assert app.events.filter(action="submit").count() == 1
    assert AuditEntry.objects.count() == audit_rows


def test_same_key_different_body_is_refused(zhang, item):
    app = submitted(zhang, item, key="abc")
    other = draft(zhang, item)

    with pytest.raises(IdempotencyMismatch) as refused:
        submit(zhang, other, key="abc")

    assert refused.value.code == "application.idempotency_mismatch"
    other.refresh_from_db()
    assert other.status == "draft" and other.idempotency_key == ""
    assert Application.objects.get(pk=app.pk).status == "submitted"


def test_submit_new_is_idempotent_on_the_key(zhang, item):
    first = services.application_submit_new(
        actor=zhang, item_code=item.code, idempotency_key="new-1", form={"a": 1}
    )
    retry = services.application_submit_new(
        actor=zhang, item_code=item.code, idempotency_key="new-1", form={"a": 1}
    )
    with pytest.raises(IdempotencyMismatch):
        services.application_submit_new(
            actor=zhang, item_code=item.code, idempotency_key="new-1", form={"a": 2}
        )

    assert retry.pk == first.pk
    assert Application.objects.count() == 1
    assert first.status == "returned"  # nothing attached: the notice lists the materials


def test_submit_new_attaches_the_materials_named(zhang, item):
    app = draft(zhang, item)
    upload_all(zhang, app)
    ids = dict(app.material_links.values_list("code", "material_id"))

    new = services.application_submit_new(
        actor=zhang, item_code=item.code, idempotency_key="n-2", material_ids=ids
    )

    assert new.status == "submitted"
    assert dict(new.material_links.values_list("code", "material_id")) == ids


def test_submit_new_refuses_another_persons_material(zhang, li, item):
    app = draft(li, item)
    services.material_upload(actor=li, application_id=app.pk, code="M02", filename="f", data=PDF)
    theirs = app.material_links.get().material_id

    with pytest.raises(DomainError) as refused:
        services.application_submit_new(
            actor=zhang, item_code=item.code, idempotency_key="n-3", material_ids={"M02": theirs}
        )

    assert refused.value.code == "material.not_found"
    assert not Application.objects.filter(applicant=zhang).exists()


@pytest.mark.parametrize("key", [None, "", "有中文", "x" * 256, "a b"])
def test_a_missing_or_malformed_key_is_refused(zhang, item, key):
    app = draft(zhang, item)
    with pytest.raises(DomainError) as refused:
        submit(zhang, app, key=key)
    assert refused.value.code.startswith("application.idempotency_key_")
    app.refresh_from_db()
    assert app.status == "draft"


def test_stale_version_on_submit_is_refused(zhang, item):
    app = draft(zhang, item)
    with pytest.raises(StaleVersion):
        submit(zhang, app, version=app.version + 1)
    app.refresh_from_db()
    assert app.status == "draft" and app.idempotency_key == ""


def test_submitting_twice_with_new_keys_is_an_invalid_transition(zhang, item):
    app = submitted(zhang, item, key="one")
    with pytest.raises(InvalidTransition):
        submit(zhang, app, key="two")


def test_form_must_not_carry_an_id_number(zhang, item):
    with pytest.raises(DomainError) as refused:
        draft(zhang, item, {"note": f"本人身份证 {ZHANG_ID}"})
    assert refused.value.code == "application.form_contains_id_number"
    assert not Application.objects.exists()


def test_form_may_carry_other_long_numbers(zhang, item):
    assert draft(zhang, item, {"bank": "6222021234567890123"}).form == {
        "bank": "6222021234567890123"
    }


def test_employer_items_are_not_for_citizens(zhang):
    item = make_item("GG09902001", applicant="employer")
    with pytest.raises(WrongApplicant):
        draft(zhang, item)


def test_staff_cannot_apply(clerk_wuchang, item):
    with pytest.raises(WrongApplicant):
        draft(clerk_wuchang, item)


def test_withdraw_closes_the_application(zhang, item):
    app = submitted(zhang, item)
    done = services.application_withdraw(
        actor=zhang, application_id=app.pk, version=app.version, reason="不需要了"
    )
    assert done.status == "withdrawn" and done.closed_at is not None
    assert done.events.get(action="withdraw").note == "不需要了"


def test_another_citizen_cannot_withdraw_and_nothing_is_written(zhang, li, item):
    app = submitted(zhang, item)
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(DomainError) as refused:
        services.application_withdraw(actor=li, application_id=app.pk, version=app.version)
    assert refused.value.code == "application.not_found"
    app.refresh_from_db()
    assert app.status == "submitted" and AuditEntry.objects.count() == audit_rows
