"""Starting on a damaged data file offers the backups at once and restores the one chosen."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import select

from desktop.app import _open_store
from desktop.models import AwarenessActivity
from desktop.services import records
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace


def answer_the_dialog(choose: bool) -> list[list[str]]:
    """Accept (or cancel) the backup choice as soon as it is shown; returns the items it offered."""
    offered: list[list[str]] = []

    def poll() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog)), None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, poll)
            return
        offered.append(dialog.comboBoxItems())
        dialog.accept() if choose else dialog.reject()

    QTimer.singleShot(0, poll)
    return offered


def damaged_town(open_store, data_dir) -> None:
    with open_store(data_dir) as store:
        init_municipality(store, "182079", "鯖江市")
        records.create(Workspace(store), AwarenessActivity, title="残したい研修")
        store.backups.create("manual")
    with open(data_dir / "dxnavi.sqlite3", "r+b") as fh:
        fh.write(b"this is no longer a database....")


def test_the_newest_backup_is_offered_first_and_restored(qapp, data_dir, open_store, clock):
    damaged_town(open_store, data_dir)
    offered = answer_the_dialog(choose=True)

    store = _open_store(data_dir, clock)

    assert store is not None
    try:
        assert len(offered) == 1 and "手動バックアップ" in offered[0][0]
        with store.read() as s:
            assert list(s.scalars(select(AwarenessActivity.title))) == ["残したい研修"]
        assert any(b.reason == "before-restore" for b in store.backups.list())  # the damaged file is kept
    finally:
        store.close()


def test_declining_leaves_the_damaged_file_as_it_was(qapp, data_dir, open_store, clock):
    damaged_town(open_store, data_dir)
    before = (data_dir / "dxnavi.sqlite3").read_bytes()
    answer_the_dialog(choose=False)
    assert _open_store(data_dir, clock) is None
    assert (data_dir / "dxnavi.sqlite3").read_bytes() == before
