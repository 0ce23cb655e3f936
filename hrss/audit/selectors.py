"""Reads of the audit log, including the chain verification."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

from hrss.audit.chain import GENESIS_TAG, canonical, entry_tag, head_tag
from hrss.audit.models import AuditEntry, AuditHead
from hrss.core.crypto import constant_time_equal

FIELDS = (
    "actor_id",
    "actor_name",
    "actor_role",
    "action",
    "object_type",
    "object_id",
    "person_id",
    "outcome",
    "reason",
    "extra",
)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    problem: str = ""


def _check_entry(key: bytes, entry: AuditEntry, expected_id: int, prev_tag: str) -> str:
    if entry.id != expected_id:
        return f"sequence gap or reorder: expected #{expected_id}, found #{entry.id}"
    if entry.prev_tag != prev_tag:
        return "previous tag does not match the row before (row removed or reordered)"
    row = canonical(seq=entry.id, at=entry.at, fields={f: getattr(entry, f) for f in FIELDS})
    if not constant_time_equal(entry_tag(key, prev_tag, row), entry.tag):
        return "row content does not match its tag (row edited)"
    return ""


def audit_verify(*, chunk_size: int = 5000) -> ChainReport:
    """Recompute the chain; report the first row where it breaks."""
    key = settings.AUDIT_CHAIN_KEY
    assert isinstance(key, bytes)
    prev_tag, expected, checked = GENESIS_TAG, 1, 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=chunk_size):
        problem = _check_entry(key, entry, expected, prev_tag)
        if problem:
            return ChainReport(ok=False, checked=checked, first_bad_id=expected, problem=problem)
        prev_tag, expected, checked = entry.tag, expected + 1, checked + 1
    return _check_head(key, checked, prev_tag)


def _check_head(key: bytes, checked: int, last_tag: str) -> ChainReport:
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        if checked:
            return ChainReport(False, checked, checked, "chain head missing")
        return ChainReport(ok=True, checked=0)
    if not constant_time_equal(head_tag(key, head.last_id, head.last_tag, head.count), head.tag):
        return ChainReport(False, checked, head.last_id, "chain head edited")
    if head.last_id != checked or head.count != checked or head.last_tag != last_tag:
        first_missing = checked + 1 if head.last_id > checked else head.last_id
        return ChainReport(False, checked, first_missing, "rows missing at the end (truncated)")
    return ChainReport(ok=True, checked=checked)


def audit_entries_for_person(*, person_id: int) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(person_id=person_id).order_by("-id")
