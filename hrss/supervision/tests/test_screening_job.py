"""Snapshot a small database, screen it, open cases; a re-run adds none."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.supervision.models import CaseEvent, ScreeningCase, ScreeningRun
from hrss.supervision.screening import screening_run
from hrss.supervision.snapshot import take_snapshot
from hrss.supervision.tests.factories import AS_OF, DEAD_ID, small_province
from hrss.supervision.workflow import CaseStatus

pytestmark = pytest.mark.django_db


def _screen(folder, **kw):
    return screening_run(actor=SYSTEM, snapshot=folder, as_of=AS_OF, **kw)


def test_hits_become_cases_with_their_person_claim_and_district(tmp_path):
    small = small_province()
    take_snapshot(tmp_path)

    outcome = _screen(tmp_path, rules="F01,M05")

    f01 = ScreeningCase.objects.get(rule="F01")
    m05 = ScreeningCase.objects.get(rule="M05")
    assert (f01.person, f01.subject_key, f01.district) == (
        small.dead,
        small.dead.id_number_index,
        "420106",
    )
    assert f01.status == CaseStatus.NEW and "2025-04 至 2025-05 共 2 个月" in f01.detail
    assert (m05.claim.claim_id, m05.subject_key, m05.person) == (
        "CLM-AFTER",
        "CLM-AFTER",
        small.dead,
    )
    assert outcome.run.status == ScreeningRun.Status.FINISHED
    assert (outcome.run.hits, outcome.run.opened) == (2, 2)
    assert CaseEvent.objects.filter(action="open").count() == 2
    assert AuditEntry.objects.filter(action="screening.run").count() == 1


def test_a_rerun_adds_no_case_and_closes_nothing(tmp_path):
    small_province()
    take_snapshot(tmp_path)
    first = _screen(tmp_path, rules="F01,M05")
    seen = ScreeningCase.objects.get(rule="F01").last_seen

    second = _screen(tmp_path, rules="F01,M05,F02")

    assert ScreeningCase.objects.count() == 2
    assert (second.intake.opened, second.intake.seen_again) == (0, 2)
    case = ScreeningCase.objects.get(rule="F01")
    assert case.last_run == second.run and case.first_run == first.run
    assert case.last_seen >= seen
    assert CaseEvent.objects.count() == 2


def test_a_closed_case_hit_again_opens_a_new_one(tmp_path):
    small_province()
    take_snapshot(tmp_path)
    _screen(tmp_path, rules="F01")
    ScreeningCase.objects.filter(rule="F01").update(status=CaseStatus.CLOSED)

    again = _screen(tmp_path, rules="F01")

    assert again.intake.opened == 1
    assert ScreeningCase.objects.filter(rule="F01").count() == 2


def test_screen_command_writes_ids_in_clear_only_to_the_hits_file_and_evaluates(tmp_path):
    small_province()
    call_command("snapshot", "--out", str(tmp_path / "snap"), "--no-progress", stdout=io.StringIO())
    truth = tmp_path / "ground_truth.csv"
    truth.write_text(
        f"rule,subject,detail\nF01,{DEAD_ID},paid after death\nM05,CLM-AFTER,x\n"
        "M05,CLM-BEFORE,not really\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command(
        "screen", "--snapshot", str(tmp_path / "snap"), "--as-of", AS_OF.isoformat(),
        "--rules", "F01,M05", "--hits-out", str(tmp_path / "hits.csv"),
        "--evaluate", str(truth), "--no-progress", stdout=out,
    )  # fmt: skip

    with (tmp_path / "hits.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["rule"], r["subject"]) for r in rows] == [("F01", DEAD_ID), ("M05", "CLM-AFTER")]
    text = out.getvalue()
    assert "F01  hits       1  truth       1  tp       1  precision  1.000  recall  1.000" in text
    assert "M05  hits       1  truth       2  tp       1  precision  1.000  recall  0.500" in text
    export = AuditEntry.objects.get(action="screening.hits_export")
    assert export.extra["id_numbers_revealed"] == 1
    assert DEAD_ID not in ScreeningCase.objects.get(rule="F01").subject_key


def test_no_cases_option_only_reports(tmp_path):
    small_province()
    take_snapshot(tmp_path)
    call_command(
        "screen", "--snapshot", str(tmp_path), "--as-of", AS_OF.isoformat(), "--no-cases",
        "--no-progress", stdout=io.StringIO(),
    )  # fmt: skip
    assert not ScreeningCase.objects.exists()


def test_screening_task_runs_the_job(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    small_province()
    from hrss.supervision.tasks import screening_task

    result = screening_task.enqueue(rules="F01,M05", as_of=AS_OF.isoformat())

    assert result.return_value["opened"] == 2
    assert result.return_value["rules"] == {"F01": 1, "M05": 1}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgres_engine_reads_the_live_tables_with_the_same_hits(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    small_province()
    take_snapshot(tmp_path)
    live = screening_run(actor=SYSTEM, engine="postgres", as_of=AS_OF, record=False)
    snap = screening_run(actor=SYSTEM, snapshot=tmp_path, as_of=AS_OF, record=False)

    assert [r.hits.to_pylist() for r in live.runs] == [r.hits.to_pylist() for r in snap.runs]
    assert sum(r.hits.num_rows for r in live.runs) == 2


def test_a_queued_run_reports_each_rule_on_its_record_and_ends_at_100(tmp_path):
    from hrss.core import clock

    small_province()
    take_snapshot(tmp_path)
    run = ScreeningRun.objects.create(
        started_at=clock.now(), engine="duckdb", rules="", as_of=AS_OF, status="queued",
        actor_name="chief",
    )  # fmt: skip
    seen = []

    def on_rule(done, got):
        seen.append(ScreeningRun.objects.values_list("stage", "progress").get(pk=run.pk))

    _screen(tmp_path, rules="F01,F02,M05", run=run, on_rule=on_rule)

    assert [stage.split()[1] for stage, _p in seen] == ["F01", "F02", "M05"]
    assert [p for _s, p in seen] == [0, 31, 63]
    run.refresh_from_db()
    assert (run.status, run.progress, run.stage, run.rules) == (
        "finished",
        100,
        "已完成",
        "F01,F02,M05",
    )


def test_a_job_failing_before_the_rules_marks_its_queued_run_failed(tmp_path, settings):
    from hrss.core import clock
    from hrss.supervision.tasks import screening_task

    settings.VAR_DIR = tmp_path
    run = ScreeningRun.objects.create(
        started_at=clock.now(), engine="nope", rules="F01", as_of=AS_OF, status="queued",
        actor_name="chief",
    )  # fmt: skip

    result = screening_task.enqueue(engine="nope", run_id=run.pk, refresh_snapshot=False)

    assert result.status == "FAILED"
    run.refresh_from_db()
    assert (run.status, run.stage) == ("failed", "运行失败")
    assert "supervision.unknown_engine" in run.message
