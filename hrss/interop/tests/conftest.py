"""Shared fixture: a persons file with about one row in ten broken."""

import pytest

from hrss.core.identifiers.id_number import check_char
from hrss.interop.tests.files import HEADER, good_person, write_csv


@pytest.fixture
def corrupted(tmp_path):
    rows = [good_person(i) for i in range(40)]
    bad_checksum = good_person(40)
    bad_checksum[0] = bad_checksum[0][:-1] + ("0" if bad_checksum[0][-1] != "0" else "1")
    impossible = good_person(41)
    body = "420106" + "19850230" + "123"
    impossible[0], impossible[2], impossible[3] = body + check_char(body), "1", "1985-02-28"
    unknown_region = good_person(42)
    unknown_region[4] = "429999"
    wrong_gender = good_person(43)
    wrong_gender[2] = "2" if wrong_gender[2] == "1" else "1"
    rows[5:5] = [bad_checksum]  # row 7
    rows[10:10] = [impossible]  # row 12
    rows[20:20] = [unknown_region]  # row 22
    rows[25:25] = [wrong_gender]  # row 27
    rows.append(list(rows[0]))  # duplicate of row 2, at row 46
    return write_csv(tmp_path / "persons.csv", HEADER, rows)
