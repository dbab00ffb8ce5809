"""Keyring backends for tests (installed with keyring.set_keyring; the real OS keyring is never touched)."""

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """An OS keyring that lives in this process (tests never touch the real one)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)
