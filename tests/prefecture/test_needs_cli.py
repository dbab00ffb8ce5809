"""`dxnavi needs list|respond`: scripting the prefecture's answers."""

import json

from desktop.services.prefecture import needs as pref_needs
from tests.prefecture.conftest import SABAE


def test_needs_list_json_shows_every_towns_submitted_need(dx, pref, capsys):
    data_dir = pref.store.data_dir
    pref.store.close()
    assert dx(data_dir, "needs", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["town_name"], r["title"], r["response_status"]) for r in rows] == [
        ("鯖江市", "RPA導入の支援", ""),
        ("福井市", "CIO補佐官の派遣", ""),
    ]


def test_needs_respond_writes_the_answer_and_list_shows_it(dx, pref, capsys):
    data_dir = pref.store.data_dir
    need_id = pref_needs.all_needs(pref, pref_needs.NeedsFilter(town=SABAE))[0].id
    pref.store.close()
    assert (
        dx(
            data_dir,
            "needs",
            "respond",
            need_id,
            "--status",
            "matched",
            "--message",
            "登録人材Bを派遣します。",
        )
        == 0
    )
    assert "回答しました: RPA導入の支援（マッチ済）" in capsys.readouterr().out
    assert dx(data_dir, "needs", "list") == 0
    out = capsys.readouterr().out
    assert "182079 鯖江市" in out and "マッチ済" in out


def test_needs_respond_with_an_unknown_status_is_a_usage_error(dx, pref, capsys):
    data_dir = pref.store.data_dir
    pref.store.close()
    assert dx(data_dir, "needs", "respond", "x", "--status", "accepted") == 2
    assert "選択肢" in capsys.readouterr().err


def test_needs_respond_in_a_towns_data_is_refused(dx, data_dir, capsys):
    assert dx(data_dir, "init", "--code", SABAE, "--name", "鯖江市") == 0
    assert dx(data_dir, "needs", "respond", "x", "--status", "received") == 1
    assert "都道府県モード" in capsys.readouterr().err
