"""Run the generator: chunks of persons, optionally in worker processes, streamed to CSV.

Determinism: chunk ``c`` draws from ``Random(f"{seed}:chunk:{c}")`` and everything it
reads (employers, pools, plant schedule) is itself a function of the seed, so the
output is byte-identical for a seed whatever the number of workers. Chunks are
written in order; only one window of chunk results is held in memory.
"""

from __future__ import annotations

import math
import multiprocessing
import random
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from tqdm import tqdm

from hrss.synth.catalog import Institutions, build_institutions
from hrss.synth.codes import MAX_CHUNKS, Codes
from hrss.synth.dates import Span, span_for
from hrss.synth.employers import EmployerIndex, build_employers
from hrss.synth.files import PER_PERSON, csv_line, header
from hrss.synth.geo import Geography, build_geography
from hrss.synth.model import Ctx
from hrss.synth.params import parameter_rows
from hrss.synth.planting import MIN_PERSONS, plan_person, plant_schedule
from hrss.synth.pools import Pools, build_pools
from hrss.synth.render import Sink, render

DEFAULT_AS_OF = date(2026, 10, 31)
EARLIEST_AS_OF, LATEST_AS_OF = date(2012, 1, 1), date(2059, 12, 31)
MIN_MONTHS, MAX_MONTHS = 12, 120
CHUNK_TARGET = 2000
PERSONS_PER_EMPLOYER = 20


@dataclass(frozen=True, slots=True)
class Settings:
    """What to generate (the command's options)."""

    persons: int
    seed: int
    out: Path
    months: int = 24
    as_of: date = DEFAULT_AS_OF
    workers: int = 1
    progress: bool = True


@dataclass(slots=True)
class Summary:
    """Rows written per file, planted cases per rule, elapsed seconds."""

    rows: dict[str, int] = field(default_factory=dict)
    planted: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(slots=True)
class Shared:
    """Read-only inputs of every chunk (inherited by forked workers)."""

    settings: Settings
    span: Span
    geo: Geography
    pools: Pools
    employers: EmployerIndex
    institutions: Institutions
    codes: Codes
    schedule: dict[int, tuple[str, int]]
    bounds: list[tuple[int, int]]


_SHARED: Shared | None = None
ChunkResult = tuple[dict[str, str], list[tuple[str, str, str]], int]


def chunk_bounds(persons: int) -> list[tuple[int, int]]:
    """Contiguous person-index ranges; at most 499 chunks (see :mod:`hrss.synth.codes`)."""
    count = min(MAX_CHUNKS, max(1, math.ceil(persons / CHUNK_TARGET)))
    return [(c * persons // count, (c + 1) * persons // count) for c in range(count)]


def run_chunk(chunk: int) -> ChunkResult:
    """Generate and render one chunk; returns its text per file and its ground truth."""
    shared = _SHARED
    assert shared is not None
    seed = shared.settings.seed
    ctx = Ctx(
        random.Random(f"{seed}:chunk:{chunk}"),
        shared.span,
        shared.geo,
        shared.pools,
        shared.employers,
        shared.institutions,
        shared.codes,
        chunk,
        len(shared.bounds),
    )
    sink = Sink()
    lo, hi = shared.bounds[chunk]
    for index in range(lo, hi):
        render(plan_person(ctx, index, shared.schedule), ctx, sink)
    return {name: "".join(lines) for name, lines in sink.lines.items()}, sink.truth, hi - lo


def _results(workers: int, chunks: int) -> Iterator[ChunkResult]:
    if workers <= 1:
        yield from map(run_chunk, range(chunks))
        return
    window: deque[multiprocessing.pool.AsyncResult[ChunkResult]] = deque()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for chunk in range(chunks):
            window.append(pool.apply_async(run_chunk, (chunk,)))
            if len(window) >= 2 * workers:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()


def _write_whole(out: Path, name: str, rows: list[str] | list[list[str]]) -> int:
    with (out / f"{name}.csv").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header(name))
        for row in rows:
            fh.write(row if isinstance(row, str) else csv_line(row))
    return len(rows)


def _prepare(settings: Settings) -> Shared:
    span = span_for(settings.as_of, settings.months)
    geo = build_geography(settings.as_of)
    employers = build_employers(settings.seed, settings.persons // PERSONS_PER_EMPLOYER, geo)
    shared = Shared(
        settings,
        span,
        geo,
        build_pools(settings.seed),
        EmployerIndex(employers),
        build_institutions(geo),
        Codes(settings.seed),
        plant_schedule(settings.seed, settings.persons),
        chunk_bounds(settings.persons),
    )
    settings.out.mkdir(parents=True, exist_ok=True)
    _write_whole(settings.out, "employers", [e.line() for e in employers])
    _write_whole(settings.out, "parameters", parameter_rows(span))
    return shared


def _stream(
    shared: Shared, files: dict[str, IO[str]], summary: Summary
) -> list[tuple[str, str, str]]:
    settings, truth = shared.settings, []
    bar = tqdm(
        total=settings.persons,
        unit="persons",
        file=sys.stderr,
        disable=not settings.progress,
        mininterval=1.0,
        desc="synth",
    )
    with bar:
        for texts, chunk_truth, done in _results(settings.workers, len(shared.bounds)):
            for name, text in texts.items():
                files[name].write(text)
                summary.rows[name] = summary.rows.get(name, 0) + text.count("\n")
            truth += chunk_truth
            bar.update(done)
    return truth


def check_settings(settings: Settings) -> None:
    """Refuse settings the planters cannot honour (ValueError)."""
    if settings.persons < MIN_PERSONS:
        raise ValueError(f"need at least {MIN_PERSONS} persons to plant every rule")
    if not MIN_MONTHS <= settings.months <= MAX_MONTHS:
        raise ValueError(f"months must be between {MIN_MONTHS} and {MAX_MONTHS}")
    if not EARLIEST_AS_OF <= settings.as_of <= LATEST_AS_OF:
        raise ValueError(f"as-of must be between {EARLIEST_AS_OF} and {LATEST_AS_OF}")


def generate(settings: Settings) -> Summary:
    """Write every interchange file plus ground truth for ``settings``; see README.md."""
    global _SHARED
    check_settings(settings)
    started = time.perf_counter()
    _SHARED = shared = _prepare(settings)
    summary = Summary(rows={"employers": len(shared.employers.all), "parameters": 0})
    files: dict[str, IO[str]] = {
        n: (settings.out / f"{n}.csv").open("w", encoding="utf-8", newline="\n") for n in PER_PERSON
    }
    try:
        for name, fh in files.items():
            fh.write(header(name))
        truth = _stream(shared, files, summary)
    finally:
        for fh in files.values():
            fh.close()
        _SHARED = None
    truth.sort()
    summary.rows["ground_truth"] = _write_whole(
        settings.out, "ground_truth", [list(t) for t in truth]
    )
    summary.rows["parameters"] = len(parameter_rows(shared.span))
    for rule, _subject, _detail in truth:
        summary.planted[rule] = summary.planted.get(rule, 0) + 1
    summary.seconds = time.perf_counter() - started
    return summary
