"""Which area imports which interchange file: the dispatcher owns no rule itself."""

from __future__ import annotations

from typing import Any

from hrss.cards.importers import IMPORTERS as CARDS
from hrss.insurance.importers import IMPORTERS as INSURANCE
from hrss.registry.importers import IMPORTERS as REGISTRY
from hrss.supervision.importers import IMPORTERS as SUPERVISION

IMPORTERS: dict[str, Any] = {**REGISTRY, **INSURANCE, **CARDS, **SUPERVISION}

# The order a whole province loads in (references point backwards only).
LOAD_ORDER = (
    "parameters",
    "persons",
    "employers",
    "employment",
    "life_events",
    "enrolments",
    "contributions",
    "personal_accounts",
    "benefit_payments",
    "cards",
    "claims",
    "claim_items",
)
