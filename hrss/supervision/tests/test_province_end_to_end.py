"""A generated province (hrss synth) through load_province, snapshot and screen --evaluate:
precision and recall of every rule at least 0.95 against its ground truth."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from hrss.analytics.rules import RULES
from hrss.supervision.models import ScreeningCase

PERSONS, SEED, AS_OF = 2000, 20260101, "2026-10-31"
SCORE = re.compile(
    r"^(\w\d\d)\s+hits\s+(\d+)\s+truth\s+(\d+)\s+tp\s+(\d+)\s+precision\s+([\d.]+)\s+recall\s+([\d.]+)"
)


def _load(province: Path) -> None:
    """``hrss load_province``; exit 1 is tolerated only for exact duplicate rows.

    Known generator defect (reported): a job may end and the next start in the same
    month at the same employer, so that month's contribution rows are written twice;
    the importer rejects the second copy as ``import.duplicate_key``.
    """
    try:
        _quiet("load_province", str(province), "--workers", "1", "--no-progress")
    except SystemExit:
        for rejects in province.glob("*.rejects.csv"):
            with rejects.open(encoding="utf-8-sig") as handle:
                codes = {row["error_code"] for row in csv.DictReader(handle)}
            assert codes <= {"import.duplicate_key"}, (rejects.name, codes)


def _quiet(name: str, *args: str) -> str:
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_every_rule_finds_the_planted_cases(tmp_path):
    province = tmp_path / "province"
    _quiet("synth", "--persons", str(PERSONS), "--seed", str(SEED), "--out", str(province),
           "--as-of", AS_OF, "--workers", "1", "--no-progress")  # fmt: skip
    _load(province)
    _quiet("snapshot", "--out", str(tmp_path / "snap"), "--no-progress")
    report = _quiet(
        "screen", "--snapshot", str(tmp_path / "snap"), "--as-of", AS_OF,
        "--evaluate", str(province / "ground_truth.csv"), "--no-progress",
    )  # fmt: skip

    scores = {m[1]: m.groups() for line in report.splitlines() if (m := SCORE.match(line))}
    assert set(scores) == set(RULES)
    for code, (_c, _hits, truth, _tp, precision, recall) in scores.items():
        assert int(truth) > 0, code
        assert float(precision) >= 0.95 and float(recall) >= 0.95, scores[code]
    opened = ScreeningCase.objects.count()
    assert opened == sum(int(s[1]) for s in scores.values())

    _quiet("screen", "--snapshot", str(tmp_path / "snap"), "--as-of", AS_OF, "--no-progress")
    assert ScreeningCase.objects.count() == opened
