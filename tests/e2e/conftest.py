"""A real hub (dxnavi-hub serve: uvicorn on 127.0.0.1, a free port) and PCs of towns that sync with it.

Every PC is a real store in a tmp dir; tokens are issued by the hub's own CLI and kept in an in-memory keyring
(keyring.set_keyring), as DESIGN.md §9 asks. Nothing here waits a fixed time: the hub is polled until it answers.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import keyring
import pytest

from desktop.models.municipal_code import check_digit
from desktop.services import sync
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store
from desktop.sync.credentials import TokenStore
from tests.sync.keyrings import MemoryKeyring

pytest.importorskip("hub.cli", reason="the hub (dxnavi-hub) is not in this tree yet")

REPO = Path(__file__).resolve().parents[2]
SABAE, SABAE_NAME = "182079", "鯖江市"
FUKUI, FUKUI_NAME = "182010", "福井市"
# More towns of 福井県 (valid codes, fictional towns) for tests that need a fresh town per example.
SPARE_TOWNS = [f"18{n:03d}{check_digit(f'18{n:03d}')}" for n in range(500, 800)]
STARTS = 600  # polls of the starting hub (each waits for a connection attempt, not for a fixed time)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def _hub_cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "hub.cli", *args], capture_output=True, text=True, encoding="utf-8", cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveHub:
    """A dxnavi-hub process; stop() and start() pull and plug the network cable."""

    db: str
    port: int
    log: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def issue(self, code: str) -> str:
        return _hub_cli("token", "issue", "--db", self.db, "--code", code).strip().splitlines()[-1]

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hub.cli", "serve", "--db", self.db, "--port", str(self.port)],
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        for _ in range(STARTS):
            assert self.process.poll() is None, self.log.read_text(encoding="utf-8")
            try:
                httpx.get(f"{self.url}/v1/status", timeout=1.0)
                return
            except httpx.TransportError:
                with contextlib.suppress(subprocess.TimeoutExpired):  # not up yet: a dead hub fails above
                    self.process.wait(timeout=0.05)
        raise AssertionError("the hub did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None


@pytest.fixture
def live_hub(tmp_path):
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    towns = tmp_path / "towns.csv"
    spare = "".join(f"{code},試験町{i}\n" for i, code in enumerate(SPARE_TOWNS))
    towns.write_text(
        f"団体コード,団体名\n{SABAE},{SABAE_NAME}\n{FUKUI},{FUKUI_NAME}\n{spare}", encoding="utf-8"
    )
    _hub_cli("municipalities", "import", "--db", db, str(towns))
    hub = LiveHub(db, _free_port(), tmp_path / "hub.log")
    hub.start()
    yield hub
    hub.stop()


@dataclass
class PC:
    """One desktop of one town, connected to the live hub."""

    ws: Workspace
    tokens: TokenStore
    open_store: Callable[..., Store]

    def sync(self, **kw) -> sync.SyncReport:
        return sync.run(self.ws, tokens=self.tokens, wait=lambda seconds: None, **kw)

    def close(self) -> None:
        self.ws.store.close()

    def reopen(self) -> None:
        self.ws = Workspace(self.open_store(self.ws.store.data_dir, auto_backup=False), actor=self.ws.actor)


@pytest.fixture
def make_pc(tmp_path, live_hub, memory_keyring, open_store):
    """make_pc(name, code, town_name): a PC set up offline (init done) and pointed at the hub."""
    pcs: list[PC] = []
    issued: dict[str, str] = {}

    def make(name: str, code: str = SABAE, town: str = SABAE_NAME) -> PC:
        store = open_store(tmp_path / name, auto_backup=False)
        init_municipality(store, code, town)
        ws = Workspace(store, actor=name)
        sync.save_hub_settings(ws, live_hub.url)
        tokens = TokenStore()
        if code not in issued:
            issued[code] = live_hub.issue(code)
        sync.set_token(ws, issued[code], tokens)
        pc = PC(ws, tokens, open_store)
        pcs.append(pc)
        return pc

    yield make
    for pc in pcs:
        pc.close()
