"""Sync protocol v1: the wire schemas shared by the desktop client, the hub and .dxpkg packages (DESIGN.md §4).

Hub and spoke. The hub keeps one increasing version counter; every accepted write stamps the record with the next
value, and nothing is ordered by client clocks.

- ``GET  /v1/status``            → :class:`HubStatus` (who this token is, the hub's head version).
- ``GET  /v1/changes?since=V&limit=N`` → :class:`ChangesPage`: the records this token may read whose version is
  greater than V, ordered by version (each record once, at its latest version, tombstones included).
- ``POST /v1/push``              ← :class:`PushRequest` → :class:`PushResponse`, one :class:`PushResult` per change,
  in the order sent. A replayed (device_id, batch_id) gets the stored answer and changes nothing.
- ``GET  /v1/digest?at=V``       → :class:`Digest`: per-kind count and digest of (id, version) as of version V for
  the sanity check, run after every sync (DESIGN.md §4); the ids changed after V are listed, not counted.
- ``POST /v1/keys``              ← :class:`KeyRegistration` → :class:`PackageKey`: register this device's package
  signing key for the token's own 団体コード (never another's: 403); ``GET /v1/keys`` → :class:`PackageKeys`.

Every request carries ``Authorization: Bearer <token>`` and the :data:`PROTOCOL_HEADER` with
:data:`PROTOCOL_VERSION`. Every error answer is an :class:`ErrorBody` whose ``message`` is Japanese and fit to show.

Merge (three-way, per field). A pushed change holds only the fields the device changed since ``base_version``
(for a record never synced, base_version is 0 and its base is the kind's defaults, so a device sends only the fields
it set to non-default values: two PCs that made the same natural-key record offline merge). For each field sent:
if the hub's copy changed that field after ``base_version`` to a different value, the field is in conflict;
otherwise the hub takes the device's value. Outcomes:

- ``applied``: every field taken; the record gets a new version.
- ``merged``: every field taken, and other fields had been changed elsewhere since the base and were kept.
- ``conflict``: the fields in ``conflict_fields`` were changed on both sides; the hub keeps its values for those,
  takes the device's values for the rest (new version if any were taken), and returns its copy in ``record``.
  An edit against a delete (either way round) is a conflict with ``conflict_fields == ["deleted"]``.
- ``rejected``: nothing taken (``reason`` says why in Japanese: another town's record, a field this side does not
  own, an unknown kind or field, a bad value). A rejected change is never retried unchanged.

For applied, merged and conflict, ``record`` is the hub's full copy after the push, so the client can refresh its
row and its base copy without waiting for the next pull.

A hub :class:`Record` holds in ``fields`` every field ever written to it; a field never written is absent and has
the kind's default. A push that changes no stored value keeps the record's version (its outcome is still applied
or merged, with that version).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from desktop.models.errors import ValidationError
from desktop.models.municipal_code import validate as validate_code

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-DXNavi-Protocol"

# Limits the hub enforces and the client respects (a client splits its work to stay within them).
MAX_BODY_BYTES = 5 * 1024 * 1024
MAX_PUSH_CHANGES = 500
MAX_PAGE_LIMIT = 5000
DEFAULT_PAGE_LIMIT = 1000
MAX_FIELDS = 100
MAX_TEXT_CHARS = 100_000

OUTCOMES = ("applied", "merged", "conflict", "rejected")
Outcome = Literal["applied", "merged", "conflict", "rejected"]

_FIELD_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")
_KIND = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DEVICE = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")

# A field value on the wire: JSON scalars only (dates and datetimes as ISO 8601 text).
FieldValue = str | int | float | bool | None
Code = Annotated[str, Field(min_length=6, max_length=6)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@lru_cache(maxsize=4096)  # a page repeats the same few dozen field names thousands of times
def _good_field_name(name: str) -> bool:
    return _FIELD_NAME.match(name) is not None


def _check_fields(fields: dict[str, FieldValue]) -> dict[str, FieldValue]:
    if len(fields) > MAX_FIELDS:
        raise ValueError(f"項目が多すぎます（{MAX_FIELDS}項目まで）。")
    for name, value in fields.items():
        if not _good_field_name(name):
            raise ValueError(f"項目名「{name[:40]}」は使えません。")
        kind = type(value)
        if kind is str:
            if len(value) > MAX_TEXT_CHARS:  # type: ignore[arg-type]
                raise ValueError(f"項目「{name}」の文字数が多すぎます（{MAX_TEXT_CHARS}文字まで）。")
        elif kind is int:
            if abs(value) >= 2**63:  # type: ignore[arg-type]
                raise ValueError(f"項目「{name}」の数値が大きすぎます。")
        elif kind is float and not math.isfinite(value):  # type: ignore[arg-type]
            raise ValueError(f"項目「{name}」の数値が有限ではありません。")
    return fields


@lru_cache(maxsize=4096)  # a page holds thousands of records of a handful of towns
def _check_code(code: str) -> str:
    try:
        return validate_code(code)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


class Record(_Strict):
    """One record as the hub holds it: what a pull returns and what push results carry."""

    kind: str = Field(pattern=_KIND.pattern)
    id: str = Field(pattern=_UUID.pattern)
    owner_code: Code
    version: int = Field(ge=1)
    deleted: bool = False
    updated_at: str = Field(max_length=40)  # ISO 8601 UTC, hub clock: for display only, never for ordering
    updated_by: str = Field(default="", max_length=100)
    fields: dict[str, FieldValue] = Field(default_factory=dict)

    _fields = field_validator("fields")(_check_fields)
    _owner = field_validator("owner_code")(_check_code)


class Change(_Strict):
    """One record change a device pushes (also the payload unit of .dxpkg packages)."""

    kind: str = Field(pattern=_KIND.pattern)
    id: str = Field(pattern=_UUID.pattern)
    owner_code: Code
    base_version: int = Field(ge=0)
    deleted: bool = False
    updated_by: str = Field(default="", max_length=100)
    fields: dict[str, FieldValue] = Field(default_factory=dict)

    _fields = field_validator("fields")(_check_fields)
    _owner = field_validator("owner_code")(_check_code)


class PushRequest(_Strict):
    """A batch of changes; (device_id, batch_id) makes it idempotent for good."""

    device_id: str = Field(pattern=_DEVICE.pattern)
    batch_id: str = Field(pattern=_UUID.pattern)
    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)


class PushResult(_Strict):
    """The hub's answer for one change, in the order the changes were sent."""

    kind: str
    id: str
    outcome: Outcome
    version: int | None = None  # the record's version after the push (None when rejected)
    record: Record | None = None  # the hub's full copy after the push (None when rejected)
    conflict_fields: list[str] = Field(default_factory=list)
    reason: str = ""  # Japanese, for rejected


