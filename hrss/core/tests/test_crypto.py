"""国密 primitives: known-answer vectors and the behaviour the platform relies on."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from hypothesis import given, settings
from hypothesis import strategies as st

from hrss.core.crypto import (
    CryptoError,
    FieldCipher,
    Sm2Signer,
    blind_index,
    constant_time_equal,
    field_key_id,
    hmac_sm3,
    sm2_generate_keypair,
    sm3_digest,
    sm3_hex,
    sm4_gcm_decrypt,
    sm4_gcm_encrypt,
)

# --- SM3 (GB/T 32905-2016 appendix A) ---------------------------------------------


def test_sm3_abc() -> None:
    expected = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert sm3_hex(b"abc") == expected


def test_sm3_64_byte_message() -> None:
    expected = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
    assert sm3_hex(b"abcd" * 16) == expected
    assert sm3_digest(b"abcd" * 16) == bytes.fromhex(expected)


# --- SM4 ------------------------------------------------------------------------------


def test_sm4_ecb_official_vector() -> None:
    key = bytes.fromhex("0123456789abcdeffedcba9876543210")
    encryptor = Cipher(algorithms.SM4(key), modes.ECB()).encryptor()
    assert (encryptor.update(key) + encryptor.finalize()).hex() == (
        "681edf34d206965e86b3e94f536e4246"
    )


# RFC 8998 appendix A.1 (SM4-GCM); the same vector is in guanzhi/GmSSL tests/sm4test.c.
GCM_KEY = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
GCM_IV = bytes.fromhex("00001234567800000000ABCD")
GCM_AAD = bytes.fromhex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2")
GCM_PT = bytes.fromhex(
    "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
    "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA"
)
GCM_CT = bytes.fromhex(
    "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
    "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
)
GCM_TAG = bytes.fromhex("83DE3541E4C2B58177E065A9BF7B62EC")


def test_sm4_gcm_rfc8998_vector() -> None:
    blob = sm4_gcm_encrypt(GCM_KEY, GCM_PT, GCM_AAD, nonce=GCM_IV)
    assert blob == GCM_IV + GCM_CT + GCM_TAG
    assert sm4_gcm_decrypt(GCM_KEY, blob, GCM_AAD) == GCM_PT


@pytest.mark.parametrize(
    ("plaintext", "ciphertext", "tag"),
    [  # GB/T 36624-2018 C.5 (as in guanzhi/GmSSL tests/sm4test.c): all-zero key and IV
        (b"", b"", "232F0CFE308B49EA6FC88229B5DC858D"),
        (
            bytes(16),
            bytes.fromhex("7DE2AA7F1110188218063BE1BFEB6D89"),
            "B851B5F39493752BE508F1BB4482C557",
        ),
    ],
)
def test_sm4_gcm_gbt36624_vectors(plaintext: bytes, ciphertext: bytes, tag: str) -> None:
    blob = sm4_gcm_encrypt(bytes(16), plaintext, b"", nonce=bytes(12))
    assert blob == bytes(12) + ciphertext + bytes.fromhex(tag)


@pytest.mark.parametrize("index", [0, 12, 40, 75, 91])  # nonce, body, tag
def test_sm4_gcm_detects_any_flipped_byte(index: int) -> None:
    damaged = bytearray(GCM_IV + GCM_CT + GCM_TAG)
    damaged[index] ^= 0x01
    with pytest.raises(CryptoError) as info:
        sm4_gcm_decrypt(GCM_KEY, bytes(damaged), GCM_AAD)
    assert info.value.code == "crypto.bad_tag"


# --- HMAC-SM3 and blind index ---------------------------------------------------------


@settings(max_examples=50)
@given(st.binary(min_size=16, max_size=32), st.binary(min_size=16, max_size=32), st.binary())
def test_hmac_sm3_depends_on_the_key(key1: bytes, key2: bytes, data: bytes) -> None:
    tag = hmac_sm3(key1, data)
    assert len(tag) == 32
    assert hmac_sm3(key1, data) == tag
    if key1 != key2:
        assert hmac_sm3(key2, data) != tag


def test_hmac_sm3_is_not_a_plain_digest() -> None:
    assert hmac_sm3(b"k" * 16, b"abc") != sm3_digest(b"k" * 16 + b"abc")


def test_blind_index_is_stable_and_separated_by_purpose_and_key() -> None:
    key = b"i" * 32
    first = blind_index(key, "id_number", "11010519491231002X")
    assert first == blind_index(key, "id_number", "11010519491231002X")
    assert len(first) == 64
    assert first != blind_index(key, "phone", "11010519491231002X")
    assert first != blind_index(b"j" * 32, "id_number", "11010519491231002X")


def test_constant_time_equal_accepts_str_and_bytes() -> None:
    assert constant_time_equal("abc", b"abc")
    assert not constant_time_equal("abc", "abd")


# --- FieldCipher ----------------------------------------------------------------------

OLD_KEY = bytes.fromhex("00112233445566778899aabbccddeeff")
NEW_KEY = bytes.fromhex("ffeeddccbbaa99887766554433221100")
AAD = "registry.person.id_number"


def test_field_cipher_roundtrip_and_layout() -> None:
    cipher = FieldCipher([OLD_KEY])
    blob = cipher.encrypt("11010519491231002X", aad=AAD)
    assert blob[0] == 1
    assert blob[1] == field_key_id(OLD_KEY)
    assert len(blob) == 2 + 12 + len("11010519491231002X") + 16
    assert b"11010519491231002X" not in blob
    assert cipher.decrypt(blob, aad=AAD) == "11010519491231002X"
    assert cipher.decrypt(memoryview(blob), aad=AAD) == "11010519491231002X"


def test_field_cipher_roundtrips_non_ascii_text() -> None:
    cipher = FieldCipher([OLD_KEY])
    assert cipher.decrypt(cipher.encrypt("武汉市武昌区", aad=AAD), aad=AAD) == "武汉市武昌区"


def test_field_cipher_uses_a_fresh_nonce_each_time() -> None:
    cipher = FieldCipher([OLD_KEY])
    first, second = (cipher.encrypt("13812341234", aad=AAD) for _ in range(2))
    assert first != second
    assert first[2:14] != second[2:14]


@settings(max_examples=50)
@given(st.lists(st.text(max_size=20), max_size=30))
def test_encrypt_many_seals_each_value_alone_under_its_own_nonce(values: list[str]) -> None:
    cipher = FieldCipher([OLD_KEY])
    blobs = cipher.encrypt_many(values, aad=AAD)
    assert [cipher.decrypt(blob, aad=AAD) for blob in blobs] == values
    assert [len(blob) for blob in blobs] == [2 + 12 + len(v.encode()) + 16 for v in values]
    nonces = [blob[2:14] for blob in blobs]
    assert len(set(nonces)) == len(nonces)


def test_encrypt_many_of_one_value_repeated_gives_different_ciphertexts() -> None:
    cipher = FieldCipher([OLD_KEY])
    blobs = cipher.encrypt_many(["13812341234"] * 3, aad=AAD) + [
        cipher.encrypt("13812341234", aad=AAD)
    ]
    assert len(set(blobs)) == 4


def test_field_cipher_wrong_aad_fails() -> None:
    blob = FieldCipher([OLD_KEY]).encrypt("13812341234", aad="registry.person.phone")
    with pytest.raises(CryptoError) as info:
        FieldCipher([OLD_KEY]).decrypt(blob, aad=AAD)
    assert info.value.code == "crypto.bad_tag"


@pytest.mark.parametrize("index", [1, 2, 20, -1])  # key id, nonce, body, tag
def test_field_cipher_flipped_byte_fails(index: int) -> None:
    cipher = FieldCipher([OLD_KEY, NEW_KEY])
    damaged = bytearray(cipher.encrypt("13812341234", aad=AAD))
    damaged[index] ^= 0x01
    with pytest.raises(CryptoError) as info:
        cipher.decrypt(bytes(damaged), aad=AAD)
    assert info.value.code in {"crypto.bad_tag", "crypto.unknown_key"}


def test_field_cipher_refuses_garbage() -> None:
    cipher = FieldCipher([OLD_KEY])
    with pytest.raises(CryptoError) as short:
        cipher.decrypt(b"\x01\x00short", aad=AAD)
    blob = bytearray(cipher.encrypt("x", aad=AAD))
    blob[0] = 2
    with pytest.raises(CryptoError) as version:
        cipher.decrypt(bytes(blob), aad=AAD)
    assert short.value.code == version.value.code == "crypto.bad_format"


def test_key_rotation_new_key_in_front_still_decrypts_old_data() -> None:
    old_blob = FieldCipher([OLD_KEY]).encrypt("11010519491231002X", aad=AAD)
    rotated = FieldCipher([NEW_KEY, OLD_KEY])
    assert rotated.decrypt(old_blob, aad=AAD) == "11010519491231002X"
    assert rotated.needs_rotation(old_blob)
    new_blob = rotated.encrypt("11010519491231002X", aad=AAD)
    assert new_blob[1] == field_key_id(NEW_KEY)
    assert not rotated.needs_rotation(new_blob)
    # once everything is re-encrypted the old key can be retired
    assert FieldCipher([NEW_KEY]).decrypt(new_blob, aad=AAD) == "11010519491231002X"


def test_key_removed_from_the_list_is_reported_as_unknown() -> None:
    old_blob = FieldCipher([OLD_KEY]).encrypt("x", aad=AAD)
    with pytest.raises(CryptoError) as info:
        FieldCipher([NEW_KEY]).decrypt(old_blob, aad=AAD)
    assert info.value.code == "crypto.unknown_key"


def test_field_cipher_key_list_is_validated() -> None:
    with pytest.raises(ValueError, match="between 1 and 255"):
        FieldCipher([])
    with pytest.raises(ValueError, match="key id"):
        FieldCipher([OLD_KEY, OLD_KEY])


def test_field_keys_with_colliding_ids_are_refused() -> None:
    seen: dict[int, bytes] = {}
    while True:  # 257 keys must contain a collision of the one-byte id
        key = os.urandom(16)
        if field_key_id(key) in seen:
            break
        seen[field_key_id(key)] = key
    with pytest.raises(ValueError, match="key id"):
        FieldCipher([key, seen[field_key_id(key)]])


# --- SM2 ------------------------------------------------------------------------------

# GB/T 32918.2-2016 appendix A: the example on the 256-bit test curve over F_p.
TEST_CURVE = {
    "p": "8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3",
    "a": "787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498",
    "b": "63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A",
    "n": "8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7",
    "g": "421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D"
    "0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2",
}
TEST_D = "128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263"
TEST_PUB = (
    "0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A"
    "7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857"
)
TEST_K = "6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F"
TEST_R = "40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1"
TEST_S = "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7"


def standard_signer() -> Sm2Signer:
    return Sm2Signer(
        private_key=TEST_D, public_key=TEST_PUB, user_id=b"ALICE123@YAHOO.COM", curve=TEST_CURVE
    )


def test_sm2_gbt32918_example_signature() -> None:
    signer = standard_signer()
    # intermediate value e = SM3(Z_A || M) from the same example
    assert signer.digest(b"message digest").hex().upper() == (
        "B524F552CD82B8B028476E005C377FB19A87E6FC682D48BB5D42E3D9B9EFFE76"
    )
    signature = signer.sign(b"message digest", k=TEST_K)
    assert signature.upper() == TEST_R + TEST_S
    assert signer.verify(b"message digest", signature)


def test_sm2_verify_needs_no_private_key() -> None:
    verifier = Sm2Signer(public_key=TEST_PUB, user_id=b"ALICE123@YAHOO.COM", curve=TEST_CURVE)
    assert verifier.verify(b"message digest", TEST_R + TEST_S)
    assert not verifier.verify(b"message digesT", TEST_R + TEST_S)
    with pytest.raises(CryptoError) as info:
        verifier.sign(b"message digest")
    assert info.value.code == "crypto.no_private_key"


def test_sm2_user_id_is_part_of_the_signature() -> None:
    other_id = Sm2Signer(public_key=TEST_PUB, curve=TEST_CURVE)  # default 1234567812345678
    assert not other_id.verify(b"message digest", TEST_R + TEST_S)


def test_sm2_s_plus_n_is_not_accepted() -> None:
    # On the test curve n < 2^256 - s, so s + n still fits in 64 hex digits. The point
    # arithmetic would accept it; GB/T 32918.2 step B2 requires s in [1, n-1].
    s_plus_n = int(TEST_S, 16) + int(TEST_CURVE["n"], 16)
    assert s_plus_n < 2**256
    assert not standard_signer().verify(b"message digest", TEST_R + f"{s_plus_n:064X}")


@pytest.fixture(scope="module")
def keypair_signer() -> Sm2Signer:
    pair = sm2_generate_keypair()
    assert len(pair.private_key) == 64
    assert len(pair.public_key) == 128
    return Sm2Signer(private_key=pair.private_key, public_key=pair.public_key)


def test_sm2_generated_keypair_signs_and_verifies(keypair_signer: Sm2Signer) -> None:
    signature = keypair_signer.sign("电子社保卡 签发".encode())
    assert len(signature) == 128
    assert keypair_signer.verify("电子社保卡 签发".encode(), signature)
    assert keypair_signer.sign(b"same") != keypair_signer.sign(b"same")  # random k


def test_sm2_changed_message_or_signature_fails(keypair_signer: Sm2Signer) -> None:
    signature = keypair_signer.sign(b"amount=100.00")
    assert not keypair_signer.verify(b"amount=900.00", signature)
    for index in (0, 63, 64, 127):
        flipped = f"{int(signature[index], 16) ^ 1:x}"
        changed = signature[:index] + flipped + signature[index + 1 :]
        assert not keypair_signer.verify(b"amount=100.00", changed)


@pytest.mark.parametrize(
    "garbage",
    ["", "zz" * 64, "00" * 64, "ff" * 64, "ab" * 63, "ab" * 65, "0x" + "1" * 126, " " + "1" * 127],
)
def test_sm2_garbage_signature_is_false(keypair_signer: Sm2Signer, garbage: str) -> None:
    assert keypair_signer.verify(b"payload", garbage) is False


def test_sm2_signer_of_another_key_does_not_verify(keypair_signer: Sm2Signer) -> None:
    other = sm2_generate_keypair()
    signature = Sm2Signer(private_key=other.private_key, public_key=other.public_key).sign(b"m")
    assert not keypair_signer.verify(b"m", signature)


def test_blind_index_equals_the_plain_hmac_of_purpose_and_value():
    from hrss.core.crypto import blind_index, hmac_sm3

    key = bytes(range(32))
    for purpose, value in (("id_number", "420106198503141235"), ("phone", "13812341234")):
        expected = hmac_sm3(key, purpose.encode() + b"\x00" + value.encode()).hex()
        assert blind_index(key, purpose, value) == expected
    assert blind_index(key, "id_number", "x") != blind_index(key, "phone", "x")
    assert blind_index(key, "id_number", "x") != blind_index(bytes(32), "id_number", "x")
