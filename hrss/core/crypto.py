"""国密 primitives: SM3, HMAC-SM3, SM4-GCM (``cryptography``) and SM2 (``gmssl``).

* :func:`sm3_hex` / :func:`hmac_sm3` — digests and keyed tags (audit chain, blind index).
* :class:`FieldCipher` — SM4-GCM for personal data at rest. Each value gets a fresh
  random 96-bit nonce; the associated data names the table and column, so a
  ciphertext cannot be moved to another column unnoticed. Layout:
  ``version(1) | key id(1) | nonce(12) | ciphertext | tag(16)``.
* :func:`blind_index` — HMAC-SM3 under a key of its own, for exact lookup of an
  encrypted value without decrypting (ID number, phone).
* :class:`Sm2Signer` — SM2 signatures with SM3 (GB/T 32918, GM/T 0009 user ID).

Keys never come from the database: settings read them from the environment.
"""

from __future__ import annotations

import hmac as std_hmac
import os
import secrets
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from gmssl import sm2

from hrss.core.errors import DomainError

CIPHER_VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
DEFAULT_SM2_USER_ID = b"1234567812345678"  # GM/T 0009 default distinguishing identifier


class CryptoError(DomainError):
    default_code = "crypto.failed"
    default_message = "数据完整性校验失败"


def sm3_digest(data: bytes) -> bytes:
    h = hashes.Hash(hashes.SM3())
    h.update(data)
    return h.finalize()


def sm3_hex(data: bytes) -> str:
    return sm3_digest(data).hex()


def hmac_sm3(key: bytes, data: bytes) -> bytes:
    h = crypto_hmac.HMAC(key, hashes.SM3())
    h.update(data)
    return h.finalize()


def constant_time_equal(a: bytes | str, b: bytes | str) -> bool:
    if isinstance(a, str):
        a = a.encode()
    if isinstance(b, str):
        b = b.encode()
    return std_hmac.compare_digest(a, b)


@lru_cache(maxsize=64)
def _sm4(key: bytes) -> algorithms.SM4:
    """The key schedule object, built once per key (bulk imports encrypt millions of fields)."""
    return algorithms.SM4(key)


def sm4_gcm_encrypt(key: bytes, plaintext: bytes, aad: bytes, nonce: bytes | None = None) -> bytes:
    """Return ``nonce | ciphertext | tag``. Pass ``nonce`` only to check a known vector.

    A fresh random 96-bit nonce per call: never reused, never derived from the value."""
    nonce = nonce if nonce is not None else os.urandom(NONCE_BYTES)
    return _gcm_seal(_sm4(key), nonce, plaintext, aad)


