"""Interchange CSV files → a Parquet snapshot, without the database (large benchmarks).

Loading a 1M-person province through ``hrss load_province`` (about 53 M rows at
~30 k rows/s) takes over half an hour, so the screening benchmark can build the
snapshot ``hrss screen --snapshot`` reads straight from the generator's CSV files:
the same folder layout (``manifest.json`` + one part per table, the namespace of
:mod:`hrss.analytics.schema`), the same keys (row numbers as ids), the same blind
index of each ID number (:func:`hrss.registry.protection.id_number_index`, under the
same settings), blank texts as ``''`` as the database stores them, the parameters
the migrations seed, and the importers' uniqueness rules (a repeated key keeps its
first row). At 100k the benchmark checks that both paths give the same hits.

    python -m bench.screening_snapshot CSV_DIR OUT_DIR
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

os.environ.setdefault("HRSS_INSECURE_DEV_KEYS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.config.settings")

M = "CAST(strptime({0}, '%Y-%m') AS DATE)"  # a YYYY-MM month as its first day
ID = "upper(trim({0}))"
JOINED = ("employers", "claims")  # tables a later table joins to

SQL: dict[str, str] = {
    "employers": """SELECT row_number() OVER () AS id, uscc, region, industry,
        CAST(risk_class AS SMALLINT) risk_class, CAST(registered_on AS DATE) registered_on
        FROM employers_csv""",
    "employment": """SELECT row_number() OVER () AS id, p.id person_id, e.id employer_id,
        CAST(start_date AS DATE) start_date, CAST(end_date AS DATE) end_date,
        coalesce(end_reason, '') end_reason FROM employment_csv x
        JOIN person_keys p ON p.id_number = {x_id} JOIN employers e ON e.uscc = x.uscc""",
    "life_events": """SELECT row_number() OVER () AS id, p.id person_id, event,
        CAST(event_date AS DATE) event_date, source
        FROM life_events_csv x JOIN person_keys p ON p.id_number = {x_id}""",
    "enrolments": """SELECT row_number() OVER () AS id, * FROM (SELECT p.id person_id, insurance,
        e.id employer_id, {start} start_month, {end} end_month FROM enrolments_csv x
        JOIN person_keys p ON p.id_number = {x_id} LEFT JOIN employers e ON e.uscc = x.uscc
        QUALIFY row_number() OVER (PARTITION BY p.id, insurance, coalesce(e.id, 0), {start})
        = 1)""",
    "contributions": """SELECT row_number() OVER () AS id, * FROM (SELECT p.id person_id,
        e.id employer_id, insurance, {period} period, CAST(base AS DECIMAL(14,2)) base,
        CAST(employer_amount AS DECIMAL(14,2)) employer_amount,
        CAST(employee_amount AS DECIMAL(14,2)) employee_amount, CAST(paid_on AS DATE) paid_on
        FROM contributions_csv x
        JOIN person_keys p ON p.id_number = {x_id} LEFT JOIN employers e ON e.uscc = x.uscc
        QUALIFY row_number() OVER (PARTITION BY p.id, insurance, {period}, coalesce(e.id, 0))
        = 1)""",
    "benefit_payments": """SELECT row_number() OVER () AS id, * FROM (SELECT p.id person_id,
        benefit, {period} period, CAST(amount AS DECIMAL(14,2)) amount, region,
        CAST(paid_on AS DATE) paid_on FROM benefit_payments_csv x
        JOIN person_keys p ON p.id_number = {x_id}
        QUALIFY row_number() OVER (PARTITION BY p.id, benefit, {period}, region) = 1)""",
    "cards": """SELECT row_number() OVER () AS id, p.id person_id, status, issuing_region,
        CAST(issued_on AS DATE) issued_on FROM cards_csv x
        JOIN person_keys p ON p.id_number = {x_id}""",
    "claims": """SELECT row_number() OVER () AS id, claim_id, p.id person_id, institution_code,
        institution_region, visit_type, CAST(admission_date AS DATE) admission_date,
        CAST(discharge_date AS DATE) discharge_date, diagnosis,
        CAST(total_amount AS DECIMAL(14,2)) total_amount,
        CAST(fund_amount AS DECIMAL(14,2)) fund_amount, CAST(settled_on AS DATE) settled_on
        FROM claims_csv x JOIN person_keys p ON p.id_number = {x_id}""",
    "claim_items": """SELECT row_number() OVER () AS id, * FROM (SELECT DISTINCT ON (c.id,
        i.item_code, i.item_name, i.item_type, i.quantity, i.unit_price, i.days_supply,
        i.trace_code, i.restriction) c.id claim_pk, i.item_code, i.item_type,
        CAST(i.quantity AS DECIMAL(12,3)) quantity, CAST(i.unit_price AS DECIMAL(14,4)) unit_price,
        CAST(i.days_supply AS BIGINT) days_supply, coalesce(i.trace_code, '') trace_code,
        coalesce(i.restriction, '') restriction FROM claim_items_csv i
        JOIN claims c ON c.claim_id = i.claim_id)""",
}


def _setup_django() -> None:
    import django

    django.setup()


def _person_keys(con: duckdb.DuckDBPyConnection, folder: Path) -> pa.Table:
    """``id, id_number, id_number_index, …``: persons numbered in file order, blind-indexed."""
    from hrss.core.identifiers import parse_id_number
    from hrss.registry.protection import id_number_index

    rows = con.execute(
        f"SELECT id_number, gender, birth_date, CAST(hukou_region AS VARCHAR),"
        f" coalesce(residence_region, '') FROM read_csv('{folder}/persons.csv',"
        " all_varchar=true, header=true, nullstr='')"
    ).fetchall()
    numbers = [parse_id_number(r[0]).value for r in rows]
    return pa.table(
        {
            "id": pa.array(range(1, len(rows) + 1), pa.int64()),
            "id_number": pa.array(numbers),
            "id_number_index": pa.array([id_number_index(n) for n in numbers]),
            "gender": pa.array([int(r[1]) for r in rows], pa.int16()),
            "birth_date": pa.array([date.fromisoformat(r[2]) for r in rows], pa.date32()),
            "hukou_region": pa.array([r[3] for r in rows]),
            "residence_region": pa.array([r[4] for r in rows]),
            "district": pa.array([r[4] or r[3] for r in rows]),
        }
    )


class _Collect:
    """Stands in for the Parameter model: collects what the migrations would seed."""

    rows: list[dict[str, Any]] = []

    class objects:  # noqa: N801 - the shape of a Django manager
        @staticmethod
        def get_or_create(**kw: Any) -> None:
            _Collect.rows.append({**kw, **kw.pop("defaults", {})})


def _parameters(con: duckdb.DuckDBPyConnection, folder: Path) -> pa.Table:
    from hrss.insurance.seed import load_reference_parameters

    load_reference_parameters(_Collect)
    given = con.execute(
        f"SELECT name, '' AS key, CAST(region AS VARCHAR), valid_from, valid_to, value"
        f" FROM read_csv('{folder}/parameters.csv', header=true, all_varchar=true)"
    ).fetchall()
    seeded = [(r["name"], r["key"], r["region"], r["valid_from"], None, r["value"])
              for r in _Collect.rows]  # fmt: skip
    rows = seeded + [
        (n, k, r, date.fromisoformat(f), date.fromisoformat(t) if t else None, Decimal(v))
        for n, k, r, f, t, v in given
    ]
    return pa.table(
        {
            "id": pa.array(range(1, len(rows) + 1), pa.int64()),
            "name": [r[0] for r in rows],
            "key": [r[1] for r in rows],
            "region": [r[2] for r in rows],
            "valid_from": pa.array([r[3] for r in rows], pa.date32()),
            "valid_to": pa.array([r[4] for r in rows], pa.date32()),
            "value": pa.array([Decimal(r[5]) for r in rows], pa.decimal128(18, 6)),
        }
    )


def _register_csv(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Every file as text (codes keep their leading zeros); empty cell = NULL."""
    for name in ("employers", "employment", "life_events", "enrolments", "contributions",
                 "benefit_payments", "cards", "claims", "claim_items"):  # fmt: skip
        con.execute(
            f"CREATE VIEW {name}_csv AS SELECT * FROM read_csv('{folder}/{name}.csv',"
            " header=true, all_varchar=true, nullstr='')"
        )


