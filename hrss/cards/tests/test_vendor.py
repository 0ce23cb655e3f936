"""Production batches to the card vendor and the vendor's result file."""

import csv
import io

import pytest

from conftest import SYSTEM, ZHANG_ID
from hrss.cards import services, vendor
from hrss.cards.models import Card
from hrss.core.errors import DomainError

pytestmark = pytest.mark.django_db


def result_file(*rows, header="card_number,issuing_region,result,identification_code,reason"):
    return ("\ufeff" + header + "\n" + "\n".join(rows) + "\n").encode()


def test_batch_moves_applied_cards_to_production_and_writes_the_file(person_zhang, person_li):
    zhang = services.card_apply(actor=SYSTEM, person=person_zhang)
    services.card_apply(actor=SYSTEM, person=person_li, issuing_region="420102")
    batch = vendor.card_batch_for_vendor(actor=SYSTEM, issuing_region="420106")
    assert batch.card_ids == [zhang.pk]
    assert batch.filename == f"card_batch_{batch.batch_no}.csv"
    [row] = list(csv.DictReader(io.StringIO(batch.content.decode())))
    assert row == {
        "batch_no": batch.batch_no,
        "card_number": zhang.card_number,
        "issuing_region": "420106",
        "name": "张伟",
        "gender": "1",
        "id_number": ZHANG_ID,
        "birth_date": "1985-03-14",
    }
    zhang.refresh_from_db()
    assert zhang.status == "in_production"
    assert zhang.events.last().note == batch.batch_no
    # nothing left to send in 420106
    assert vendor.card_batch_for_vendor(actor=SYSTEM, issuing_region="420106").card_ids == []


def test_results_issue_fail_and_reject_and_a_rerun_changes_nothing(person_zhang, person_li):
    ok = services.card_apply(actor=SYSTEM, person=person_zhang)
    bad = services.card_apply(actor=SYSTEM, person=person_li)
    vendor.card_batch_for_vendor(actor=SYSTEM)
    content = result_file(
        f"{ok.card_number},420106,issued,86100000000000000001,",
        f"{bad.card_number},{bad.issuing_region},failed,,照片不合格",
        "Z99999999,420106,issued,,",
        f"{ok.card_number},420106,lost,,",
    )
    result = vendor.card_import_vendor_result(actor=SYSTEM, content=content)
    assert (result.issued, result.failed) == ([ok.pk], [bad.pk])
    assert [(r.row, r.code) for r in result.rejects] == [
        (4, "cards.not_found"),
        (5, "cards.bad_result"),
    ]
    ok.refresh_from_db()
    bad.refresh_from_db()
    assert (ok.status, ok.identification_code) == ("issued", "86100000000000000001")
    assert ok.issued_on is not None
    assert (bad.status, bad.events.last().note) == ("applied", "照片不合格")
    again = vendor.card_import_vendor_result(actor=SYSTEM, content=content)
    assert (again.issued, again.failed, again.already_done) == ([], [], 2)


def test_a_result_for_a_card_not_in_production_is_rejected(person_zhang):
    card = services.card_apply(actor=SYSTEM, person=person_zhang)
    result = vendor.card_import_vendor_result(
        actor=SYSTEM, content=result_file(f"{card.card_number},420106,issued,,")
    )
    assert [r.code for r in result.rejects] == ["cards.invalid_transition"]
    assert Card.objects.get().status == "applied"


def test_a_bad_header_refuses_the_whole_file():
    with pytest.raises(DomainError) as caught:
        vendor.card_import_vendor_result(
            actor=SYSTEM, content=result_file(header="card_no,issuing_region,result,color")
        )
    assert caught.value.code == "cards.bad_result_header"
    assert caught.value.message == "制卡结果文件表头有误(缺少:card_number;未知列:card_no,color)"
