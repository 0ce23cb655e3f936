"""Synthetic Hubei population generator with planted screening anomalies.

A pure generator below the business areas: it imports only the kernel
(:mod:`hrss.core`, including :mod:`hrss.core.industry`), no Django models, and
writes the interchange CSV files (docs/interchange.md) plus ``ground_truth.csv``.
See README.md.
"""
