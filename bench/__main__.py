"""``make bench``: run every benchmark, print its table, write bench/results/*.json.

python -m bench                 # all, default sizes
python -m bench import synth    # a selection
python -m bench --quick         # small sizes (a smoke run)
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("HRSS_INSECURE_DEV_KEYS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.config.settings")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("which", nargs="*", default=["import", "synth"])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    from bench import import_bench, synth_bench

    if "import" in args.which:
        import_bench.run(10_000 if args.quick else 100_000)
    if "synth" in args.which:
        synth_bench.run([10_000] if args.quick else [100_000, 1_000_000])


if __name__ == "__main__":
    main()
