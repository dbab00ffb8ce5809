"""The hub token: kept in the OS keyring, never in SQLite, settings or logs (DESIGN.md §4, auth).

Without a usable keyring backend, or with one that does not answer within a few seconds (a locked wallet that
waits for a password prompt nobody sees), the token is kept in this process only and `session_only` says so.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "dxnavi-hub"
KEYRING_TIMEOUT = 3.0
T = TypeVar("T")


NO_ANSWER, UNUSABLE = "no answer", "unusable"


class KeyringUnavailable(Exception):
    """The keyring cannot be used now; `cause` is NO_ANSWER or UNUSABLE (the backend's error is logged)."""

    def __init__(self, cause: str):
        self.cause = cause
        super().__init__(
            "OSの資格情報ストアが応答しません" if cause == NO_ANSWER else "OSの資格情報ストアを使用できません"
        )


def _with_timeout(call: Callable[[], T], timeout: float) -> T:
    """Run a keyring call in a helper thread; give up (not wait) after `timeout` seconds."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as err:  # noqa: BLE001 - any backend failure means "not usable"
            box["error"] = err

    worker = threading.Thread(target=run, name="keyring", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise KeyringUnavailable(NO_ANSWER)
    if "error" in box:
        err = box["error"]
        if isinstance(err, KeyringError | RuntimeError | OSError):
            log.warning("keyring backend failed: %s", type(err).__name__)  # the name is for the log only
            raise KeyringUnavailable(UNUSABLE)
        raise err  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def account(hub_url: str, code: str) -> str:
    """The keyring account of one town's token at one hub."""
    return f"{code}@{hub_url.strip().rstrip('/')}"


class TokenStore:
    """Tokens by account: the keyring when it works, else this session's memory (and it says so)."""

    def __init__(self, timeout: float = KEYRING_TIMEOUT):
        self.timeout = timeout
        self._session: dict[str, str] = {}
        self.session_only = False
        self.reason = ""  # why the keyring is not used: KeyringUnavailable.cause

    def _fall_back(self, err: KeyringUnavailable) -> None:
        if not self.session_only:
            log.warning("keyring unusable, keeping the hub token for this session only: %s", err)
        self.session_only = True
        self.reason = err.cause

    def get(self, name: str) -> str | None:
        if name in self._session:
            return self._session[name]
        if self.session_only:
            return None
        try:
            return _with_timeout(lambda: keyring.get_password(SERVICE, name), self.timeout)
        except KeyringUnavailable as err:
            self._fall_back(err)
            return None

    def put(self, name: str, token: str) -> None:
        """Keep a token (in the keyring if it works; always for this session)."""
        self._session[name] = token
        if self.session_only:
            return
        try:
            _with_timeout(lambda: keyring.set_password(SERVICE, name, token), self.timeout)
        except KeyringUnavailable as err:
            self._fall_back(err)
            return

    def clear(self, name: str) -> None:
        """Forget a token everywhere (after the hub refused it)."""
        self._session.pop(name, None)
        if self.session_only:
            return
        try:
            _with_timeout(lambda: _delete(name), self.timeout)
        except KeyringUnavailable as err:
            self._fall_back(err)


def _delete(name: str) -> None:
    with contextlib.suppress(PasswordDeleteError):  # nothing stored is fine
        keyring.delete_password(SERVICE, name)
