"""Record a benchmark's section in bench/RESULTS.md (each bench owns one section, replaced on each run)."""

import platform
from datetime import datetime
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def machine() -> str:
    """One line describing where the numbers were taken."""
    import os

    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def record(section: str, body: str) -> None:
    """Replace (or append) `## section` in RESULTS.md with body."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    stamp = f"_{datetime.now():%Y-%m-%d %H:%M}, {machine()}_\n\n"
    block = f"## {section}\n\n{stamp}{body.strip()}\n"
    lines = text.split("\n## ")
    kept = [lines[0]] + [chunk for chunk in lines[1:] if not chunk.startswith(section + "\n")]
    text = "\n## ".join(kept).rstrip() + "\n\n" + block
    RESULTS.write_text(text, encoding="utf-8")
