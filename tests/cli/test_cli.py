"""`dxnavi` sub-commands: Japanese messages, exit codes 0/1/2, and nothing changed by a refused command."""

import json
import os
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import __version__
from desktop.cli import main
from desktop.models import AwarenessActivity, Municipality
from desktop.services import records
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def stored_titles(open_store):
    """Titles of the live activities in a data dir, read without taking its lock."""

    def read(data_dir) -> set[str]:
        with open_store(data_dir, exclusive=False, auto_backup=False) as store, store.read() as s:
            return set(s.scalars(select(AwarenessActivity.title).where(AwarenessActivity.deleted.is_(False))))

    return read


# --- version, help, usage ------------------------------------------------------------------------------


def test_version_is_printed_in_process(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"dxnavi {__version__}" == "dxnavi 0.1.0"


def test_version_works_as_python_dash_m_desktop():
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "dxnavi 0.1.0")


def test_help_is_in_japanese(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方: dxnavi") and "バックアップからデータを復元します" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frobnicate"], "COMMAND に 'frobnicate' は指定できません"),
        (["init", "--name", "鯖江市"], "次の引数を指定してください: --code"),
        (["export"], "次の引数を指定してください: FORMAT"),
        (["export", "json"], "次の引数を指定してください: --out"),
        (["restore"], "次の引数を指定してください: F"),
        (["--lang", "fr", "check"], "--lang に 'fr' は指定できません"),
        (["check", "--bogus"], "認識できない引数があります: --bogus"),
    ],
)
def test_bad_arguments_exit_2_with_a_japanese_message_and_touch_nothing(dx, tmp_path, capsys, argv, message):
    data_dir = tmp_path / "data"
    assert dx(data_dir, *argv) == 2
    err = capsys.readouterr().err
    assert "使い方:" in err and f"エラー: {message}" in err
    assert not data_dir.exists()


# --- gui (default) and demo ------------------------------------------------------------------------------


@pytest.fixture
def fake_app(monkeypatch):
    """Stands in for desktop.app so no window opens; records how it was started."""
    calls = []
    module = types.ModuleType("desktop.app")
    module.run_gui = lambda data_dir, lang, clock: calls.append((data_dir, lang)) or 0
    monkeypatch.setitem(sys.modules, "desktop.app", module)
    return calls


def test_without_a_sub_command_the_app_starts_on_the_chosen_data_dir(tmp_path, fake_app):
    assert main(["--data-dir", str(tmp_path), "--lang", "en"]) == 0
    assert main(["gui", "--data-dir", str(tmp_path)]) == 0
    assert fake_app == [(tmp_path, "en"), (tmp_path, None)]


def test_the_default_data_dir_follows_dxnavi_home(tmp_path, monkeypatch, fake_app):
    monkeypatch.setenv("DXNAVI_HOME", str(tmp_path / "home"))
    assert main([]) == 0
    assert fake_app == [(tmp_path / "home", None)]


def test_demo_creates_the_demo_municipality(dx, data_dir, monkeypatch, capsys):
    def create_demo(store):
        return init_municipality(store, "182079", "デモ市", is_demo=True)

    module = types.ModuleType("desktop.services.demo")
    module.create_demo = create_demo
    monkeypatch.setitem(sys.modules, "desktop.services.demo", module)
    assert dx(data_dir, "demo") == 0
    assert "デモ用データを作成しました: 182079 デモ市" in capsys.readouterr().out


# --- init ----------------------------------------------------------------------------------------------------


def test_init_registers_the_municipality(dx, open_store, data_dir, capsys):
    assert dx(data_dir, "init", "--code", "182079", "--name", "鯖江市") == 0
    assert "団体を登録しました: 182079 福井県 鯖江市" in capsys.readouterr().out
    with open_store(data_dir) as store, store.read() as s:
        assert s.scalar(select(Municipality.name)) == "鯖江市"


@pytest.mark.parametrize(
    ("code", "message"),
    [("182078", "検査数字が一致しません"), ("18207", "6桁の数字"), ("180008", "検査数字が一致しません")],
)
def test_init_with_an_invalid_code_exits_1_and_creates_nothing(dx, tmp_path, capsys, code, message):
    data_dir = tmp_path / "data"
    assert dx(data_dir, "init", "--code", code, "--name", "鯖江市") == 1
    assert message in capsys.readouterr().err
    assert not data_dir.exists()


def test_init_with_a_prefecture_code_registers_a_prefecture_that_opens_in_prefecture_mode(
    dx, open_store, data_dir, capsys
):
    assert dx(data_dir, "init", "--code", "180009", "--name", "福井県") == 0
    assert "都道府県を登録しました（都道府県モード）: 180009 福井県" in capsys.readouterr().out
    with open_store(data_dir) as store:
        assert Workspace(store).is_prefecture


