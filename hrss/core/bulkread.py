"""Reading interchange files: encoding, header, records, row numbers.

* :func:`open_text` decodes UTF-8 (BOM or not) or GB18030; bytes that do not decode
  become surrogates, so that only *their* row is rejected (``file.bad_encoding``).
* :func:`read_records` checks the header (unknown and missing columns are a file
  error) and yields batches of records as raw text, each with its row number as a
  spreadsheet shows it (header = row 1). The reading process does not parse the
  cells: it only finds where each record ends, cheaply (a line without a quote
  character is a whole record), and the cells are parsed where the batch is
  validated — in a worker process on multi-core imports.
* :func:`parse_batch` turns a batch into :class:`SourceRow` objects with the same
  ``csv`` reader, so that a record means exactly what ``csv.reader`` makes of it.
* :class:`RejectsWriter` writes the rows refused to ``<input>.rejects.csv``: ``row``,
  the original columns, ``error_code``, ``message``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from hrss.core.errors import DomainError, ValidationFailed

BAD_BYTES_RE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of undecodable bytes
ENCODINGS = {"utf-8": "utf-8-sig", "utf8": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030"}
HEADER_ROW = 1


class FileError(DomainError):
    """The file as a whole cannot be imported (nothing is written)."""

    default_code = "file.invalid"
    default_message = "文件无法导入"


@dataclass(frozen=True, slots=True)
class FileSpec:
    kind: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


@dataclass(slots=True)
class SourceRow:
    number: int
    values: dict[str, str]


# A batch as it travels to a worker: (row numbers, record texts), cheap to pickle.
RawBatch = tuple[list[int], list[str]]


def open_text(raw: IO[bytes], encoding: str) -> io.TextIOWrapper:
    codec = ENCODINGS.get(encoding.lower().replace("_", "-"))
    if codec is None:
        raise FileError(
            "file.bad_encoding_option", f"不支持的编码“{encoding}”,请使用 utf-8 或 gb18030"
        )
    return io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape", newline="")


_PROBE = "\x01"  # a line no record can swallow unless it is still inside a quoted cell


def _record_complete(text: str) -> bool:
    """Does ``text`` (one record's lines so far, starting at a record boundary) end a record?

    Asked of ``csv`` itself: a probe line after a complete record is a record of its
    own; after an open quoted cell, it is read into that cell."""
    if not text.endswith(("\n", "\r")):
        return True  # the file's last line
    records = list(csv.reader([text, _PROBE + "\n"]))
    return len(records) >= 2 and records[-1] == [_PROBE]


def split_records(lines: Iterator[str]) -> Iterator[str]:
    """Group physical lines into records (a quoted cell may hold line breaks)."""
    pending: list[str] = []
    for line in lines:
        if not pending and '"' not in line:
            yield line
            continue
        pending.append(line)
        text = "".join(pending)
        if _record_complete(text):
            pending.clear()
            yield text
    if pending:  # an unterminated quote at the end of the file: csv reads what it can
        yield "".join(pending)


def check_header(header: list[str], spec: FileSpec) -> list[str]:
    names = [h.strip() for h in header]
    unknown = [n for n in names if n not in spec.columns]
    if unknown:
        raise FileError(
            "file.unknown_column",
            f"文件含有未定义的列:{', '.join(unknown)}",
            extra={"columns": unknown},
        )
    missing = [c for c in spec.required if c not in names]
    if missing:
        raise FileError(
            "file.missing_column",
            f"文件缺少必需的列:{', '.join(missing)}",
            extra={"columns": missing},
        )
    if len(set(names)) != len(names):
        raise FileError("file.duplicate_column", "文件中有重复的列名")
    return names


def read_records(
    stream: io.TextIOBase, spec: FileSpec, size: int
) -> tuple[list[str], Iterator[RawBatch]]:
    """Check the header, then yield batches of ``size`` records lazily."""
    records = split_records(iter(stream))
    first = next(records, None)
    if first is None:
        raise FileError("file.empty", "文件为空,缺少表头行")
    names = check_header(next(csv.reader([first]), []), spec)

    def batches() -> Iterator[RawBatch]:
        numbers: list[int] = []
        texts: list[str] = []
        for number, text in enumerate(records, start=HEADER_ROW + 1):
            numbers.append(number)
            texts.append(text)
            if len(texts) >= size:
                yield numbers, texts
                numbers, texts = [], []
        if texts:
            yield numbers, texts

    return names, batches()


def _cells(texts: list[str]) -> list[list[str] | csv.Error]:
    try:
        parsed: list[list[str] | csv.Error] = list(csv.reader(texts))
        if len(parsed) == len(texts):
            return parsed
    except csv.Error:
        pass
    return [_cells_of_one(text) for text in texts]  # record by record, to find the bad one


def _cells_of_one(text: str) -> list[str] | csv.Error:
    try:
        return next(csv.reader([text]), [])
    except csv.Error as error:
        return error


def parse_batch(
    names: list[str], batch: RawBatch
) -> Iterator[tuple[SourceRow, DomainError | None]]:
    """Each non-blank record as a row, with the file-level problem of that row, if any:
    undecodable bytes or NUL, a wrong number of cells, a record ``csv`` cannot read."""
    width = len(names)
    clean = _clean_text("".join(batch[1]))  # the usual case: no row needs a closer look
    for number, cells in zip(batch[0], _cells(batch[1]), strict=True):
        if isinstance(cells, csv.Error):
            row = SourceRow(number, {})
            yield row, DomainError("file.bad_row", f"该行无法按CSV格式读取:{cells}")
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue  # a blank line
        row = SourceRow(number, dict(zip(names, cells, strict=False)))
        if clean and len(cells) == width:
            yield row, None
        else:
            yield row, _problem(cells, width)


def _clean_text(text: str) -> bool:
    """Neither undecodable bytes (surrogates, which UTF-8 refuses) nor NUL."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def _problem(cells: list[str], width: int) -> DomainError | None:
    if len(cells) != width:
        return DomainError("file.bad_row_width", f"该行有{len(cells)}个字段,表头有{width}列")
    joined = "".join(cells)
    if BAD_BYTES_RE.search(joined):
        return DomainError(
            "file.bad_encoding",
            "该行含有无法识别的字符(文件可能是GBK编码,请使用 --encoding gb18030)",
        )
    if "\x00" in joined:
        return DomainError("file.nul_character", "该行含有空字符(NUL),无法导入")
    return None


@dataclass(slots=True)
class Reject:
    row: SourceRow
    code: str
    message: str

    @classmethod
    def from_error(cls, row: SourceRow, error: DomainError) -> Reject:
        errors = error.errors if isinstance(error, ValidationFailed) else [error]
        return cls(row, ";".join(e.code for e in errors), ";".join(e.message for e in errors))


class RejectsWriter:
    """``<input>.rejects.csv``, created on the first reject (UTF-8 with BOM for spreadsheets)."""

    def __init__(self, source: Path, columns: list[str]) -> None:
        self.path = source.with_name(source.name + ".rejects.csv")
        self.columns = columns
        self._fh: IO[str] | None = None
        self._writer: Any = None
        self.count = 0
        if self.path.exists():
            self.path.unlink()

    def write(self, reject: Reject) -> None:
        if self._writer is None:
            self._fh = self.path.open("w", encoding="utf-8-sig", newline="")
            self._writer = csv.writer(self._fh)
            self._writer.writerow(["row", *self.columns, "error_code", "message"])
        clean = [
            reject.row.values.get(c, "").encode("utf-8", "replace").decode() for c in self.columns
        ]
        self._writer.writerow([reject.row.number, *clean, reject.code, reject.message])
        self.count += 1

    def close(self) -> None:
        if self._fh:
            self._fh.close()
