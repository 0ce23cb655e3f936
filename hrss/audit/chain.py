"""Canonical form and tags of audit rows (pure: no queries)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from hrss.core.crypto import hmac_sm3

GENESIS_TAG = "0" * 64


def canonical(
    *,
    seq: int,
    at: datetime,
    fields: dict[str, Any],
) -> bytes:
    body = {"seq": seq, "at": at.astimezone(UTC).isoformat(timespec="microseconds"), **fields}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def entry_tag(key: bytes, prev_tag: str, row: bytes) -> str:
    return hmac_sm3(key, prev_tag.encode() + b"|" + row).hex()


def head_tag(key: bytes, last_id: int, last_tag: str, count: int) -> str:
    return hmac_sm3(key, f"head|{last_id}|{last_tag}|{count}".encode()).hex()
