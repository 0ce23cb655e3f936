"""Masking of personal data for display (docs: domain.md §5.3).

ID ``420106********123X`` (first 6, last 4), phone ``138****1234``, name ``张*``.
The policy is one function per field so a role-specific policy can swap it.
"""

from __future__ import annotations


def mask_id_number(value: str) -> str:
    if len(value) <= 10:  # keeping 6 + 4 would hide nothing: hide it all
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    if len(value) <= 7:  # e.g. a 7-digit landline: keeping 3 + 4 would hide nothing
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """Keep the surname (one character; two for a compound surname of 4+ chars)."""
    if not value:
        return value
    keep = 2 if len(value) >= 4 and value[:2] in COMPOUND_SURNAMES else 1
    return value[:keep] + "*" * max(len(value) - keep, 1)


def mask_uscc(value: str) -> str:
    return mask_id_number(value)


# fmt: off
COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯",
     "轩辕", "宇文", "司徒", "端木", "独孤", "南宫", "西门", "百里"}
)
# fmt: on
