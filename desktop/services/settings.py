"""User settings stored with the data (font size, language): the one settings object."""

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from desktop.models import Setting
from desktop.models.clock import Clock
from desktop.models.errors import DomainError
from desktop.store import Store
from desktop.store.paths import db_path

DEFAULTS: dict[str, Any] = {
    "font_pt": 10,
    "lang": "ja",
    "pdf_font_file": "",
    # 同期: the hub (the token is never here: it is in the OS keyring).
    "hub_url": "",
    "hub_ca_bundle": "",
    "hub_http_allowed_hosts": [],  # LGWAN-internal hosts an administrator allowed plain http to
    "sync_auto": True,
    "save_folder": "",  # the last folder a document was saved to (save dialogs open there)
    "window_geometry": "",  # the main window's size and place (Qt's saveGeometry, base64)
    # 支援ニーズ調書: the prefecture's division it is addressed to (remembered between issues).
    "needs_addressee": "",
}
# The connection to the hub: it belongs to the town that set it up (leaving the demo drops the demo's).
HUB_KEYS = ("hub_url", "hub_ca_bundle", "hub_http_allowed_hosts", "sync_auto")


def get(store: Store, key: str) -> Any:
    """A setting's value, or its default."""
    with store.read() as s:
        row = s.get(Setting, key)
    return json.loads(row.value) if row is not None else DEFAULTS.get(key)


def peek(data_dir: Path, key: str, clock: Clock) -> Any | None:
    """A setting read before the store is opened for use (it may be locked, damaged or read-only).

    Nothing is locked, created or written; None when the data cannot be read.
    """
    if not db_path(Path(data_dir)).is_file():
        return None
    try:
        with Store.open_read_only(data_dir, clock=clock) as store:
            return get(store, key)
    except (DomainError, DBAPIError, sqlite3.Error, OSError, ValueError):
        return None


def put(store: Store, key: str, value: Any) -> None:
    """Store a setting at once."""
    with store.write() as s:
        s.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
