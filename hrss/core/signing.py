"""The platform's SM2 signing key (e-certificates, e-card QR codes, agency answers).

Production: ``HRSS_SM2_PRIVATE_KEY`` (64 hex chars) from the environment or an HSM
adapter. Demo and tests (``HRSS_INSECURE_DEV_KEYS=1``): a fixed throwaway key.
"""

from __future__ import annotations

import hashlib
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from gmssl import sm2

from hrss.core.crypto import Sm2Signer

_N = int(sm2.default_ecc_table["n"], 16)


def _dev_private_key() -> str:
    d = int.from_bytes(hashlib.sha256(b"hrss-insecure-dev-sm2").digest(), "big") % (_N - 1) + 1
    return f"{d:064x}"


def public_key_of(private_key: str) -> str:
    impl = sm2.CryptSM2(private_key=private_key, public_key="")
    return str(impl._kg(int(private_key, 16), sm2.default_ecc_table["g"]))


@cache
def platform_signer() -> Sm2Signer:
    private_key = settings.SM2_PRIVATE_KEY
    if not private_key:
        if not settings.INSECURE_DEV_KEYS:
            raise ImproperlyConfigured("HRSS_SM2_PRIVATE_KEY is not set (64 hex chars)")
        private_key = _dev_private_key()
    return Sm2Signer(private_key=private_key, public_key=public_key_of(private_key))
