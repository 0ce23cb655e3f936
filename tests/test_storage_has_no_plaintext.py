"""A copy of the database (SQLite file bytes, or pg_dump text) holds no clear ID number or phone."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from conftest import SYSTEM
from hrss.core.identifiers.id_number import build_id_number
from hrss.registry import services

PEOPLE = [
    (build_id_number("420106", date(1961, 5, 1), 17), "欧阳明", 1, date(1961, 5, 1), "13911112222"),
    (
        build_id_number("422201", date(1975, 12, 31), 8),
        "陈静",
        2,
        date(1975, 12, 31),
        "15077778888",
    ),
    (build_id_number("420102", date(2001, 2, 3), 99), "刘洋", 1, date(2001, 2, 3), "18600001111"),
]


def _load_people():
    for id_number, name, gender, born, phone in PEOPLE:
        services.person_register(
            actor=SYSTEM,
            id_number=id_number,
            name=name,
            gender=gender,
            birth_date=born,
            hukou_region="420106",
            phone=phone,
        )


def _dump_bytes() -> bytes:
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("PRAGMA wal_checkpoint(FULL)")
        name = connection.settings_dict["NAME"]
        parts = [name, f"{name}-wal"]
        return b"".join(Path(p).read_bytes() for p in parts if Path(p).exists())
    settings = connection.settings_dict
    pg_dump = shutil.which("pg_dump")
    assert pg_dump, "pg_dump is needed for this test on PostgreSQL"
    out = subprocess.run(
        [
            pg_dump,
            "-h",
            settings["HOST"] or "127.0.0.1",
            "-p",
            str(settings["PORT"] or 5432),
            "-U",
            settings["USER"] or "postgres",
            settings["NAME"],
        ],
        check=True,
        capture_output=True,
    )
    return out.stdout


@pytest.mark.django_db(transaction=True)
def test_dump_contains_no_plaintext_identifiers():
    _load_people()

    dump = _dump_bytes()

    # The dump really holds the people (names are not encrypted) ...
    assert "欧阳明".encode() in dump
    # ... but none of their ID numbers or phones, in any common spelling.
    for id_number, _name, _g, _b, phone in PEOPLE:
        for secret in (id_number, id_number.lower(), phone, id_number[6:14] + id_number[14:]):
            assert secret.encode() not in dump, secret
        assert id_number.encode("utf-16-le") not in dump
