"""Anchoring the audit chain outside the database (ASVS 16.4.3; X-Road batch anchoring).

``hrss audit anchor --out FILE`` writes the chain head (last row, its tag, the count,
the time) signed with the platform's SM2 key. Kept elsewhere (the log system, WORM
storage), an anchor proves later that the chain held at least those rows: cutting
rows off the end, even with the HMAC key in hand, no longer goes unnoticed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hrss.audit.models import AuditEntry, AuditHead
from hrss.core import clock
from hrss.core.crypto import Sm2Signer
from hrss.core.signing import platform_signer


@dataclass(frozen=True)
class AnchorCheck:
    ok: bool
    problem: str = ""


def _statement(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def anchor_create() -> dict[str, Any]:
    """The signed head of the chain as it stands now."""
    head = AuditHead.objects.filter(pk=1).first()
    body = {
        "last_id": head.last_id if head else 0,
        "last_tag": head.last_tag if head else "",
        "count": head.count if head else 0,
        "at": clock.now().isoformat(),
    }
    signer = platform_signer()
    return {**body, "public_key": signer.public_key, "signature": signer.sign(_statement(body))}


def anchor_check(anchor: dict[str, Any]) -> AnchorCheck:
    """Is the anchor authentic, and does today's chain still hold the anchored row?"""
    body = {k: anchor.get(k) for k in ("last_id", "last_tag", "count", "at")}
    signer = Sm2Signer(public_key=str(anchor.get("public_key", "")))
    if anchor.get("public_key") != platform_signer().public_key:
        return AnchorCheck(False, "anchor signed by another key")
    if not signer.verify(_statement(body), str(anchor.get("signature", ""))):
        return AnchorCheck(False, "anchor signature does not verify")
    if not body["last_id"]:
        return AnchorCheck(True)
    row = AuditEntry.objects.filter(id=body["last_id"]).values_list("tag", flat=True).first()
    if row is None:
        return AnchorCheck(False, f"anchored row #{body['last_id']} is missing (log truncated)")
    if row != body["last_tag"]:
        return AnchorCheck(False, f"anchored row #{body['last_id']} differs from the anchor")
    return AnchorCheck(True)
