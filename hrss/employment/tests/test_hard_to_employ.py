"""就业困难人员认定 → a registry key-group tag; every refusal in words."""

from datetime import date

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import ValidationFailed
from hrss.employment import services
from hrss.employment.tests.helpers import at, job, make_employer, make_person
from hrss.registry.models import KeyGroupTag

pytestmark = pytest.mark.django_db


def registered_person(born: date, on: str = "2026-04-10", *, male: bool = True):
    person = make_person(born, male=male)
    job(person, make_employer(), "2020-01-01", "2026-03-31", "employer_closed")
    with at(on):
        services.unemployment_register(actor=SYSTEM, person=person, on=date.fromisoformat(on))
    return person


def recognise(person, reason: str, on: str = "2026-05-06"):
    with at(on):
        return services.hard_to_employ_recognise(
            actor=SYSTEM, person=person, reason=reason, on=date.fromisoformat(on)
        )


def test_recognition_becomes_the_hard_to_employ_tag():
    person = registered_person(date(1980, 1, 1))

    tag = recognise(person, "disabled")

    assert (tag.group, tag.valid_from, tag.valid_to, tag.source) == (
        "hard_to_employ",
        date(2026, 5, 6),
        None,
        "employment:disabled",
    )
    actions = set(AuditEntry.objects.filter(person_id=person.pk).values_list("action", flat=True))
    assert {"key_group.add", "hard_to_employ.recognise"} <= actions


def test_not_registered_and_bad_reason_are_refused():
    person = make_person(date(1980, 1, 1))
    with pytest.raises(ValidationFailed) as caught:
        recognise(person, "low_income")
    assert [e.message for e in caught.value.errors] == [
        "未办理失业登记(就业困难人员认定须先在常住地办理失业登记)"
    ]
    with pytest.raises(ValidationFailed) as caught:
        recognise(person, "bored")
    assert caught.value.errors[0].code == "employment.bad_hardship_reason"
    assert not KeyGroupTag.objects.exists()


def test_the_records_must_not_contradict_age_or_length_of_unemployment():
    young = registered_person(date(1990, 1, 1), male=False)
    with pytest.raises(ValidationFailed) as caught:
        recognise(young, "older_worker")
    assert [e.message for e in caught.value.errors] == ["大龄失业人员须年满40周岁(现年36周岁)"]
    with pytest.raises(ValidationFailed) as caught:
        recognise(young, "long_term")
    assert [e.message for e in caught.value.errors] == ["连续失业须满一年(自失业登记起已26天)"]

    assert recognise(young, "long_term", on="2027-04-10").group == "hard_to_employ"


def test_a_recognition_in_force_is_not_repeated():
    person = registered_person(date(1970, 1, 1))
    recognise(person, "older_worker")
    with pytest.raises(ValidationFailed) as caught:
        recognise(person, "disabled", on="2026-06-01")
    assert [e.code for e in caught.value.errors] == ["employment.already_hard_to_employ"]
