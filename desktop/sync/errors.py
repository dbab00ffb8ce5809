"""Why a sync could not finish, each with a Japanese message fit to show (and a CLI exit code)."""

from desktop.models.errors import DomainError


class SyncError(DomainError):
    """A sync that stopped; the message says why and what to do."""

    exit_code = 1
    outcome = "error"


class HubUnreachableError(SyncError):
    """The hub did not answer (no network, wrong address, the hub is down)."""

    exit_code = 3
    outcome = "unreachable"


class TokenRefusedError(SyncError):
    """The hub refused the token (wrong, revoked or missing): it is forgotten and asked for again."""

    exit_code = 4
    outcome = "refused"
