"""Fixtures of the analytics tests: a snapshot folder, one Spark session per run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for the whole run (it takes seconds to start)."""
    from hrss.analytics.engines import spark_session

    session = spark_session(app="hrss-tests")
    yield session
    session.stop()
