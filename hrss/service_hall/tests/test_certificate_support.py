"""Shared helpers of the certificate tests (no tests here).

:func:`pdf_text` reads the text back out of an issued PDF without a PDF library:
fpdf2 writes each run of text as a literal string of 2-byte glyph codes and a
``/ToUnicode`` CMap per embedded font. Every string is decoded with every font's
map; text that is really printed shows up in one of the decodings, and text that
appears in none of them is not printed at all.
"""

from __future__ import annotations

import re
import zlib
from datetime import date

from conftest import SYSTEM
from hrss.iam.models import Account
from hrss.insurance import services as insurance_services
from hrss.registry import services as registry_services

EMPLOYER_USCC = "91110108551385082Q"
EMPLOYER_NAME = "武汉某科技有限公司"
STREAM = re.compile(rb"<<([^<>]*?)>>\s*stream\r?\n")
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def register_employer():
    return registry_services.employer_register(
        actor=SYSTEM,
        uscc=EMPLOYER_USCC,
        name=EMPLOYER_NAME,
        industry="65",
        region="420106",
        risk_class=1,
        registered_on="2019-01-01",
    )


def give_history(person, employer, periods=("2023-11", "2023-12", "2024-01")):
    """Pension and unemployment enrolment from 2023-11, paid pension months for ``periods``."""
    for insurance in ("pension", "unemployment"):
        insurance_services.enrolment_register(
            actor=SYSTEM,
            person=person,
            insurance=insurance,
            employer=employer,
            start_month="2023-11",
        )
    for period in periods:
        insurance_services.contribution_record(
            actor=SYSTEM,
            person=person,
            employer=employer,
            insurance="pension",
            period=period,
            base="5000",
            employer_amount="800.00",
            employee_amount="400.00",
            paid_on=date(2024, 2, 15),
        )


def employer_agent(uscc=EMPLOYER_USCC, username="agent_wuhan"):
    return Account.objects.create_user(
        username=username, password="Test-Passw0rd!", role="employer_agent", employer_uscc=uscc
    )


def streams(pdf: bytes) -> list[bytes]:
    """Every stream with a plain dictionary, inflated when it is Flate-encoded."""
    found = []
    for match in STREAM.finditer(pdf):
        length = int(re.search(rb"/Length (\d+)", match.group(1)).group(1))
        raw = pdf[match.end() : match.end() + length]
        found.append(zlib.decompress(raw) if b"/FlateDecode" in match.group(1) else raw)
    return found


def _cmap(stream: bytes) -> dict[int, str]:
    pairs = re.findall(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4,})>", stream)
    return {int(code, 16): bytes.fromhex(uni.decode()).decode("utf-16-be") for code, uni in pairs}


def _literal(body: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(body):
        if body[i : i + 1] != b"\\":
            out += body[i : i + 1]
            i += 1
            continue
        nxt = body[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def _strings(content: bytes) -> list[bytes]:
    return [_literal(m) for m in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", content, re.S)]


def pdf_text(pdf: bytes) -> str:
    """All printed text, once per font map, one run per line."""
    decoded = streams(pdf)
    maps = [_cmap(s) for s in decoded if b"beginbfchar" in s]
    runs = [run for s in decoded if b" Tj" in s for run in _strings(s)]
    lines = []
    for cmap in maps:
        for run in runs:
            codes = [int.from_bytes(run[i : i + 2], "big") for i in range(0, len(run) - 1, 2)]
            lines.append("".join(cmap.get(code, "\ufffd") for code in codes))
    return "\n".join(lines)


def flip(data: bytes, position: int) -> bytes:
    """``data`` with one bit of one byte changed."""
    changed = bytearray(data)
    changed[position] ^= 0x01
    return bytes(changed)
