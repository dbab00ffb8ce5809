"""`python -m bench [name …]` runs the benchmarks (all by default) and updates bench/RESULTS.md."""

import importlib
import sys

ALL = (
    "startup",
    "memory",
    "plan_pdf",
    "ui_stall",
    "prefecture_overview",
    "sync",
    "push",
    "hub_towns",
    "package",
)

names = sys.argv[1:] or list(ALL)
for name in names:
    print(f"== {name}", flush=True)
    importlib.import_module(f"bench.{name}").main()
