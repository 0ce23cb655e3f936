"""The plant: every rule present, every planted case real, no accidental hits."""

from __future__ import annotations

from collections import defaultdict

import pytest

from hrss.synth.tests.checks import CHECKS, check_m02

RULES = sorted(CHECKS)


def truth_by_rule(data) -> dict[str, set[str]]:
    found = defaultdict(set)
    for row in data["ground_truth"]:
        found[row["rule"]].add(row["subject"])
    return found


def test_every_rule_is_planted(data):
    assert sorted(truth_by_rule(data)) == RULES


def test_ground_truth_rows_are_unique_and_explained(data):
    keys = [(r["rule"], r["subject"]) for r in data["ground_truth"]]
    assert len(keys) == len(set(keys))
    assert all(r["detail"] for r in data["ground_truth"])


@pytest.mark.parametrize("rule", RULES)
def test_planted_cases_break_their_rule(data, rule):
    planted = truth_by_rule(data)[rule]
    assert planted - CHECKS[rule](data) == set()


@pytest.mark.parametrize("rule", RULES)
def test_no_hits_outside_the_plant(data, rule):
    """Precision: the background breaks no rule (checked for every rule)."""
    assert CHECKS[rule](data) - truth_by_rule(data)[rule] == set()


def test_same_day_by_settlement_date_too(data):
    assert check_m02(data, "settled_on") <= truth_by_rule(data)["M02"]


def test_boundary_cases_are_planted(data):
    details = defaultdict(list)
    for row in data["ground_truth"]:
        details[row["rule"]].append(row["detail"])
    assert any("below the floor" in d and d.split()[1].endswith("9") for d in details["F06"])
    assert any(", 7 days after discharge" in d for d in details["M01"])
    assert any("(31 days to" in d for d in details["F07"])
    assert any("supplied for 31 days" in d for d in details["M03"])
    assert any("18th birthday" in d for d in details["M04"])
    assert any(" 1 days after death" in d for d in details["M05"])
