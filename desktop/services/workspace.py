"""Workspace: what every service call needs — the open store and who is acting."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from desktop.models import Municipality
from desktop.models.clock import local_date
from desktop.models.errors import DomainError
from desktop.store import Store


class NoMunicipalityError(DomainError):
    """The store has no municipality yet (first run not finished)."""


@dataclass
class Workspace:
    """An open store plus the acting user; services take it as their first argument."""

    store: Store
    actor: str = "local"
    _owner_code: str | None = field(default=None, repr=False)

    @property
    def owner_code(self) -> str:
        """団体コード of this store's municipality."""
        if self._owner_code is None:
            with self.store.read() as s:
                code = s.scalar(select(Municipality.code).where(Municipality.deleted.is_(False)))
            if code is None:
                raise NoMunicipalityError(
                    "団体がまだ登録されていません。団体コードと団体名を登録してください。"
                )
            self._owner_code = code
        return self._owner_code

    def now(self) -> datetime:
        """The current moment, from the store's clock (never the machine's directly)."""
        return self.store.clock()

    def today(self) -> date:
        """Today's date on this PC, from the store's clock."""
        return local_date(self.store.clock())

    def forget_owner(self) -> None:
        """Drop the cached code (after init or restore)."""
        self._owner_code = None
