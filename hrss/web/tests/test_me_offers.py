"""政策找人 on 我的首页: what screening found the citizen could apply for, one click away."""

from datetime import date

import pytest

from conftest import SYSTEM, sign_in
from hrss.core import clock
from hrss.supervision.models import ProactiveKind, ScreeningRun
from hrss.supervision.proactive import Found, tasks_record

pytestmark = pytest.mark.django_db


def _offer_card_to(person):
    run = ScreeningRun.objects.create(
        started_at=clock.now(), engine="duckdb", rules="F08", as_of=date(2026, 10, 31),
        status="finished",
    )  # fmt: skip
    tasks_record(
        actor=SYSTEM, run=run, kind=ProactiveKind.CARD,
        found=[Found(subject=person.id_number_index, detail="F08")],
    )  # fmt: skip


def test_citizen_sees_the_offer_with_a_link_to_apply(client, zhang, person_zhang):
    _offer_card_to(person_zhang)
    page = sign_in(client, zhang).get("/me/").content.decode()
    assert "您可以申请" in page
    assert "/services/GG00301001/" in page  # 社会保障卡申领


def test_another_citizen_does_not_see_it(client, li, person_zhang):
    _offer_card_to(person_zhang)
    page = sign_in(client, li).get("/me/").content.decode()
    assert "/services/GG00301001/" not in page
