"""电子社保卡 QR code (展码): a short-lived payload signed with the platform's SM2 key.

Layout: ``HRSSEC1.<base64url(JSON)>.<SM2 signature hex>``, the JSON holding the
card's internal id (never the ID number), ``iat``/``exp`` (Unix seconds, 60 s
apart) and a random nonce. The signature covers ``HRSSEC1.<base64url(JSON)>``.
A scanner (hospital, bank, kiosk) calls ``ecard_verify``: genuine, not expired, and
the card still active; otherwise a reason it can show. The e-card is mapped 1:1 to
the person's physical card in use (domain notes §1.5), so an active card is needed.
Replay within the 60 s is not prevented here (a scanner that needs it keeps the nonce).
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from hrss.cards.errors import CardError
from hrss.cards.models import Card, CardStatus
from hrss.core import clock
from hrss.core.signing import platform_signer
from hrss.registry.models import Person

PREFIX = "HRSSEC1"
LIFETIME = timedelta(seconds=60)
CLOCK_SKEW = timedelta(seconds=5)


@dataclass(frozen=True)
class EcardQr:
    payload: str
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class EcardCheck:
    valid: bool
    code: str
    message: str
    card_id: int | None = None
    person_id: int | None = None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def ecard_qr_payload(*, person: Person) -> EcardQr:
    """A QR payload for the person's active card, valid for 60 seconds."""
    card = Card.objects.filter(person=person, status=CardStatus.ACTIVE).first()
    if card is None:
        raise CardError("cards.no_active_card", "您没有正常状态的社会保障卡,无法展示电子社保卡")
    now = clock.now().replace(microsecond=0)
    claims = {
        "v": 1,
        "cid": card.pk,
        "iat": int(now.timestamp()),
        "exp": int((now + LIFETIME).timestamp()),
        "nonce": secrets.token_hex(8),
    }
    body = f"{PREFIX}.{_b64(json.dumps(claims, separators=(',', ':')).encode())}"
    signature = platform_signer().sign(body.encode())
    return EcardQr(f"{body}.{signature}", now, now + LIFETIME)


def _refuse(code: str, message: str) -> EcardCheck:
    return EcardCheck(False, f"ecard.{code}", message)


def _claims(payload: str) -> dict[str, int | str] | None:
    try:
        prefix, body, _ = payload.strip().split(".")
        claims = json.loads(_unb64(body))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    keys = {"v", "cid", "iat", "exp", "nonce"}
    if prefix != PREFIX or not isinstance(claims, dict) or set(claims) != keys:
        return None
    if not all(isinstance(claims[k], int) for k in ("v", "cid", "iat", "exp")):
        return None
    return claims


def ecard_verify(payload: str) -> EcardCheck:
    """Is this QR payload genuine, current, and of a card still in normal use?"""
    claims = _claims(payload)
    if claims is None:
        return _refuse("malformed", "无法识别的电子社保卡二维码")
    body, _, signature = payload.strip().rpartition(".")
    if not platform_signer().verify(body.encode(), signature):
        return _refuse("bad_signature", "二维码签名无效,可能被篡改")
    now = int(clock.now().timestamp())
    if now >= int(claims["exp"]):
        return _refuse("expired", "二维码已过期,请刷新后重新出示")
    if int(claims["iat"]) > now + CLOCK_SKEW.total_seconds():
        return _refuse("not_yet_valid", "二维码时间异常,请校准手机时间后刷新")
    card = Card.objects.filter(pk=claims["cid"]).first()
    if card is None or card.status != CardStatus.ACTIVE:
        return _refuse("card_not_active", "该社会保障卡已挂失、注销或不在正常状态")
    return EcardCheck(True, "ecard.valid", "电子社保卡有效", card.pk, card.person_id)
