"""Peak memory of the app with a 50,000-record store open and every page visited (goal ≤ 200 MiB).

The floor is the peak of a bare PySide6 window in the same run. Records are bulk-inserted with raw sqlite3
(fast set-up), in the same shape the services write, so the app reads them as it would real data.
"""

import sqlite3
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

RECORDS = 50_000

# VmHWM (peak resident set of this process image): ru_maxrss would carry over the parent's peak across fork.
PEAK = """
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(int(hwm.split()[1]) / 1024, flush=True)
"""

BARE = (
    """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 820); w.show()
for _ in range(10): app.processEvents()
"""
    + PEAK
)

APP = (
    """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.operations import Operations
from desktop.services import municipality
from desktop.services.workspace import Workspace
from desktop.store import Store
from desktop.views.context import ViewContext
from desktop.views.main_window import MainWindow

app = QApplication([])
store = Store.open(Path(sys.argv[1]), auto_backup=False)
ws = Workspace(store)
window = MainWindow(ViewContext(Operations(), ws), municipality.get_municipality(ws).name)
window.show()
for row in range(window.nav.count()):
    window.nav.setCurrentRow(row)
    for _ in range(3):
        app.processEvents()
        window.ctx.ops.wait_idle()
    app.processEvents()
store.close()
"""
    + PEAK
)


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


def peak(code: str, *args: str) -> float:
    """Peak RSS (MiB) a fresh process reports."""
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Build the store, measure, print and record."""
    from desktop.services.demo import create_demo
    from desktop.store import Store
    from desktop.store.paths import db_path

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = Store.open(data)
        town = create_demo(store)
        store.close()
        fill(db_path(data), town.code)
        bare = peak(BARE)
        app = peak(APP, str(data))
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
