"""Every reference resolves: to a person, an employer, a claim."""

from __future__ import annotations

import pytest

PERSON_FILES = (
    "employment",
    "life_events",
    "enrolments",
    "contributions",
    "benefit_payments",
    "cards",
    "claims",
    "personal_accounts",
)


@pytest.mark.parametrize("name", PERSON_FILES)
def test_id_numbers_resolve_to_persons(data, name):
    persons = {p["id_number"] for p in data["persons"]}
    assert {row["id_number"] for row in data[name]} <= persons


@pytest.mark.parametrize("name", ["employment", "enrolments", "contributions"])
def test_usccs_resolve_to_employers(data, name):
    employers = {e["uscc"] for e in data["employers"]}
    assert {row["uscc"] for row in data[name] if row["uscc"]} <= employers


def test_claim_items_resolve_to_claims(data):
    claims = {c["claim_id"] for c in data["claims"]}
    items = {i["claim_id"] for i in data["claim_items"]}
    assert items <= claims and claims <= items


def test_ground_truth_subjects_resolve(data):
    persons = {p["id_number"] for p in data["persons"]}
    claims = {c["claim_id"] for c in data["claims"]}
    for row in data["ground_truth"]:
        assert row["subject"] in (persons if row["rule"][0] == "F" else claims)


def test_contributions_fall_inside_an_enrolment(data):
    spans = {}
    for e in data["enrolments"]:
        spans.setdefault((e["id_number"], e["insurance"], e["uscc"]), []).append(
            (e["start_month"], e["end_month"] or "9999-12")
        )
    for c in data["contributions"]:
        key = (c["id_number"], c["insurance"], c["uscc"])
        assert any(a <= c["period"] <= b for a, b in spans[key]), c


def test_employment_starts_after_the_employer_registered(data):
    registered = {e["uscc"]: e["registered_on"] for e in data["employers"]}
    assert all(j["start_date"] > registered[j["uscc"]] for j in data["employment"])
