"""Reference data the registry ships with: the GB/T 2260 table (used by migration 0002
and by the test suite after a transactional test has flushed the tables)."""

from __future__ import annotations

from typing import Any

from hrss.core.regions import region_table

LEVEL_ORDER = {"province": 0, "prefecture": 1}


def load_regions(region_model: Any) -> int:
    """Insert or update every bundled code (parents first); return how many there are."""
    rows = sorted(region_table().values(), key=lambda r: (LEVEL_ORDER.get(r.level, 2), r.code))
    for r in rows:
        region_model.objects.update_or_create(
            code=r.code,
            defaults={
                "name": r.name,
                "level": r.level,
                "parent_id": r.parent,
                "valid_from": r.valid_from,
                "valid_to": r.valid_to,
            },
        )
    return len(rows)
