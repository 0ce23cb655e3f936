"""National identifiers: 公民身份号码 (GB 11643) and 统一社会信用代码 (GB 32100).

The checks are written here rather than taken from python-stdnum: stdnum also
demands that the address code existed in the holder's birth year and refuses
real historical numbers (see docs/adr/0004-own-identifier-checks.md).
"""

from hrss.core.identifiers.id_number import Gender, IdNumber, IdNumberKind, parse_id_number
from hrss.core.identifiers.uscc import Uscc, parse_uscc

__all__ = ["Gender", "IdNumber", "IdNumberKind", "Uscc", "parse_id_number", "parse_uscc"]
