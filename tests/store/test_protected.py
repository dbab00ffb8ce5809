"""The store layer knows its own files, and the services every writer (and the save dialogs) use refuse them."""

import pytest

from desktop.models import AwarenessActivity
from desktop.services import documents, output_paths, records
from desktop.store.protected import ProtectedPathError, what_is


def test_the_store_names_each_of_its_own_files(data_dir):
    assert what_is(data_dir / "dxnavi.sqlite3", data_dir) == "使用中のデータファイル"
    assert (
        what_is(data_dir / "dxnavi.sqlite3-wal", data_dir) == "使用中のデータファイルの作業ファイル（-wal）"
    )
    assert what_is(data_dir / "dxnavi.lock", data_dir) == "使用中であることを示すロックファイル"
    assert what_is(data_dir / "backups" / "x.pdf", data_dir) == "バックアップ用フォルダの中のファイル"
    assert what_is(data_dir / "restore-staging.sqlite3", data_dir) == "復元の作業ファイル"
    assert what_is(data_dir / "計画.pdf", data_dir) is None
    assert what_is(data_dir.parent / "dxnavi.sqlite3", data_dir) is None


def test_a_symlinked_data_dir_is_seen_through(tmp_path, data_dir):
    data_dir.mkdir()
    alias = tmp_path / "alias"
    alias.symlink_to(data_dir)
    assert what_is(alias / "dxnavi.sqlite3", data_dir) == "使用中のデータファイル"
    assert what_is(data_dir / "dxnavi.sqlite3", alias) == "使用中のデータファイル"


def test_the_document_service_refuses_the_store_before_building(ws):
    live = ws.store.path
    before = live.read_bytes()
    with pytest.raises(ProtectedPathError, match="使用中のデータファイル"):
        documents.build_document(ws, "progress", "pdf", live)
    assert live.read_bytes() == before


def test_saving_a_built_document_where_the_user_chose_refuses_the_store(ws, tmp_path):
    built = tmp_path / "built.pdf"
    built.write_bytes(b"%PDF-1.4 test")
    backup = ws.store.backups.create("manual")
    kept = backup.read_bytes()
    with pytest.raises(ProtectedPathError, match="バックアップ用フォルダ"):
        output_paths.save_copy(ws.store.data_dir, built, backup)
    assert backup.read_bytes() == kept
    with pytest.raises(ProtectedPathError, match="ロックファイル"):
        output_paths.save_copy(ws.store.data_dir, built, ws.store.data_dir / "dxnavi.lock")
    saved = output_paths.save_copy(ws.store.data_dir, built, tmp_path / "計画.pdf")
    assert saved.read_bytes() == b"%PDF-1.4 test"
    records.create(ws, AwarenessActivity, title="まだ書ける")  # the store is still whole


def test_a_backup_is_never_written_over_the_store_or_another_backup(ws):
    first = ws.store.backups.create("manual")
    for out in (ws.store.path, first, ws.store.data_dir / "dxnavi.sqlite3-shm"):
        with pytest.raises(ProtectedPathError):
            ws.store.backups.create("manual", out)
    records.create(ws, AwarenessActivity, title="まだ書ける")
