"""Protecting a batch of identifiers gives what protecting each one gives: the same
blind index and mask, a ciphertext that decrypts to the value, never the same twice."""

from hrss.registry.protection import (
    protect_id_number,
    protect_id_numbers,
    protect_phone,
    protect_phones,
    reveal_id_number,
    reveal_phone,
)

IDS = ["11010519491231002X", "420106198501011237", "11010519491231002X"]
PHONES = ["13812341234", "15900001111"]


def test_a_batch_of_id_numbers_is_protected_like_each_number():
    batch = protect_id_numbers(IDS)
    for value, protected in zip(IDS, batch, strict=True):
        single = protect_id_number(value)
        assert (protected.blind_index, protected.masked) == (single.blind_index, single.masked)
        assert reveal_id_number(protected.enc) == value
    assert batch[0].enc != batch[2].enc  # same number, fresh nonce


def test_a_batch_of_phones_is_protected_like_each_phone():
    batch = protect_phones(PHONES)
    for value, protected in zip(PHONES, batch, strict=True):
        single = protect_phone(value)
        assert (protected.blind_index, protected.masked) == (single.blind_index, single.masked)
        assert reveal_phone(protected.enc) == value
    assert protect_phones([]) == []
