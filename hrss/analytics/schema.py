"""The rule namespace: which tables and columns the screening rules may read.

Every engine presents the same eleven tables under the same names and with the
same columns, whatever their source: Parquet snapshot files (DuckDB, PySpark) or
the live database tables (PostgreSQL). A column is named as in the database,
except where :attr:`Column.source` renames it (``claim_items.claim_id`` is the
integer foreign key to ``claims.id``; the namespace calls it ``claim_pk`` so that
it is never confused with the claim's external ``claim_id``).

Only what the rules need is exported (data minimisation, PIPL art. 6): persons
carry the blind index ``id_number_index`` as their key, never the encrypted
ID number or phone, never name or address.

``mode`` says how a snapshot refreshes a table: ``append`` tables are
time-series whose rows do not change once written (new rows are appended by
id); ``replace`` tables hold records that change (a card reported lost, an
employment ended) and are exported whole on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pyarrow as pa

Mode = Literal["append", "replace"]

MONEY = pa.decimal128(14, 2)
ID = pa.int64()
TEXT = pa.string()
DAY = pa.date32()
SMALL = pa.int16()


@dataclass(frozen=True, slots=True)
class Column:
    """One namespace column: its name, Arrow type and database column (if renamed)."""

    name: str
    type: pa.DataType
    source: str = ""

    @property
    def db_column(self) -> str:
        return self.source or self.name


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A namespace table: its columns (``id`` first, the snapshot's keyset) and mode."""

    name: str
    columns: tuple[Column, ...]
    mode: Mode

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type) for c in self.columns])


def _cols(*spec: tuple[str, pa.DataType] | tuple[str, pa.DataType, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in spec)


TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in (
        TableSpec(
            "persons",
            _cols(
                ("id", ID),
                ("id_number_index", TEXT),
                ("gender", SMALL),
                ("birth_date", DAY),
                ("hukou_region", TEXT),
                ("residence_region", TEXT),
                ("district", TEXT),
            ),
            "replace",
        ),  # fmt: skip
        TableSpec(
            "employers",
            _cols(
                ("id", ID),
                ("uscc", TEXT),
                ("region", TEXT),
                ("industry", TEXT),
                ("risk_class", SMALL),
                ("registered_on", DAY),
            ),
            "replace",
        ),  # fmt: skip
        TableSpec(
            "employment",
            _cols(
                ("id", ID),
                ("person_id", ID),
                ("employer_id", ID),
                ("start_date", DAY),
                ("end_date", DAY),
                ("end_reason", TEXT),
            ),
            "replace",
        ),  # fmt: skip
        TableSpec(
            "life_events",
            _cols(
                ("id", ID),
                ("person_id", ID),
                ("event", TEXT),
                ("event_date", DAY),
                ("source", TEXT),
            ),
            "append",
        ),  # fmt: skip
        TableSpec(
            "enrolments",
            _cols(
                ("id", ID),
                ("person_id", ID),
                ("insurance", TEXT),
                ("employer_id", ID),
                ("start_month", DAY),
                ("end_month", DAY),
            ),
            "replace",
        ),  # fmt: skip
        TableSpec(
            "contributions",
            _cols(
                ("id", ID),
                ("person_id", ID),
                ("employer_id", ID),
                ("insurance", TEXT),
                ("period", DAY),
                ("base", MONEY),
                ("employer_amount", MONEY),
                ("employee_amount", MONEY),
                ("paid_on", DAY),
            ),
            "append",
        ),  # fmt: skip
        TableSpec(
            "benefit_payments",
            _cols(
                ("id", ID),
                ("person_id", ID),
                ("benefit", TEXT),
                ("period", DAY),
                ("amount", MONEY),
                ("region", TEXT),
                ("paid_on", DAY),
            ),
            "append",
        ),  # fmt: skip
        TableSpec(
            "cards",
            _cols(
                ("id", ID),
                ("person_id", ID),
                ("status", TEXT),
                ("issuing_region", TEXT),
                ("issued_on", DAY),
            ),
            "replace",
        ),  # fmt: skip
        TableSpec(
            "claims",
            _cols(
                ("id", ID),
                ("claim_id", TEXT),
                ("person_id", ID),
                ("institution_code", TEXT),
                ("institution_region", TEXT),
                ("visit_type", TEXT),
                ("admission_date", DAY),
                ("discharge_date", DAY),
                ("diagnosis", TEXT),
                ("total_amount", MONEY),
                ("fund_amount", MONEY),
                ("settled_on", DAY),
            ),
            "append",
        ),  # fmt: skip
        TableSpec(
            "claim_items",
            _cols(
                ("id", ID),
                ("claim_pk", ID, "claim_id"),
                ("item_code", TEXT),
                ("item_type", TEXT),
                ("quantity", pa.decimal128(12, 3)),
                ("unit_price", pa.decimal128(14, 4)),
                ("days_supply", ID),
                ("trace_code", TEXT),
                ("restriction", TEXT),
            ),
            "append",
        ),  # fmt: skip
        TableSpec(
            "parameters",
            _cols(
                ("id", ID),
                ("name", TEXT),
                ("key", TEXT),
                ("region", TEXT),
                ("valid_from", DAY),
                ("valid_to", DAY),
                ("value", pa.decimal128(18, 6)),
            ),
            "replace",
        ),  # fmt: skip
    )
}

TABLE_NAMES = tuple(TABLES)
