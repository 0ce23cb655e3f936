"""``hrss validate id|uscc``. No test here is marked ``django_db``: pytest-django
blocks database access, so these also prove the command never needs the database."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

import hrss

REPO_ROOT = Path(hrss.__file__).resolve().parent.parent
GOOD_USCC = ["91110108551385082Q", "91110000600037341L", "91350100M000100Y43"]


def run(*args: str) -> tuple[str, int]:
    """Output and exit status as ``hrss validate`` would give them."""
    out = StringIO()
    try:
        call_command("validate", *args, stdout=out, stderr=StringIO())
    except CommandError as exc:
        return out.getvalue(), exc.returncode
    return out.getvalue(), 0


def test_all_valid_ids_exit_0() -> None:
    output, status = run("id", "11010519491231002X", "360426199101010071")
    assert status == 0
    assert output.splitlines() == ["11010519491231002X\tok", "360426199101010071\tok"]


def test_any_invalid_id_exits_1_and_names_the_error_code() -> None:
    output, status = run("id", "11010519491231002X", "110105194912310021", "123", "")
    assert status == 1
    assert output.splitlines() == [
        "11010519491231002X\tok",
        "110105194912310021\tid_number.bad_checksum",
        "123\tid_number.bad_length",
        "\tid_number.empty",
    ]


def test_uscc_kind() -> None:
    output, status = run("uscc", *GOOD_USCC, "91110108551385082A")
    assert status == 1
    lines = output.splitlines()
    assert lines[:3] == [f"{code}\tok" for code in GOOD_USCC]
    assert lines[3] == "91110108551385082A\tuscc.bad_check_char"


def test_file_with_bom_blank_lines_and_crlf(tmp_path: Path) -> None:
    listing = tmp_path / "ids.txt"
    content = "11010519491231002X\r\n\r\n  360426199101010071  \r\n\n110105194912310021\r\n"
    listing.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    output, status = run("id", "--file", str(listing))
    assert status == 1
    assert output.splitlines() == [
        "11010519491231002X\tok",
        "360426199101010071\tok",
        "110105194912310021\tid_number.bad_checksum",
    ]


def test_values_and_file_together(tmp_path: Path) -> None:
    listing = tmp_path / "codes.txt"
    listing.write_text("91350100M000100Y43\n", encoding="utf-8")
    output, status = run("uscc", "91110108551385082Q", "--file", str(listing))
    assert status == 0
    assert output.splitlines() == ["91110108551385082Q\tok", "91350100M000100Y43\tok"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("id")[1] == 2
    assert run("id", "--file", str(tmp_path / "missing.txt"))[1] == 2
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Café\n".encode("latin-1"))
    assert run("id", "--file", str(latin1))[1] == 2


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("validate", "phone", "13812341234")


def hrss_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hrss", "validate", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_command_line_exit_codes_and_tab_separated_output() -> None:
    good = hrss_cli("uscc", *GOOD_USCC)
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines() == [f"{code}\tok" for code in GOOD_USCC]

    bad = hrss_cli("uscc", GOOD_USCC[0], "91110108551385O82Q")
    assert bad.returncode == 1, bad.stderr
    assert bad.stdout.splitlines() == [f"{GOOD_USCC[0]}\tok", "91110108551385O82Q\tuscc.bad_char"]
