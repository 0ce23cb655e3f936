"""What a file really is, judged from its bytes (never its name or the client's word).

``puremagic`` reads the magic numbers; a PNG renamed ``scan.pdf`` is still a PNG.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

import puremagic

MAX_FILENAME = 120


def sniff(data: bytes) -> str | None:
    """The MIME type the content shows, or ``None`` when it is not recognised."""
    if not data:
        return None
    try:
        return str(puremagic.from_string(data, mime=True)) or None
    except (puremagic.PureError, ValueError):
        return None


def clean_filename(name: str) -> str:
    """A display name only: no directories, no control characters, bounded length."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    kept = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip(" .")
    return (kept or "file")[-MAX_FILENAME:]
