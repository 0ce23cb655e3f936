"""The Chinese fonts embedded in every certificate PDF (Noto CJK, Simplified Chinese faces).

Debian's ``fonts-noto-cjk`` package (installed by ``make test``/``make demo``, see the
Makefile's ``browser-deps``) ships OpenType *collections* (``.ttc``) whose faces
have CFF outlines. fpdf2 (≥ 2.8) opens a collection face directly
(``add_font(..., collection_font_number=i)``) and embeds a *subset* of it as a
CIDFontType0 font with a ``/FontFile3`` (``CIDFontType0C``) stream, so no
conversion or cached copy is needed. The face is picked by its PostScript name
(``…CJKsc-…``), not by a fixed position, because the order of faces in the
collection differs between releases.

Body text is 宋体-like (Noto Serif CJK SC Regular), titles and headings 黑体-like
(Noto Sans CJK SC Bold), as in printed government documents. The directory can
be moved with the optional setting ``HRSS_CJK_FONT_DIR``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from fontTools.ttLib import TTCollection
from fpdf import FPDF

from hrss.service_hall.certificates.errors import CertificateFontMissing

# fontTools logs every subsetting step at INFO (dozens of lines per PDF): keep warnings only.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

DEFAULT_FONT_DIR = "/usr/share/fonts/opentype/noto"
SC_MARKER = "CJKsc-"


@dataclass(frozen=True)
class Face:
    family: str  # the name fpdf2 knows it by
    style: str  # "" or "B"
    file: str  # file name inside the font directory


BODY = Face("NotoSerifSC", "", "NotoSerifCJK-Regular.ttc")
HEADING = Face("NotoSansSC", "B", "NotoSansCJK-Bold.ttc")
FACES = (BODY, HEADING)


def font_dir() -> Path:
    return Path(getattr(settings, "HRSS_CJK_FONT_DIR", DEFAULT_FONT_DIR))


@cache
def sc_face_index(path: Path) -> int:
    """Position of the Simplified Chinese (non-monospaced) face inside a collection."""
    collection = TTCollection(str(path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            postscript = str(font["name"].getDebugName(6) or "")
            if SC_MARKER in postscript and "Mono" not in postscript:
                return index
    finally:
        collection.close()
    raise CertificateFontMissing(f"{path} has no Simplified Chinese (…{SC_MARKER}…) face")


def face_path(face: Face) -> Path:
    """The font file of ``face``; a clear deployment error when it is not installed."""
    path = font_dir() / face.file
    if not path.is_file():
        raise CertificateFontMissing(
            f"证照字体缺失 / certificate font missing: {path}. Install the Debian package "
            "fonts-noto-cjk (apt-get install fonts-noto-cjk) or set HRSS_CJK_FONT_DIR."
        )
    return path


def register_fonts(pdf: FPDF) -> None:
    """Make the body and heading faces available to ``pdf`` (subset-embedded on output)."""
    for face in FACES:
        path = face_path(face)
        pdf.add_font(face.family, face.style, str(path), collection_font_number=sc_face_index(path))
