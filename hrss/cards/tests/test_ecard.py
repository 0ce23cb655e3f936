"""电子社保卡 QR: SM2-signed, 60 seconds, refused when tampered, expired or the card lost."""

import base64
import json
from datetime import datetime, timedelta

import pytest

from conftest import SYSTEM
from hrss.cards import ecard, services
from hrss.cards.tests.helpers import active_card
from hrss.core import clock
from hrss.core.errors import DomainError

pytestmark = pytest.mark.django_db
NOON = datetime.fromisoformat("2025-06-01T12:00:00+08:00")


def at(moment):
    return clock.frozen(moment)


def test_payload_is_valid_for_60_seconds(person_zhang):
    card = active_card(person_zhang)
    with at(NOON):
        qr = ecard.ecard_qr_payload(person=person_zhang)
    assert qr.expires_at - qr.issued_at == timedelta(seconds=60)
    with at(NOON + timedelta(seconds=59)):
        check = ecard.ecard_verify(qr.payload)
    assert (check.valid, check.card_id, check.person_id) == (True, card.pk, person_zhang.pk)
    with at(NOON + timedelta(seconds=60)):
        check = ecard.ecard_verify(qr.payload)
    assert (check.valid, check.code, check.message) == (
        False,
        "ecard.expired",
        "二维码已过期,请刷新后重新出示",
    )


def test_payload_holds_no_identifier_and_two_payloads_differ(person_zhang):
    active_card(person_zhang)
    with at(NOON):
        one, two = (ecard.ecard_qr_payload(person=person_zhang) for _ in range(2))
    body = one.payload.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    assert set(claims) == {"v", "cid", "iat", "exp", "nonce"}
    assert one.payload != two.payload


def _tamper(payload: str) -> str:
    prefix, body, signature = payload.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["exp"] += 3600  # try to make it live an hour longer
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{prefix}.{forged}.{signature}"


@pytest.mark.parametrize(
    ("mangle", "code"),
    [
        (_tamper, "ecard.bad_signature"),
        (lambda p: p[:-2] + ("00" if p[-2:] != "00" else "11"), "ecard.bad_signature"),
        (lambda p: "HRSSEC1.not-json.abcd", "ecard.malformed"),
        (lambda p: "hello", "ecard.malformed"),
    ],
    ids=["longer_life_case", "signature_changed_case", "garbage_body_case", "not_ours_case"],
)
def test_a_tampered_payload_fails(person_zhang, mangle, code):
    active_card(person_zhang)
    with at(NOON):
        qr = ecard.ecard_qr_payload(person=person_zhang)
        check = ecard.ecard_verify(mangle(qr.payload))
    assert (check.valid, check.code) == (False, code)


def test_a_card_lost_after_showing_the_code_fails(person_zhang):
    active_card(person_zhang)
    with at(NOON):
        qr = ecard.ecard_qr_payload(person=person_zhang)
        services.card_report_temporary_loss(actor=SYSTEM, person=person_zhang)
        check = ecard.ecard_verify(qr.payload)
    assert (check.valid, check.code) == (False, "ecard.card_not_active")


def test_no_active_card_no_e_card(person_zhang):
    services.card_apply(actor=SYSTEM, person=person_zhang)
    with pytest.raises(DomainError) as caught:
        ecard.ecard_qr_payload(person=person_zhang)
    assert caught.value.code == "cards.no_active_card"
