"""Identifiers: valid, agreeing with the person's columns, unique."""

from __future__ import annotations

import re
from datetime import date

from hrss.core.identifiers import parse_id_number, parse_uscc
from hrss.core.regions import region_table
from hrss.synth.tests.conftest import AS_OF


def test_id_numbers_are_valid_and_agree_with_gender_and_birth_date(data):
    for p in data["persons"]:
        parsed = parse_id_number(p["id_number"], today=AS_OF)
        assert parsed.value == p["id_number"]
        assert str(int(parsed.gender)) == p["gender"]
        assert parsed.birth_date.isoformat() == p["birth_date"]


def test_id_numbers_are_unique(data):
    ids = [p["id_number"] for p in data["persons"]]
    assert len(ids) == len(set(ids))


def test_address_codes_were_in_force_at_birth_where_the_table_allows(data):
    table = region_table()
    for p in data["persons"]:
        born, row = date.fromisoformat(p["birth_date"]), table[p["id_number"][:6]]
        assert row.level == "county" and not row.name.endswith("市辖区")
        assert row.valid_to is None or row.valid_to > born  # never already abolished
        if born >= date(2001, 1, 1):  # every current unit is in the table by then
            assert row.in_force_on(born), p


def test_regions_are_current_hubei_counties(data):
    table = region_table()
    for p in data["persons"]:
        for code in filter(None, (p["hukou_region"], p["residence_region"])):
            assert table[code].level == "county" and table[code].in_force_on(AS_OF)


def test_phones_are_mobiles_or_empty(data):
    phones = [p["phone"] for p in data["persons"]]
    assert all(re.fullmatch(r"1[3-9]\d{9}", ph) for ph in phones if ph)
    assert 0 < phones.count("") < len(phones) / 2


def test_usccs_are_valid_unique_and_spread(data):
    employers = data["employers"]
    for e in employers:
        assert parse_uscc(e["uscc"]).region_code == e["region"]
        assert 1 <= int(e["risk_class"]) <= 8
    assert len({e["uscc"] for e in employers}) == len(employers)
    units = {e["region"] if e["region"].startswith("4290") else e["region"][:4] for e in employers}
    assert len(units) == 17
    assert 15 <= 2000 / len(employers) <= 25


def test_industries_cover_most_sections(data):
    from hrss.core.industry import section_of

    sections = {section_of(e["industry"]) for e in data["employers"]}
    assert None not in sections and len(sections) >= 15


def test_card_numbers_and_claim_ids_are_unique(data):
    cards = [c["card_number"] for c in data["cards"]]
    assert len(cards) == len(set(cards)) and all(len(c) == 9 for c in cards)
    claims = [c["claim_id"] for c in data["claims"]]
    assert len(claims) == len(set(claims))
