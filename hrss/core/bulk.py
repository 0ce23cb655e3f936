"""Bulk-file machinery shared by every area's importer (interchange.md).

* Reading (:mod:`hrss.core.bulkread`): encoding, header, records with their row
  numbers; a row whose bytes do not decode is a reject, never the whole file; the
  rejects file.
* :func:`run_import` drives an :class:`Importer` batch by batch with a progress
  bar (rows/s) and returns an :class:`ImportSummary`. Importers whose ``prepare``
  is pure (no database, no shared state) run it in forked worker processes, which
  also parse the cells and, on PostgreSQL, render the rows in ``COPY`` format; the
  parent only finds record ends, checks in-file duplicates in file order and
  writes, on a pipelined writer thread. An importer naming an
  ``initial_load_model`` loads into that table, while it is empty, with the
  indexes built at the end (:func:`hrss.core.bulkwrite.initial_load`).

Memory stays flat in the file size: a bounded window of batches is held at a time.
"""

from __future__ import annotations

import collections
import gc
import multiprocessing
import queue
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from django.db import connection, connections, transaction

from hrss.core.bulkread import (
    FileError,
    FileSpec,
    RawBatch,
    Reject,
    RejectsWriter,
    SourceRow,
    open_text,
    parse_batch,
    read_records,
)
from hrss.core.bulkwrite import CopyRows, encode_copy_rows, initial_load

__all__ = [
    "DuplicateTracker",
    "FileError",
    "FileSpec",
    "ImportSummary",
    "Prepared",
    "Reject",
    "SourceRow",
]


@dataclass
class Prepared:
    """What an importer's ``prepare`` returns for one batch."""

    # DB-ready tuples; on a parallel PostgreSQL import, their ``CopyRows`` rendering.
    items: Any = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    # Optional, one per item: (in-file key as a 64-bit int, row number). When given,
    # ``run_import`` rejects a key's later occurrences, in file order, even when the
    # batches were prepared in parallel.
    keys: list[tuple[int, int]] | None = None

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
    # True when ``prepare`` writes nothing and keeps no state from batch to batch, so
    # that it may run in a forked worker (see ``run_import(workers=…)``); it may read
    # the database through the worker's own connection.
    parallel_prepare: bool
    # Optional: the table the importer fills, named only when its in-file key
    # (``Prepared.keys``) covers every unique index of that table, so that a load
    # into the empty table may build its indexes afterwards (``initial_load``).
    # initial_load_model: type[Model]

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared: ...

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        """Write valid items; return (written, already present)."""
        ...

    def audit_batch(self, *, written: int, present: int, rejected: int, batch: int) -> None: ...


def _screen(names: list[str], batch: RawBatch) -> tuple[list[SourceRow], list[Reject]]:
    good, bad = [], []
    for row, problem in parse_batch(names, batch):
        if problem is None:
            good.append(row)
        else:
            bad.append(Reject.from_error(row, problem))
    return good, bad


def _prepare(importer: Any, names: list[str], batch: RawBatch) -> tuple[int, Prepared]:
    good, bad = _screen(names, batch)
    prepared = importer.prepare(good)
    prepared.rejects[:0] = bad
    return len(good) + len(bad), prepared


_WORKER: tuple[Any, list[str], bool] | None = None  # inherited by forked workers


def _prepare_in_worker(batch: RawBatch) -> tuple[int, Prepared]:
    assert _WORKER is not None
    importer, names, encode = _WORKER
    gc.disable()  # a batch's objects are freed together at its end; no pass needed inside
    try:
        count, prepared = _prepare(importer, names, batch)
        if encode:  # render COPY lines here, in parallel, rather than in the writer
            prepared.items = encode_copy_rows(prepared.items)
    finally:
        gc.enable()
    connections.close_all()  # a worker that read the database keeps no idle connection
    return count, prepared


class DuplicateTracker:
    """Keys seen earlier in the same file: a second occurrence is a reject.

    Only a 64-bit hash of each key and its row number are kept (about 100 bytes a
    row instead of the key itself), so a file of millions of rows stays small in
    memory; two different keys sharing a hash (odds about n²/2⁶⁵) would be reported
    as a duplicate, never silently merged — the database's unique constraint decides."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._seen: dict[int, int] = {}

    def first(self, key: int, number: int) -> int | None:
        """The earlier row with ``key``, or None when row ``number`` is its first."""
        first = self._seen.setdefault(key, number)
        return None if first == number else first

    def reject(self, row: SourceRow, first: int) -> Reject:
        return Reject(row, "import.duplicate_key", f"{self.label}与第{first}行重复")

    def check(self, key: Any, row: SourceRow) -> Reject | None:
        first = self.first(hash(key), row.number)
        return None if first is None else self.reject(row, first)


class _InFileKeys:
    """An importer's ``Prepared.keys`` checked in file order, across batches prepared
    in any process: a key's later occurrences are rejected."""

    def __init__(self, importer: Any, names: list[str]) -> None:
        self.tracker = DuplicateTracker(getattr(importer, "duplicate_label", "该记录"))
        self.names = names

    def drop_repeats(self, prepared: Prepared, batch: RawBatch) -> Prepared:
        if prepared.keys is None:
            return prepared
        repeats = set()
        for position, (key, number) in enumerate(prepared.keys):
            first = self.tracker.first(key, number)
            if first is not None:
                repeats.add(position)
                prepared.rejects.append(self.tracker.reject(self._row(batch, number), first))
        if repeats:
            prepared.items = _without(prepared.items, repeats)
        prepared.keys = None
        return prepared

    def _row(self, batch: RawBatch, number: int) -> SourceRow:
        text = batch[1][batch[0].index(number)]
        return next(row for row, _ in parse_batch(self.names, ([number], [text])))


