"""Bulk-file machinery shared by every area's importer (interchange.md).

* :func:`read_rows` streams a CSV file: UTF-8 (BOM or not) or GB18030, header
  checked (unknown and missing columns are a file error), one row at a time,
  each with its row number as a spreadsheet shows it (header = row 1). Bytes
  that do not decode make *that row* a reject (``file.bad_encoding``), never
  the whole file.
* :class:`RejectsWriter` writes ``<input>.rejects.csv``: ``row``, the original
  columns, ``error_code``, ``message``.
* :func:`run_import` drives an :class:`Importer` batch by batch with a progress
  bar (rows/s) and returns an :class:`ImportSummary`.

Memory stays flat in the file size: only one batch is held at a time.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from django.db import transaction

from hrss.core.errors import DomainError, ValidationFailed

BAD_BYTES = frozenset(chr(c) for c in range(0xDC80, 0xDD00))  # surrogateescape range
ENCODINGS = {"utf-8": "utf-8-sig", "utf8": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030"}


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


@dataclass(slots=True)
class Reject:
    row: SourceRow
    code: str
    message: str

    @classmethod
    def from_error(cls, row: SourceRow, error: DomainError) -> Reject:
        errors = error.errors if isinstance(error, ValidationFailed) else [error]
        return cls(row, ";".join(e.code for e in errors), ";".join(e.message for e in errors))


@dataclass
class Prepared:
    """What an importer's ``prepare`` returns for one batch."""

    items: list[Any] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)

    def add(self, item: Any, duplicate: Reject | None) -> None:
        """Keep ``item`` unless it duplicates an earlier row of the file."""
        if duplicate is None:
            self.items.append(item)
        else:
            self.rejects.append(duplicate)


@dataclass
class ImportSummary:
    kind: str
    read: int = 0
    written: int = 0
    present: int = 0
    rejected: int = 0
    seconds: float = 0.0
    rejects_path: Path | None = None

    @property
    def rows_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (
            f"{self.kind}: read {self.read}, written {self.written}, "
            f"already present {self.present}, rejected {self.rejected} "
            f"({self.rows_per_second:,.0f} rows/s)"
        )


class Importer(Protocol):
    spec: FileSpec
    batch_size: int

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared: ...

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        """Write valid items; return (written, already present)."""
        ...

    def audit_batch(self, *, written: int, present: int, rejected: int, batch: int) -> None: ...


def _text_stream(raw: IO[bytes], encoding: str) -> io.TextIOWrapper:
    codec = ENCODINGS.get(encoding.lower().replace("_", "-"))
    if codec is None:
        raise FileError(
            "file.bad_encoding_option", f"不支持的编码“{encoding}”,请使用 utf-8 或 gb18030"
        )
    return io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape", newline="")


def _check_header(header: list[str], spec: FileSpec) -> list[str]:
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


def read_rows(stream: io.TextIOBase, spec: FileSpec) -> tuple[list[str], Iterator[SourceRow]]:
    """Check the header, then yield rows lazily (values keyed by column; missing optional = "")."""
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        raise FileError("file.empty", "文件为空,缺少表头行") from None
    names = _check_header(header, spec)
    width = len(names)

    def rows() -> Iterator[SourceRow]:
        for number, cells in enumerate(reader, start=2):
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            values = dict(zip(names, cells, strict=False))
            if len(cells) != width:
                values["__width__"] = str(len(cells))
            yield SourceRow(number, values)

    return names, rows()


def row_problem(row: SourceRow, width: int) -> DomainError | None:
    """File-level problems of one row: undecodable bytes, wrong number of cells."""
    if "__width__" in row.values:
        got = row.values.pop("__width__")
        return DomainError("file.bad_row_width", f"该行有{got}个字段,表头有{width}列")
    for value in row.values.values():
        if any(ch in BAD_BYTES for ch in value):
            return DomainError(
                "file.bad_encoding",
                "该行含有无法识别的字符(文件可能是GBK编码,请使用 --encoding gb18030)",
            )
    return None


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


def _batches(rows: Iterator[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    batch: list[SourceRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _screen(batch: list[SourceRow], width: int, rejects: RejectsWriter) -> list[SourceRow]:
    good = []
    for row in batch:
        problem = row_problem(row, width)
        if problem is None:
            good.append(row)
        else:
            rejects.write(Reject.from_error(row, problem))
    return good


def run_import(
    importer: Importer, path: Path, *, encoding: str = "utf-8", progress: Any = None
) -> ImportSummary:
    """Import ``path`` batch by batch; ``progress`` is a tqdm-like bar over bytes read."""
    summary = ImportSummary(kind=importer.spec.kind)
    started = time.perf_counter()
    with path.open("rb") as raw:
        names, rows = read_rows(_text_stream(raw, encoding), importer.spec)
        rejects = RejectsWriter(path, names)
        try:
            for number, batch in enumerate(_batches(rows, importer.batch_size), start=1):
                summary.read += len(batch)
                prepared = importer.prepare(_screen(batch, len(names), rejects))
                for reject in prepared.rejects:
                    rejects.write(reject)
                with transaction.atomic():  # a batch and its audit row commit together
                    written, present = importer.write(prepared.items) if prepared.items else (0, 0)
                    importer.audit_batch(
                        written=written,
                        present=present,
                        rejected=len(batch) - len(prepared.items),
                        batch=number,
                    )
                summary.written += written
                summary.present += present
                if progress is not None:
                    progress.update(raw.tell() - progress.n)
                    progress.set_postfix(
                        rows_s=f"{summary.read / (time.perf_counter() - started):,.0f}"
                    )
        finally:
            rejects.close()
    summary.rejected = rejects.count
    summary.rejects_path = rejects.path if rejects.count else None
    summary.seconds = time.perf_counter() - started
    return summary
