"""Migrations from the previous schema: 0003 gives natural ids (references follow), 0004 adds sync bookkeeping,
0005 gives the municipality the head's title its name implies, 0010 gives 好事例 the GIF 事例データモデル's fields."""

import sqlite3
import uuid
from datetime import date

import pytest
from alembic import command

from desktop.models import GoodPractice, OrgRole
from desktop.models.natural_keys import natural_id
from desktop.store import migrate
from desktop.store.engine import Database
from desktop.store.paths import db_path
from desktop.sync import merge

BEFORE_NATURAL_KEYS, BEFORE_SYNC_STATE, BEFORE_HEAD_TITLE = "0002", "0003", "0004"  # where each starts
BEFORE_ROLE_SEATS = "0007"
BEFORE_GIF_CASE = "0009"
CODE = "182079"
NOW = "2026-11-01 09:00:00.000000"
SYNC = "'182079', 0, 1, :at, 'local', :deleted"
SYNC_COLS = "owner_code, version, dirty, updated_at, updated_by, deleted"


def store_at(data_dir, revision: str) -> sqlite3.Connection:
    """A data dir whose schema is at `revision` (as the previous version of the app left it)."""
    data_dir.mkdir(parents=True)
    db = Database(db_path(data_dir))
    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    db.dispose()
    return sqlite3.connect(db_path(data_dir))


def rid() -> str:
    return str(uuid.uuid4())


def insert(conn, table: str, cols: str, values: str, deleted: bool = False, **params) -> str:
    params["id"] = params.get("id") or rid()
    conn.execute(
        f"INSERT INTO {table} (id, {cols}, {SYNC_COLS}) VALUES (:id, {values}, {SYNC})",
        {**params, "at": params.get("at", NOW), "deleted": deleted},
    )
    return params["id"]


