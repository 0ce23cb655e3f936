"""The interchange contract: headers, encodings, codes, dates, money, amounts."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from hrss.synth.files import COLUMNS
from hrss.synth.tests.conftest import AS_OF

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
MONEY = re.compile(r"\d+(\.\d{1,2})?")
CODES = {
    ("employment", "end_reason"): {
        "",
        "contract_end",
        "dismissal",
        "resignation",
        "employer_closed",
        "retirement",
        "death",
    },
    ("life_events", "event"): {"death", "imprisonment", "release", "emigration"},
    ("life_events", "source"): {"public_security", "civil_affairs", "health", "court", "prison"},
    ("enrolments", "insurance"): {"pension", "unemployment", "work_injury", "medical"},
    ("contributions", "insurance"): {"pension", "unemployment", "work_injury", "medical"},
    ("benefit_payments", "benefit"): {
        "pension_employee",
        "pension_resident",
        "pension_public",
        "unemployment",
        "work_injury",
    },
    ("cards", "status"): {"active", "temporary_loss", "lost", "replaced", "cancelled"},
    ("claims", "visit_type"): {"outpatient", "inpatient"},
    ("claim_items", "item_type"): {"drug", "service", "material"},
    ("claim_items", "restriction"): {
        "",
        "male_only",
        "female_only",
        "child_only",
        "work_injury_only",
        "maternity_only",
    },
}
FORMATS = {
    DATE: (
        "birth_date",
        "registered_on",
        "start_date",
        "end_date",
        "event_date",
        "valid_from",
        "valid_to",
        "paid_on",
        "issued_on",
        "admission_date",
        "discharge_date",
        "settled_on",
    ),
    MONTH: ("start_month", "end_month", "period"),
    MONEY: (
        "base",
        "employer_amount",
        "employee_amount",
        "amount",
        "total_amount",
        "fund_amount",
        "unit_price",
        "opening_balance",
        "credited",
        "interest",
        "closing_balance",
    ),
}
RATES = {"pension": ("0.16", "0.08"), "unemployment": ("0.007", "0.003")}
INJURY = {
    "1": "0.002",
    "2": "0.004",
    "3": "0.007",
    "4": "0.009",
    "5": "0.011",
    "6": "0.013",
    "7": "0.016",
    "8": "0.019",
}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_files_are_utf8_lf_with_the_contract_header(synth_dir, name):
    raw = (synth_dir / f"{name}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    assert raw.decode("utf-8").split("\n", 1)[0] == ",".join(COLUMNS[name])


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_dates_months_and_money_are_well_formed(data, name):
    for pattern, columns in FORMATS.items():
        for column in set(columns) & set(COLUMNS[name]):
            values = [row[column] for row in data[name] if row[column]]
            assert all(pattern.fullmatch(v) for v in values), (name, column)
            if pattern is DATE:
                assert max(values, default="") <= AS_OF.isoformat(), (name, column)


@pytest.mark.parametrize(("name", "column"), sorted(CODES))
def test_codes_are_the_contract_codes(data, name, column):
    assert {row[column] for row in data[name]} <= CODES[(name, column)]


def _fen(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def test_amounts_are_base_times_rate_rounded_half_up(data):
    risk = {e["uscc"]: e["risk_class"] for e in data["employers"]}
    for c in data["contributions"]:
        base = Decimal(c["base"])
        if not c["uscc"]:
            rates = ("0.12", "0.08")
        elif c["insurance"] == "work_injury":
            rates = (INJURY[risk[c["uscc"]]], "0")
        else:
            rates = RATES[c["insurance"]]
        expected = (_fen(base * Decimal(rates[0])), _fen(base * Decimal(rates[1])))
        assert (c["employer_amount"], c["employee_amount"]) == expected, c


def test_flexible_workers_pay_pension_only(data):
    assert {c["insurance"] for c in data["contributions"] if not c["uscc"]} == {"pension"}


def test_some_months_are_in_arrears(data):
    unpaid = [c for c in data["contributions"] if not c["paid_on"]]
    assert 0 < len(unpaid) < len(data["contributions"]) / 10


def test_parameters_cover_the_span_for_province_and_wuhan(data):
    rows = {(r["name"], r["region"], r["valid_from"][:4]) for r in data["parameters"]}
    for year in ("2024", "2025", "2026"):
        for region in ("420000", "420100"):
            assert ("contribution_base_floor", region, year) in rows
            assert ("contribution_base_ceiling", region, year) in rows


def test_personal_accounts_add_up(data):
    for a in data["personal_accounts"]:
        parts = Decimal(a["opening_balance"]) + Decimal(a["credited"]) + Decimal(a["interest"])
        assert parts == Decimal(a["closing_balance"])


def test_claim_totals_are_the_sum_of_their_items(data):
    totals: dict[str, Decimal] = {}
    for i in data["claim_items"]:
        line = Decimal(i["quantity"]) * Decimal(i["unit_price"])
        totals[i["claim_id"]] = totals.get(i["claim_id"], Decimal(0)) + line
    for c in data["claims"]:
        assert Decimal(c["total_amount"]) == totals[c["claim_id"]]
        assert Decimal(c["fund_amount"]) <= Decimal(c["total_amount"])
