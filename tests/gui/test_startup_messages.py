"""Messages shown before the store opens are wholly in the UI language, the button included.

Each case starts the real app (run_gui) in a child process, as a user would, and reads the first message box.
"""

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop.services import settings
from desktop.services.municipality import init_municipality

REPO = Path(__file__).resolve().parents[2]

# Start the app on a data folder; print the first message box (title, text, buttons) and press its button.
START_AND_READ_THE_MESSAGE = """
    import json, sys
    from datetime import UTC, datetime
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.app import run_gui

    app = QApplication(sys.argv)
    data_dir, lang, writable = sys.argv[1], sys.argv[2] or None, sys.argv[3] == "writable"

    def read_the_message():
        box = next((w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, read_the_message)
            return
        buttons = [b.text() for b in box.buttons()]
        print(json.dumps({"title": box.windowTitle(), "text": box.text(), "buttons": buttons}), flush=True)
        box.buttons()[0].click()

    QTimer.singleShot(0, read_the_message)
    read_only = {} if writable else {"can_write": lambda folder: False}  # as a folder nobody may write
    code = run_gui(Path(data_dir), lang, clock=lambda: datetime(2026, 11, 29, 3, tzinfo=UTC), **read_only)
    print(json.dumps({"exit": code}), flush=True)
"""


def first_message(data_dir: Path, lang: str | None = None, writable: bool = True) -> tuple[dict, int]:
    """Start the app on `data_dir`; the first message box it showed and its exit code."""
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(START_AND_READ_THE_MESSAGE),
            str(data_dir),
            lang or "",
            "writable" if writable else "read-only",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO,
        timeout=120,
    )
    lines = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2, child.stdout + child.stderr
    return lines[0], lines[1]["exit"]


def words_outside_the_path(message: dict, data_dir: Path) -> list[str]:
    """Latin words of a message other than those of the folder's path (which is the user's, not ours)."""
    text = " ".join([message["title"], message["text"].replace(str(data_dir), ""), *message["buttons"]])
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w != "DX"]  # 自治体DXナビ is the name


def town(open_store, data_dir: Path, lang: str = "ja") -> None:
    with open_store(data_dir) as store:
        init_municipality(store, "182079", "鯖江市")
        settings.put(store, "lang", lang)


def test_another_instance_running_is_said_in_japanese_with_a_japanese_button(open_store, data_dir):
    town(open_store, data_dir)
    with open_store(data_dir):  # the other instance: it holds the data folder's lock
        message, code = first_message(data_dir)
    assert code == 1
    assert "別の自治体DXナビで使用中" in message["text"]
    assert message["title"] == "自治体DXナビ"
    assert message["buttons"] == ["閉じる"]  # not Qt's 「OK」
    assert words_outside_the_path(message, data_dir) == []


def test_another_instance_running_is_said_in_english_when_the_data_is_set_to_english(open_store, data_dir):
    town(open_store, data_dir, lang="en")
    with open_store(data_dir):
        message, code = first_message(data_dir)  # the language is read from the locked data, read-only
    assert code == 1
    assert message["title"] == "DX Navi"
    assert "in use by another DX Navi window" in message["text"]
    assert message["buttons"] == ["Close"]
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", message["text"].replace(str(data_dir), ""))


def test_a_data_folder_that_is_a_file_is_said_in_japanese_not_as_a_traceback(tmp_path):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    message, code = first_message(not_a_folder)
    assert code == 1
    assert "データフォルダ" in message["text"] and "開けませんでした" in message["text"]
    assert message["buttons"] == ["閉じる"]
    assert words_outside_the_path(message, not_a_folder) == []


def test_a_data_folder_that_is_a_file_is_said_in_english_under_lang_en(tmp_path):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    message, code = first_message(not_a_folder, lang="en")
    assert code == 1
    assert "could not be opened" in message["text"]
    assert message["buttons"] == ["Close"]


def test_a_damaged_store_without_backups_is_said_in_japanese(data_dir):
    data_dir.mkdir()
    (data_dir / "dxnavi.sqlite3").write_bytes(b"this is no longer a database...." * 64)
    message, code = first_message(data_dir)
    assert code == 1
    assert "壊れている" in message["text"] and "バックアップもありません" in message["text"]
    assert message["buttons"] == ["閉じる"]
    assert words_outside_the_path(message, data_dir) == []


def test_a_read_only_data_folder_is_checked_and_said_plainly_without_changing_anything(registered):
    before = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in registered.rglob("*"))
    message, code = first_message(registered, writable=False)
    assert code == 1
    assert "読み取り専用" in message["text"]
    assert "点検しました。問題はありません。何も変更していません。" in message["text"]
    assert "コピー" in message["text"] and "--data-dir" in message["text"]  # what to do
    assert message["buttons"] == ["閉じる"]
    after = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in registered.rglob("*"))
    assert after == before  # no lock, log, backup, -wal or -shm
