"""公民身份号码 (GB 11643-1999) and the numbers that share its layout.

Layout: 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male),
check character (ISO 7064 MOD 11-2). Also accepted:

* 15-digit first-generation numbers, upgraded to 18 (``19`` before the year,
  check character appended);
* 港澳台居民居住证 numbers, address code 810000 / 820000 / 830000;
* 外国人永久居留身份证 numbers of 2023: first digit 9, digits 2–3 the province
  where it was issued, 4–6 the nationality, then birth date, sequence, check.
"""

from __future__ import annotations

import enum
import unicodedata
from datetime import date
from operator import mul
from typing import NamedTuple

from hrss.core import clock
from hrss.core.errors import DomainError
from hrss.core.regions import PROVINCE_CODES, is_address_code

WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
CHECK_CHARS = "10X98765432"
_ASCII_ZERO_SUM = ord("0") * sum(WEIGHTS)  # what the ASCII codes add over the digit values
EARLIEST_BIRTH = date(1890, 1, 1)


class Gender(enum.IntEnum):
    """GB/T 2261.1 codes."""

    MALE = 1
    FEMALE = 2


class IdNumberKind(enum.StrEnum):
    RESIDENT = "resident"
    HMT_RESIDENT = "hmt_resident"
    FOREIGN_PERMANENT = "foreign_permanent"


class IdNumberError(DomainError):
    default_code = "id_number.invalid"
    default_message = "身份证号码无效"


class IdNumber(NamedTuple):
    """A valid number and what it encodes (immutable; built for every row of an import)."""

    value: str
    kind: IdNumberKind
    address_code: str
    birth_date: date
    gender: Gender
    upgraded_from: str | None = None

    def __str__(self) -> str:
        return self.value


def check_char(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not _is_digits(first17):
        raise ValueError("check_char needs exactly 17 ASCII digits")
    return _check_char(first17)


def _check_char(first17: str) -> str:
    # Weighted sum over the ASCII codes, less the codes' own share: Σ (c - 48)·w.
    total = sum(map(mul, first17.encode("ascii"), WEIGHTS)) - _ASCII_ZERO_SUM
    return CHECK_CHARS[total % 11]


def upgrade_15(value: str) -> str:
    """A 15-digit first-generation number as its 18-character form."""
    body = value[:6] + "19" + value[6:]
    return body + check_char(body)


def _fail(code: str, message: str) -> IdNumberError:
    return IdNumberError(f"id_number.{code}", message)


def _is_digits(text: str) -> bool:
    # str.isdigit() is also true for "²" or "١", which int() then refuses or misreads.
    return text.isascii() and text.isdigit()


def _normalise(raw: str) -> tuple[str, str | None]:
    # NFKC turns full-width input (１１０１…Ｘ, typed with a Chinese IME) into ASCII;
    # ASCII text is its own NFKC form, so the common case skips it.
    text = raw if raw.isascii() else unicodedata.normalize("NFKC", raw)
    value = text.strip().upper().replace(" ", "")
    if not value:
        raise _fail("empty", "身份证号码不能为空")
    if len(value) == 15:
        if not _is_digits(value):
            raise _fail("bad_format", "15位身份证号码只能由数字组成")
        return upgrade_15(value), value
    if len(value) != 18:
        raise _fail("bad_length", f"身份证号码应为18位(现为{len(value)}位)")
    if not _is_digits(value[:17]) or not (_is_digits(value[17]) or value[17] == "X"):
        raise _fail("bad_format", "身份证号码前17位应为数字,最后一位为数字或X")
    return value, None


def _birth_date(value: str, today: date) -> date:
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise _fail("bad_birth_date", "身份证号码中的出生日期不存在,请核对第7至14位") from None
    if born > today or born < EARLIEST_BIRTH:
        raise _fail("bad_birth_date", "身份证号码中的出生日期不合理,请核对第7至14位")
    return born


def _kind_and_address(value: str) -> tuple[IdNumberKind, str]:
    if value[0] == "9":
        if value[1:3] not in PROVINCE_CODES or value[1:3] in {"71", "81", "82", "83"}:
            raise _fail("unknown_region", "外国人永久居留身份证号码的受理地代码(第2、3位)无效")
        return IdNumberKind.FOREIGN_PERMANENT, value[1:3] + "0000"
    address = value[:6]
    if not is_address_code(address):
        raise _fail("unknown_region", "身份证号码的地址码(前6位)不是有效的行政区划代码")
    if address[:2] in {"81", "82", "83"}:
        return IdNumberKind.HMT_RESIDENT, address
    return IdNumberKind.RESIDENT, address


def parse_id_number(raw: str, *, today: date | None = None) -> IdNumber:
    """Validate ``raw`` and return its parts, or raise :class:`IdNumberError`.

    Error codes: ``id_number.empty``, ``bad_length``, ``bad_format``,
    ``bad_checksum``, ``bad_birth_date``, ``unknown_region``.
    """
    value, original15 = _normalise(raw)  # 17 ASCII digits and a check character
    if _check_char(value[:17]) != value[17]:
        raise _fail("bad_checksum", "身份证号码校验位错误,请核对最后一位")
    kind, address = _kind_and_address(value)
    born = _birth_date(value, today or clock.today())
    gender = Gender.MALE if int(value[16]) % 2 == 1 else Gender.FEMALE
    return IdNumber(value, kind, address, born, gender, original15)


def build_id_number(address_code: str, birth_date: date, sequence: int) -> str:
    """Compose a number from its parts (sequence 0–999; odd = male), check char included."""
    if not 0 <= sequence <= 999:
        raise ValueError("sequence must be 0..999")
    body = f"{address_code}{birth_date:%Y%m%d}{sequence:03d}"
    return body + check_char(body)
