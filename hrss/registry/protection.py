"""Protection of stored identifiers: encryption, blind index, masking.

Every other module goes through these functions; none touches the keys.
The associated data binds a ciphertext to its column (``registry.person.id_number``),
so a ciphertext copied into another column fails to decrypt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.conf import settings

from hrss.core.crypto import FieldCipher, blind_index
from hrss.core.masking import mask_id_number, mask_phone

ID_AAD = "registry.person.id_number"
PHONE_AAD = "registry.person.phone"


@cache
def _cipher() -> FieldCipher:
    keys = settings.FIELD_ENCRYPTION_KEYS
    assert isinstance(keys, list)
    return FieldCipher(keys)


def _index_key() -> bytes:
    key = settings.BLIND_INDEX_KEY
    assert isinstance(key, bytes)
    return key


def id_number_index(id_number: str) -> str:
    """Blind index of a normalised 18-character ID number."""
    return blind_index(_index_key(), "id_number", id_number)


def phone_index(phone: str) -> str:
    return blind_index(_index_key(), "phone", phone)


@dataclass(frozen=True, slots=True)
class ProtectedValue:
    enc: bytes
    index: str
    masked: str


def protect_id_number(id_number: str) -> ProtectedValue:
    return ProtectedValue(
        enc=_cipher().encrypt(id_number, aad=ID_AAD),
        index=id_number_index(id_number),
        masked=mask_id_number(id_number),
    )


def protect_phone(phone: str) -> ProtectedValue:
    return ProtectedValue(
        enc=_cipher().encrypt(phone, aad=PHONE_AAD),
        index=phone_index(phone),
        masked=mask_phone(phone),
    )


def reveal_id_number(enc: bytes) -> str:
    """Decrypt. Call only from an ``access_*`` selector path that logged the reason."""
    return _cipher().decrypt(enc, aad=ID_AAD)


def reveal_phone(enc: bytes) -> str:
    return _cipher().decrypt(enc, aad=PHONE_AAD)
