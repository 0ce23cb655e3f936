"""Protecting a batch of identifiers gives what protecting each one gives: the same
blind index and mask, a ciphertext that decrypts to the value, never the same twice."""

import pytest

from hrss.registry.protection import (
    protect_id_number,
    protect_id_numbers,
    protect_phone,
    protect_phones,
    reveal_id_number,
    reveal_phone,
)

KINDS = {
    "id_number": (
        ["11010519491231002X", "420106198501011237", "11010519491231002X"],
        protect_id_numbers,
        protect_id_number,
        reveal_id_number,
    ),
    "phone": (
        ["13812341234", "15900001111", "13812341234"],
        protect_phones,
        protect_phone,
        reveal_phone,
    ),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_batch_is_protected_like_each_value(kind):
    values, protect_batch, protect_one, reveal = KINDS[kind]
    batch = protect_batch(values)
    for value, protected in zip(values, batch, strict=True):
        single = protect_one(value)
        assert (protected.blind_index, protected.masked) == (single.blind_index, single.masked)
        assert reveal(protected.enc) == value
    assert batch[0].enc != batch[2].enc  # the same value, a fresh nonce
    assert protect_batch([]) == []
