"""Synthetic provinces for the benchmarks, generated once per size and seed and cached."""

from __future__ import annotations

from pathlib import Path

from bench.common import ROOT, hrss

CACHE = ROOT / "var" / "bench"


def province(persons: int, seed: int = 20261129) -> Path:
    out = CACHE / f"province-{persons}-{seed}"
    if not (out / "ground_truth.csv").exists():
        hrss("synth", "--persons", str(persons), "--seed", str(seed), "--out", str(out))
    return out
