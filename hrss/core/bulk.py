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

import collections
import csv
import io
import multiprocessing
import re
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from django.db import connections, transaction

from hrss.core.errors import DomainError, ValidationFailed

BAD_BYTES_RE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of undecodable bytes
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


RawRow = tuple[int, list[str]]  # (row number, cells): cheap to send to a worker process


def to_source_row(names: list[str], raw: RawRow) -> SourceRow:
    number, cells = raw
    values = dict(zip(names, cells, strict=False))
    if len(cells) != len(names):
        values["__width__"] = str(len(cells))
    return SourceRow(number, values)


def read_rows(stream: io.TextIOBase, spec: FileSpec) -> tuple[list[str], Iterator[RawRow]]:
    """Check the header, then yield (row number, cells) lazily, blank lines skipped."""
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        raise FileError("file.empty", "文件为空,缺少表头行") from None
    names = _check_header(header, spec)

    def rows() -> Iterator[RawRow]:
        for number, cells in enumerate(reader, start=2):
            if cells and (len(cells) > 1 or cells[0].strip()):
                yield number, cells

    return names, rows()


def row_problem(row: SourceRow, width: int) -> DomainError | None:
    """File-level problems of one row: undecodable bytes, wrong number of cells."""
    if "__width__" in row.values:
        got = row.values.pop("__width__")
        return DomainError("file.bad_row_width", f"该行有{got}个字段,表头有{width}列")
    if BAD_BYTES_RE.search("".join(row.values.values())):
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


def _batches(rows: Iterator[RawRow], size: int) -> Iterator[list[RawRow]]:
    batch: list[RawRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _screen(batch: list[RawRow], names: list[str]) -> tuple[list[SourceRow], list[Reject]]:
    good, bad = [], []
    for raw in batch:
        row = to_source_row(names, raw)
        problem = row_problem(row, len(names))
        if problem is None:
            good.append(row)
        else:
            bad.append(Reject.from_error(row, problem))
    return good, bad


_WORKER: tuple[Any, list[str]] | None = None  # (importer, header), inherited by forked workers


def _prepare_in_worker(batch: list[RawRow]) -> tuple[int, Prepared]:
    assert _WORKER is not None
    importer, names = _WORKER
    good, bad = _screen(batch, names)
    prepared = importer.prepare_pure(good)
    prepared.rejects[:0] = bad
    return len(batch), prepared


def _serial(
    importer: Importer, batches: Iterator[list[RawRow]], names: list[str]
) -> Iterator[tuple[int, Prepared]]:
    for batch in batches:
        good, bad = _screen(batch, names)
        prepared = importer.prepare(good)
        prepared.rejects[:0] = bad
        yield len(batch), prepared


def _parallel(
    importer: Any, batches: Iterator[list[RawRow]], names: list[str], workers: int
) -> Iterator[tuple[int, Prepared]]:
    """Validate and encrypt in forked workers, in order, with a bounded window of batches
    (memory stays flat). Only importers whose ``prepare_pure`` touches no database and no
    shared state take this path; ``finish`` (duplicate checks) runs here, in order."""
    global _WORKER
    _WORKER = (importer, names)
    connections.close_all()  # no database socket is shared with the children
    pending: collections.deque[Any] = collections.deque()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for batch in batches:
            pending.append((pool.apply_async(_prepare_in_worker, (batch,)), batch))
            if len(pending) >= workers * 2:
                yield _collect(importer, names, *pending.popleft())
        while pending:
            yield _collect(importer, names, *pending.popleft())


def _collect(
    importer: Any, names: list[str], result: Any, batch: list[RawRow]
) -> tuple[int, Prepared]:
    count, prepared = result.get()
    by_number = {raw[0]: raw for raw in batch}
    return count, importer.finish(prepared, lambda n: to_source_row(names, by_number[n]))


def _write_batch(
    importer: Importer, prepared: Prepared, count: int, number: int
) -> tuple[int, int]:
    with transaction.atomic():  # a batch and its audit row commit together
        written, present = importer.write(prepared.items) if prepared.items else (0, 0)
        importer.audit_batch(
            written=written, present=present, rejected=count - len(prepared.items), batch=number
        )
    return written, present


class _Writer:
    """Writes batches in order, either inline or on one background thread (``pipelined``),
    so that reading and validation go on while the database writes. The thread has its
    own database connection, closed at the end."""

    def __init__(self, importer: Importer, summary: ImportSummary, pipelined: bool) -> None:
        self.importer, self.summary = importer, summary
        self.pool = ThreadPoolExecutor(max_workers=1) if pipelined else None
        self.pending: collections.deque[Future[tuple[int, int]]] = collections.deque()

    def submit(self, prepared: Prepared, count: int, number: int) -> None:
        if self.pool is None:
            self._add(_write_batch(self.importer, prepared, count, number))
            return
        self.pending.append(self.pool.submit(_write_batch, self.importer, prepared, count, number))
        while len(self.pending) > 2:
            self._add(self.pending.popleft().result())

    def _add(self, result: tuple[int, int]) -> None:
        self.summary.written += result[0]
        self.summary.present += result[1]

    def close(self) -> None:
        if self.pool is None:
            return
        try:
            while self.pending:
                self._add(self.pending.popleft().result())
        finally:
            self.pool.submit(connections.close_all).result()
            self.pool.shutdown()


def run_import(
    importer: Importer,
    path: Path,
    *,
    encoding: str = "utf-8",
    progress: Any = None,
    workers: int = 1,
    pipelined: bool = False,
) -> ImportSummary:
    """Import ``path`` batch by batch; ``progress`` is a tqdm-like bar over bytes read.

    ``workers`` > 1 validates in forked processes (importers with ``prepare_pure``);
    ``pipelined`` writes on a background thread with its own connection (not inside an
    outer transaction: the command line uses it, tests of the plain path do not)."""
    summary = ImportSummary(kind=importer.spec.kind)
    started = time.perf_counter()
    with path.open("rb") as raw:
        text = _text_stream(raw, encoding)  # held here: dropping it would close ``raw``
        names, rows = read_rows(text, importer.spec)
        rejects = RejectsWriter(path, names)
        batches = _batches(rows, importer.batch_size)
        parallel = workers > 1 and hasattr(importer, "prepare_pure")
        stream = (
            _parallel(importer, batches, names, workers)
            if parallel
            else _serial(importer, batches, names)
        )
        writer = _Writer(importer, summary, pipelined)
        try:
            for number, (count, prepared) in enumerate(stream, start=1):
                summary.read += count
                for reject in sorted(prepared.rejects, key=lambda r: r.row.number):
                    rejects.write(reject)
                writer.submit(prepared, count, number)
                _show(progress, raw, summary, started)
        finally:
            writer.close()
            rejects.close()
            text.detach()
    summary.rejected = rejects.count
    summary.rejects_path = rejects.path if rejects.count else None
    summary.seconds = time.perf_counter() - started
    return summary


def _show(progress: Any, raw: IO[bytes], summary: ImportSummary, started: float) -> None:
    if progress is None or raw.closed:
        return
    progress.update(raw.tell() - progress.n)
    progress.set_postfix(rows_s=f"{summary.read / (time.perf_counter() - started):,.0f}")
