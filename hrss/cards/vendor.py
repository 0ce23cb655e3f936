"""Exchange with the card vendor (制卡商): production batches out, results back.

* ``card_batch_for_vendor`` — applied cards → ``in_production``, and the batch file
  (CSV, UTF-8) with what the vendor personalises: number, issuing region, name,
  gender, 社会保障号码, birth date. The bytes are returned, not stored: they hold
  personal data in clear, and the caller delivers them over the vendor's channel
  (each card's transition is audited with the person, so the hand-over is logged).
* ``card_import_vendor_result`` — the vendor's file (interchange rules: header row,
  no unknown columns, bad rows reported and skipped, re-running changes nothing):
  ``card_number, issuing_region, result`` (``issued`` | ``failed``) and optional
  ``identification_code`` (卡识别码), ``reason``. Issued → ``issued``; failed → back to
  ``applied`` for the next batch.
"""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass, field

from django.db import connection, transaction

from hrss.audit.services import audit_record
from hrss.cards.errors import CardError
from hrss.cards.models import Card, CardAction, CardStatus
from hrss.cards.transitions import transition
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.registry.protection import reveal_id_number

BATCH_COLUMNS = (
    "batch_no",
    "card_number",
    "issuing_region",
    "name",
    "gender",
    "id_number",
    "birth_date",
)
RESULT_REQUIRED = ("card_number", "issuing_region", "result")
RESULT_OPTIONAL = ("identification_code", "reason")


@dataclass(frozen=True)
class VendorBatch:
    batch_no: str
    filename: str
    content: bytes
    card_ids: list[int]


@dataclass(frozen=True)
class ResultReject:
    row: int  # line number in the file (header = 1)
    card_number: str
    code: str
    message: str


@dataclass
class VendorResult:
    issued: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    already_done: int = 0
    rejects: list[ResultReject] = field(default_factory=list)


@transaction.atomic
def card_batch_for_vendor(
    *, actor: Actor, issuing_region: str | None = None, limit: int = 1000
) -> VendorBatch:
    """Send up to ``limit`` applied cards (oldest first) to production; the batch file."""
    qs = Card.objects.filter(status=CardStatus.APPLIED).select_related("person")
    if issuing_region:
        qs = qs.filter(issuing_region=issuing_region)
    skip = connection.features.has_select_for_update_skip_locked
    cards = list(qs.select_for_update(skip_locked=skip, of=("self",)).order_by("pk")[:limit])
    batch_no = f"{clock.now():%Y%m%d%H%M%S}{secrets.token_hex(2).upper()}"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(BATCH_COLUMNS)
    for card in cards:
        transition(actor=actor, card=card, action=CardAction.SEND_TO_PRODUCTION, note=batch_no)
        p = card.person
        writer.writerow(
            (batch_no, card.card_number, card.issuing_region, p.name, p.gender,
             reveal_id_number(p.id_number_enc), p.birth_date.isoformat())
        )  # fmt: skip
    audit_record(
        actor=actor,
        action="card.batch_for_vendor",
        object_type="cards.batch",
        object_id=batch_no,
        extra={"cards": len(cards)},
    )
    return VendorBatch(
        batch_no, f"card_batch_{batch_no}.csv", out.getvalue().encode(), [c.pk for c in cards]
    )


def _reader(content: bytes, encoding: str) -> csv.DictReader[str]:
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError:
        raise CardError("cards.bad_encoding", f"文件不是 {encoding} 编码") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = set(reader.fieldnames or ())
    missing = [c for c in RESULT_REQUIRED if c not in columns]
    unknown = sorted(columns - set(RESULT_REQUIRED) - set(RESULT_OPTIONAL))
    if missing or unknown:
        lacking, extra = ",".join(missing) or "无", ",".join(unknown) or "无"
        raise CardError(
            "cards.bad_result_header", f"制卡结果文件表头有误(缺少:{lacking};未知列:{extra})"
        )
    return reader


@transaction.atomic
def card_import_vendor_result(
    *, actor: Actor, content: bytes, encoding: str = "utf-8-sig"
) -> VendorResult:
    """Apply the vendor's production results; bad rows are returned as rejects."""
    result = VendorResult()
    for line, row in enumerate(_reader(content, encoding), start=2):
        number = (row.get("card_number") or "").strip().upper()
        try:
            _apply_result_row(actor, row, number, result)
        except DomainError as error:
            result.rejects.append(ResultReject(line, number, error.code, error.message))
    audit_record(
        actor=actor,
        action="card.import_vendor_result",
        object_type="cards.batch",
        extra={
            "issued": len(result.issued),
            "failed": len(result.failed),
            "rejected": len(result.rejects),
        },
    )
    return result


def _apply_result_row(actor: Actor, row: dict[str, str], number: str, out: VendorResult) -> None:
    outcome = (row.get("result") or "").strip()
    if outcome not in ("issued", "failed"):
        raise CardError("cards.bad_result", "制卡结果应为 issued 或 failed")
    region = (row.get("issuing_region") or "").strip()
    card = (
        Card.objects.select_for_update().filter(issuing_region=region, card_number=number).first()
    )
    if card is None:
        raise CardError("cards.not_found", f"未找到卡号为{number}的社会保障卡")
    done = CardStatus.APPLIED if outcome == "failed" else CardStatus.ISSUED
    if card.status == done or (outcome == "issued" and card.issued_on is not None):
        out.already_done += 1
        return
    if outcome == "failed":
        reason = (row.get("reason") or "").strip() or "制卡失败"
        transition(actor=actor, card=card, action=CardAction.PRODUCTION_FAILED, note=reason)
        out.failed.append(card.pk)
        return
    card.issued_on = clock.today()
    card.identification_code = (row.get("identification_code") or "").strip()[:32]
    transition(
        actor=actor,
        card=card,
        action=CardAction.ISSUE,
        extra_fields=("issued_on", "identification_code"),
    )
    out.issued.append(card.pk)
