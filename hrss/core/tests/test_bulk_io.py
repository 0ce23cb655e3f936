"""Reading records (row numbers, quoted line breaks) and rendering rows for COPY."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from hrss.core.bulkread import FileSpec, parse_batch, read_records, split_records
from hrss.core.bulkwrite import CopyRows, encode_copy_rows
from hrss.core.clock import SHANGHAI

SPEC = FileSpec("t", ("a", "b"), ("c",))
cell = st.text(alphabet=st.sampled_from(list('ab,"\n\r \t\\张')), max_size=8)


def _csv(rows: list[list[str]], lineterminator: str = "\r\n") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=lineterminator).writerows(rows)
    return out.getvalue()


Read = list[tuple[int, list[str] | str]]


def _reference(text: str) -> Read:
    """What ``csv.reader`` over the whole stream numbers and reads (header = row 1);
    a row of the wrong width is only ``"width"``."""
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    return [
        (n, cells if len(cells) == 3 else "width")
        for n, cells in enumerate(reader, start=2)
        if cells and (len(cells) > 1 or cells[0].strip())
    ]


def _ours(text: str, size: int) -> Read:
    names, batches = read_records(io.StringIO(text, newline=""), SPEC, size)
    out: Read = []
    for batch in batches:
        for row, problem in parse_batch(names, batch):
            width = problem is not None and problem.code == "file.bad_row_width"
            out.append((row.number, "width" if width else [row.values[n] for n in names]))
    return out


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.lists(cell, min_size=3, max_size=3), max_size=12),
    size=st.integers(1, 5),
    ending=st.sampled_from(["\r\n", "\n"]),
)
def test_records_and_row_numbers_match_csv_reader(rows, size, ending):
    text = _csv([["a", "b", "c"], *rows], ending)
    assert _ours(text, size) == _reference(text)


@settings(max_examples=300, deadline=None)
@given(body=st.text(alphabet=st.sampled_from(list('ab,"\n\r ')), max_size=40))
def test_malformed_text_is_read_as_csv_reads_it(body):
    text = "a,b,c\n" + body
    try:
        expected = _reference(text)
    except csv.Error:
        return  # csv itself refuses the stream; nothing to compare
    assert _ours(text, 3) == expected


@pytest.mark.parametrize(
    "raw",
    [
        'a,b,c\n1,"x\ny",3\n4,5,6\n',  # a quoted line break
        'a,b,c\n1,b"c,3\n4,5,6\n',  # a stray quote inside an unquoted cell
        'a,b,c\n1,"ab"c",3\n4,5,6\n',  # text after a closing quote
        "a,b,c\n\n1,2,3\n   \n4,5,6",  # blank lines, no final line break
        'a,b,c\n1,"open quote,3\n4,5,6\n',  # an unterminated quote swallows the rest
        'a,b,c\n1,"x\n",3\n4,5,6\n',  # a quoted cell ending in a line break
    ],
)
def test_awkward_files_are_read_as_csv_reads_them(raw):
    assert _ours(raw, 2) == _reference(raw)


def test_a_line_with_bad_bytes_or_nul_is_a_problem_of_that_row_only():
    text = "a,b,c\n1,2,3\n1,\udcff,3\n1,\x00,3\n1,2\n"
    names, batches = read_records(io.StringIO(text, newline=""), SPEC, 10)
    problems = {
        row.number: p.code if p else None for b in batches for row, p in parse_batch(names, b)
    }
    assert problems == {
        2: None,
        3: "file.bad_encoding",
        4: "file.nul_character",
        5: "file.bad_row_width",
    }


def test_split_records_keeps_every_character():
    lines = ['1,"a\n', 'b",2\n', "3,4\n"]
    assert list(split_records(iter(lines))) == ['1,"a\nb",2\n', "3,4\n"]


def test_copy_rendering_of_each_type():
    moment = datetime(2026, 11, 29, 9, 30, tzinfo=SHANGHAI)
    rows = [
        ("a\tb\\c\nd\re", b"\x00\xff", None, 7, True, Decimal("12.50"), date(2026, 1, 2), moment),
        ("张三", b"", None, 0, False, Decimal("0"), date(2026, 1, 2), moment),
    ]
    lines = encode_copy_rows(rows).payload.decode().split("\n")
    assert lines[0].split("\t") == [
        "a\\tb\\\\c\\nd\\re",
        "\\\\x00ff",
        "\\N",
        "7",
        "t",
        "12.50",
        "2026-01-02",
        "2026-11-29T09:30:00+08:00",
    ]
    assert lines[1].split("\t")[:5] == ["张三", "\\\\x", "\\N", "0", "f"]
    assert lines[2] == ""


def _oracle(value: object) -> str:
    """COPY text of one value, written out plainly (the renderer works column-wise)."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    if isinstance(value, str):
        for raw, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
            value = value.replace(raw, escaped)
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


copy_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.binary(max_size=6),
    cell,
    st.text(max_size=4),
    st.decimals(places=2, min_value=-1000, max_value=1000),
    st.dates(),
    st.datetimes(timezones=st.just(SHANGHAI)),
)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda width: st.lists(st.tuples(*[copy_value] * width), min_size=1, max_size=6)
    )
)
def test_column_wise_rendering_matches_value_by_value(rows: list[tuple[object, ...]]) -> None:
    expected = "".join("\t".join(map(_oracle, row)) + "\n" for row in rows).encode()
    assert encode_copy_rows(rows).payload == expected


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 3).flatmap(lambda n: st.lists(st.tuples(cell, cell), min_size=n, max_size=n)))
def test_text_columns_needing_escapes_render_like_values(rows: list[tuple[str, str]]) -> None:
    expected = "".join(f"{_oracle(a)}\t{_oracle(b)}\n" for a, b in rows).encode()
    assert encode_copy_rows(rows).payload == expected


def test_copy_rows_without_positions_keep_the_rest_in_order():
    rows = encode_copy_rows([("a\nx",), ("b",), ("c",)])
    assert len(rows) == 3
    kept = rows.without({1})
    assert len(kept) == 2
    assert kept.payload == b"a\\nx\nc\n"


def test_unknown_types_are_refused():
    with pytest.raises(TypeError):
        encode_copy_rows([(object(),)])


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_postgresql_reads_back_what_was_rendered():
    moment = datetime(2026, 11, 29, 9, 30, 15, 123456, tzinfo=SHANGHAI)
    row = ("a\tb\\c\nd\re 张", b"\x00\\\xff", None, 42, True, Decimal("-1.05"), date(1990, 2, 28))
    with connection.cursor() as cur:
        cur.execute(
            "CREATE TEMP TABLE copy_probe (t text, b bytea, n text, i int, f bool,"
            " m numeric(12,2), d date, ts timestamptz)"
        )
        with cur.cursor.copy("COPY copy_probe FROM STDIN") as copy:
            copy.write(encode_copy_rows([(*row, moment)]).payload)
        cur.execute("SELECT * FROM copy_probe")
        back = cur.fetchone()
    assert (back[0], bytes(back[1]), *back[2:7]) == row
    assert back[7] == moment


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the guard is for other engines")
def test_copy_rows_are_not_written_to_sqlite():
    from hrss.core.bulkwrite import insert_ignoring_duplicates
    from hrss.core.models import CalendarDay

    with pytest.raises(TypeError):
        insert_ignoring_duplicates(CalendarDay, ["name"], CopyRows([b"x"]))
