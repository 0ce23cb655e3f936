"""统一社会信用代码 (GB 32100-2015) with its embedded 组织机构代码 (GB 11714-1997).

18 characters from ``0-9 A-H J-N P-R T U W-Y``: registration authority (1),
organisation category (1), registering office's region code (6), the 9-character
organisation code (8 + its own GB 11714 check character), the check character.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrss.core.errors import DomainError
from hrss.core.regions import PROVINCE_CODES

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


class UsccError(DomainError):
    default_code = "uscc.invalid"
    default_message = "统一社会信用代码无效"


@dataclass(frozen=True, slots=True)
class Uscc:
    value: str
    authority: str
    category: str
    region_code: str
    org_code: str

    def __str__(self) -> str:
        return self.value


def uscc_check_char(first17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def _org_value(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("A") + 10


def org_code_check_char(first8: str) -> str:
    """GB 11714 check character: C = 11 - S mod 11, 10 → X, 11 → 0."""
    c = 11 - sum(_org_value(ch) * w for ch, w in zip(first8, ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def _fail(code: str, message: str) -> UsccError:
    return UsccError(f"uscc.{code}", message)


def parse_uscc(raw: str) -> Uscc:
    """Validate ``raw``; error codes ``uscc.empty``, ``bad_length``, ``bad_char``,
    ``bad_check_char``, ``bad_org_code``, ``unknown_region``."""
    value = raw.strip().upper().replace(" ", "")
    if not value:
        raise _fail("empty", "统一社会信用代码不能为空")
    if len(value) != 18:
        raise _fail("bad_length", f"统一社会信用代码应为18位(现为{len(value)}位)")
    bad = sorted({c for c in value if c not in ALPHABET})
    if bad:
        raise _fail("bad_char", f"统一社会信用代码含有不允许的字符:{''.join(bad)}")
    if uscc_check_char(value[:17]) != value[17]:
        raise _fail("bad_check_char", "统一社会信用代码校验位错误,请核对最后一位")
    if org_code_check_char(value[8:16]) != value[16]:
        raise _fail("bad_org_code", "统一社会信用代码中的组织机构代码(第9至17位)校验错误")
    if not value[2:8].isdigit() or value[2:4] not in PROVINCE_CODES:
        raise _fail("unknown_region", "统一社会信用代码中的登记管理机关行政区划码(第3至8位)无效")
    return Uscc(
        value=value,
        authority=value[0],
        category=value[1],
        region_code=value[2:8],
        org_code=value[8:17],
    )


def build_uscc(authority: str, category: str, region_code: str, org_body: str) -> str:
    """Compose a USCC from its parts; ``org_body`` is the 8-character organisation code body."""
    org = org_body + org_code_check_char(org_body)
    first17 = authority + category + region_code + org
    return first17 + uscc_check_char(first17)
