"""Verification codes: 16 random characters from an alphabet without look-alikes.

The alphabet drops 0/O, 1/I/L and U (Crockford's reasoning), so a code read off
paper and typed on a phone is not mistaken. 30 symbols × 16 places ≈ 78 bits:
codes cannot be guessed or enumerated, so the public page needs no login.
Stored and put in URLs without separators; printed in groups of four.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16
_SEPARATORS = str.maketrans("", "", " -_\u3000")


def new_code() -> str:
    """A fresh random code (uniqueness is checked by the caller against the table)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """The stored form of a typed code (case, spaces and dashes ignored); None if malformed."""
    code = text.translate(_SEPARATORS).upper()
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def format_code(code: str) -> str:
    """``ABCD-EFGH-JKMN-PQRS``: the printed form, easier to read aloud and to type."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