class PushResponse(_Strict):
    batch_id: str
    results: list[PushResult]


class ChangesPage(_Strict):
    """One page of a pull. Apply it and store ``next`` as the new cursor in the same transaction."""

    changes: list[Record]
    next: int = Field(ge=0)  # the version of the last record in this page (or ``since`` when empty)
    more: bool
    head: int = Field(ge=0)  # the hub's current version counter


class RestorePoint(_Strict):
    """The hub was restored from a backup: the versions above ``lost_after`` up to ``resumed_at`` were handed out
    before the restore and are gone. A PC holding a record at such a version sends its whole copy again, with
    that version as ``base_version``; the hub merges it against the backup's copy (docs/SYNC.md)."""

    lost_after: int = Field(ge=0)
    resumed_at: int = Field(ge=0)

    def lost(self, version: int) -> bool:
        return self.lost_after < version <= self.resumed_at


class HubStatus(_Strict):
    protocol: int
    hub_version: str
    code: Code  # the 団体コード the token is scoped to
    name: str = ""
    scope: Literal["municipality", "prefecture"]
    head: int = Field(ge=0)
    restores: list[RestorePoint] = Field(default_factory=list)  # oldest first


class KindDigest(_Strict):
    """One kind's records as of the digest's ``at``: those changed after it are listed in ``after`` and left out
    of ``count``, ``digest`` and ``version_sum`` (the client leaves the same ids out of its own)."""

    count: int = Field(ge=0)
    digest: str  # record_digest() over every record of the kind this token reads, tombstones included
    version_sum: int = Field(default=0, ge=0)  # of those records' versions: a client compares it cheaply
    after: list[str] = Field(default_factory=list)


class Digest(_Strict):
    """``GET /v1/digest?at=V``: the records this token reads as of version V (the client's cursor), so the
    comparison is conclusive however many records arrive meanwhile. Without ``at``: as of ``head``."""

    # The newest version among the records this token reads (0: none). Below the client's cursor: the hub lost
    # records the client has seen (restored from an older backup): the comparison finds what to send again.
    head: int = Field(ge=0)
    kinds: dict[str, KindDigest]


class KeyRegistration(_Strict):
    """``POST /v1/keys``: a device's package signing key (DESIGN.md §5), for the token's own 団体コード only."""

    code: Code
    public_key: str = Field(min_length=1, max_length=64)  # base64 of the raw 32-byte Ed25519 public key

    _code = field_validator("code")(_check_code)


class PackageKey(_Strict):
    """A package signing key the hub vouches for."""

    code: Code  # whose key: a town's, or the prefecture's (the hub's own key signs as the prefecture)
    name: str = ""
    key_id: str
    fingerprint: str
    public_key: str


class PackageKeys(_Strict):
    """``GET /v1/keys``: the key the hub signs catalog packages with, and the keys registered for this token's
    団体コード."""

    hub: PackageKey
    keys: list[PackageKey]


class ErrorBody(_Strict):
    error: str  # a stable machine code: unauthorized, forbidden, protocol_version, too_large, invalid, busy …
    message: str  # Japanese, fit to show to a user


A = TypeVar("A", bound=BaseModel)


@dataclass(frozen=True)
class Endpoint(Generic[A]):
    """One call of the protocol: method, path and the model of its answer (the hub serves it, the client calls
    it, both from here)."""

    method: str
    path: str
    answer: type[A]


STATUS = Endpoint("GET", "/v1/status", HubStatus)
CHANGES = Endpoint("GET", "/v1/changes", ChangesPage)
PUSH = Endpoint("POST", "/v1/push", PushResponse)
DIGEST = Endpoint("GET", "/v1/digest", Digest)
KEYS = Endpoint("GET", "/v1/keys", PackageKeys)
REGISTER_KEY = Endpoint("POST", "/v1/keys", PackageKey)


_DIGEST_RUN = 4096


def record_digest(pairs: list[tuple[str, int]]) -> str:
    """SHA-256 over sorted ``id:version`` lines: the same on hub and client for the same records.

    Sorted in short runs merged in order: one sort of 50,000 pairs would hold the GIL (and freeze a window)
    for as long as it takes. Pairs that come sorted by id (a query's ORDER BY id) need no merge: each run then
    starts where the one before ended, and they are read one after the other."""
    import hashlib
    import heapq
    from itertools import chain

    runs = [sorted(pairs[start : start + _DIGEST_RUN]) for start in range(0, len(pairs), _DIGEST_RUN)]
    ordered = all(before[-1] < after[0] for before, after in zip(runs, runs[1:], strict=False))
    lines = "".join(
        f"{rid}:{version}\n" for rid, version in (chain(*runs) if ordered else heapq.merge(*runs))
    )
    return hashlib.sha256(lines.encode()).hexdigest()
