"""``make bench``: run every benchmark, print its table, write bench/results/*.json.

python -m bench                 # all, default sizes
python -m bench import synth    # a selection
python -m bench screen          # screening rules at 1M persons (--quick: 100k)
python -m bench --quick         # small sizes (a smoke run)
python -m bench load            # citizen APIs under load (wrk), against bare views
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("HRSS_INSECURE_DEV_KEYS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.config.settings")

CHOICES = ("import", "synth", "screen", "load")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("which", nargs="*", default=list(CHOICES), help="|".join(CHOICES))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if unknown := set(args.which) - set(CHOICES):
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    from bench import import_bench, screening_bench, synth_bench

    if "import" in args.which:
        import_bench.run(10_000 if args.quick else 100_000)
    if "synth" in args.which:
        synth_bench.run([10_000] if args.quick else [100_000, 1_000_000])
    if "load" in args.which:
        from bench import load_bench

        load_bench.run(10_000 if args.quick else 100_000)
    if "screen" in args.which:
        if args.quick:
            screening_bench.run(100_000, name="screening_quick")
        else:
            screening_bench.run(1_000_000)


if __name__ == "__main__":
    main()