def _sql(name: str) -> str:
    return SQL[name].format(
        x_id=ID.format("x.id_number"), start=M.format("start_month"),
        end=M.format("end_month"), period=M.format("period"),
    )  # fmt: skip


def convert(folder: Path, out: Path) -> dict[str, int]:
    """Write the snapshot of the CSV files in ``folder`` to ``out``; rows per table."""
    from hrss.analytics.schema import TABLES
    from hrss.analytics.snapshot import Manifest, TableState

    _setup_django()
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    persons = _person_keys(con, folder)
    con.register("person_keys", persons)
    _register_csv(con, folder)
    manifest, counts = Manifest(run=1, taken_at=time.strftime("%Y-%m-%dT%H:%M:%S")), {}
    for name, spec in TABLES.items():
        rel = f"{name}/part-00001.parquet"
        (out / name).mkdir(parents=True, exist_ok=True)
        if name == "persons":
            con.execute("CREATE TABLE persons_out AS SELECT * EXCLUDE (id_number) FROM person_keys")
            select = "SELECT * FROM persons_out"
        elif name == "parameters":
            con.register("parameters_out", _parameters(con, folder))
            select = "SELECT * FROM parameters_out"
        elif name in JOINED:  # small, and read again by a later table's join
            con.execute(f"CREATE TABLE {name} AS {_sql(name)}")
            select = f"SELECT {', '.join(spec.names)} FROM {name}"
        else:  # streamed from the CSV to the Parquet file
            select = f"SELECT {', '.join(spec.names)} FROM ({_sql(name)})"
        con.execute(f"COPY ({select}) TO '{out / rel}' (FORMAT parquet, COMPRESSION zstd)")
        counts[name], top = con.execute(
            f"SELECT count(*), coalesce(max(id), 0) FROM read_parquet('{out / rel}')"
        ).fetchone()
        manifest.tables[name] = TableState(name, spec.mode, counts[name], int(top), [rel])
    manifest.save(out)
    return counts


if __name__ == "__main__":
    started = time.perf_counter()
    result = convert(Path(sys.argv[1]), Path(sys.argv[2]))
    print(result, f"{time.perf_counter() - started:.1f} s")
