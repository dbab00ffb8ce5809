"""One push batch whose records fare differently: each is answered on its own, as DESIGN.md §4 says.

In one batch a record conflicts on one field (its other field merges), one is refused, one is edited again while
the batch is on its way, and the rest are new; the hub answers each, and this PC keeps exactly what each answer
says: a conflict for a person, a refusal not sent again unchanged, the newer edit still to be sent, the rest clean.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
from sqlalchemy import event, select

from desktop.models import AwarenessActivity
from desktop.models.sync_state import Conflict, SyncBase, SyncRejection
from desktop.services import records, sync
from desktop.sync import merge
from tests.e2e.conftest import FUKUI, FUKUI_NAME, SABAE


class EditWhilePushing(httpx.BaseTransport):
    """Passes requests to the live hub; runs `edit` once, while the first push request is on its way."""

    def __init__(self, edit: Callable[[], None]):
        self.inner = httpx.HTTPTransport()
        self.edit: Callable[[], None] | None = edit

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/push" and self.edit is not None:
            self.edit()
            self.edit = None
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def row(pc, rid: str) -> AwarenessActivity:
    return records.get(pc.ws, AwarenessActivity, rid)


def test_one_batch_with_a_conflict_a_refusal_an_edit_under_way_and_new_records(make_pc):
    one, two = make_pc("one"), make_pc("two")
    shared = records.create(one.ws, AwarenessActivity, title="共有の研修", note="")
    edited = records.create(one.ws, AwarenessActivity, title="送る前の題")
    one.sync()
    two.sync()
    records.update(two.ws, AwarenessActivity, shared.id, title="二の題")
    two.sync()

    records.update(one.ws, AwarenessActivity, shared.id, title="一の題", note="一のメモ")
    records.update(one.ws, AwarenessActivity, edited.id, title="送った題")
    fresh = [records.create(one.ws, AwarenessActivity, title=f"新しい研修{i}").id for i in range(3)]
    with one.ws.store.write() as s:  # a row the hub refuses: no 件名 (as an older version could leave it)
        refused = AwarenessActivity(owner_code=SABAE, title="", dirty=True, updated_at=one.ws.now())
        s.add(refused)
        s.flush()
        refused_id = refused.id

    def edit_again() -> None:
        records.update(one.ws, AwarenessActivity, edited.id, title="送信中に直した題")

    report = sync.run(one.ws, tokens=one.tokens, transport=EditWhilePushing(edit_again), wait=lambda s: None)

    assert len(report.rejected) == 1
    assert report.new_conflicts == 1
    with one.ws.store.read() as s:
        conflicts = [(c.record_id, c.field, c.mine, c.theirs) for c in s.scalars(select(Conflict))]
        assert conflicts == [(shared.id, "title", "一の題", "二の題")]
        assert s.get(SyncRejection, ("awareness_activity", refused_id)) is not None
        assert merge.change_for(s, s.get(AwarenessActivity, refused_id), SABAE) is None  # not sent again
        again = merge.change_for(s, s.get(AwarenessActivity, edited.id), SABAE)
        assert again is not None and again.fields == {"title": "送信中に直した題"}
        assert s.get(SyncBase, ("awareness_activity", edited.id)) is not None
        for rid in fresh:
            assert s.get(SyncBase, ("awareness_activity", rid)) is None
    assert (row(one, shared.id).title, row(one, shared.id).note, row(one, shared.id).dirty) == (
        "一の題",
        "一のメモ",
        True,
    )
    assert (row(one, edited.id).title, row(one, edited.id).dirty) == ("送信中に直した題", True)
    assert [(row(one, rid).version > 0, row(one, rid).dirty) for rid in fresh] == [(True, False)] * 3
    assert row(one, refused_id).dirty

    one.sync()  # the edit made under way goes now
    two.sync()
    assert row(two, edited.id).title == "送信中に直した題"
    assert (row(two, shared.id).title, row(two, shared.id).note) == ("二の題", "一のメモ")
    assert {rid for rid in fresh if row(two, rid).title.startswith("新しい研修")} == set(fresh)
    with two.ws.store.read() as s:
        assert s.get(AwarenessActivity, refused_id) is None


def statements_of_first_sync(pc, records_made_offline: int) -> int:
    for i in range(records_made_offline):
        records.create(pc.ws, AwarenessActivity, title=f"研修{i}")
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(pc.ws.store.db.engine, "before_cursor_execute", note)
    try:
        report = pc.sync()
    finally:
        event.remove(pc.ws.store.db.engine, "before_cursor_execute", note)
    assert report.pushed >= records_made_offline
    return len(seen)


def test_a_first_push_asks_the_store_per_batch_not_per_record(make_pc):
    few = statements_of_first_sync(make_pc("few"), 5)
    many = statements_of_first_sync(make_pc("many", FUKUI, FUKUI_NAME), 60)
    assert many == few
