"""Shared helpers: timed subprocesses with peak memory, throwaway databases, result files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PG = os.environ.get("HRSS_BENCH_PG", "postgres://postgres@127.0.0.1:5432")


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    stdout: str


@dataclass
class Result:
    name: str
    rows: dict[str, Any] = field(default_factory=dict)

    def add(self, key: str, value: Any) -> None:
        self.rows[key] = value

    def save(self) -> Path:
        RESULTS.mkdir(parents=True, exist_ok=True)
        path = RESULTS / f"{self.name}.json"
        path.write_text(
            json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return path


def hrss_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, HRSS_INSECURE_DEV_KEYS="1")
    env.update(extra)
    return env


def timed(cmd: Sequence[str], *, env: dict[str, str] | None = None, check: bool = True) -> Run:
    """Run ``cmd``; wall time and the peak RSS of the child (and the children it waited for)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), env=env, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    return Run(seconds=seconds, peak_rss_mb=usage.ru_maxrss / 1024, stdout=stdout)


def hrss(*args: str, env: dict[str, str] | None = None, check: bool = True) -> Run:
    return timed([sys.executable, "-m", "hrss", *args], env=env or hrss_env(), check=check)


@contextmanager
def scratch_postgres() -> Iterator[str]:
    """A fresh database for one measurement, dropped afterwards."""
    import psycopg

    name = f"hrss_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{PG}/{name}"
    finally:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=False))
    body = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=False)) for r in rows]
    return "\n".join([f"== {title}", line, "-" * len(line), *body])