def _gcm_seal(
    algorithm: algorithms.SM4, nonce: bytes, plaintext: bytes, aad: bytes, prefix: bytes = b""
) -> bytes:
    """``prefix | nonce | ciphertext | tag``."""
    encryptor = Cipher(algorithm, modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(aad)
    body = encryptor.update(plaintext) + encryptor.finalize()
    return b"".join((prefix, nonce, body, encryptor.tag))


def sm4_gcm_decrypt(key: bytes, blob: bytes, aad: bytes) -> bytes:
    nonce, body, tag = blob[:NONCE_BYTES], blob[NONCE_BYTES:-TAG_BYTES], blob[-TAG_BYTES:]
    decryptor = Cipher(_sm4(key), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(aad)
    try:
        return decryptor.update(body) + decryptor.finalize()
    except InvalidTag:
        raise CryptoError("crypto.bad_tag", "加密数据已被篡改或密钥不匹配") from None


def field_key_id(key: bytes) -> int:
    """The one-byte id a blob stores to name its key: a keyed digest, stable under rotation."""
    return hmac_sm3(key, b"hrss.field-key-id")[0]


class FieldCipher:
    """SM4-GCM for stored fields, with key rotation (first key encrypts, all decrypt).

    The key id byte is derived from the key itself (:func:`field_key_id`), not from its
    position in the list, so a blob still finds its key after a newer key is put in
    front of it or an old one is retired. Keys whose ids collide are refused.
    """

    def __init__(self, keys: list[bytes]) -> None:
        if not keys or len(keys) > 255:
            raise ValueError("between 1 and 255 field keys are required")
        self._keys = {field_key_id(key): key for key in keys}
        if len(self._keys) != len(keys):
            raise ValueError("two field keys share a key id (or repeat); generate another key")
        self._current = field_key_id(keys[0])
        self._head = bytes([CIPHER_VERSION, self._current])
        self._algorithm = algorithms.SM4(keys[0])  # key schedule built once
        self._associated: dict[str, bytes] = {}  # aad name -> head + name, built once

    def encrypt(self, plaintext: str, *, aad: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)  # fresh for every value, from the OS CSPRNG
        return _gcm_seal(self._algorithm, nonce, plaintext.encode(), self._aad(aad), self._head)

    def encrypt_many(self, plaintexts: Sequence[str], *, aad: str) -> list[bytes]:
        """Each value sealed on its own under its own fresh nonce, as :meth:`encrypt`
        does; the call's nonces come from one read of the OS CSPRNG (one system call
        instead of one per value). They live only inside the call: nothing is kept
        that a forked process could reuse."""
        nonces = os.urandom(NONCE_BYTES * len(plaintexts))
        algorithm, associated, head = self._algorithm, self._aad(aad), self._head
        return [
            _gcm_seal(algorithm, nonces[at : at + NONCE_BYTES], text.encode(), associated, head)
            for at, text in zip(range(0, len(nonces), NONCE_BYTES), plaintexts, strict=True)
        ]

    def _aad(self, name: str) -> bytes:
        associated = self._associated.get(name)
        if associated is None:
            associated = self._associated.setdefault(name, self._head + name.encode())
        return associated

    def decrypt(self, blob: bytes, *, aad: str) -> str:
        blob = bytes(blob)
        if len(blob) < 2 + NONCE_BYTES + TAG_BYTES or blob[0] != CIPHER_VERSION:
            raise CryptoError("crypto.bad_format", "加密数据格式无法识别")
        key = self._keys.get(blob[1])
        if key is None:
            raise CryptoError("crypto.unknown_key", "加密数据使用的密钥已不可用")
        return sm4_gcm_decrypt(key, blob[2:], blob[:2] + aad.encode()).decode()

    def needs_rotation(self, blob: bytes) -> bool:
        """Was ``blob`` written under a key other than the current (first) one?"""
        return bytes(blob)[1:2] != bytes([self._current])


class BlindIndex:
    """HMAC-SM3 blind index for one purpose: ``hmac_sm3(key, purpose || 0x00 || value)``
    as 64 hex chars. The keyed context is built once and copied for each value."""

    def __init__(self, key: bytes, purpose: str) -> None:
        self._base = crypto_hmac.HMAC(key, hashes.SM3())
        self._base.update(purpose.encode() + b"\x00")

    def __call__(self, value: str) -> str:
        h = self._base.copy()
        h.update(value.encode())
        return h.finalize().hex()


@lru_cache(maxsize=64)
def _blind_index(key: bytes, purpose: str) -> BlindIndex:
    return BlindIndex(key, purpose)


def blind_index(key: bytes, purpose: str, value: str) -> str:
    """Keyed, purpose-separated HMAC-SM3 of a normalised value, as 64 hex chars."""
    return _blind_index(key, purpose)(value)


@dataclass(frozen=True)
class Sm2KeyPair:
    private_key: str  # 64 hex chars
    public_key: str  # 128 hex chars, x || y


class Sm2Signer:
    """SM2 sign/verify over SM3(Z_A || M), Z_A computed with the signer's user ID."""

    def __init__(
        self,
        *,
        private_key: str = "",
        public_key: str,
        user_id: bytes = DEFAULT_SM2_USER_ID,
        curve: dict[str, str] | None = None,
    ) -> None:
        self._impl = sm2.CryptSM2(
            private_key=private_key or None,
            public_key=public_key,
            ecc_table=curve or sm2.default_ecc_table,
        )
        self.public_key = public_key
        self._user_id = user_id
        self._n = int(self._impl.ecc_table["n"], 16)

    def digest(self, message: bytes) -> bytes:
        """e = SM3(Z_A || M) with Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA)."""
        table = self._impl.ecc_table
        entl = (len(self._user_id) * 8).to_bytes(2, "big")
        z_input = (
            entl
            + self._user_id
            + bytes.fromhex(table["a"] + table["b"] + table["g"] + self.public_key)
        )
        return sm3_digest(sm3_digest(z_input) + message)

    def sign(self, message: bytes, *, k: str | None = None) -> str:
        """Signature ``r || s`` as 128 hex chars. ``k`` only for known-answer tests."""
        if not self._impl.private_key:
            raise CryptoError("crypto.no_private_key", "未配置签名私钥")
        e = self.digest(message)
        if k is not None:
            return self._sign_once(e, k)
        # gmssl gives up (None) when r = 0, r + k = n or s = 0, and raises TypeError on its
        # rare degenerate point sums: draw another k.
        for _ in range(32):
            try:
                return self._sign_once(e, f"{secrets.randbelow(self._n - 1) + 1:064x}")
            except (CryptoError, TypeError):
                continue
        raise CryptoError("crypto.sign_failed", "签名失败,请重试")

    def _sign_once(self, e: bytes, k: str) -> str:
        signature = self._impl.sign(e, k)
        if signature is None:
            raise CryptoError("crypto.bad_nonce", "签名随机数无效")
        return str(signature)

    def verify(self, message: bytes, signature: str) -> bool:
        """GB/T 32918.2 §7.1: r and s must lie in [1, n-1] (else ``s + n`` also verifies)."""
        if len(signature) != 128 or not all(c in string.hexdigits for c in signature):
            return False
        r, s = int(signature[:64], 16), int(signature[64:], 16)
        if not (0 < r < self._n and 0 < s < self._n):
            return False
        try:
            return bool(self._impl.verify(signature, self.digest(message)))
        except (ValueError, ZeroDivisionError, TypeError):  # TypeError: gmssl, degenerate point
            return False


def _candidate_keypair() -> Sm2KeyPair:
    table = sm2.default_ecc_table
    d = secrets.randbelow(int(table["n"], 16) - 2) + 1
    private_key = f"{d:064x}"
    impl = sm2.CryptSM2(private_key=private_key, public_key="")
    return Sm2KeyPair(private_key=private_key, public_key=str(impl._kg(d, table["g"])))


def sm2_generate_keypair(*, attempts: int = 16) -> Sm2KeyPair:
    """A new key pair that has passed a sign/verify self-test.

    gmssl's point arithmetic has rare degenerate cases (it raises TypeError inside its
    Jacobian formulas); a pair that cannot sign and verify is discarded, never issued."""
    for _ in range(attempts):
        pair = _candidate_keypair()
        signer = Sm2Signer(private_key=pair.private_key, public_key=pair.public_key)
        try:
            if len(pair.public_key) == 128 and signer.verify(
                b"self-test", signer.sign(b"self-test")
            ):
                return pair
        except (CryptoError, TypeError):
            continue
    raise CryptoError("crypto.keygen_failed", "无法生成有效的SM2密钥")
