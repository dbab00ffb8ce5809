"""Peak memory of the app with a 50,000-record store open and every page visited (goal ≤ 200 MiB).

The floor is the peak of a bare PySide6 window in the same run. Records are bulk-inserted with raw sqlite3
(fast set-up), in the same shape the services write, so the app reads them as it would real data.
"""

import json
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

RECORDS = 50_000
ROOT = Path(__file__).resolve().parents[1]


def fill(db: Path, owner: str) -> None:
    """Add RECORDS rows spread over initiatives, PDCA reviews, activities and needs."""
    now = datetime.now(UTC).isoformat(sep=" ")
    con = sqlite3.connect(db)
    sync = (owner, 0, 1, now, "bench", 0)
    cols = "owner_code, version, dirty, updated_at, updated_by, deleted"
    per = RECORDS // 4
    initiatives = [str(uuid.uuid4()) for _ in range(per)]
    con.executemany(
        f"INSERT INTO initiative (id, {cols}, title, priority_key, department, status, description, kpi_note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '総務課', 'active', ?, '')",
        [(i, *sync, f"取組 {n}", "業務の見直しと電子化を進める。" * 5) for n, i in enumerate(initiatives)],
    )
    con.executemany(
        f"INSERT INTO pdca_review (id, {cols}, initiative_id, phase, summary, next_action)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'check', ?, '次年度に改善する。')",
        [(str(uuid.uuid4()), *sync, initiatives[n % per], "進捗を確認した。" * 5) for n in range(per)],
    )
    con.executemany(
        f"INSERT INTO awareness_activity (id, {cols}, activity_kind, title, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 'staff_training', ?, '')",
        [(str(uuid.uuid4()), *sync, f"職員研修 {n}") for n in range(per)],
    )
    con.executemany(
        f"INSERT INTO needs_request (id, {cols}, title, category, skill_role, engagement, purpose, detail, priority,"
        " funding, status, response_status, response_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'talent', 'engineer', 'on_call', '業務改善', '', 'medium', '', 'draft', '', '')",
        [(str(uuid.uuid4()), *sync, f"支援ニーズ {n}") for n in range(RECORDS - 3 * per)],
    )
    con.commit()
    con.close()


def peak(*args: str) -> float:
    """Peak resident memory (MiB) bench.app_process reports."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.app_process", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])["peak_mib"]


def main() -> None:
    """Build the store, measure, print and record."""
    from desktop.models.clock import system_clock
    from desktop.services.demo import create_demo
    from desktop.store import Store
    from desktop.store.paths import db_path

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = Store.open(data, clock=system_clock)
        town = create_demo(store)
        store.close()
        fill(db_path(data), town.code)
        bare = peak("--bare")
        app = peak("--all-pages", str(data))
    body = (
        "| measurement | peak RSS (MiB) |\n|---|---|\n"
        f"| floor: bare PySide6 window | {bare:.0f} |\n"
        f"| DX Navi: {RECORDS:,} records, every page opened | {app:.0f} |\n\n"
        f"Goal ≤ 200 MiB: {'met' if app <= 200 else 'NOT met'}."
    )
    print(body)
    from bench.results import record

    record("メモリ使用量（50,000件）", body)


if __name__ == "__main__":
    main()
