"""The hub token lives in the OS keyring, never in the store, settings or logs; without one it lives for the session."""

import logging
import threading

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from desktop.services import sync
from desktop.sync.credentials import TokenStore
from tests.sync.keyrings import MemoryKeyring

TOKEN = "abc123.s3cr3t-token-value"
HUB = "https://hub.pref.example.lg.jp"


class NoBackend(KeyringBackend):
    """What keyring reports on a PC with no usable store."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise NoKeyringError("no backend")

    def set_password(self, service, username, password):
        raise NoKeyringError("no backend")

    def delete_password(self, service, username):
        raise NoKeyringError("no backend")


class Hanging(NoBackend):
    """A locked wallet waiting for a password prompt nobody sees."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service, username):
        self.release.wait()

    def set_password(self, service, username, password):
        self.release.wait()


@pytest.fixture
def use_keyring():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_the_token_is_kept_in_the_keyring_and_nowhere_in_the_store_or_the_log(ws, use_keyring, caplog):
    ring = MemoryKeyring()
    use_keyring(ring)
    tokens = TokenStore()
    caplog.set_level(logging.DEBUG)
    sync.save_hub_settings(ws, HUB)
    assert sync.set_token(ws, TOKEN, tokens) is False
    assert list(ring.store.values()) == [TOKEN]
    assert TokenStore().get(f"{ws.owner_code}@{HUB}") == TOKEN  # a new session finds it
    ws.store.db.dispose()
    for path in ws.store.data_dir.rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path
    assert TOKEN not in caplog.text


def test_without_a_usable_keyring_the_token_lasts_for_the_session_and_the_page_says_so(ws, use_keyring):
    use_keyring(NoBackend())
    tokens = TokenStore()
    sync.save_hub_settings(ws, HUB)
    assert sync.set_token(ws, TOKEN, tokens) is True
    assert sync.has_token(ws, tokens)
    notice = sync.token_notice(tokens)
    assert "この起動中だけ" in notice and "資格情報ストアを使用できません" in notice
    assert "NoKeyringError" not in notice  # no exception names in the Japanese UI


def test_a_keyring_that_does_not_answer_is_given_up_on_instead_of_waited_for(ws, use_keyring):
    hanging = Hanging()
    use_keyring(hanging)
    tokens = TokenStore(timeout=0.05)  # the app waits 3 s; the test need not
    try:
        sync.save_hub_settings(ws, HUB)
        assert sync.set_token(ws, TOKEN, tokens) is True
        assert tokens.session_only and "応答しません" in sync.token_notice(tokens)
        assert sync.has_token(ws, tokens)
    finally:
        hanging.release.set()


def test_a_forgotten_token_is_gone_from_the_keyring(ws, use_keyring):
    ring = MemoryKeyring()
    use_keyring(ring)
    tokens = TokenStore()
    sync.save_hub_settings(ws, HUB)
    sync.set_token(ws, TOKEN, tokens)
    sync.forget_token(ws, tokens)
    assert ring.store == {} and not sync.has_token(ws, tokens)
