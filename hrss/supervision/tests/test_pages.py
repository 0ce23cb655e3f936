"""The supervision pages: who sees what, the screening button and its progress bar,
the case actions with CSRF, and the suspension on confirming an F01 case."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from conftest import SYSTEM, sign_in
from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.core.identifiers.id_number import build_id_number
from hrss.iam.models import Account
from hrss.insurance.models import Enrolment
from hrss.supervision.models import CaseEvent, ProactiveTask, ScreeningCase, ScreeningRun
from hrss.supervision.screening import screening_run
from hrss.supervision.snapshot import take_snapshot
from hrss.supervision.tests.factories import AS_OF, pension_claim, person, small_province

pytestmark = pytest.mark.django_db


def _staff(username: str, role: str, district: str) -> Account:
    return Account.objects.create_user(
        username=username, password="Test-Passw0rd!", role=role, district=district
    )


@pytest.fixture
def chief():
    return _staff("chief_wuhan", "supervisor", "420100")


@pytest.fixture
def inspector():
    return _staff("inspector_wuchang", "inspector", "420106")


@pytest.fixture
def outsider():
    return _staff("inspector_jingzhou", "inspector", "421000")


@pytest.fixture
def cases(tmp_path):
    small = small_province()
    take_snapshot(tmp_path)
    screening_run(actor=SYSTEM, snapshot=tmp_path, as_of=AS_OF, rules="F01,M05")
    return small


def _client(account) -> Client:
    return sign_in(Client(enforce_csrf_checks=True), account)


def _post(client: Client, url: str, data: dict | None = None):
    """POST with the CSRF token the page gave (as a browser would)."""
    page = client.get("/supervision/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token[1] if token else ""})


def test_anonymous_goes_to_login_and_other_roles_get_not_found(clerk_wuchang, zhang):
    assert Client().get("/supervision/").status_code == 302
    assert sign_in(Client(), clerk_wuchang).get("/supervision/").status_code == 404
    assert sign_in(Client(), zhang).get("/supervision/cases/").status_code == 404


def test_supervisor_sees_the_cases_of_the_district_masked(cases, chief):
    f01 = ScreeningCase.objects.get(rule="F01")
    page = _client(chief).get("/supervision/cases/").content.decode()

    assert "共 2 件" in page and "结算单 CLM-AFTER" in page
    assert cases.dead.id_number_masked in page and "王**" in page
    assert "王老汉" not in page and cases.dead.id_number_index not in page
    only = _client(chief).get("/supervision/cases/?rule=F01&district=420106").content.decode()
    assert "共 1 件" in only and f'href="/supervision/cases/{f01.pk}/"' in only
    assert "共 0 件" in _client(chief).get("/supervision/cases/?district=420600").content.decode()


def test_inspector_of_another_district_gets_not_found_and_writes_nothing(cases, outsider):
    case = ScreeningCase.objects.get(rule="F01")
    client = _client(outsider)
    audit_before = AuditEntry.objects.count()

    listing = client.get("/supervision/cases/").content.decode()
    assert "共 0 件" in listing and f'href="/supervision/cases/{case.pk}/"' not in listing
    assert client.get(f"/supervision/cases/{case.pk}/").status_code == 404
    assert client.get("/supervision/cases/999999/").status_code == 404
    response = _post(client, f"/supervision/cases/{case.pk}/start_investigation/")

    assert response.status_code == 404
    assert AuditEntry.objects.count() == audit_before
    case.refresh_from_db()
    assert (case.status, case.version) == ("new", 1)
    assert (
        _client(outsider).get(f"/supervision/runs/{ScreeningRun.objects.get().pk}/").status_code
        == 404
    )


def test_the_button_starts_a_run_that_the_page_follows(
    chief, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.VAR_DIR = tmp_path
    small_province()
    client = _client(chief)
    assert client.post("/supervision/runs/", {"rules": ["F01"]}).status_code == 403  # no token

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            "/supervision/runs/",
            {"rules": ["F01", "M05"], "as_of": "2025-06-30", "engine": "duckdb", "retirement": "1"},
        )

    run = ScreeningRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/supervision/runs/{run.pk}/"
    assert (run.status, run.progress, run.stage, run.rules) == (
        "finished",
        100,
        "已完成",
        "F01,M05",
    )
    assert ScreeningCase.objects.filter(last_run=run).count() == 2
    assert AuditEntry.objects.filter(action="screening.request", object_id=str(run.pk)).exists()
    page = client.get(f"/supervision/runs/{run.pk}/").content.decode()
    assert 'value="100"' in page and "已完成" in page and "http-equiv" not in page


def test_a_running_job_shows_its_progress_and_refreshes_and_a_second_start_is_refused(chief):
    run = ScreeningRun.objects.create(
        started_at=clock.now(), engine="duckdb", rules="F01,F02", as_of=AS_OF,
        status="running", actor_name="chief", progress=57,
        stage="正在筛查 F02 服刑期间领取养老金(2/2)",
    )  # fmt: skip
    client = _client(chief)

    page = client.get(f"/supervision/runs/{run.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert 'value="57"' in page and "57%" in page and "正在筛查 F02" in page
    assert "可以离开本页" in page
    assert client.get(f"/supervision/runs/{run.pk}/progress/").json()["progress"] == 57
    index = client.get("/supervision/").content.decode()
    assert "已有筛查正在进行" in index and 'http-equiv="refresh"' in index

    refused = _post(client, "/supervision/runs/", {"rules": ["F01"]})
    assert refused.status_code == 409 and "已有筛查任务正在运行" in refused.content.decode()
    assert ScreeningRun.objects.count() == 1


def test_case_actions_through_the_pages_and_confirming_suspends_the_pension(
    cases, chief, inspector
):
    case = ScreeningCase.objects.get(rule="F01")
    claim = pension_claim(cases.dead)
    boss, worker = _client(chief), _client(inspector)
    url = f"/supervision/cases/{case.pk}"

    assert _post(worker, f"{url}/assign/", {"assignee": inspector.pk}).status_code == 403
    assert _post(boss, f"{url}/assign/", {"assignee": inspector.pk}).status_code == 302
    assert _post(worker, f"{url}/start_investigation/").status_code == 302
    bad = _post(worker, f"{url}/confirm/", {"amount": "很多"})
    assert bad.status_code == 400 and "金额格式不正确" in bad.content.decode()
    done = _post(worker, f"{url}/confirm/", {"amount": "6000", "note": "已核实"})
    assert done.status_code == 302 and done["Location"] == f"{url}/?done=confirm"
    assert _post(worker, f"{url}/record_recovery/", {"amount": "6000"}).status_code == 302
    assert _post(worker, f"{url}/close/").status_code == 403  # supervisors close
    assert _post(boss, f"{url}/close/", {"note": "已全额追回"}).status_code == 302

    case.refresh_from_db()
    claim.refresh_from_db()
    assert (case.status, str(case.amount_recovered)) == ("closed", "6000.00")
    assert claim.status == "suspended"
    assert AuditEntry.objects.filter(action="benefit.suspend", person_id=cases.dead.pk).exists()
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions == [
        "open",
        "assign",
        "start_investigation",
        "confirm",
        "record_recovery",
        "close",
    ]
    page = boss.get(f"{url}/").content.decode()
    assert "办理记录" in page and "已全额追回" in page and "6000.00 元" in page


def test_the_case_page_offers_only_the_actions_of_its_status_and_role(cases, chief, inspector):
    case = ScreeningCase.objects.get(rule="F01")
    assert "/assign/" in _client(chief).get(f"/supervision/cases/{case.pk}/").content.decode()
    page = _client(inspector).get(f"/supervision/cases/{case.pk}/").content.decode()
    assert "/assign/" not in page and "您没有可办理的操作" in page
    assert (
        AuditEntry.objects.filter(action="screening_case.read", object_id=str(case.pk)).count() == 2
    )


def test_the_task_list_and_marking_a_task_done(tmp_path, inspector):
    jingzhou = small_province().alive  # 荆州: not the inspector's district
    Enrolment.objects.create(person=jingzhou, insurance="medical", start_month=date(2024, 1, 1))
    mine = person(
        build_id_number("420106", date(1990, 1, 1), 21), date(1990, 1, 1), "420106", "郑持卡"
    )
    Enrolment.objects.create(person=mine, insurance="medical", start_month=date(2024, 1, 1))
    take_snapshot(tmp_path)
    screening_run(actor=SYSTEM, snapshot=tmp_path, as_of=AS_OF, rules="F08")
    client = _client(inspector)

    page = client.get("/supervision/tasks/").content.decode()
    assert "社会保障卡申领提醒" in page and mine.id_number_masked in page
    assert jingzhou.id_number_masked not in page
    task = ProactiveTask.objects.get(person=mine)
    foreign = ProactiveTask.objects.get(person=jingzhou)
    assert _post(client, f"/supervision/tasks/{foreign.pk}/done/").status_code == 404
    assert (
        _post(client, f"/supervision/tasks/{task.pk}/done/", {"note": "已告知"}).status_code == 302
    )
    task.refresh_from_db()
    assert (task.status, task.done_by, task.done_note) == ("done", "inspector_wuchang", "已告知")
