"""Content-addressed file store: a blob's name is the SM3 of its bytes.

Files live under ``settings.HRSS_BLOB_DIR`` (outside the web root, never served
directly): ``ab/cd/abcd…`` by hash. Storing the same bytes twice stores them once;
reading checks the hash again, so a file altered on disk is refused.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings

from hrss.core.crypto import CryptoError, sm3_hex


def _root() -> Path:
    root = Path(settings.HRSS_BLOB_DIR)
    root.mkdir(parents=True, exist_ok=True)
    return root


def _path(key: str) -> Path:
    if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
        raise CryptoError("blob.bad_key", "文件标识无效")
    return _root() / key[:2] / key[2:4] / key


def put(data: bytes) -> str:
    """Store ``data``; return its key (SM3 hex). Atomic: a reader never sees half a file."""
    key = sm3_hex(data)
    path = _path(key)
    if path.exists():
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return key


def get(key: str) -> bytes:
    """The bytes stored under ``key``; refuses a file whose content no longer matches."""
    path = _path(key)
    if not path.exists():
        raise CryptoError("blob.missing", "文件不存在")
    data = path.read_bytes()
    if sm3_hex(data) != key:
        raise CryptoError("blob.corrupted", "文件已损坏或被篡改")
    return data


def exists(key: str) -> bool:
    return _path(key).exists()
