"""One rule code for every engine: DuckDB and PySpark give identical hits."""

from __future__ import annotations

import pytest

from hrss.analytics.engines import duckdb_engine, pyspark_engine
from hrss.analytics.rules import RULES
from hrss.analytics.tests.builders import run, sample_province

# py4j leaves its socket to the garbage collector: not ours to fix.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


def test_duckdb_and_pyspark_give_the_same_hits_and_details(tmp_path, spark):
    folder = sample_province().snapshot(tmp_path)
    duck = duckdb_engine(folder)
    sparked = pyspark_engine(folder, session=spark)
    try:
        on_duckdb = run(duck, ",".join(RULES))
        on_spark = run(sparked, ",".join(RULES))
    finally:
        duck.close()
        sparked.close()

    assert on_spark == on_duckdb
    assert all(on_duckdb[code] for code in RULES), {c: h for c, h in on_duckdb.items() if not h}
