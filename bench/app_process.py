"""The process both start-up and memory benches launch: open the app (or a bare window) and report.

`python -m bench.app_process [--bare] [--all-pages] [DATA_DIR]` prints ``shown`` once the window is drawn
(with the home page's data for the app), then one JSON line: the start-up phases in seconds and the peak
resident memory (VmHWM, MiB; ru_maxrss would carry the parent's peak over the fork).
"""

import time

T0 = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402

PHASE_NAMES = (
    "PySide6 の import",
    "SQLAlchemy の import",
    "モデル定義（19表）のマッピング",
    "アプリのモジュールの import",
    "QApplication とストアを開く（ロック・スキーマ確認）",
    "メインウィンドウと最初の画面（ホームまたは市町村一覧：データ取得・描画）",
)


def peak_mib() -> float:
    """Peak resident memory of this process image."""
    with open("/proc/self/status") as status:
        hwm = next(line for line in status if line.startswith("VmHWM:"))
    return int(hwm.split()[1]) / 1024


def settle(app: QApplication, window) -> None:
    """Let pages load their data on the DB worker, then paint."""
    for _ in range(5):
        app.processEvents()
        window.ctx.ops.wait_idle()
    app.processEvents()
    window.repaint()


def bare() -> dict:
    """The floor: a bare PySide6 window."""
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
    window.resize(1280, 820)
    window.show()
    for _ in range(10):
        app.processEvents()
    print("shown", flush=True)
    return {"phases": [], "peak_mib": peak_mib()}


def dx_navi(data_dir: Path, all_pages: bool) -> dict:
    """The app as desktop.app starts it, with the phases timed."""
    marks = [time.perf_counter()]
    import sqlalchemy.orm  # noqa: F401

    marks.append(time.perf_counter())
    from sqlalchemy.orm import configure_mappers

    import desktop.models  # noqa: F401

    configure_mappers()
    marks.append(time.perf_counter())
    from desktop.models.clock import system_clock
    from desktop.operations import Operations
    from desktop.services import municipality
    from desktop.services.workspace import Workspace
    from desktop.store import Store
    from desktop.views.context import ViewContext
    from desktop.views.main_window import MainWindow
    from desktop.views.navigation import pages_for

    marks.append(time.perf_counter())
    app = QApplication([])
    # As desktop.app opens it (the daily backup is already taken).
    store = Store.open(data_dir, clock=system_clock)
    marks.append(time.perf_counter())
    ws = Workspace(store)
    window = MainWindow(
        ViewContext(Operations(), ws), municipality.get_municipality(ws).name, pages_for(ws.is_prefecture)
    )
    window.show()
    settle(app, window)
    marks.append(time.perf_counter())
    print("shown", flush=True)
    if all_pages:
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            settle(app, window)
    store.close()
    phases = [b - a for a, b in zip([T0, *marks], marks, strict=False)]
    return {"phases": phases, "peak_mib": peak_mib()}


def main() -> None:
    """Parse the arguments, run, report."""
    args = sys.argv[1:]
    paths = [a for a in args if not a.startswith("--")]
    result = bare() if "--bare" in args else dx_navi(Path(paths[0]), "--all-pages" in args)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
