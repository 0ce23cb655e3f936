"""Typed readers for environment variables."""

from __future__ import annotations

import hashlib
import os

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, *, default: int) -> int:
    raw = os.environ.get(name)
    return default if not raw else int(raw)


def env_list(name: str, *, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def _dev_key(seed: str, length: int) -> bytes:
    # Deterministic keys for the laptop demo and the test suite only; refused in production.
    return hashlib.sha256(f"hrss-insecure-dev-{seed}".encode()).digest()[:length]


def env_bytes_key(
    name: str, *, dev_seed: str, length: int, many: bool = False
) -> bytes | list[bytes]:
    """Read a hex key (or a comma-separated list, newest first, for rotation)."""
    raw = os.environ.get(name, "")
    if not raw:
        if not (
            env_bool("HRSS_DEBUG", default=False)
            or env_bool("HRSS_INSECURE_DEV_KEYS", default=False)
        ):
            raise ImproperlyConfigured(f"{name} is not set (hex, {length} bytes).")
        key = _dev_key(dev_seed, length)
        return [key] if many else key
    keys = [bytes.fromhex(part.strip()) for part in raw.split(",") if part.strip()]
    for key in keys:
        if len(key) != length:
            raise ImproperlyConfigured(f"{name} must be {length} bytes of hex.")
    return keys if many else keys[0]
