from datetime import date

import pytest

from conftest import SYSTEM, ZHANG_ID
from hrss.audit.models import AuditEntry
from hrss.core.errors import ValidationFailed
from hrss.core.identifiers.id_number import build_id_number
from hrss.registry import services
from hrss.registry.errors import PersonExists
from hrss.registry.models import Person
from hrss.registry.protection import id_number_index, reveal_id_number, reveal_phone

pytestmark = pytest.mark.django_db


def register(**overrides):
    fields = {
        "actor": SYSTEM,
        "id_number": ZHANG_ID,
        "name": "张伟",
        "gender": 1,
        "birth_date": date(1985, 3, 14),
        "hukou_region": "420106",
        "phone": "13812341234",
    }
    fields.update(overrides)
    return services.person_register(**fields)


def error_codes(exc: ValidationFailed) -> set[str]:
    return {e.code for e in exc.errors}


def test_register_encrypts_identifiers_and_audits():
    person = register()

    stored = Person.objects.get()
    assert bytes(stored.id_number_enc) != ZHANG_ID.encode()
    assert ZHANG_ID.encode() not in bytes(stored.id_number_enc)
    assert reveal_id_number(bytes(stored.id_number_enc)) == ZHANG_ID
    assert reveal_phone(bytes(stored.phone_enc)) == "13812341234"
    assert stored.id_number_index == id_number_index(ZHANG_ID)
    assert stored.id_number_masked == ZHANG_ID[:6] + "********" + ZHANG_ID[-4:]
    assert stored.phone_masked == "138****1234"
    assert stored.district == "420106"
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.person_id) == ("person.register", person.pk)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"gender": 2}, "registry.gender_mismatch", id="gender_case"),
        pytest.param(
            {"birth_date": date(1985, 3, 15)}, "registry.birth_date_mismatch", id="birth_case"
        ),
        pytest.param({"hukou_region": "429999"}, "registry.unknown_region", id="region_case"),
        pytest.param({"phone": "12345"}, "registry.bad_phone", id="phone_case"),
        pytest.param(
            {"id_number": ZHANG_ID[:-1] + "0"}, "id_number.bad_checksum", id="checksum_case"
        ),
        pytest.param({"gender": 3}, "registry.bad_gender", id="bad_gender_case"),
        pytest.param({"name": "张3"}, "registry.bad_name", id="digit_in_name_case"),
        # 韦雪梅 written in GBK and read as UTF-8: valid UTF-8, but no name
        pytest.param({"name": "Τѩ÷"}, "registry.bad_name", id="mojibake_name_case"),
    ],
)
def test_register_refuses_bad_input_and_writes_nothing(overrides, code):
    with pytest.raises(ValidationFailed) as caught:
        register(**overrides)

    assert code in error_codes(caught.value)
    assert Person.objects.count() == 0
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    "name",
    [
        "阿沛·阿旺晋美",  # a transliterated name with its separator
        "买买提•吐尔逊",  # the separator as some input methods type it
        "JEAN-PAUL O'NEIL",  # a foreign resident's name in Latin letters
        "\U00020000明",  # a rare character of Extension B
        "王\ue123",  # a rare character a legacy system keeps in the private-use area
    ],
)
def test_real_names_are_accepted(name):
    assert register(name=name).name == name


def test_all_problems_are_reported_at_once():
    with pytest.raises(ValidationFailed) as caught:
        register(gender=2, birth_date=date(1990, 1, 1), phone="999")

    assert error_codes(caught.value) == {
        "registry.gender_mismatch",
        "registry.birth_date_mismatch",
        "registry.bad_phone",
    }
    assert "男" in next(
        e.message for e in caught.value.errors if e.code.endswith("gender_mismatch")
    )


def test_one_person_per_id_number():
    register()
    with pytest.raises(PersonExists):
        register(name="张三")
    assert Person.objects.count() == 1


def test_fifteen_digit_number_is_upgraded_and_deduplicated():
    born = date(1979, 8, 13)
    eighteen = build_id_number("420106", born, 697)
    fifteen = eighteen[:6] + eighteen[8:17]
    register(id_number=fifteen, gender=1, birth_date=born, name="王五")

    assert reveal_id_number(bytes(Person.objects.get().id_number_enc)) == eighteen
    with pytest.raises(PersonExists):
        register(id_number=eighteen, gender=1, birth_date=born, name="王五")


def test_out_of_province_hukou_is_accepted_but_not_a_bogus_province():
    register(hukou_region="410102")
    with pytest.raises(ValidationFailed) as caught:
        register(
            id_number=build_id_number("420102", date(1990, 7, 2), 246),
            gender=2,
            birth_date=date(1990, 7, 2),
            hukou_region="990102",
        )
    assert "registry.unknown_region" in error_codes(caught.value)
