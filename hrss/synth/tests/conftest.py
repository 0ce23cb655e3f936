"""One synthetic population shared by the synth tests (generated once per session)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from hrss.synth.generator import Settings, generate

PERSONS = 2000
SEED = 20250101
AS_OF = date(2026, 10, 31)

Table = list[dict[str, str]]


def load(out: Path) -> dict[str, Table]:
    """Every CSV of ``out`` as a list of row dicts, keyed by file stem."""
    tables = {}
    for path in sorted(out.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            tables[path.stem] = list(csv.DictReader(fh))
    return tables


@pytest.fixture(scope="session")
def synth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "out"
    generate(Settings(persons=PERSONS, seed=SEED, out=out, progress=False))
    return out


@pytest.fixture(scope="session")
def data(synth_dir: Path) -> dict[str, Table]:
    return load(synth_dir)
