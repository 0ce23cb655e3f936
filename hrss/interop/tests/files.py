"""Interchange files for the import tests: valid persons, a file with planted faults."""

import csv
from datetime import date
from pathlib import Path

from django.core.management import call_command

from hrss.core.identifiers.id_number import build_id_number

HEADER = ["id_number", "name", "gender", "birth_date", "hukou_region", "phone"]


SURNAMES, GIVEN = "赵钱孙李周吴郑王冯陈", "伟芳娜敏静丽强磊军洋"


def good_person(i: int) -> list[str]:
    born = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
    seq = 100 + i
    name = SURNAMES[i % 10] + GIVEN[i // 10 % 10] + GIVEN[i % 7]
    return [
        build_id_number("420106", born, seq),
        name,
        "1" if seq % 2 else "2",
        born.isoformat(),
        "420106",
        "",
    ]


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(kind: str, path: Path, *extra: str) -> int:
    try:
        call_command("import", kind, str(path), "--no-progress", "--workers", "1", *extra)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def rejects_of(path: Path) -> dict[int, str]:
    with path.with_name(path.name + ".rejects.csv").open(encoding="utf-8-sig") as fh:
        return {int(r["row"]): r["error_code"] for r in csv.DictReader(fh)}
