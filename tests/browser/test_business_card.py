"""社会保障卡补换 in the real browser: 张伟 has lost his card in use; he applies for a
replacement in the portal, a caseworker approves it, he reads the new card number in
the result, and the cards area shows the old card replaced by the new one."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from hrss.cards.selectors import card_current_for_person, card_list_for_person
from hrss.cards.tests.helpers import active_card
from hrss.service_hall.tests.factories import PDF, PNG
from tests.browser.business_helpers import (
    act,
    find_item,
    result_text,
    signed_in,
    start_application,
    submit,
    upload,
)
from tests.browser.conftest import assert_accessible, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lost_card_is_replaced_with_a_new_number(
    new_context, shots, tmp_path, zhang, person_zhang, clerk_wuchang
):
    old = active_card(person_zhang)
    citizen = signed_in(new_context, zhang)
    find_item(citizen, "补卡", "社会保障卡补换")
    app_id = start_application(citizen)
    upload(citizen, tmp_path, "居民身份证", "身份证.pdf", PDF)
    upload(citizen, tmp_path, "本人近期免冠证件照", "照片.png", PNG)
    submit(citizen)

    clerk = signed_in(new_context, clerk_wuchang)
    act(clerk, app_id, "受理", "开始审核", "审核通过", "办结")
    expect(clerk.locator(".timeline")).to_contain_text(f"原社会保障卡(卡号{old.card_number})")

    result = result_text(citizen, app_id)
    new_number = re.search(r"新卡号(\w+),", result)
    assert new_number, result
    assert f"原社会保障卡(卡号{old.card_number})已正式挂失并办理补换,原卡停止使用" in result
    assert new_number.group(1) != old.card_number
    assert_accessible(citizen)
    shoot(citizen, shots, "36-card-replace-result")

    new, replaced = card_list_for_person(person=person_zhang)
    assert (new.card_number, new.status, new.replaces_id) == (
        new_number.group(1),
        "applied",
        old.pk,
    )
    assert replaced.pk == old.pk and replaced.status == "replaced"
    assert card_current_for_person(person=person_zhang) is None  # the new one is being made
    assert [e.action for e in replaced.events.order_by("pk")][-2:] == ["report_loss", "replace"]
