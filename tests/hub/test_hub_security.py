"""Security on every endpoint: tokens (wrong, revoked, another town's), field ownership, the protocol header,
size limits, and no token in any log."""

import json
import logging
import uuid

import pytest
from hub_client import FUKUI_CITY, FUKUI_PREF, NOW, SABAE, SHINJUKU, TOKYO, change
from sqlalchemy import select

from desktop.sync.protocol import MAX_BODY_BYTES, MAX_PUSH_CHANGES, PROTOCOL_HEADER, ErrorBody
from hub import tokens
from hub.schema import audit, token

ENDPOINTS = [("GET", "/v1/status"), ("GET", "/v1/changes"), ("GET", "/v1/digest"), ("POST", "/v1/push")]
EMPTY_PUSH = {"device_id": "pc1", "batch_id": "11111111-1111-4111-8111-111111111111", "changes": []}


def call(hub, method, path, headers):
    if method == "POST":
        return hub.http.post(path, json=EMPTY_PUSH, headers=headers)
    return hub.http.get(path, headers=headers)


def assert_error(response, status, error):
    assert response.status_code == status, response.text
    body = ErrorBody.model_validate(response.json())
    assert body.error == error
    assert any("\u3040" <= ch <= "\u30ff" for ch in body.message), body.message  # Japanese, fit to show


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_a_wrong_missing_or_revoked_token_gets_401_on_every_endpoint(hub, method, path):
    good = hub.token_for(SABAE)
    token_id, _, secret = good.partition(".")
    for presented in [f"{token_id}.{secret[:-1]}x", f"{token_id}.", "", "nonsense", f"{'0' * 12}.{secret}"]:
        assert_error(call(hub, method, path, hub.headers(presented)), 401, "unauthorized")
    revoked = hub.token_for(SABAE)
    tokens.revoke(hub.engine, revoked.partition(".")[0], NOW)
    response = call(hub, method, path, hub.headers(revoked))
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert (
        call(hub, method, path, {"Authorization": f"Basic {good}", PROTOCOL_HEADER: "1"}).status_code == 401
    )
    assert call(hub, method, path, hub.headers(good)).status_code == 200


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_an_unknown_protocol_version_gets_a_clear_japanese_message_on_every_endpoint(hub, method, path):
    headers = hub.headers(hub.token_for(SABAE))
    for version in ["2", "", "0"]:
        response = call(hub, method, path, {**headers, PROTOCOL_HEADER: version})
        assert_error(response, 400, "protocol_version")
        assert "版 1" in response.json()["message"]


def test_only_a_hash_of_the_token_is_stored(hub):
    issued = hub.token_for(SABAE)
    with hub.engine.connect() as conn:
        stored = conn.execute(select(token)).one()
    assert issued.partition(".")[2] not in json.dumps([str(v) for v in stored])


def test_another_towns_records_are_neither_read_nor_written(hub):
    sabae, fukui = hub.as_(SABAE), hub.as_(FUKUI_CITY)
    [mine] = sabae.push(change("needs_request", SABAE, title="鯖江のニーズ"))
    assert fukui.pull() == {}
    assert fukui.get("/v1/digest").json()["kinds"] == {}
    # Writing into Sabae's record, or making one in Sabae's name, is refused and changes nothing.
    [edit] = fukui.push(change("needs_request", SABAE, base=1, rid=mine["id"], title="書き換え"))
    [forged] = fukui.push(change("needs_request", SABAE, title="なりすまし"))
    [moved] = fukui.push(change("needs_request", FUKUI_CITY, base=1, rid=mine["id"], title="乗っ取り"))
    assert [edit["outcome"], forged["outcome"], moved["outcome"]] == ["rejected"] * 3
    assert edit["record"] is None and edit["reason"]
    assert "団体コードを変えることはできません" in moved["reason"]
    assert [r["fields"]["title"] for r in sabae.pull().values()] == ["鯖江のニーズ"]


def test_a_town_cannot_write_the_prefectures_response_fields(hub):
    sabae = hub.as_(SABAE)
    [result] = sabae.push(change("needs_request", SABAE, title="ニーズ", response_text="自分で回答"))
    assert result["outcome"] == "rejected" and "都道府県が記入する項目" in result["reason"]
    assert sabae.pull() == {}


