"""POST/GET /v1/keys: a device registers its package signing key for its own 団体コード with a valid token, so the
hub trusts its packages without approval (while that token stays valid), and fetches the key the hub signs catalog
packages with."""

from datetime import UTC, datetime

from hub_client import FUKUI_CITY, FUKUI_PREF, SABAE
from sqlalchemy import func, select

from desktop.exchange import keys
from desktop.exchange.archive import PackageRefused
from desktop.exchange.build import Contents, build_package
from desktop.sync.protocol import PROTOCOL_HEADER, Change, ErrorBody, PackageKey, PackageKeys
from hub import tokens
from hub.packages import export_catalog, import_package
from hub.schema import audit, package_key

LATER = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
NEED_ID = "5b0a3c1e-1111-4000-8000-000000000001"


def sabae_package(key: keys.DeviceKey, sequence: int = 1) -> bytes:
    need = Change(
        kind="needs_request", id=NEED_ID, owner_code=SABAE, base_version=0,
        fields={"title": "CIO補佐官の派遣", "category": "talent"},
    )  # fmt: skip
    contents = Contents("needs", SABAE, "鯖江市", [need])
    return build_package(contents, key, sequence=sequence, created_at=LATER, app_version="t")[1]


def register(town, key: keys.DeviceKey, code: str | None = None):
    body = {"code": code or town.code, "public_key": keys.encode_public(key.public_key)}
    return town.hub.http.post("/v1/keys", json=body, headers=town.hub.headers(town.token))


def pins(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(package_key)).scalar()


def test_a_key_registered_with_a_valid_token_is_trusted_without_approval(engine, hub, tmp_path):
    key = keys.device_key(tmp_path / "pc1")
    sabae = hub.as_(SABAE)
    response = register(sabae, key)
    assert response.status_code == 200, response.text
    shown = PackageKey.model_validate(response.json())
    assert (shown.code, shown.fingerprint, shown.key_id) == (SABAE, key.fingerprint, key.key_id)
    assert register(sabae, key).status_code == 200  # again: nothing new

    done = import_package(engine, sabae_package(key), LATER)
    assert done.key == "trusted" and done.counts["added"] == 1

    listed = PackageKeys.model_validate(sabae.get("/v1/keys").json())
    assert [k.fingerprint for k in listed.keys] == [key.fingerprint]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).where(audit.c.action == "key_register")).scalar() == 1


def test_another_towns_code_is_refused_in_japanese_and_pins_nothing(engine, hub, tmp_path):
    key = keys.device_key(tmp_path / "pc1")
    response = register(hub.as_(SABAE), key, code=FUKUI_CITY)
    assert response.status_code == 403
    error = ErrorBody.model_validate(response.json())
    assert error.error == "forbidden" and "他の団体（182010）の鍵は登録できません" in error.message
    assert pins(engine) == 0
    bad = hub.as_(SABAE).hub.http.post(
        "/v1/keys",
        json={"code": SABAE, "public_key": "not-a-key"},
        headers=hub.as_(SABAE).hub.headers(hub.as_(SABAE).token),
    )
    assert bad.status_code == 422 and "公開鍵" in bad.json()["message"]
    assert pins(engine) == 0


def test_a_revoked_token_registers_nothing_and_its_keys_need_approval_again(engine, hub, tmp_path):
    key = keys.device_key(tmp_path / "pc1")
    sabae = hub.as_(SABAE)
    assert register(sabae, key).status_code == 200
    tokens.revoke(engine, sabae.token.partition(".")[0], LATER)

    response = register(sabae, keys.device_key(tmp_path / "pc2"))
    assert response.status_code == 401 and "トークン" in response.json()["message"]
    assert pins(engine) == 1
    try:
        import_package(engine, sabae_package(key), LATER)
        raise AssertionError("a key vouched for by a revoked token must not be trusted")
    except PackageRefused as refused:
        assert "承認されていません" in str(refused) and key.fingerprint in str(refused)
    # A valid token registers it again.
    assert register(hub.as_(SABAE), key).status_code == 200
    assert import_package(engine, sabae_package(key), LATER).key == "trusted"


def test_the_hubs_catalog_key_is_the_one_that_signs_its_catalog_packages(engine, hub):
    listed = PackageKeys.model_validate(hub.as_(SABAE).get("/v1/keys").json())
    assert listed.hub.code == FUKUI_PREF and listed.hub.name == "福井県" and listed.keys == []
    manifest, _, _ = export_catalog(engine, SABAE, LATER)
    assert manifest.public_key == listed.hub.public_key and manifest.key_id == listed.hub.key_id
    prefecture = PackageKeys.model_validate(hub.as_(FUKUI_PREF).get("/v1/keys").json())
    assert prefecture.hub == listed.hub

    no_version = hub.http.get("/v1/keys", headers={"Authorization": f"Bearer {hub.as_(SABAE).token}"})
    assert no_version.status_code == 400 and PROTOCOL_HEADER not in no_version.json()["message"]
