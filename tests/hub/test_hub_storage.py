"""Hub storage on SQLite and on PostgreSQL: the Alembic schema, the version counter under concurrent writers,
stored batch answers that outlive the process, and 503 + Retry-After when the database is busy."""

import threading
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from hub_client import NOW, SABAE, change
from sqlalchemy import select, text

from desktop.sync.protocol import PushRequest
from hub import db, push, tokens
from hub.app import create_app
from hub.schema import metadata, record


def test_the_migrated_schema_is_the_declared_one_and_head_is_recorded(engine):
    assert db.alembic_head() == db.HEAD == db.current_revision(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    assert db.migrate(engine) is False  # already at head: nothing to do


def test_a_database_from_a_newer_hub_is_refused(engine):
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SystemExit, match="新しいバージョン"):
        db.migrate(engine)


def _batch(device: str, n: int) -> PushRequest:
    changes = [change("awareness_activity", SABAE, title=f"{device}-{n}-{i}") for i in range(3)]
    return PushRequest.model_validate(
        {"device_id": device, "batch_id": str(uuid.uuid4()), "changes": changes}
    )


def test_concurrent_writers_get_unique_increasing_versions_and_nothing_is_lost(engine):
    caller = tokens.authenticate(engine, tokens.issue(engine, SABAE, "", NOW))
    errors: list[BaseException] = []

    def device(name: str) -> None:
        try:
            for n in range(8):
                push.push(engine, caller, _batch(name, n), NOW)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=device, args=(f"pc{i}",)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with engine.connect() as conn:
        versions = sorted(conn.execute(select(record.c.version)).scalars())
        head = conn.execute(text("SELECT value FROM hub_counter")).scalar_one()
    assert versions == list(range(1, 6 * 8 * 3 + 1)) and head == versions[-1]


def test_a_batch_answer_outlives_the_hub_process(hub_url):
    engine = db.open_database(hub_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO hub_municipality (code, name) VALUES (:c, '鯖江市')"), {"c": SABAE})
    caller = tokens.authenticate(engine, tokens.issue(engine, SABAE, "", NOW))
    request = _batch("pc1", 1)
    first = push.push(engine, caller, request, NOW)
    engine.dispose()
    reopened = db.open_database(hub_url)
    assert push.push(reopened, caller, request, NOW) == first
    with reopened.connect() as conn:
        assert conn.execute(select(record.c.version)).scalars().all() == [1, 2, 3]
    reopened.dispose()


def test_a_push_that_cannot_get_the_database_in_time_gets_503_with_retry_after(engine, hub_url, token_for):
    town_token = token_for(SABAE)
    impatient = db.make_engine(hub_url, lock_wait=0.2)
    client = TestClient(create_app(impatient, clock=lambda: NOW), raise_server_exceptions=False)
    headers = {"Authorization": f"Bearer {town_token}", "X-DXNavi-Protocol": "1"}
    body = {
        "device_id": "pc1",
        "batch_id": str(uuid.uuid4()),
        "changes": [change("awareness_activity", SABAE, title="指標")],
    }
    with engine.connect().execution_options(**db.WRITE) as holder, holder.begin():
        db.lock_counter(holder)  # another writer holds the version counter
        response = client.post("/v1/push", json=body, headers=headers)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert response.json()["error"] == "busy" and "しばらくしてから" in response.json()["message"]
    # Once the database is free the same batch goes through.
    assert client.post("/v1/push", json=body, headers=headers).json()["results"][0]["outcome"] == "applied"
    impatient.dispose()