def test_rows_of_the_previous_schema_get_natural_ids_and_their_references_follow(data_dir, open_store):
    conn = store_at(data_dir, BEFORE_NATURAL_KEYS)
    insert(conn, "municipality", "code, name, prefecture, department, contact_person, contact_email,"
                  " contact_phone, is_demo", "'182079', '鯖江市', '福井県', '', '', '', '', 0")  # fmt: skip
    plan = insert(conn, "plan", "title, purpose, vision, principles, status, progress_management",
                  "'DX推進計画', '', '', '', 'draft', ''")  # fmt: skip
    prio_cols = (
        "plan_id, catalog_key, title, sort_order, overview, current_issues, next_steps, indicators, schedule"
    )
    catalog_prio = insert(conn, "plan_priority", prio_cols, ":plan, 'frontyard', '窓口', 1, '', '', '', '', ''",
                          plan=plan)  # fmt: skip
    own_prio = insert(conn, "plan_priority", prio_cols, ":plan, '', '独自', 2, '', '', '', '', ''", plan=plan)
    kpi = insert(conn, "kpi", "plan_id, priority_id, name, unit, sort_order", ":plan, :prio, 'KPI', '件', 1",
                 plan=plan, prio=catalog_prio)  # fmt: skip
    insert(conn, "kpi_value", "kpi_id, fiscal_year, target", ":kpi, 2026, 10", kpi=kpi)
    insert(conn, "checklist_state", "item_key, status, note, assignee, evidence",
                   "'s0-share', 'done', '', '', ''")  # fmt: skip
    insert(conn, "standardization_system", "business_key, phase_key, vendor, package_name,"
                    " specific_support, specific_reason, gov_cloud, note", "'juki', '', '', '', 0, '', 0, ''")  # fmt: skip
    conn.execute(
        "INSERT INTO audit_entry (at, actor, entity, entity_id, action, summary)"
        " VALUES (:at, 'local', 'plan', :id, 'create', '')",
        {"at": NOW, "id": plan},
    )
    conn.commit()
    conn.close()

    open_store(data_dir, auto_backup=False).close()

    conn = sqlite3.connect(db_path(data_dir))
    one = lambda sql, *a: conn.execute(sql, a).fetchone()  # noqa: E731
    new_plan = natural_id(CODE, "plan")
    new_prio = natural_id(CODE, "plan_priority", "frontyard")
    assert one("SELECT id FROM municipality") == (natural_id(CODE, "municipality"),)
    assert one("SELECT id FROM plan") == (new_plan,)
    assert one("SELECT id FROM plan_priority WHERE catalog_key = 'frontyard'") == (new_prio,)
    assert one("SELECT id, plan_id FROM plan_priority WHERE catalog_key = ''") == (own_prio, new_plan)
    assert one("SELECT id, plan_id, priority_id FROM kpi") == (kpi, new_plan, new_prio)
    assert one("SELECT id, kpi_id FROM kpi_value") == (natural_id(CODE, "kpi_value", kpi, 2026), kpi)
    assert one("SELECT id FROM checklist_state") == (natural_id(CODE, "checklist_state", "s0-share"),)
    assert one("SELECT id FROM standardization_system") == (
        natural_id(CODE, "standardization_system", "juki"),
    )
    assert one("SELECT entity_id FROM audit_entry") == (new_plan,)
    assert one("SELECT version_num FROM alembic_version") == (migrate.HEAD,)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_two_rows_with_one_natural_key_keep_both_and_the_live_latest_takes_the_natural_id(
    data_dir, open_store
):
    conn = store_at(data_dir, BEFORE_NATURAL_KEYS)
    cols, vals = (
        "title, purpose, vision, principles, status, progress_management",
        "'{}', '', '', '', 'draft', ''",
    )
    old = insert(conn, "plan", cols, vals.format("古い計画"), at="2026-01-01 00:00:00.000000")
    dead = insert(
        conn, "plan", cols, vals.format("削除した計画"), deleted=True, at="2026-12-01 00:00:00.000000"
    )
    live = insert(conn, "plan", cols, vals.format("今の計画"), at="2026-06-01 00:00:00.000000")
    conn.commit()
    conn.close()

    open_store(data_dir, auto_backup=False).close()

    conn = sqlite3.connect(db_path(data_dir))
    ids = dict(conn.execute("SELECT title, id FROM plan"))
    conn.close()
    assert ids == {"今の計画": natural_id(CODE, "plan"), "古い計画": old, "削除した計画": dead}
    assert live != ids["今の計画"]


def test_a_store_of_the_previous_schema_gets_sync_bookkeeping_and_keeps_its_unsent_edits(
    data_dir, open_store
):
    conn = store_at(data_dir, BEFORE_SYNC_STATE)
    cols, vals = (
        "title, purpose, vision, principles, status, progress_management",
        "'計画', '', '', '', 'draft', ''",
    )
    insert(conn, "plan", cols, vals, id=natural_id(CODE, "plan"))
    conn.commit()
    conn.close()

    open_store(data_dir, auto_backup=False).close()

    conn = sqlite3.connect(db_path(data_dir))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sync_state", "sync_base", "sync_conflict", "sync_rejection", "sync_parked", "sync_run"} <= tables
    assert conn.execute("SELECT title, dirty, version FROM plan").fetchall() == [("計画", 1, 0)]
    conn.close()


@pytest.mark.parametrize(
    ("name", "title"),
    [("鯖江市", "市長"), ("デモ町（架空）", "町長"), ("新宿区", "区長"), ("大潟村", "村長")],
)
def test_a_municipality_of_the_previous_schema_gets_the_head_title_its_name_implies(
    data_dir, open_store, name, title
):
    conn = store_at(data_dir, BEFORE_HEAD_TITLE)
    insert(conn, "municipality", "code, name, prefecture, department, contact_person, contact_email,"
                  " contact_phone, is_demo", "'182079', :name, '福井県', '総務課', '山田', '', '0778-53-2200', 0",
           name=name)  # fmt: skip
    conn.commit()
    conn.close()

    store = open_store(data_dir, auto_backup=False)
    store.close()

    conn = sqlite3.connect(db_path(data_dir))
    row = conn.execute("SELECT name, head_title, department, contact_phone FROM municipality").fetchone()
    conn.close()
    assert row == (name, title, "総務課", "0778-53-2200")


