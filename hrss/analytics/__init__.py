"""Portable screening rules and indicators (Ibis), their engines, Parquet snapshots.

A low layer above :mod:`hrss.core` only: it imports no Django model and no
business area. Rules see the platform's tables through a *namespace* of Ibis
tables (:mod:`hrss.analytics.schema`), whichever engine runs them: DuckDB over
a Parquet snapshot (default), PySpark, or PostgreSQL on the live tables.
See README.md.
"""
