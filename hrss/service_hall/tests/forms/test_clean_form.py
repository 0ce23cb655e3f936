"""``form_fields.clean_form``: each item's fields, every value refused with its field named."""

from __future__ import annotations

from datetime import date

import pytest

from hrss.core.errors import ValidationFailed
from hrss.core.identifiers.id_number import build_id_number
from hrss.registry.models import Gender
from hrss.service_hall.form_fields import FORM_FIELDS, clean_form, fields_for, has_required_fields

RETIREMENT, TRANSFER, UNEMPLOYED, EMPLOYED, HARDSHIP, CARD = (
    "JF00101001",
    "GG00101006",
    "GG00401003",
    "GG00401001",
    "QR00401001",
    "GG00301002",
)
REGIONS = {"420106", "420102", "110101"}
USCC = "91350100M000100Y43"  # GB 32100's worked example
ID = build_id_number("420106", date(1985, 3, 14), 123)


def region(code: str) -> bool:
    return code in REGIONS


def problems(item: str, raw: dict, **kwargs) -> dict[str, tuple[str, str]]:
    with pytest.raises(ValidationFailed) as failed:
        clean_form(item, raw, is_region=region, **kwargs)
    return {e.extra["field"]: (e.code, e.message) for e in failed.value.errors}


def test_registry_matches_the_readme_table():
    assert {code: [f.name for f in specs] for code, specs in FORM_FIELDS.items()} == {
        RETIREMENT: ["category", "retirement_month", "employer_agreed"],
        TRANSFER: ["from_region", "to_region"],
        UNEMPLOYED: ["region"],
        EMPLOYED: ["start_date", "employer_uscc"],
        HARDSHIP: ["reason"],
        CARD: ["reason"],
    }
    assert fields_for("JF00201001") == ()
    assert [v for v, _ in fields_for(CARD)[0].choices] == ["lost", "stolen", "damaged", "expired"]
    assert "long_term" in [v for v, _ in fields_for(HARDSHIP)[0].choices]


class TestRetirement:
    def test_a_woman_with_a_category_and_a_flexible_month(self):
        raw = {"category": "female_worker", "retirement_month": "2026-03", "employer_agreed": "on"}
        assert clean_form(RETIREMENT, raw, gender=Gender.FEMALE) == {
            "category": "female_worker",
            "retirement_month": "2026-03",
            "employer_agreed": True,
        }

    def test_a_man_may_leave_everything_blank(self):
        assert clean_form(RETIREMENT, {}, gender=Gender.MALE) == {"employer_agreed": False}
        assert not has_required_fields(RETIREMENT, Gender.MALE)
        assert has_required_fields(RETIREMENT, Gender.FEMALE)

    def test_a_woman_must_choose_her_category(self):
        assert problems(RETIREMENT, {}, gender=Gender.FEMALE) == {
            "category": ("application.form_field_required", "请选择人员类别")
        }

    def test_every_bad_value_at_once(self):
        found = problems(
            RETIREMENT,
            {"category": "retired", "retirement_month": "2026-13", "employer_agreed": "maybe"},
            gender=Gender.FEMALE,
        )
        assert set(found) == {"category", "retirement_month", "employer_agreed"}
        assert all(code == "application.form_field_invalid" for code, _ in found.values())
        assert found["category"][1].startswith("人员类别:请从以下选项中选择")
        assert found["retirement_month"][1] == "退休年月:格式应为 YYYY-MM(如 2026-03)"
        assert found["employer_agreed"][1] == "所在单位已同意弹性延迟退休:只能选择“是”或“否”"

    def test_a_category_of_the_other_gender_is_refused(self):
        assert problems(RETIREMENT, {"category": "male"}, gender=Gender.FEMALE)["category"] == (
            "application.form_field_invalid",
            "人员类别与本人性别不符,请重新选择",
        )
        assert "category" in problems(RETIREMENT, {"category": "female_cadre"}, gender=Gender.MALE)


class TestTransfer:
    def test_valid_regions(self):
        raw = {"from_region": " 110101 ", "to_region": "420106"}
        assert clean_form(TRANSFER, raw, is_region=region) == {
            "from_region": "110101",
            "to_region": "420106",
        }
        assert clean_form(
            TRANSFER, {"from_region": "110101", "to_region": ""}, is_region=region
        ) == {"from_region": "110101"}

    def test_from_region_is_required_and_both_are_checked(self):
        assert problems(TRANSFER, {"to_region": "42010"}) == {
            "from_region": ("application.form_field_required", "请填写转出地(原参保地)"),
            "to_region": (
                "application.form_field_invalid",
                "转入地:应为有效的6位行政区划代码(如 420106)",
            ),
        }
        assert set(problems(TRANSFER, {"from_region": "999999"})) == {"from_region"}

    def test_the_region_table_is_used_by_default(self, db):
        assert clean_form(TRANSFER, {"from_region": "420106"}) == {"from_region": "420106"}
        with pytest.raises(ValidationFailed):
            clean_form(TRANSFER, {"from_region": "429999"})


class TestEmployment:
    def test_unemployment_region_is_optional(self):
        assert clean_form(UNEMPLOYED, {}, is_region=region) == {}
        assert clean_form(UNEMPLOYED, {"region": "420102"}, is_region=region) == {
            "region": "420102"
        }
        assert set(problems(UNEMPLOYED, {"region": "abc"})) == {"region"}

    def test_employment_date_and_uscc(self):
        raw = {"start_date": "2026-02-28", "employer_uscc": USCC.lower()}
        assert clean_form(EMPLOYED, raw) == {"start_date": "2026-02-28", "employer_uscc": USCC}
        assert clean_form(EMPLOYED, {}) == {}

    def test_bad_date_and_uscc_at_once(self):
        found = problems(EMPLOYED, {"start_date": "2026-02-30", "employer_uscc": USCC[:-1] + "0"})
        assert found["start_date"][1].startswith("就业日期:格式应为 YYYY-MM-DD")
        assert found["employer_uscc"][1].startswith("就业单位统一社会信用代码:")

    def test_an_id_number_is_never_accepted(self):
        assert problems(EMPLOYED, {"employer_uscc": ID})["employer_uscc"][0] == (
            "application.form_contains_id_number"
        )

    def test_hardship_reason(self):
        assert clean_form(HARDSHIP, {"reason": "long_term"}) == {"reason": "long_term"}
        assert problems(HARDSHIP, {}) == {
            "reason": ("application.form_field_required", "请选择认定情形")
        }
        assert (
            problems(HARDSHIP, {"reason": "poor"})["reason"][0] == "application.form_field_invalid"
        )


class TestCardReplacement:
    @pytest.mark.parametrize("reason", ["lost", "stolen", "damaged", "expired"])
    def test_each_reason(self, reason):
        assert clean_form(CARD, {"reason": reason}) == {"reason": reason}

    def test_blank_means_the_default_and_a_bad_reason_is_named(self):
        assert clean_form(CARD, {"reason": ""}) == {}
        message = problems(CARD, {"reason": "burnt"})["reason"][1]
        assert message == "补换原因:请从以下选项中选择:遗失、被盗、损坏、有效期满"


def test_other_keys_and_unknown_items_are_ignored():
    assert clean_form(CARD, {"reason": "lost", "id_number": ID, "csrfmiddlewaretoken": "x"}) == {
        "reason": "lost"
    }
    assert clean_form("JF00201001", {"anything": "1"}) == {}
