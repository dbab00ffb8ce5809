"""The first automatic backup holds the first data, never the empty file that came before it."""

import sqlite3

from desktop.services.municipality import init_municipality


def towns_in(path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM municipality")]
    finally:
        conn.close()


def test_opening_an_empty_data_dir_takes_no_backup(data_dir, open_store):
    with open_store(data_dir) as store:
        assert store.backups.list() == []


def test_registration_takes_the_first_daily_backup_with_the_town_in_it(data_dir, open_store):
    with open_store(data_dir) as store:
        init_municipality(store, "182079", "鯖江市")
        (first,) = store.backups.list()
    assert first.reason == "daily" and towns_in(first.path) == ["鯖江市"]


def test_after_dxnavi_demo_the_only_backup_holds_the_demo_town(dx, data_dir, open_store):
    assert dx(data_dir, "demo") == 0
    with open_store(data_dir, auto_backup=False) as store:
        (first,) = store.backups.list()
    assert towns_in(first.path) == ["デモ町（架空）"]
    conn = sqlite3.connect(f"{first.path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM needs_request").fetchone()[0] > 0
    finally:
        conn.close()
