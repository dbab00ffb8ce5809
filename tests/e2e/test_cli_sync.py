"""`dxnavi sync` and `dxnavi conflicts` against a live hub: exit codes and one Japanese line each."""

import io
import json

from desktop.cli import main
from desktop.models import Plan
from desktop.services import plan, records
from tests.e2e.conftest import SABAE


def dxnavi(pc, *args, stdin: str = "", monkeypatch) -> int:
    clock = pc.ws.store.clock
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    pc.close()  # the CLI opens the data dir itself (one instance per data dir)
    try:
        return main(["--data-dir", str(pc.ws.store.data_dir), *args], clock=clock)
    finally:
        pc.reopen()


def test_sync_conflicts_and_resolve_from_the_command_line(make_pc, live_hub, monkeypatch, capsys):
    one, two = make_pc("pc1"), make_pc("pc2")
    token = live_hub.issue(SABAE)
    p = plan.get_or_create_plan(one.ws)
    assert (
        dxnavi(
            one, "sync", "--hub", live_hub.url, "--token-stdin", stdin=token + "\n", monkeypatch=monkeypatch
        )
        == 0
    )
    assert "同期しました" in capsys.readouterr().out
    assert dxnavi(two, "sync", monkeypatch=monkeypatch) == 0
    records.update(one.ws, Plan, p.id, vision="一台目")
    records.update(two.ws, Plan, p.id, vision="二台目")
    assert dxnavi(one, "sync", monkeypatch=monkeypatch) == 0
    capsys.readouterr()
    assert dxnavi(two, "sync", monkeypatch=monkeypatch) == 5
    assert "競合が1件あります" in capsys.readouterr().out

    assert dxnavi(two, "conflicts", "--json", monkeypatch=monkeypatch) == 0
    [conflict] = json.loads(capsys.readouterr().out)
    assert (conflict["field"], conflict["mine"], conflict["theirs"]) == ("vision", "二台目", "一台目")
    assert (
        dxnavi(two, "conflicts", "resolve", conflict["id"], "--keep", "theirs", monkeypatch=monkeypatch) == 0
    )
    assert dxnavi(two, "sync", monkeypatch=monkeypatch) == 0
    assert records.get(two.ws, Plan, p.id).vision == "一台目"


def test_a_refused_token_exits_4_and_is_forgotten(make_pc, monkeypatch, capsys):
    pc = make_pc("pc1")
    assert dxnavi(pc, "sync", "--token-stdin", stdin="wrong.token\n", monkeypatch=monkeypatch) == 4
    assert "トークン" in capsys.readouterr().err
    assert dxnavi(pc, "sync", monkeypatch=monkeypatch) == 4  # nothing kept to try again with


def test_an_unreachable_hub_exits_3(make_pc, live_hub, monkeypatch, capsys):
    pc = make_pc("pc1")
    live_hub.stop()
    assert dxnavi(pc, "sync", monkeypatch=monkeypatch) == 3
    assert "ハブに接続できません" in capsys.readouterr().err