def test_posts_of_the_previous_schema_get_seats_and_natural_ids_and_one_the_hub_has_is_sent_again_under_it(
    data_dir, open_store
):
    conn = store_at(data_dir, BEFORE_ROLE_SEATS)
    cols = "role_key, title, person_name, position, appointed_on, is_external, note, sort_order"
    cio = insert(conn, "org_role", cols, "'cio', 'CIO', '山田', '副町長', '2026-04-01', 0, '', 1")
    leader = insert(conn, "org_role", cols, "'dx_leader', 'DX推進リーダー', '佐藤', '総務課', NULL, 0, '', 2")
    gone = insert(
        conn, "org_role", cols, "'dx_leader', 'DX推進リーダー', '', '', NULL, 0, '', 0", deleted=True
    )
    synced = rid()  # a post this PC has already sent: the hub knows it by its old id, at version 7
    conn.execute(
        f"INSERT INTO org_role (id, {cols}, {SYNC_COLS}) VALUES (:id, 'dx_leader', 'DX推進リーダー', '鈴木',"
        " '税務課', NULL, 1, 'メモ', 3, '182079', 7, 0, :at, 'pc1', 0)",
        {"id": synced, "at": NOW},
    )
    conn.execute(
        "INSERT INTO audit_entry (at, actor, entity, entity_id, action, summary)"
        " VALUES (:at, 'local', 'org_role', :id, 'create', '')",
        {"at": NOW, "id": cio},
    )
    conn.commit()
    conn.close()

    store = open_store(data_dir, auto_backup=False)
    with store.read() as s:
        sent = merge.change_for(s, s.get(OrgRole, synced), CODE)
    store.close()

    conn = sqlite3.connect(db_path(data_dir))
    live = conn.execute(
        "SELECT id, role_key, seat, person_name, version, dirty FROM org_role WHERE deleted = 0 ORDER BY role_key, seat"
    ).fetchall()
    assert live == [
        (natural_id(CODE, "org_role", "cio", 1), "cio", 1, "山田", 0, 1),
        (natural_id(CODE, "org_role", "dx_leader", 1), "dx_leader", 1, "佐藤", 0, 1),
        (natural_id(CODE, "org_role", "dx_leader", 2), "dx_leader", 2, "鈴木", 0, 1),
    ]
    dead = dict(conn.execute("SELECT id, version FROM org_role WHERE deleted = 1"))
    assert dead == {gone: 0, synced: 7}
    assert leader not in dead and cio not in dead
    assert conn.execute("SELECT entity_id FROM audit_entry").fetchall() == [
        (natural_id(CODE, "org_role", "cio", 1),)
    ]
    conn.close()
    # The post the hub has goes to it as a deletion of its old id, against the copy the hub holds.
    assert (sent.id, sent.base_version, sent.deleted) == (synced, 7, True)


def test_a_good_practice_of_the_previous_schema_keeps_its_values_and_gets_the_gif_fields_empty(
    data_dir, open_store
):
    conn = store_at(data_dir, BEFORE_GIF_CASE)
    case = insert(conn, "good_practice", "title, body_name, priority_key, summary, outcome, published_on",
                  "'書かない窓口', '鯖江市', 'front_yard', '概要', '成果', '2026-04-01'")  # fmt: skip
    conn.commit()
    conn.close()

    store = open_store(data_dir, auto_backup=False)
    with store.read() as s:
        row = s.get(GoodPractice, case)
        kept = (row.title, row.body_name, row.priority_key, row.summary, row.outcome, row.published_on)
        assert kept == ("書かない窓口", "鯖江市", "front_yard", "概要", "成果", date(2026, 4, 1))
        assert (row.subtitle, row.reason, row.contact_url, row.carried_out_year) == ("", "", "", None)
        assert (row.keywords, row.images, row.related_urls) == ([], [], [])
        assert (row.dirty, row.updated_at.date()) == (True, date(2026, 11, 1))  # the migration is no edit
    store.close()
