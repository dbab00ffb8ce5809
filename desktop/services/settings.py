"""User settings stored with the data (font size, language): the one settings object."""

import json
from typing import Any

from desktop.models import Setting
from desktop.store import Store

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


def get(store: Store, key: str) -> Any:
    """A setting's value, or its default."""
    with store.read() as s:
        row = s.get(Setting, key)
    return json.loads(row.value) if row is not None else DEFAULTS.get(key)


def put(store: Store, key: str, value: Any) -> None:
    """Store a setting at once."""
    with store.write() as s:
        s.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
