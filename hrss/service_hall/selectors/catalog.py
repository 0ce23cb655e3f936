"""Reads of the service catalog, and the catalog search (in Chinese, no search engine).

The catalog is small (hundreds of items), so search scores every active item in
Python: an exact or substring hit on the code, name or a keyword first, then an
ordered-character subsequence ("失业金" → 失·业·保险·金·申领), closer characters first.
"""

from __future__ import annotations

from django.db.models import QuerySet

from hrss.service_hall.errors import ServiceItemNotFound
from hrss.service_hall.models import ServiceItem

MAX_QUERY_CHARS = 40


def service_item_list(*, category: str = "") -> QuerySet[ServiceItem]:
    qs = ServiceItem.objects.filter(active=True).order_by("category", "code")
    return qs.filter(category=category) if category else qs


def service_item_get(code: str) -> ServiceItem:
    """The active item with this code (its materials prefetched); ``ServiceItemNotFound``."""
    item = (
        ServiceItem.objects.filter(code=code.strip().upper(), active=True)
        .prefetch_related("materials")
        .first()
    )
    if item is None:
        raise ServiceItemNotFound()
    return item


def normalise(text: str) -> str:
    return "".join(text.lower().split())


def subsequence_spread(query: str, text: str) -> int | None:
    """How scattered ``query``'s characters are in ``text`` (in order); ``None`` if absent.

    0 means a prefix; each skipped character between or before the hits adds one.
    """
    position, spread = -1, 0
    for char in query:
        found = text.find(char, position + 1)
        if found < 0:
            return None
        spread += found - position - 1
        position = found
    return spread


def _direct_score(term: str, item: ServiceItem, name: str, keys: list[str]) -> int:
    if term == item.code.lower():
        return 1000
    if term == name:
        return 900
    if term in keys:
        return 800
    if name.startswith(term):
        return 700
    if term in name:
        return 600
    if any(term in k for k in keys):
        return 500
    if item.code.lower().startswith(term):
        return 450
    return 0


def _fuzzy_score(term: str, name: str, keys: list[str]) -> int:
    spread = subsequence_spread(term, name)
    if spread is not None:
        return 300 - min(spread, 99)
    spreads = [s for k in keys if (s := subsequence_spread(term, k)) is not None]
    return 200 - min(min(spreads), 99) if spreads else 0


def score(query: str, item: ServiceItem) -> int:
    """Relevance of ``item`` to ``query`` (0: no match). Every term must match."""
    name = normalise(item.name)
    keys = [normalise(k) for k in item.keyword_list]
    total = 0
    for term in query.lower().split():
        points = _direct_score(term, item, name, keys) or _fuzzy_score(term, name, keys)
        if not points:
            return 0
        total += points
    return total


def service_item_search(q: str, *, category: str = "") -> list[ServiceItem]:
    """Active items matching ``q``, best first (ties by code); all items when ``q`` is blank."""
    query = q.strip()[:MAX_QUERY_CHARS]
    items = list(service_item_list(category=category))
    if not query:
        return items
    scored = [(score(query, item), item) for item in items]
    ranked = sorted((pair for pair in scored if pair[0] > 0), key=lambda p: (-p[0], p[1].code))
    return [item for _, item in ranked]