def test_init_refuses_a_data_dir_that_already_has_a_municipality(dx, registered, capsys):
    assert dx(registered, "init", "--code", "131041", "--name", "新宿区") == 1
    assert "既に団体（182079 鯖江市）が登録されています" in capsys.readouterr().err


# --- check, backup, restore, export -------------------------------------------------------------------------


def test_check_exits_0_and_prints_the_report_when_the_data_is_sound(dx, registered, capsys):
    assert dx(registered, "check") == 0
    out = capsys.readouterr().out
    assert "integrity_check" in out and "結果: データベースは正常です。" in out


def test_check_exits_1_when_the_data_is_damaged(dx, registered, capsys):
    with open(registered / "dxnavi.sqlite3", "r+b") as fh:
        fh.write(b"garbage garbage garbage garbage!")
    assert dx(registered, "check") == 1
    assert "読み取れません" in capsys.readouterr().out


def test_backup_writes_a_copy_and_lists_it(dx, registered, tmp_path, capsys):
    assert dx(registered, "backup") == 0
    assert dx(registered, "backup", "--out", str(tmp_path / "持ち出し.sqlite3")) == 0
    assert (tmp_path / "持ち出し.sqlite3").exists()
    assert dx(registered, "backup", "--list") == 0
    out = capsys.readouterr().out
    assert "バックアップを作成しました" in out and "手動" in out


def test_restore_brings_back_a_backup(dx, open_store, stored_titles, registered, tmp_path, capsys):
    backup = tmp_path / "before.sqlite3"
    assert dx(registered, "backup", "--out", str(backup)) == 0
    with open_store(registered) as store:
        records.create(Workspace(store), AwarenessActivity, title="後から追加")
    assert dx(registered, "restore", str(backup)) == 0
    out = capsys.readouterr().out
    assert "復元しました" in out and "復元前のデータは次に保存しました" in out
    assert stored_titles(registered) == {"DX研修"}


def test_restore_of_a_bad_file_exits_1_and_changes_nothing(dx, registered, tmp_path, capsys):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"PK\x03\x04 not a database")
    before = (registered / "dxnavi.sqlite3").read_bytes()
    assert dx(registered, "restore", str(bogus)) == 1
    assert "データファイル（SQLite）ではありません" in capsys.readouterr().err
    assert (registered / "dxnavi.sqlite3").read_bytes() == before


def test_export_json_writes_the_whole_dataset(dx, registered, tmp_path, capsys):
    out = tmp_path / "export.json"
    assert dx(registered, "export", "json", "--out", str(out)) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "dxnavi-changes" and data["owner_code"] == "182079"
    assert {c["kind"] for c in data["changes"]} == {"municipality", "awareness_activity"}
    assert "2 件の記録を書き出しました" in capsys.readouterr().out


def test_export_into_a_missing_folder_exits_1_with_a_message(dx, registered, tmp_path, capsys):
    assert dx(registered, "export", "json", "--out", str(tmp_path / "nowhere" / "x.json")) == 1
    assert "出力先のフォルダ" in capsys.readouterr().err


def test_export_before_registration_says_what_to_do(dx, data_dir, capsys):
    assert dx(data_dir, "export", "json", "--out", str(data_dir.parent / "x.json")) == 1
    assert "団体がまだ登録されていません" in capsys.readouterr().err


# --- one instance ----------------------------------------------------------------------------------------------


def test_a_data_dir_in_use_by_the_app_exits_1_with_a_japanese_message(dx, open_store, registered, capsys):
    with open_store(registered):
        for argv in (
            ["check"],
            ["backup"],
            ["restore", "x.sqlite3"],
            ["init", "--code", "182079", "--name", "x"],
        ):
            assert dx(registered, *argv) == 1
            assert "別の自治体DXナビで使用中" in capsys.readouterr().err


def test_the_store_is_closed_after_every_command(dx, open_store, registered):
    assert dx(registered, "check") == 0
    assert dx(registered, "backup") == 0
    open_store(registered).close()  # would raise StoreLockedError if a command had kept the lock
    conn = sqlite3.connect(registered / "dxnavi.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_sync_runs_without_loading_the_document_builders(tmp_path):
    """`dxnavi sync` starts without importing reportlab, openpyxl or python-docx (seconds on a town's old PC)."""
    folder = str(tmp_path / "data")
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"main(['--data-dir', {folder!r}, 'init', '--code', '182079', '--name', '鯖江市'])\n"
        f"code = main(['--data-dir', {folder!r}, 'sync', '--hub', 'http://127.0.0.1:9'])\n"
        "print(code, ','.join(m for m in ('reportlab', 'openpyxl', 'docx') if m in sys.modules) or '-')\n"
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, env=env, timeout=120
    )
    code, loaded = done.stdout.split()[-2:]
    assert code != "0"  # no token: refused, after the sync command ran
    assert loaded == "-"
