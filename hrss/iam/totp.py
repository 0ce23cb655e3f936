"""TOTP (RFC 6238) second factor: secrets, provisioning URIs, code checks.

The secret is stored SM4-GCM encrypted (:class:`hrss.core.crypto.FieldCipher`,
keys from ``settings.FIELD_ENCRYPTION_KEYS``, bound to its column by the
associated data). Codes are checked against :func:`hrss.core.clock.now`, one
30-second step either side (clock drift of a phone), and the matching step is
returned so the caller can refuse the same code twice.
"""

from __future__ import annotations

from datetime import datetime

import pyotp
from django.conf import settings

from hrss.core import clock
from hrss.core.crypto import FieldCipher, constant_time_equal

SECRET_AAD = "iam.account.totp_secret"
ISSUER = "湖北人社一网通办"
VALID_WINDOW = 1  # steps either side of now
CODE_DIGITS = 6


def _cipher() -> FieldCipher:
    keys = settings.FIELD_ENCRYPTION_KEYS
    return FieldCipher(keys if isinstance(keys, list) else [keys])


def new_secret() -> str:
    """A fresh random base32 secret (160 bits)."""
    return pyotp.random_base32(length=32)


def encrypt_secret(secret: str) -> bytes:
    return _cipher().encrypt(secret, aad=SECRET_AAD)


def decrypt_secret(blob: bytes) -> str:
    return _cipher().decrypt(bytes(blob), aad=SECRET_AAD)


def provisioning_uri(*, secret: str, username: str) -> str:
    """``otpauth://`` URI for an authenticator app (shown once, never stored in clear)."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def time_step(moment: datetime, *, interval: int = 30) -> int:
    return int(moment.timestamp()) // interval


def matching_step(*, secret: str, code: str, at: datetime | None = None) -> int | None:
    """The time step ``code`` belongs to (within the window), or ``None`` if none."""
    code = code.strip()
    if len(code) != CODE_DIGITS or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = time_step(at or clock.now(), interval=totp.interval)
    found = None
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        # Check every step (no early exit) so timing does not tell which one matched.
        if constant_time_equal(totp.generate_otp(step), code):
            found = step
    return found


def code_at(*, secret: str, at: datetime) -> str:
    """The code an authenticator shows at ``at`` (tests and the enrolment check)."""
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(time_step(at, interval=totp.interval))
