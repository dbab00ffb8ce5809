"""Building and signing a .dxpkg in memory (DESIGN.md §5); the caller writes the bytes where the user chose."""

from __future__ import annotations

import base64
import hashlib
import io
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from desktop.exchange.keys import DeviceKey, encode_public
from desktop.exchange.manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PAYLOAD,
    SUMMARY,
    FileEntry,
    Kind,
    Manifest,
    canonical,
    payload_bytes,
)
from desktop.sync.protocol import Change

# A fixed timestamp inside the ZIP: the bytes of a package depend only on what it says.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Contents:
    """What goes into a package besides the manifest."""

    kind: Kind
    sender_code: str
    sender_name: str
    changes: Sequence[Change]
    recipient_code: str = ""
    documents: dict[str, bytes] = field(default_factory=dict)  # "documents/<name>.pdf" → bytes
    summary: bytes | None = None


def _entry(zf: zipfile.ZipFile, name: str, body: bytes, compress: bool) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    zf.writestr(info, body, compresslevel=6 if compress else None)


def build_package(
    contents: Contents,
    key: DeviceKey,
    *,
    sequence: int,
    created_at: datetime,
    app_version: str,
    package_id: str | None = None,
) -> tuple[Manifest, bytes]:
    """The signed manifest and the .dxpkg bytes."""
    files: dict[str, bytes] = {PAYLOAD: payload_bytes(contents.changes)}
    files.update(sorted(contents.documents.items()))
    if contents.summary is not None:
        files[SUMMARY] = contents.summary
    unsigned = Manifest(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        package_id=package_id or str(uuid.uuid4()),
        kind=contents.kind,
        sender_code=contents.sender_code,
        sender_name=contents.sender_name,
        recipient_code=contents.recipient_code,
        key_id=key.key_id,
        public_key=encode_public(key.public_key),
        sequence=sequence,
        created_at=created_at.isoformat(timespec="seconds"),
        app_version=app_version,
        files=[
            FileEntry(name=name, size=len(body), sha256=hashlib.sha256(body).hexdigest())
            for name, body in files.items()
        ],
    )
    signature = base64.b64encode(key.sign(unsigned.signed_bytes())).decode("ascii")
    manifest = unsigned.model_copy(update={"signature": signature})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        _entry(zf, MANIFEST, canonical(manifest.model_dump()), compress=True)
        for name, body in files.items():
            # PDFs and workbooks are compressed already: storing them saves time and keeps ratios honest.
            _entry(zf, name, body, compress=name == PAYLOAD)
    return manifest, buffer.getvalue()
