"""Citizen APIs under load: "my records" and the one-step submission, against bare views.

A 100k-person province is loaded into a scratch PostgreSQL database; 32 citizen accounts
linked to synthetic persons are created and logged in by writing their sessions directly.
One gunicorn (2 sync workers, loopback) serves the real endpoints and their bare
counterparts (:mod:`bench.bare_views`: plain Django views running the same SQL by hand,
behind the same middleware). wrk (2 threads, 32 connections, 15 s, ``--latency``; the
Lua script rotates the sessions and gives each submission its own Idempotency-Key)
measures real and bare back to back, each after a 3 s warm-up. Req/s and p99 come from
wrk's output; the ratio is real/bare req/s. The load generator, the server and
PostgreSQL share the machine: compare the figures, don't read them as capacity.

Checks: one request of each kind through Django's test client (statements captured)
and one over HTTP must answer 200/201 before the load; wrk's non-2xx count is reported;
the applications created are counted per run; ``hrss audit verify`` checks the audit
chain (the bare submission appends to it) at the end.

``python -m bench.load_prepare COUNT OUT BODY`` (:mod:`bench.load_prepare`) is the
in-database step, run as a child process on the scratch database (accounts, sessions,
captured statements).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from bench.common import ROOT, Result, hrss, hrss_env, scratch_postgres, table, timed
from bench.synth_data import province

ACCOUNTS = 32
THREADS, CONNECTIONS, DURATION, WARMUP, WORKERS = 2, 32, 15, 3, 2
ITEM = "GG00101002"  # 个人权益记录查询打印: a person's item, no materials, no condition check
BODY = {"item_code": ITEM, "form": {"purpose": "load bench"}}
LUA = ROOT / "bench" / "lua" / "citizen.lua"
BENCH_SETTINGS = "bench.bench_settings"
PASSWORD = "Bench-Passw0rd!"


@dataclass(frozen=True)
class Endpoint:
    key: str
    method: str
    real: str
    bare: str

    @property
    def expected(self) -> int:
        return 201 if self.method == "POST" else 200


RECORDS = Endpoint("records", "GET", "/api/citizen/v1/me/records", "/bare/me/records")
SUBMIT = Endpoint("submit", "POST", "/api/citizen/v1/applications", "/bare/applications")
ENDPOINTS = (RECORDS, SUBMIT)


@dataclass(frozen=True)
class WrkRun:
    requests_per_s: float
    p99_ms: float
    requests: int
    non_2xx_3xx: int
    socket_errors: str
    load_avg_1m: float = 0.0  # the machine's, as the run ended: others' load shows here


# --- wrk ----------------------------------------------------------------------------------

MS_PER_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * MS_PER_UNIT[match[2]]


def parse_wrk(out: str) -> WrkRun:
    """Requests/sec, the 99% latency, the totals and the errors of one ``wrk --latency``."""
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    total = re.search(r"^\s+(\d+) requests in", out, re.M)
    if rate is None or p99 is None or total is None:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.+)", out)
    return WrkRun(
        requests_per_s=float(rate[1]),
        p99_ms=_ms(p99[1]),
        requests=int(total[1]),
        non_2xx_3xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=errors[1].strip() if errors else "",
    )


def wrk(url: str, seconds: int, script_args: list[str]) -> WrkRun:
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    cmd += ["--timeout", "10s", "-s", str(LUA), url, "--", *script_args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return replace(parse_wrk(done.stdout), load_avg_1m=round(os.getloadavg()[0], 2))


def _wrk_version() -> str:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed: apt-get install -y wrk (make bench-deps)")
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    return (done.stdout + done.stderr).split(" [", 1)[0].strip()


# --- gunicorn -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_listening(proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not listen within 60 s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the master (it stops its workers); SIGKILL its process group if it hangs."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[str]:
    """gunicorn with ``WORKERS`` sync workers on a free loopback port; its base URL."""
    port = _free_port()
    cmd = [sys.executable, "-m", "gunicorn", "hrss.config.wsgi", "--bind", f"127.0.0.1:{port}"]
    cmd += ["--workers", str(WORKERS), "--worker-class", "sync", "--timeout", "60"]
    cmd += ["--graceful-timeout", "10", "--log-level", "warning"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        _wait_listening(proc, port, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(proc)


# --- preparation (parent side) ----------------------------------------------------------------


def _load_province(env: dict[str, str], data: Path) -> dict[str, Any]:
    migrate = hrss("migrate", "-v0", env=env)
    loaded = hrss("load_province", str(data), "--no-progress", env=env)
    return {"migrate_s": round(migrate.seconds, 1), "load_province_s": round(loaded.seconds, 1)}


def _prepare(env: dict[str, str], work: Path) -> dict[str, Any]:
    """Accounts, sessions and captured statements, from a child process on the database."""
    out = work / "prepared.json"
    cmd = [sys.executable, "-m", "bench.load_prepare", str(ACCOUNTS), str(out)]
    timed([*cmd, json.dumps(BODY)], env=env)
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _write_inputs(work: Path, sessions: list[dict[str, str]]) -> tuple[Path, Path]:
    """The sessions file and the JSON body that the Lua script reads."""
    lines = "".join(f"{s['token']}\t{s['cookie']}\n" for s in sessions)
    (work / "sessions.txt").write_text(lines, encoding="utf-8")
    (work / "body.json").write_text(json.dumps(BODY), encoding="utf-8")
    return work / "sessions.txt", work / "body.json"


def _http_status(url: str, method: str, session: dict[str, str]) -> tuple[int, str]:
    headers = {"Cookie": session["cookie"]}
    data = None
    if method == "POST":
        headers |= {"X-CSRFToken": session["token"], "Content-Type": "application/json"}
        headers["Idempotency-Key"] = f"preflight-{uuid.uuid4().hex}"
        data = json.dumps(BODY).encode()
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # loopback only
            return response.status, response.read(300).decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read(300).decode(errors="replace")


def _preflight(base: str, session: dict[str, str]) -> None:
    """Each real and bare endpoint answers 200/201 over HTTP before the load starts."""
    for endpoint in ENDPOINTS:
        for path in (endpoint.real, endpoint.bare):
            status, body = _http_status(base + path, endpoint.method, session)
            if status != endpoint.expected:
                raise RuntimeError(f"{endpoint.method} {path}: {status} {body}")


# --- measurement ------------------------------------------------------------------------------


def _script_args(endpoint: Endpoint, inputs: tuple[Path, Path], key_prefix: str) -> list[str]:
    """Arguments of bench/lua/citizen.lua: sessions file, method, [key prefix, body file]."""
    sessions, body = inputs
    if endpoint.method == "POST":
        return [str(sessions), endpoint.method, key_prefix, str(body)]
    return [str(sessions), endpoint.method]


def _measure(base: str, endpoint: Endpoint, inputs: tuple[Path, Path]) -> dict[str, WrkRun]:
    """Real, then bare, with the same wrk settings, each after a short warm-up."""
    runs = {}
    for variant, path in (("real", endpoint.real), ("bare", endpoint.bare)):
        key_prefix = f"{endpoint.key}-{variant}"
        wrk(base + path, WARMUP, _script_args(endpoint, inputs, f"warm-{key_prefix}"))
        runs[variant] = wrk(base + path, DURATION, _script_args(endpoint, inputs, key_prefix))
    return runs


def _created(url: str) -> dict[str, int]:
    """Applications created by the measured submission runs, real and bare."""
    import psycopg

    sql = "SELECT count(*) FROM service_hall_application WHERE idempotency_key LIKE %s"
    with psycopg.connect(url) as conn:
        return {
            variant: int(conn.execute(sql, [f"{SUBMIT.key}-{variant}-%"]).fetchone()[0])  # type: ignore[index]
            for variant in ("real", "bare")
        }


def run(persons: int) -> Result:
    version = _wrk_version()
    data = province(persons)
    result = Result("load" if persons >= 100_000 else f"load_{persons}")
    with scratch_postgres() as url, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = hrss_env(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="hrss.config.settings")
        setup = _load_province(env, data)
        bench_env = {**env, "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS, "PYTHONPATH": str(ROOT)}
        prepared = _prepare(bench_env, work)
        inputs = _write_inputs(work, prepared["sessions"])
        with gunicorn(bench_env, work / "gunicorn.log") as base:
            _preflight(base, prepared["sessions"][0])
            measured = {e.key: _measure(base, e, inputs) for e in ENDPOINTS}
        created = _created(url)
        verified = hrss("audit", "verify", env=env).stdout.strip()
    setup |= {"persons": persons, "accounts": ACCOUNTS, "wrk": version, "audit_verify": verified}
    _report(result, setup, measured, prepared["queries"], created)
    result.save()
    return result


# --- report -----------------------------------------------------------------------------------


def _settings(setup: dict[str, Any]) -> dict[str, Any]:
    return {
        **setup,
        "server": f"gunicorn, {WORKERS} sync workers, 127.0.0.1",
        "wrk_settings": f"-t{THREADS} -c{CONNECTIONS} -d{DURATION}s --latency --timeout 10s",
        "warmup_s": WARMUP,
        "submitted_item": ITEM,
    }


def _row(
    endpoint: Endpoint, real: WrkRun, bare: WrkRun, sql: dict[str, list[str]]
) -> dict[str, Any]:
    return {
        "endpoint": f"{endpoint.method} {endpoint.real}",
        "bare_endpoint": f"{endpoint.method} {endpoint.bare}",
        "ratio": round(real.requests_per_s / bare.requests_per_s, 3),
        "real": asdict(real),
        "bare": asdict(bare),
        "real_sql": sql["real"],
        "bare_sql": sql["bare"],
    }


def _report(
    result: Result,
    setup: dict[str, Any],
    measured: dict[str, dict[str, WrkRun]],
    queries: dict[str, dict[str, list[str]]],
    created: dict[str, int],
) -> None:
    result.add("setup", _settings(setup))
    lines = []
    for endpoint in ENDPOINTS:
        real, bare = measured[endpoint.key]["real"], measured[endpoint.key]["bare"]
        row = _row(endpoint, real, bare, queries[endpoint.key])
        if endpoint is SUBMIT:
            row["applications_created"] = created
        result.add(endpoint.key, row)
        lines.append(_line(endpoint, real, bare, row["ratio"], queries[endpoint.key]))
    _print(setup["persons"], lines, measured, created)


def _print(
    persons: int,
    lines: list[list[str]],
    measured: dict[str, dict[str, WrkRun]],
    created: dict[str, int],
) -> None:
    header = ["endpoint", "real req/s", "real p99", "bare req/s", "bare p99", "ratio"]
    header += ["non-2xx real/bare", "SQL/req real/bare"]
    title = f"citizen APIs under load, {persons:,} persons, {ACCOUNTS} accounts"
    title += f" (wrk -c{CONNECTIONS} -d{DURATION}s, gunicorn {WORKERS} sync)"
    print(table(title, header, lines))
    print(f"submissions created (real/bare): {created['real']:,}/{created['bare']:,}")
    loads = [
        f"{key} {m['real'].load_avg_1m}/{m['bare'].load_avg_1m}" for key, m in measured.items()
    ]
    print(f"machine load average (1 min) as each run ended, real/bare: {', '.join(loads)}")


def _line(
    endpoint: Endpoint, real: WrkRun, bare: WrkRun, ratio: float, sql: dict[str, list[str]]
) -> list[str]:
    return [
        f"{endpoint.method} {endpoint.real}",
        f"{real.requests_per_s:,.0f}",
        f"{real.p99_ms:,.1f} ms",
        f"{bare.requests_per_s:,.0f}",
        f"{bare.p99_ms:,.1f} ms",
        f"{ratio:.3f}x",
        f"{real.non_2xx_3xx}/{bare.non_2xx_3xx}",
        f"{len(sql['real'])}/{len(sql['bare'])}",
    ]
