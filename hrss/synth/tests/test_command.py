"""The ``synth`` management command."""

from __future__ import annotations

import io

from django.core.management import call_command


def test_synth_command_writes_every_file(tmp_path):
    out = io.StringIO()
    call_command(
        "synth",
        "--persons",
        "300",
        "--seed",
        "5",
        "--out",
        str(tmp_path),
        "--workers",
        "1",
        "--no-progress",
        stdout=out,
    )
    assert "planted: F01" in out.getvalue()
    assert (tmp_path / "ground_truth.csv").exists() and (tmp_path / "claim_items.csv").exists()


def test_command_object_runs_without_installation(tmp_path):
    from hrss.synth.management.commands.synth import Command

    out = io.StringIO()
    call_command(
        Command(),
        "--persons",
        "300",
        "--seed",
        "5",
        "--out",
        str(tmp_path),
        "--workers",
        "1",
        "--no-progress",
        stdout=out,
    )
    assert "wrote" in out.getvalue()
    assert len((tmp_path / "persons.csv").read_text(encoding="utf-8").splitlines()) == 301
