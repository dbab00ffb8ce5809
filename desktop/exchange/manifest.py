"""manifest.json and payload.json of a .dxpkg (DESIGN.md §5): their schemas and the canonical signed bytes.

The manifest names the package (package_id), its kind, the sender (団体コード, name, device key, a per-device
sequence that only grows), the recipient for catalog packages, and every other file with its size and SHA-256.
The signature covers the canonical JSON of the manifest without its ``signature`` member (sorted keys, no
spaces, UTF-8), so any change to the manifest or to any file breaks it.

The payload is a list of :class:`desktop.sync.protocol.Change`: a package is a snapshot, so each change holds every
field of the record that the sender owns (desktop.models.ownership), and ``base_version`` is the sender's copy's
hub version (0 for a record never synced).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field, field_validator

from desktop.sync.protocol import Change, _check_code, _Strict

FORMAT = "dxnavi-package"
FORMAT_VERSION = 1
PAYLOAD_FORMAT = "dxnavi-changes"
PAYLOAD_VERSION = 1

KINDS = ("needs", "progress", "full", "catalog")
Kind = Literal["needs", "progress", "full", "catalog"]
KIND_LABELS = {"needs": "支援ニーズ", "progress": "進捗", "full": "全データ", "catalog": "都道府県からの情報"}

MANIFEST = "manifest.json"
PAYLOAD = "payload.json"
SUMMARY = "summary.xlsx"
DOCUMENTS = "documents/"
# documents/<name>.pdf: letters (Japanese included), digits, _ - ・ （ ）, no dot files, no sub-folders.
DOCUMENT_NAME = re.compile(r"^documents/[\w\-・（）()]{1,100}\.pdf$")

MAX_CHANGES = 200_000
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class FileEntry(_Strict):
    name: str = Field(max_length=120)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=_HEX64.pattern)


class Manifest(_Strict):
    """Everything a receiver checks before it reads the payload."""

    format: Literal["dxnavi-package"]
    format_version: int
    package_id: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    kind: Kind
    sender_code: str = Field(min_length=6, max_length=6)
    sender_name: str = Field(min_length=1, max_length=100)
    recipient_code: str = Field(default="", max_length=6)  # catalog packages: the one town they are for
    key_id: str = Field(pattern=r"^[0-9a-f]{16}$")
    public_key: str = Field(max_length=64)  # base64 of the raw Ed25519 key; pinned by the receiver
    sequence: int = Field(ge=1, lt=2**63)
    created_at: str = Field(max_length=40)  # ISO 8601 UTC, sender clock: for display only
    app_version: str = Field(max_length=40)
    files: list[FileEntry] = Field(max_length=1000)
    signature: str = Field(default="", max_length=200)

    _sender = field_validator("sender_code")(_check_code)

    @field_validator("recipient_code")
    @classmethod
    def _recipient(cls, value: str) -> str:
        return _check_code(value) if value else value

    def signed_bytes(self) -> bytes:
        """The canonical bytes the signature covers."""
        return canonical(self.model_dump(exclude={"signature"}))


class Payload(_Strict):
    format: Literal["dxnavi-changes"]
    version: int
    changes: list[Change] = Field(max_length=MAX_CHANGES)


def payload_bytes(changes: Sequence[Change]) -> bytes:
    """payload.json of a package: its format and version (what desktop.exchange.package checks) and the changes."""
    return canonical(
        {"format": PAYLOAD_FORMAT, "version": PAYLOAD_VERSION, "changes": [c.model_dump() for c in changes]}
    )


def canonical(obj: Any) -> bytes:
    """Canonical JSON: sorted keys, no insignificant spaces, UTF-8 (signed and hashed as bytes)."""
    return json.dumps(
        obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode()
