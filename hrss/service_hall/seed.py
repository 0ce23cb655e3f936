"""The service catalog the platform ships with (``data/catalog.json``).

Used by migration 0003 and by the test suite after a transactional test has flushed
the tables. Upserts by code, so running it again updates the shipped fields and keeps
what administrators added.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

CATALOG_FILE = Path(__file__).parent / "data" / "catalog.json"
STEPS = "网上申请\n受理\n审核\n办结"
INSTANT_STEPS = "网上申请\n即时办结"
ITEM_DEFAULTS: dict[str, Any] = {
    "legal_basis": "",
    "conditions": "",
    "fee": Decimal("0"),
    "channels": "web,app,window",
    "executor": "",
    "condition_check": "",
    "needs_second_review": False,
    "fully_online": False,
    "instant": False,
    "keywords": "",
    "active": True,
}
MATERIAL_DEFAULTS: dict[str, Any] = {
    "description": "",
    "accepted_types": "application/pdf,image/jpeg,image/png",
    "max_bytes": 10 * 1024 * 1024,
    "optional": False,
    "reusable_kind": "",
}


def catalog_rows() -> list[dict[str, Any]]:
    data = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    return list(data["items"])


def _item_fields(row: dict[str, Any]) -> dict[str, Any]:
    fields = {**ITEM_DEFAULTS, **{k: v for k, v in row.items() if k not in {"code", "materials"}}}
    fields.setdefault("steps", INSTANT_STEPS if fields["instant"] else STEPS)
    return fields


def load_service_catalog(item_model: Any, material_model: Any) -> int:
    """Insert or update every shipped item and its materials; return how many items."""
    rows = catalog_rows()
    for row in rows:
        item, _ = item_model.objects.update_or_create(code=row["code"], defaults=_item_fields(row))
        for position, material in enumerate(row.get("materials", []), start=1):
            fields = {**MATERIAL_DEFAULTS, **material, "position": position}
            material_model.objects.update_or_create(
                item=item, code=fields.pop("code"), defaults=fields
            )
    return len(rows)
