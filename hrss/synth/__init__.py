"""Synthetic Hubei population generator with planted screening anomalies.

A pure generator below the business areas: it imports only :mod:`hrss.core` and
:mod:`hrss.registry.industry` (no Django models) and writes the interchange CSV
files of ``docs``/``interchange.md`` plus ``ground_truth.csv``. See README.md.
"""
