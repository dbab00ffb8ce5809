"""同期: the hub connection, the token, running a sync, its history, and the conflicts a person resolves.

The token lives in the OS keyring (desktop.sync.credentials), never in the store or settings; everything else
about sync is in the store. Every sync leaves a row in the history, whatever happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from desktop.exchange.keys import decode_public, encode_public
from desktop.models import ENTITY_BY_KIND
from desktop.models.errors import Cancelled, DomainError, ValidationError
from desktop.models.ownership import is_prefecture_code, prefecture_of
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.rules import label
from desktop.models.sync_state import Conflict, SyncRun
from desktop.models.vocab import RECORD_KINDS
from desktop.services import package_keys, settings
from desktop.services.sync_status import pending_changes
from desktop.services.workspace import Workspace
from desktop.sync import resolve as resolving
from desktop.sync.client import HubClient, check_url
from desktop.sync.credentials import NO_ANSWER, TokenStore, account
from desktop.sync.engine import SyncEngine, SyncReport, count_open_conflicts
from desktop.sync.errors import HubUnreachableError, SyncError, TokenRefusedError  # noqa: F401 - callers catch them here
from desktop.sync.protocol import HubStatus, KeyRegistration

log = logging.getLogger(__name__)

# Process-wide, so a token kept for the session only lives as long as the app.
TOKENS = TokenStore()
HISTORY = 10


@dataclass(frozen=True)
class HubSettings:
    """Where the hub is and how to trust it (the token is not here: it is in the keyring)."""

    url: str
    ca_bundle: str
    allowed_http_hosts: frozenset[str]

    @property
    def configured(self) -> bool:
        return bool(self.url)


def hub_settings(ws: Workspace) -> HubSettings:
    return HubSettings(
        url=settings.get(ws.store, "hub_url") or "",
        ca_bundle=settings.get(ws.store, "hub_ca_bundle") or "",
        allowed_http_hosts=frozenset(settings.get(ws.store, "hub_http_allowed_hosts") or ()),
    )


def save_hub_settings(ws: Workspace, url: str, ca_bundle: str = "") -> str:
    """Check and keep the hub URL and CA bundle; returns a warning to show (plain http) or ""."""
    url = (url or "").strip().rstrip("/")
    current = hub_settings(ws)
    warning = check_url(url, current.allowed_http_hosts)
    ca_bundle = (ca_bundle or "").strip()
    if ca_bundle and not Path(ca_bundle).is_file():
        raise ValidationError(f"CA証明書ファイル（{ca_bundle}）が見つかりません。", "ca_bundle")
    settings.put(ws.store, "hub_url", url)
    settings.put(ws.store, "hub_ca_bundle", ca_bundle)
    return warning


# -- the token -------------------------------------------------------------------------------------------------
def token_account(ws: Workspace) -> str:
    """The keyring account of this town's token at its hub."""
    return account(hub_settings(ws).url, ws.owner_code)


def has_token(ws: Workspace, tokens: TokenStore = TOKENS) -> bool:
    return bool(tokens.get(token_account(ws)))


def set_token(ws: Workspace, token: str, tokens: TokenStore = TOKENS) -> bool:
    """Keep the token; returns True when it is kept for this session only (no usable keyring)."""
    token = (token or "").strip()
    if not token or any(ch.isspace() for ch in token) or len(token) > 500:
        raise ValidationError("トークンを正しく入力してください（空白を含まない文字列です）。", "token")
    tokens.put(token_account(ws), token)
    settings.put(ws.store, KEY_SETTING, "")  # a new token registers this PC's package key again
    return tokens.session_only


def forget_token(ws: Workspace, tokens: TokenStore = TOKENS) -> None:
    tokens.clear(token_account(ws))


def keyring_problem(tokens: TokenStore = TOKENS) -> str:
    """Why the token is kept for this session only: "" while the OS keyring is used, else NO_ANSWER (it did
    not answer in time) or UNUSABLE."""
    return tokens.reason if tokens.session_only else ""


