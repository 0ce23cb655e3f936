"""Import of persons and contributions: ``hrss import`` against a bare load of the same file.

PostgreSQL baseline: ``COPY … FROM STDIN (FORMAT csv)`` into a bare table of text
columns (no validation, no encryption, no index). SQLite baseline: ``executemany``
of the parsed rows into a bare table. Both baselines run in this script, on the same
file, right next to the measured import. On PostgreSQL the persons import and its
COPY run in pairs, ``PAIRS`` times, each import on a fresh database; the ratio is
the median import rate over the median COPY rate (this machine is noisy).
"""

from __future__ import annotations

import csv
import re
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import Result, hrss, hrss_env, scratch_postgres, table
from bench.synth_data import province


def _rows(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh) - 1


def _pg_copy_baseline(url: str, path: Path) -> float:
    import psycopg

    with path.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    cols = ", ".join(f'"{c}" text' for c in header)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE TABLE bare ({cols})")
        started = time.perf_counter()
        with (
            conn.cursor() as cur,
            cur.copy("COPY bare FROM STDIN (FORMAT csv, HEADER true)") as copy,
            path.open("rb") as fh,
        ):
            while chunk := fh.read(1 << 20):
                copy.write(chunk)
        seconds = time.perf_counter() - started
        conn.execute("DROP TABLE bare")
    return seconds


def _sqlite_baseline(path: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp, path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        db = sqlite3.connect(Path(tmp) / "bare.sqlite3")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute(f"CREATE TABLE bare ({', '.join(repr(c) for c in header)})")
        started = time.perf_counter()
        marks = ", ".join("?" * len(header))
        with db:
            db.executemany(f"INSERT INTO bare VALUES ({marks})", reader)
        seconds = time.perf_counter() - started
        db.close()
    return seconds


def _import(env: dict[str, str], data: Path, kinds: list[str]) -> dict[str, float]:
    """Seconds the import itself took, as the command reports it (``N rows/s`` in its
    summary): process start-up (Python, Django) is excluded, as connecting is for COPY."""
    hrss("migrate", "-v0", env=env)
    seconds = {}
    for kind in kinds:
        run = hrss("import", kind, str(data / f"{kind}.csv"), "--no-progress", env=env)
        rate = re.search(r"\(([\d,]+) rows/s\)", run.stdout)
        rows = _rows(data / f"{kind}.csv")
        seconds[kind] = rows / float(rate.group(1).replace(",", "")) if rate else run.seconds
        seconds[f"{kind}:command"] = run.seconds
    return seconds


PAIRS = 3


def _pg_persons_pairs(data: Path, result: Result) -> tuple[float, float]:
    """Median seconds of the persons import (fresh database each) and of its COPY."""
    imports, copies = [], []
    for _ in range(PAIRS):
        with scratch_postgres() as url:
            imports.append(_import(hrss_env(DATABASE_URL=url), data, ["persons"])["persons"])
            copies.append(_pg_copy_baseline(url, data / "persons.csv"))
    rows = _rows(data / "persons.csv")
    result.add(
        "postgresql.persons.pairs",
        [
            {"import_rows_per_s": round(rows / i), "COPY_rows_per_s": round(rows / c)}
            for i, c in zip(imports, copies, strict=True)
        ],
    )
    return statistics.median(imports), statistics.median(copies)


def run(persons: int) -> Result:
    data = province(persons)
    kinds = ["persons", "employers", "contributions"]
    rows = {k: _rows(data / f"{k}.csv") for k in kinds}
    result, lines = Result(f"import_{persons}"), []
    with scratch_postgres() as url:
        measured = _import(hrss_env(DATABASE_URL=url), data, kinds)
        base = {"contributions": _pg_copy_baseline(url, data / "contributions.csv")}
    measured["persons"], base["persons"] = _pg_persons_pairs(data, result)
    lines += _lines("postgresql", "COPY", rows, measured, base, result)
    with tempfile.TemporaryDirectory() as var:
        env = hrss_env(HRSS_VAR_DIR=var)
        env.pop("DATABASE_URL", None)
        measured = _import(env, data, kinds)
    base = {k: _sqlite_baseline(data / f"{k}.csv") for k in ("persons", "contributions")}
    lines += _lines("sqlite", "executemany", rows, measured, base, result)
    print(
        table(
            f"bulk import, {persons:,} persons",
            [
                "engine",
                "file",
                "rows",
                "hrss import rows/s",
                "baseline",
                "baseline rows/s",
                "ratio",
            ],
            lines,
        )
    )
    result.save()
    return result


def _lines(
    engine: str,
    baseline: str,
    rows: dict[str, int],
    measured: dict[str, float],
    base: dict[str, float],
    result: Result,
) -> list[list[str]]:
    out = []
    for kind in ("persons", "contributions"):
        ours, theirs = rows[kind] / measured[kind], rows[kind] / base[kind]
        result.add(
            f"{engine}.{kind}",
            {
                "rows": rows[kind],
                "import_rows_per_s": round(ours),
                f"{baseline}_rows_per_s": round(theirs),
                "ratio": round(ours / theirs, 4),
            },
        )
        out.append(
            [
                engine,
                kind,
                f"{rows[kind]:,}",
                f"{ours:,.0f}",
                baseline,
                f"{theirs:,.0f}",
                f"{ours / theirs:.3f}x",
            ]
        )
    return out
