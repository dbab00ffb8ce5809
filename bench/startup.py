"""Start to main window with the demo data shown, against a bare PySide6 window in the same run (goal ≤ 3×).

Each sample is a fresh process, timed from before `python` starts until the window is exposed and (for the
app) the home page has drawn its data, so interpreter and import time count for both.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 820); w.show()
app.processEvents()
print("shown", flush=True)
"""

APP = """
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
store = Store.open(Path(sys.argv[1]))
ws = Workspace(store)
window = MainWindow(ViewContext(Operations(), ws), municipality.get_municipality(ws).name)
window.show()
# The home page loads its data on the DB worker; drain it until nothing is pending, then paint.
for _ in range(5):
    app.processEvents()
    window.ctx.ops.wait_idle()
app.processEvents()
window.repaint()
print("shown", flush=True)
store.close()
"""


def sample(code: str, *args: str) -> float:
    """Wall time of one fresh process until it prints 'shown'."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    """Run both, print and record the medians."""
    from desktop.services.demo import create_demo
    from desktop.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = Store.open(data)
        create_demo(store)
        store.close()
        sample(BARE)  # warm the file cache for both
        sample(APP, str(data))
        bare = [sample(BARE) for _ in range(RUNS)]
        app = [sample(APP, str(data)) for _ in range(RUNS)]
    b, a = statistics.median(bare), statistics.median(app)
    ratio = a / b
    body = (
        "| measurement | median of 5 (s) |\n|---|---|\n"
        f"| floor: bare PySide6 window | {b:.2f} |\n"
        f"| DX Navi: main window with the demo home page drawn | {a:.2f} |\n\n"
        f"Ratio **{ratio:.2f}×** (goal ≤ 3×): {'met' if ratio <= 3 else 'NOT met'}."
    )
    print(body)
    from bench.results import record

    record("起動時間（デモデータ表示まで）", body)


if __name__ == "__main__":
    main()