def token_notice(tokens: TokenStore = TOKENS) -> str:
    """Where the token is kept, for the command line."""
    problem = keyring_problem(tokens)
    if not problem:
        return "トークンはOSの資格情報ストアに保存します。"
    why = "OSの資格情報ストアが応答しません" if problem == NO_ANSWER else "OSの資格情報ストアを使用できません"
    return f"トークンはこの起動中だけ保持します（{why}）。次回の起動時に再入力が必要です。"


# -- package keys through the hub (DESIGN.md §5, keys) ----------------------------------------------------------
KEY_SETTING = "hub_package_key"  # "<hub url> <fingerprint>" once this PC's key is registered there


def _exchange_keys(ws: Workspace, client: HubClient) -> None:
    """Once per hub and token: register this PC's package signing key at the hub for this 団体コード, and pin the
    key the hub signs catalog packages with, so packages between them need no approval. Failing here never fails
    the sync (an older hub has no /v1/keys): packages then need an approval by fingerprint, as before."""
    key = package_keys.device_key(ws)
    done = f"{hub_settings(ws).url} {key.fingerprint}"
    if settings.get(ws.store, KEY_SETTING) == done:
        return
    me = ws.owner_code
    try:
        client.register_key(KeyRegistration(code=me, public_key=encode_public(key.public_key)))
        hub = client.keys().hub
        if hub.code != (me if is_prefecture_code(me) else prefecture_of(me)):
            raise SyncError(f"ハブの署名鍵が別の団体（{hub.code}）のものとして示されました。")
        package_keys.register_hub_key(ws, hub.code, decode_public(hub.public_key), hub.name)
    except (SyncError, DomainError, ValueError) as err:
        log.warning("package keys not exchanged with the hub: %s", err)
        return
    settings.put(ws.store, KEY_SETTING, done)


# -- talking to the hub -----------------------------------------------------------------------------------------
def _client(
    ws: Workspace,
    progress: Progress,
    tokens: TokenStore,
    transport: httpx.BaseTransport | None,
    wait: Callable[[float], None] | None,
) -> HubClient:
    hub = hub_settings(ws)
    if not hub.configured:
        raise ValidationError("ハブのURLが設定されていません。同期ページでURLを入力してください。", "hub_url")
    token = tokens.get(token_account(ws))
    if not token:
        raise TokenRefusedError(
            "ハブのトークンが未入力です。都道府県から発行されたトークンを入力してください。"
        )
    return HubClient(
        hub.url,
        token,
        ca_bundle=hub.ca_bundle,
        allowed_http_hosts=hub.allowed_http_hosts,
        transport=transport,
        wait=wait,
        progress=progress,
    )


def test_connection(
    ws: Workspace,
    tokens: TokenStore = TOKENS,
    *,
    transport: httpx.BaseTransport | None = None,
    wait: Callable[[float], None] | None = None,
) -> HubStatus:
    """接続テスト: who the hub says this token is."""
    try:
        with _client(ws, NO_PROGRESS, tokens, transport, wait) as client:
            return client.status()
    except TokenRefusedError:
        forget_token(ws, tokens)
        raise


