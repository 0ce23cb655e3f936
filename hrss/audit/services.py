"""Writes to the audit log: one door, :func:`audit_record`.

Called by every service inside its own transaction, so the business change and
its audit row commit or roll back together. Appends are serialised by locking
the chain head row. The log never holds personal data in clear: persons are
referred to by their internal number, never by ID number, name or phone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction

from hrss.audit.chain import GENESIS_TAG, canonical, entry_tag, head_tag
from hrss.audit.models import AuditEntry, AuditHead, Outcome
from hrss.core import clock
from hrss.core.actors import Actor


def _key() -> bytes:
    key = settings.AUDIT_CHAIN_KEY
    assert isinstance(key, bytes)
    return key


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = AuditHead(pk=1, last_id=0, last_tag=GENESIS_TAG, count=0)
        head.tag = head_tag(_key(), 0, GENESIS_TAG, 0)
        head.save(force_insert=True)
    return head


def _text(value: str, limit: int) -> str:
    """Audit text never carries control characters (NUL would also break PostgreSQL)."""
    return "".join(ch for ch in value if ch >= " " or ch in "\t")[:limit]


def _clean_extra(extra: Mapping[str, Any] | None) -> dict[str, Any]:
    """Keep JSON-stable scalars only (str/int/bool/None, lists of them)."""
    clean: dict[str, Any] = {}
    for k, v in (extra or {}).items():
        if isinstance(v, str):
            clean[k] = _text(v, 500)
        elif isinstance(v, bool | int) or v is None:
            clean[k] = v
        elif isinstance(v, list | tuple):
            clean[k] = [x if isinstance(x, bool | int | str) else str(x) for x in v]
        else:
            clean[k] = str(v)
    return clean


def audit_record(
    *,
    actor: Actor,
    action: str,
    object_type: str = "",
    object_id: str | int = "",
    person_id: int | None = None,
    outcome: str = Outcome.OK,
    reason: str = "",
    extra: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one row to the chain (inside the caller's transaction, or its own)."""
    with transaction.atomic():
        head = _locked_head()
        fields = {
            "actor_id": actor.pk,
            "actor_name": actor.get_username()[:150],
            "actor_role": str(actor.role)[:32],
            "action": action,
            "object_type": object_type,
            "object_id": str(object_id),
            "person_id": person_id,
            "outcome": str(outcome),
            "reason": _text(reason, 200),
            "extra": _clean_extra(extra),
        }
        seq = head.last_id + 1
        at = clock.now()
        tag = entry_tag(_key(), head.last_tag, canonical(seq=seq, at=at, fields=fields))
        entry = AuditEntry.objects.create(id=seq, at=at, prev_tag=head.last_tag, tag=tag, **fields)
        head.last_id, head.last_tag, head.count = seq, tag, head.count + 1
        head.tag = head_tag(_key(), seq, tag, head.count)
        head.save(update_fields=["last_id", "last_tag", "count", "tag"])
        return entry
