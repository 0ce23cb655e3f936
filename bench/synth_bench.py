"""``hrss synth``: persons per second and peak memory at 100k and 1M persons.

The baseline is the same machine's speed at writing the persons file alone with
the csv module (valid ID numbers computed by the kernel), measured in this script.
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.common import Result, hrss, table
from hrss.core.identifiers.id_number import build_id_number


def _baseline(persons: int) -> float:
    rng, start = random.Random(1), date(1940, 1, 1)
    with tempfile.TemporaryDirectory() as tmp, (Path(tmp) / "p.csv").open("w", newline="") as fh:
        writer = csv.writer(fh)
        began = time.perf_counter()
        for i in range(persons):
            born = start + timedelta(days=rng.randrange(25000))
            writer.writerow([build_id_number("420106", born, i % 1000), "张三", 1, born, "420106"])
        return persons / (time.perf_counter() - began)


def run(sizes: list[int]) -> Result:
    result, lines = Result("synth"), []
    for persons in sizes:
        with tempfile.TemporaryDirectory() as out:
            measured = hrss("synth", "--persons", str(persons), "--seed", "7", "--out", out)
        rate = persons / measured.seconds
        base = _baseline(min(persons, 200_000))
        result.add(
            str(persons),
            {
                "seconds": round(measured.seconds, 1),
                "persons_per_s": round(rate),
                "peak_rss_mb": round(measured.peak_rss_mb),
                "baseline_persons_file_rows_per_s": round(base),
                "ratio": round(rate / base, 4),
            },
        )
        lines.append(
            [
                f"{persons:,}",
                f"{measured.seconds:,.1f}",
                f"{rate:,.0f}",
                f"{measured.peak_rss_mb:,.0f}",
                f"{base:,.0f}",
                f"{rate / base:.3f}x",
            ]
        )
    print(
        table(
            "synthetic province",
            ["persons", "seconds", "persons/s", "peak MB", "persons.csv-only rows/s", "ratio"],
            lines,
        )
    )
    result.save()
    return result
