"""A submitted need says how far it got: 送信待ち until the hub acknowledged it, then 送信済, then the answer."""

from desktop.services import needs
from desktop.sync import merge
from desktop.sync.protocol import Record
from tests.sync.hub_copies import hub_copy


def arrive(ws, record: Record, **kw) -> None:
    with ws.store.write() as s:
        merge.meet(s, record, ws.now(), **kw)


def test_a_need_is_waiting_until_the_hub_acknowledges_it_then_sent_then_answered(ws):
    need = needs.create(ws, "伴走支援", category="advisor", purpose="計画策定の助言")
    assert needs.delivery(needs.get(ws, need.id)) == ""
    submitted = needs.submit(ws, need.id)
    assert needs.delivery(submitted) == "waiting"

    with ws.store.read() as s:
        sent = merge.change_for(s, s.get(type(need), need.id), ws.owner_code)
    arrive(ws, hub_copy(submitted, 1), sent=sent)
    assert needs.delivery(needs.get(ws, need.id)) == "sent"

    needs.update(ws, need.id, detail="追記")  # edited again: this version is not at the prefecture yet
    assert needs.delivery(needs.get(ws, need.id)) == "waiting"

    answered = needs.get(ws, need.id)
    arrive(ws, hub_copy(answered, 2, detail="", response_status="received", response_text="受け付けました"))
    assert needs.delivery(needs.get(ws, need.id)) == "answered"
    assert [r.response_status for r in needs.need_summaries(ws)] == ["received"]
