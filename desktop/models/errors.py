"""Domain errors carry a message ready to show the user (Japanese first)."""


class DomainError(Exception):
    """Base of every error the user may see; `str(err)` is the message."""


class ValidationError(DomainError):
    """Input that breaks a domain rule; nothing was changed."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFoundError(DomainError):
    """A record the caller named does not exist (or was deleted)."""


class Cancelled(DomainError):
    """The user cancelled a long task; nothing was written."""

    def __init__(self, message: str = "キャンセルしました。"):
        super().__init__(message)