def test_the_prefecture_reads_its_towns_and_writes_only_responses_and_catalogs(hub):
    sabae, shinjuku, pref = hub.as_(SABAE), hub.as_(SHINJUKU), hub.as_(FUKUI_PREF)
    [need] = sabae.push(change("needs_request", SABAE, title="AI議事録", status="submitted"))
    shinjuku.push(change("needs_request", SHINJUKU, title="東京のニーズ"))
    assert hub.as_(FUKUI_PREF).get("/v1/status").json()["scope"] == "prefecture"
    assert list(pref.pull()) == [need["id"]]  # not another prefecture's town

    [answer] = pref.push(
        change("needs_request", SABAE, base=need["version"], rid=need["id"], response_status="matched",
               response_text="人材プールから紹介します", responded_at="2026-06-01T09:00:00+00:00")
    )  # fmt: skip
    [meddle] = pref.push(
        change("needs_request", SABAE, base=answer["version"], rid=need["id"], title="書き換え")
    )
    [create] = pref.push(change("needs_request", SABAE, title="代わりに作成"))
    [catalog] = pref.push(change("good_practice", FUKUI_PREF, title="越前市の電子申請"))
    [tokyo] = pref.push(change("good_practice", TOKYO, title="よその都道府県"))
    assert answer["outcome"] == "applied"
    assert [meddle["outcome"], create["outcome"], tokyo["outcome"]] == ["rejected"] * 3
    assert catalog["outcome"] == "applied"

    # The town sees the response and the catalog; a town of another prefecture sees neither.
    pulled = sabae.pull()
    assert pulled[need["id"]]["fields"]["response_text"] == "人材プールから紹介します"
    assert catalog["id"] in pulled
    assert shinjuku.pull().keys().isdisjoint({need["id"], catalog["id"]})
    [town_edit] = sabae.push(
        change("good_practice", FUKUI_PREF, base=catalog["version"], rid=catalog["id"], title="x")
    )
    assert town_edit["outcome"] == "rejected"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"title": "x", "no_such_field": 1}, "no_such_field"),
        ({"title": "x", "priority": "urgent"}, "選択肢にありません"),
        ({"title": "x", "period_start": "2026-13-01"}, "正しい形式ではありません"),
        ({"title": "x", "days_per_month": 40}, "0〜31"),
        ({"title": "x", "version": 99}, "version"),
        ({"detail": "件名のない新しいニーズ"}, "を入力してください"),
    ],
)
def test_unknown_fields_and_bad_values_are_rejected_with_a_reason(hub, fields, reason):
    [result] = hub.as_(SABAE).push(change("needs_request", SABAE, **fields))
    assert result["outcome"] == "rejected" and reason in result["reason"]


def test_an_unknown_kind_is_rejected_and_the_rest_of_the_batch_applies(hub):
    results = hub.as_(SABAE).push(
        change("resident_register", SABAE, name="x"), change("awareness_activity", SABAE, title="指標")
    )
    assert [r["outcome"] for r in results] == ["rejected", "applied"]
    assert "resident_register" in results[0]["reason"]


def test_an_oversized_body_or_batch_gets_413_and_changes_nothing(hub):
    town = hub.as_(SABAE)
    huge = change("needs_request", SABAE, title="x", detail="あ" * 90_000)
    body = {"device_id": "pc1", "batch_id": str(uuid.uuid4()), "changes": [huge] * 30}
    assert len(json.dumps(body).encode()) > MAX_BODY_BYTES
    assert_error(hub.http.post("/v1/push", json=body, headers=hub.headers(town.token)), 413, "too_large")
    many = [change("awareness_activity", SABAE, title=f"{n}") for n in range(MAX_PUSH_CHANGES + 1)]
    response = town.push_raw(many)
    assert_error(response, 413, "too_large")
    assert str(MAX_PUSH_CHANGES) in response.json()["message"]
    assert town.get("/v1/status").json()["head"] == 0


def test_a_malformed_body_or_query_gets_a_japanese_error(hub):
    town = hub.as_(SABAE)
    headers = hub.headers(town.token)
    assert_error(hub.http.post("/v1/push", content=b"{not json", headers=headers), 400, "invalid")
    bad_id = {**EMPTY_PUSH, "changes": [change("kpi", SABAE, rid="not-a-uuid")]}
    assert_error(hub.http.post("/v1/push", json=bad_id, headers=headers), 422, "invalid")
    bad_code = {**EMPTY_PUSH, "changes": [change("kpi", "182078")]}
    response = hub.http.post("/v1/push", json=bad_code, headers=headers)
    assert_error(response, 422, "invalid")
    assert "検査数字" in response.json()["message"]
    assert_error(town.get("/v1/changes", limit=100_000), 422, "invalid")
    assert_error(town.get("/v1/nowhere"), 404, "not_found")


def test_every_accepted_write_is_audited_without_secrets(hub):
    town = hub.as_(SABAE)
    [result] = town.push(change("needs_request", SABAE, title="秘密ではない件名"))
    town.push(change("needs_request", FUKUI_CITY, title="拒否される"))  # rejected: nothing written, no entry
    with hub.engine.connect() as conn:
        entries = conn.execute(select(audit).where(audit.c.action == "push")).all()
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.code, entry.token_id, entry.device_id) == (SABAE, town.token.partition(".")[0], "pc1")
    assert entry.records == [["needs_request", result["id"], 1, "applied"]]
    assert "秘密ではない件名" not in json.dumps(entry.records) + entry.detail


def test_no_token_appears_in_any_log(hub, caplog):
    caplog.set_level(logging.DEBUG)
    town, other = hub.as_(SABAE), hub.as_(FUKUI_CITY)
    town.push(change("needs_request", SABAE, title="x"))
    other.push(change("needs_request", SABAE, title="x"))
    for method, path in ENDPOINTS:
        call(hub, method, path, hub.headers(town.token))
        call(hub, method, path, hub.headers(town.token + "x"))
    logged = caplog.text + "\n".join(str(r.__dict__) for r in caplog.records)
    assert "push code=182079" in logged  # the log is there, and names the town, not the token
    for secret in (town.token, other.token):
        assert secret.partition(".")[2] not in logged
