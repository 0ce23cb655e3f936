"""Same seed → the same bytes (whatever the worker count); another seed → other data."""

from __future__ import annotations

import filecmp
from pathlib import Path

from hrss.synth.files import COLUMNS
from hrss.synth.generator import Settings, generate
from hrss.synth.tests.conftest import PERSONS, SEED


def _same(a: Path, b: Path) -> list[str]:
    names = [f"{n}.csv" for n in COLUMNS]
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return mismatch + errors


def test_same_seed_same_bytes_even_with_two_workers(synth_dir, tmp_path):
    again = tmp_path / "again"
    generate(Settings(persons=PERSONS, seed=SEED, out=again, workers=2, progress=False))
    assert _same(synth_dir, again) == []


def test_other_seed_other_data(synth_dir, tmp_path):
    other = tmp_path / "other"
    generate(Settings(persons=PERSONS, seed=SEED + 1, out=other, progress=False))
    assert (other / "persons.csv").read_bytes() != (synth_dir / "persons.csv").read_bytes()
    assert (other / "employers.csv").read_bytes() != (synth_dir / "employers.csv").read_bytes()


def test_every_rule_is_planted_at_one_thousand(tmp_path):
    out = tmp_path / "small"
    summary = generate(Settings(persons=1000, seed=3, out=out, progress=False))
    assert len(summary.planted) == 14 and min(summary.planted.values()) >= 3