def run(
    ws: Workspace,
    progress: Progress = NO_PROGRESS,
    tokens: TokenStore = TOKENS,
    *,
    transport: httpx.BaseTransport | None = None,
    wait: Callable[[float], None] | None = None,
    page_limit: int | None = None,
) -> SyncReport:
    """One sync, recorded in the history whatever happens; a refused token is forgotten."""
    started = ws.now()
    report: SyncReport | None = None
    engine: SyncEngine | None = None
    outcome, message = "error", ""
    try:
        with _client(ws, progress, tokens, transport, wait) as client:
            engine = SyncEngine(
                ws.store,
                client,
                ws.owner_code,
                backup=lambda reason: ws.store.backups.create(reason),
                progress=progress,
                **({"page_limit": page_limit} if page_limit else {}),
            )
            report = engine.run()
            _exchange_keys(ws, client)
            outcome = report.outcome
            notes = []
            if report.recovered:
                notes.append(
                    f"ハブがバックアップから復元されたため、失われた記録{report.recovered}件を送り直しました。"
                )
            if report.repaired:
                notes.append(
                    f"ハブとの照合で差異が見つかったため、自動で修復しました（{', '.join(report.repaired)}）。"
                )
            message = "".join(notes)
            return report
    except TokenRefusedError as err:
        forget_token(ws, tokens)
        outcome, message = err.outcome, str(err)
        raise
    except SyncError as err:
        outcome, message = err.outcome, str(err)
        raise
    except Cancelled:
        outcome, message = "cancelled", "同期を中止しました。"
        raise
    except DomainError as err:
        message = str(err)
        raise
    finally:
        with ws.store.write() as s:  # one write per sync, whatever happened
            row = SyncRun(started_at=started, finished_at=ws.now(), outcome=outcome, message=message)
            s.add(row)
            partial = report or (engine.report if engine is not None else None)
            if partial is not None:  # what got through before a failure counts too: pages are kept
                row.pushed, row.pulled = partial.pushed, partial.pulled
            if report is not None:
                row.conflicts = report.open_conflicts
                row.repaired = ",".join(report.repaired)
        log.info("sync finished: %s %s", outcome, message)


# -- status and history ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the 同期 page say."""

    configured: bool
    pending: int
    conflicts: int
    last: SyncRun | None  # the last finished sync
    last_success: SyncRun | None


def status(ws: Workspace) -> SyncStatus:
    with ws.store.read() as s:
        finished = select(SyncRun).where(SyncRun.finished_at.is_not(None)).order_by(SyncRun.seq.desc())
        last = s.scalars(finished.limit(1)).first()
        ok = s.scalars(finished.where(SyncRun.outcome.in_(("synced", "conflicts"))).limit(1)).first()
        conflicts = count_open_conflicts(s)
    return SyncStatus(hub_settings(ws).configured, pending_changes(ws), conflicts, last, ok)


def history(ws: Workspace, limit: int = HISTORY) -> list[SyncRun]:
    with ws.store.read() as s:
        return list(s.scalars(select(SyncRun).order_by(SyncRun.seq.desc()).limit(limit)))


# -- conflicts ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictItem:
    """One conflict as a person sees it: which record, which field, mine and theirs."""

    id: str
    kind: str
    record_id: str
    kind_label: str
    record_title: str
    field: str
    field_label: str
    mine: Any
    theirs: Any
    base: Any
    edit_vs_delete: bool
    mine_record: dict[str, Any]  # every field of this PC's copy (for an edit-vs-delete)


def _title(row: Any) -> str:
    for key in ("title", "name", "item_key", "business_key", "code"):
        value = getattr(row, key, None)
        if value:
            return str(value)
    return row.id[:8]


def conflicts(ws: Workspace) -> list[ConflictItem]:
    out = []
    with ws.store.read() as s:
        for c in s.scalars(select(Conflict).order_by(Conflict.detected_at, Conflict.field)):
            cls = ENTITY_BY_KIND.get(c.kind)
            row = s.get(cls, c.record_id) if cls is not None else None
            out.append(
                ConflictItem(
                    id=c.id,
                    kind=c.kind,
                    record_id=c.record_id,
                    kind_label=RECORD_KINDS.get(c.kind, c.kind),
                    record_title=_title(row) if row is not None else c.record_id[:8],
                    field=c.field,
                    field_label=label(c.kind, c.field),
                    mine=c.mine,
                    theirs=c.theirs,
                    base=c.base,
                    edit_vs_delete=c.edit_vs_delete,
                    mine_record=row.data() if row is not None else {},
                )
            )
    return out


def resolve(ws: Workspace, conflict_id: str, keep: str, value: Any = None) -> None:
    """Keep mine, theirs, or an edited value; the answer goes to the hub with the next sync."""
    with ws.store.write() as s:
        resolving.resolve(s, conflict_id, keep, value, actor=ws.actor, now=ws.now())  # type: ignore[arg-type]
