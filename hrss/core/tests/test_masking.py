"""Display masking of personal data (domain.md §5.3)."""

from __future__ import annotations

import pytest

from hrss.core.masking import mask_id_number, mask_name, mask_phone, mask_uscc


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("420106196601012015", "420106********2015"),
        ("110223790813697", "110223*****3697"),
        ("1234567890", "**********"),  # 6 + 4 would show everything
        ("123", "***"),
        ("", ""),
    ],
)
def test_mask_id_number(value: str, masked: str) -> None:
    assert mask_id_number(value) == masked
    assert len(mask_id_number(value)) == len(value)


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812341234", "138****1234"),
        ("02787654321", "027****4321"),
        ("87654321", "876*4321"),
        ("8765432", "*******"),  # a 7-digit landline would otherwise be shown whole
        ("12345", "*****"),
    ],
)
def test_mask_phone(value: str, masked: str) -> None:
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("张三", "张*"),
        ("张三丰", "张**"),
        ("欧阳娜娜", "欧阳**"),
        ("司马相如", "司马**"),
        ("欧阳锋", "欧**"),  # compound surnames are kept only for names of 4+ characters
        ("王", "王*"),  # never reveals that the name has one character
        ("阿卜杜热合曼", "阿*****"),
        ("", ""),
    ],
)
def test_mask_name(value: str, masked: str) -> None:
    assert mask_name(value) == masked


def test_mask_uscc_keeps_region_and_last_four() -> None:
    assert mask_uscc("91110108551385082Q") == "911101********082Q"
