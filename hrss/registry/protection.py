"""Protection of stored identifiers: encryption, blind index, masking.

Every other module goes through these functions; none touches the keys.
The associated data binds a ciphertext to its column (``registry.person.id_number``),
so a ciphertext copied into another column fails to decrypt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from django.conf import settings

from hrss.core.crypto import BlindIndex, FieldCipher
from hrss.core.masking import mask_id_number, mask_phone

ID_AAD = "registry.person.id_number"
PHONE_AAD = "registry.person.phone"


@cache
def _cipher() -> FieldCipher:
    keys = settings.FIELD_ENCRYPTION_KEYS
    assert isinstance(keys, list)
    return FieldCipher(keys)


@cache
def _index(purpose: str) -> BlindIndex:
    key = settings.BLIND_INDEX_KEY
    assert isinstance(key, bytes)
    return BlindIndex(key, purpose)


def id_number_index(id_number: str) -> str:
    """Blind index of a normalised 18-character ID number."""
    return _index("id_number")(id_number)


def phone_index(phone: str) -> str:
    return _index("phone")(phone)


class ProtectedValue(NamedTuple):
    enc: bytes
    blind_index: str
    masked: str


def protect_id_number(id_number: str) -> ProtectedValue:
    return ProtectedValue(
        _cipher().encrypt(id_number, aad=ID_AAD),
        _index("id_number")(id_number),
        mask_id_number(id_number),
    )


def protect_phone(phone: str) -> ProtectedValue:
    return ProtectedValue(
        _cipher().encrypt(phone, aad=PHONE_AAD),
        _index("phone")(phone),
        mask_phone(phone),
    )


def protect_id_numbers(values: Sequence[str]) -> list[ProtectedValue]:
    """:func:`protect_id_number` of each value (a bulk import's batch), in one pass."""
    return _protect_many(values, ID_AAD, "id_number", mask_id_number)


def protect_phones(values: Sequence[str]) -> list[ProtectedValue]:
    return _protect_many(values, PHONE_AAD, "phone", mask_phone)


def _protect_many(
    values: Sequence[str], aad: str, purpose: str, mask: Callable[[str], str]
) -> list[ProtectedValue]:
    sealed = _cipher().encrypt_many(values, aad=aad)
    index = _index(purpose)
    return [
        ProtectedValue(enc, index(value), mask(value))
        for enc, value in zip(sealed, values, strict=True)
    ]


def reveal_id_number(enc: bytes) -> str:
    """Decrypt. Call only from an ``access_*`` selector path that logged the reason."""
    return _cipher().decrypt(enc, aad=ID_AAD)


def reveal_phone(enc: bytes) -> str:
    return _cipher().decrypt(enc, aad=PHONE_AAD)
