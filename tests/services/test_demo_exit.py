"""Leaving the demo: the demo town is kept in a backup, the store holds only the user's own town afterwards."""

import sqlite3

import keyring
import pytest
from sqlalchemy import func, select

from desktop.models import Base, Municipality
from desktop.models.errors import DomainError, ValidationError
from desktop.models.sync_state import SyncState
from desktop.services import settings, sync
from desktop.services.demo import create_demo
from desktop.services.demo_exit import leave_demo
from desktop.services.municipality import get_municipality, init_municipality
from desktop.services.workspace import Workspace
from desktop.store.paths import db_path
from desktop.sync.credentials import TokenStore
from tests.sync.keyrings import MemoryKeyring

DEMO_NAME = "デモ町"


def rows(store) -> dict[str, int]:
    with store.read() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
            if t.name != "setting"
        }


def live_bytes(data_dir) -> bytes:
    path = db_path(data_dir)
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_the_demo_goes_to_a_backup_and_the_store_holds_only_the_new_town(store, data_dir):
    create_demo(store)
    settings.put(store, "font_pt", 13)

    left = leave_demo(store, "182079", "鯖江市")

    muni = get_municipality(Workspace(store))
    assert (muni.code, muni.name, muni.head_title, muni.is_demo) == ("182079", "鯖江市", "市長", False)
    assert left.municipality.code == "182079"
    assert {name: n for name, n in rows(store).items() if n} == {"municipality": 1, "audit_entry": 1}
    assert settings.get(store, "font_pt") == 13  # the user's settings stay
    assert DEMO_NAME.encode() not in live_bytes(data_dir)  # not even in free pages or the WAL

    assert left.backup.parent == store.backups.folder and left.backup.name.endswith("-demo.sqlite3")
    kept = sqlite3.connect(left.backup)
    assert kept.execute("SELECT name, is_demo FROM municipality").fetchone() == ("デモ町（架空）", 1)
    assert kept.execute("SELECT count(*) FROM needs_request").fetchone()[0] > 0
    kept.close()
    assert [b.label for b in store.backups.list() if b.path == left.backup] == ["デモ終了時"]


def test_a_wrong_code_changes_nothing_and_takes_no_backup(store):
    create_demo(store)
    before = rows(store)

    with pytest.raises(ValidationError, match="検査数字"):
        leave_demo(store, "182078", "鯖江市")

    assert rows(store) == before
    assert [b for b in store.backups.list() if b.reason == "demo"] == []


def test_a_real_town_is_never_emptied_this_way(store):
    init_municipality(store, "182079", "鯖江市")

    with pytest.raises(DomainError, match="デモ団体"):
        leave_demo(store, "131041", "新宿区")

    with store.read() as s:
        assert s.scalars(select(Municipality.name)).all() == ["鯖江市"]


def test_the_demo_backup_outlives_rotation(store):
    create_demo(store)
    left = leave_demo(store, "182079", "鯖江市")
    for _ in range(30):
        store.backups.create("daily")
    assert left.backup.exists()


def test_the_demos_hub_connection_sync_state_and_token_do_not_carry_over_to_the_new_town(store):
    create_demo(store)
    demo = Workspace(store)
    ring = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        tokens = TokenStore()
        sync.save_hub_settings(demo, "https://hub.example.lg.jp")
        settings.put(store, "hub_http_allowed_hosts", ["hub.lgwan.example"])
        settings.put(store, "sync_auto", False)
        settings.put(store, "font_pt", 13)
        sync.set_token(demo, "demo-token", tokens)
        with store.write() as s:
            s.add(SyncState(device_id="demo-pc", cursor=42, checked_head=42))
        assert ring.store  # the demo's token is in the keyring

        leave_demo(store, "182079", "鯖江市", tokens=tokens)

        town = Workspace(store)
        assert not sync.hub_settings(town).configured  # the new town is set up afresh
        assert sync.hub_settings(town).allowed_http_hosts == frozenset()
        assert settings.get(store, "sync_auto") is True
        assert not sync.has_token(town, tokens)
        assert ring.store == {}  # the demo's token is not left behind in the OS keyring
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(SyncState)) == 0
        assert settings.get(store, "font_pt") == 13  # the user's own settings stay
    finally:
        keyring.set_keyring(previous)
