"""Two real hub worker processes on PostgreSQL and 50 clients pushing at once: every version unique, nothing
lost, and the token never in the server's log."""

import socket
import subprocess
import sys
import threading
import time
import uuid

import httpx
import pytest
from hub_client import NOW, SABAE, change
from sqlalchemy import text

from desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from hub import db, tokens

CLIENTS = 50
BATCHES = 3
PER_BATCH = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the hub did not start")
        time.sleep(0.05)


def answers(url: str, headers: dict) -> bool:
    try:
        return httpx.get(f"{url}/v1/status", headers=headers, timeout=1).status_code == 200
    except httpx.TransportError:
        return False


@pytest.mark.slow
def test_two_workers_and_fifty_concurrent_clients_lose_nothing(postgres_url, tmp_path):
    engine = db.open_database(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO hub_municipality (code, name) VALUES (:c, '鯖江市')"), {"c": SABAE})
    token = tokens.issue(engine, SABAE, "負荷試験", NOW)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "hub.log").open("w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "hub.cli", "serve", "--db", postgres_url, "--host", "127.0.0.1", "--port", str(port),
         "--workers", "2"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    try:
        wait_until(lambda: answers(url, headers), timeout=60)
        results: list[dict] = []
        failures: list[str] = []
        lock = threading.Lock()

        def client(n: int) -> None:
            with httpx.Client(base_url=url, headers=headers, timeout=60) as http:
                for b in range(BATCHES):
                    changes = [
                        change("awareness_activity", SABAE, title=f"端末{n}-{b}-{i}")
                        for i in range(PER_BATCH)
                    ]
                    body = {"device_id": f"pc{n}", "batch_id": str(uuid.uuid4()), "changes": changes}
                    response = http.post("/v1/push", json=body)
                    with lock:
                        if response.status_code != 200:
                            failures.append(f"{response.status_code} {response.text}")
                        else:
                            results.extend(response.json()["results"])

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert failures == []
        assert {r["outcome"] for r in results} == {"applied"}
        versions = [r["version"] for r in results]
        assert len(versions) == len(set(versions)) == CLIENTS * BATCHES * PER_BATCH

        pulled, since, more = {}, 0, True
        while more:
            page = httpx.get(
                f"{url}/v1/changes", params={"since": since, "limit": 500}, headers=headers
            ).json()
            pulled.update({r["id"]: r["version"] for r in page["changes"]})
            since, more = page["next"], page["more"]
        assert pulled == {r["id"]: r["version"] for r in results}
        assert sorted(pulled.values()) == list(range(1, len(versions) + 1))
    finally:
        server.terminate()
        server.wait(timeout=30)
        engine.dispose()
    log.seek(0)
    served = log.read()
    assert served.count("Started server process") == 2
    assert token.partition(".")[2] not in served
