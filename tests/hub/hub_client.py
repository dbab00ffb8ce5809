"""A test client of the hub: one device of one town speaking through the real FastAPI app."""

import uuid
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from hub.app import create_app

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
SABAE = "182079"  # 福井県鯖江市
FUKUI_CITY = "182010"  # 福井県福井市
FUKUI_PREF = "180009"  # 福井県
SHINJUKU = "131041"  # 東京都新宿区 (another prefecture)
TOKYO = "130001"  # 東京都


class Hub:
    """The hub app and an HTTP client that speaks as one token."""

    def __init__(self, engine, token_for):
        self.engine = engine
        self.token_for = token_for
        self.http = TestClient(create_app(engine, clock=lambda: NOW), raise_server_exceptions=False)

    def headers(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}

    def as_(self, code: str) -> "Town":
        return Town(self, self.token_for(code), code)


class Town:
    """One device of one town (or the prefecture) talking to the hub."""

    def __init__(self, hub: Hub, token: str, code: str, device: str = "pc1"):
        self.hub, self.token, self.code, self.device = hub, token, code, device

    def device_named(self, device: str) -> "Town":
        return Town(self.hub, self.token, self.code, device)

    def get(self, path: str, **params):
        return self.hub.http.get(path, params=params, headers=self.hub.headers(self.token))

    def push_raw(self, changes: list[dict], batch_id: str | None = None):
        body = {"device_id": self.device, "batch_id": batch_id or str(uuid.uuid4()), "changes": changes}
        return self.hub.http.post("/v1/push", json=body, headers=self.hub.headers(self.token))

    def push(self, *changes: dict, batch_id: str | None = None) -> list[dict]:
        response = self.push_raw(list(changes), batch_id)
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def pull(self, since: int = 0) -> dict[str, dict]:
        page = self.get("/v1/changes", since=since).json()
        return {r["id"]: r for r in page["changes"]}


def change(
    kind: str, owner: str, base: int = 0, rid: str | None = None, deleted: bool = False, **fields
) -> dict:
    return {
        "kind": kind, "id": rid or str(uuid.uuid4()), "owner_code": owner, "base_version": base,
        "deleted": deleted, "fields": fields,
    }  # fmt: skip
