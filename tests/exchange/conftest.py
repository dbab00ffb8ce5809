"""Two data dirs that exchange packages: a town (鯖江市) with needs, and its prefecture (福井県)."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from desktop.exchange.manifest import MANIFEST, canonical
from desktop.services import needs, package_keys, packages
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store

TOWN_CODE, TOWN_NAME = "182079", "鯖江市"
PREF_CODE, PREF_NAME = "180009", "福井県"


@pytest.fixture
def town(tmp_path, open_store):
    """鯖江市's data dir with two needs."""
    store = open_store(tmp_path / "town", auto_backup=False)
    init_municipality(store, TOWN_CODE, TOWN_NAME)
    ws = Workspace(store, actor="町の担当")
    needs.create(ws, title="CIO補佐官の派遣", category="talent", skill_role="producer", purpose="計画づくり")
    needs.create(ws, title="庁内研修の講師", category="training", purpose="職員の意識づくり")
    yield ws
    store.close()


def register_prefecture(store: Store) -> None:
    init_municipality(store, PREF_CODE, PREF_NAME)


@pytest.fixture
def prefecture(tmp_path, open_store):
    """福井県's data dir, empty but for itself."""
    store = open_store(tmp_path / "pref", auto_backup=False)
    register_prefecture(store)
    yield Workspace(store, actor="県の担当")
    store.close()


@pytest.fixture
def export(tmp_path):
    """Export a package from a workspace without documents (fast); returns (path, manifest)."""
    counter = iter(range(1, 10_000))

    def run(ws: Workspace, kind: str = "needs", **kwargs) -> tuple[Path, object]:
        out = tmp_path / f"out-{next(counter)}.dxpkg"
        kwargs.setdefault("with_documents", False)
        done = packages.export_package(ws, kind, out, **kwargs)
        return out, done.manifest

    return run


def dump(ws: Workspace) -> list[str]:
    """Every row of every table, as SQL: the whole store, to compare before and after."""
    with ws.store.read() as s:
        raw = s.connection().connection.driver_connection
        return list(raw.iterdump())


def fingerprint_of(ws: Workspace) -> str:
    return package_keys.device_key(ws).fingerprint


def zip_bytes(entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in entries:
            zf.writestr(name, body)
    return buffer.getvalue()


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def resign(files: dict[str, bytes], key, **manifest_changes) -> bytes:
    """A package whose manifest lists `files` (sizes and hashes right) signed by `key`: only what the
    test changed is wrong, so the refusal proves the later checks (schema, ownership, limits) work."""
    import base64
    import json

    manifest = json.loads(files[MANIFEST])
    manifest.update(manifest_changes)
    others = {n: b for n, b in files.items() if n != MANIFEST}
    manifest["files"] = [
        {"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()} for n, b in others.items()
    ]
    manifest.pop("signature", None)
    manifest["signature"] = base64.b64encode(key.sign(canonical(manifest))).decode()
    return zip_bytes([(MANIFEST, canonical(manifest)), *others.items()])
