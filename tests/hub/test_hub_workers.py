"""Two real hub worker processes on PostgreSQL and 50 clients pushing at once: every version unique, nothing
lost, and the token never in the server's log."""

import socket
import subprocess
import sys
import threading
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


class ServerLog:
    """Copies the hub's output to a file as it comes, and says when every worker has started."""

    def __init__(self, stream, path, workers: int):
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._copy, args=(stream, path, workers), daemon=True)
        self._thread.start()

    def _copy(self, stream, path, workers: int) -> None:
        started = 0
        with path.open("w") as out:
            for line in stream:  # until the server exits and closes its end
                self.lines.append(line)
                out.write(line)
                started += "Application startup complete" in line
                if started == workers:
                    self.ready.set()

    def text(self) -> str:
        self._thread.join(timeout=30)
        return "".join(self.lines)


@pytest.mark.slow
def test_two_workers_and_fifty_concurrent_clients_lose_nothing(postgres_url, tmp_path):
    engine = db.open_database(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO hub_municipality (code, name) VALUES (:c, '鯖江市')"), {"c": SABAE})
    token = tokens.issue(engine, SABAE, "負荷試験", NOW)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "hub.cli", "serve", "--db", postgres_url, "--host", "127.0.0.1", "--port", str(port),
         "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    log = ServerLog(server.stdout, tmp_path / "hub.log", workers=2)
    headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    try:
        assert log.ready.wait(timeout=60), "the hub's two workers did not start:\n" + "".join(log.lines)
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
    served = log.text()
    assert served.count("Started server process") == 2
    assert token.partition(".")[2] not in served