def _without(items: Any, positions: set[int]) -> Any:
    if isinstance(items, CopyRows):
        return items.without(positions)
    return [item for i, item in enumerate(items) if i not in positions]


def _serial(
    importer: Importer, batches: Iterator[RawBatch], names: list[str]
) -> Iterator[tuple[int, Prepared]]:
    keys = _InFileKeys(importer, names)
    for batch in batches:
        count, prepared = _prepare(importer, names, batch)
        yield count, keys.drop_repeats(prepared, batch)


def _parallel(
    importer: Any, batches: Iterator[RawBatch], names: list[str], workers: int
) -> Iterator[tuple[int, Prepared]]:
    """Parse, validate and encrypt in forked workers, in order, with a bounded window of
    batches (memory stays flat). Only importers whose ``prepare`` writes nothing and
    keeps no state between batches (``parallel_prepare``) take this path; in-file
    duplicates are checked here, in file order."""
    global _WORKER
    _WORKER = (importer, names, connection.vendor == "postgresql")
    connections.close_all()  # no database socket is shared with the children
    keys = _InFileKeys(importer, names)
    pending: collections.deque[tuple[Any, RawBatch]] = collections.deque()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for batch in batches:
            pending.append((pool.apply_async(_prepare_in_worker, (batch,)), batch))
            if len(pending) >= workers * 2:
                yield _collect(keys, *pending.popleft())
        while pending:
            yield _collect(keys, *pending.popleft())


def _collect(keys: _InFileKeys, result: Any, batch: RawBatch) -> tuple[int, Prepared]:
    count, prepared = result.get()
    return count, keys.drop_repeats(prepared, batch)


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
    """Writes batches in order, either inline or on one background thread (``pipelined``)
    fed through a short queue, so that reading and validation go on while the database
    writes. The thread has its own connection, closed at the end. There, when the
    importer names an ``initial_load_model`` whose table is empty, the whole import is
    one transaction and the table's indexes are built at its end (``initial_load``)."""

    def __init__(self, importer: Importer, summary: ImportSummary, pipelined: bool) -> None:
        self.importer, self.summary = importer, summary
        self.jobs: queue.Queue[tuple[Prepared, int, int] | None] = queue.Queue(maxsize=2)
        self.pool = ThreadPoolExecutor(max_workers=1) if pipelined else None
        self.consumer = self.pool.submit(self._consume) if self.pool else None

    def submit(self, prepared: Prepared, count: int, number: int) -> None:
        if self.consumer is None:
            self._write((prepared, count, number))
        else:
            self._put((prepared, count, number))

    def _put(self, job: tuple[Prepared, int, int] | None) -> None:
        assert self.consumer is not None
        while True:  # wait for room, unless the writer thread has stopped on an error
            try:
                return self.jobs.put(job, timeout=0.5)
            except queue.Full:
                if self.consumer.done():
                    self.consumer.result()  # raises the writer's error

    def _write(self, job: tuple[Prepared, int, int]) -> None:
        written, present = _write_batch(self.importer, *job)
        self.summary.written += written
        self.summary.present += present

    def _consume(self) -> None:
        model = getattr(self.importer, "initial_load_model", None)
        try:
            with initial_load(model) if model is not None else nullcontext(False):
                for job in iter(self.jobs.get, None):
                    self._write(job)
        finally:
            connections.close_all()

    def close(self) -> None:
        if self.pool is None or self.consumer is None:
            return
        try:
            if not self.consumer.done():
                self._put(None)
            self.consumer.result()
        finally:
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

    ``workers`` > 1 prepares batches in forked processes (importers with
    ``parallel_prepare``); ``pipelined`` writes on a background thread with its own
    connection (not inside an outer transaction: the command line uses it, tests of
    the plain path do not)."""
    summary = ImportSummary(kind=importer.spec.kind)
    started = time.perf_counter()
    with path.open("rb") as raw, _heap_frozen():
        text = open_text(raw, encoding)  # held here: dropping it would close ``raw``
        names, batches = read_records(text, importer.spec, importer.batch_size)
        rejects = RejectsWriter(path, names)
        parallel = workers > 1 and getattr(importer, "parallel_prepare", False)
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


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """Keep the objects that exist before the import (Django, the app's modules) out of
    the garbage collector's passes while it runs. An import makes millions of
    short-lived containers; without this each full pass would walk the whole
    long-lived heap again (about a tenth of a worker's time). Forked workers inherit
    the frozen heap, as the ``gc`` documentation advises for fork without exec."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _show(progress: Any, raw: IO[bytes], summary: ImportSummary, started: float) -> None:
    if progress is None or raw.closed:
        return
    progress.update(raw.tell() - progress.n)
    progress.set_postfix(rows_s=f"{summary.read / (time.perf_counter() - started):,.0f}")
