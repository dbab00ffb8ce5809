"""Workspace: what every service call needs — the open store and who is acting."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from desktop.models import Municipality
from desktop.models.clock import local_date
from desktop.models.errors import DomainError
from desktop.models.municipal_code import is_prefecture
from desktop.store import Store


class NoMunicipalityError(DomainError):
    """The store has no municipality yet (first run not finished)."""


@dataclass
class Workspace:
    """An open store plus the acting user; services take it as their first argument."""

    store: Store
    actor: str = "local"
    _owner_code: str | None = field(default=None, repr=False)

    @classmethod
    def for_owner(cls, store: Store, code: str, actor: str = "local") -> "Workspace":
        """A workspace acting as the body `code` (the prefecture reading one town, a demo writing a town)."""
        return cls(store, actor, code)

    @property
    def owner_code(self) -> str:
        """団体コード of the body this store belongs to.

        A town's store holds one 団体 (its own). A prefecture's store also holds every town's 団体 record as it
        arrives by sync or package, so the body it belongs to is the prefecture (PP000c) among them.
        """
        if self._owner_code is None:
            is_pref = func.substr(Municipality.code, 3, 3) == "000"
            with self.store.read() as s:
                code = s.scalar(
                    select(Municipality.code)
                    .where(Municipality.deleted.is_(False))
                    .order_by(is_pref.desc(), Municipality.code)
                    .limit(1)
                )
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

    @property
    def is_prefecture(self) -> bool:
        """True when this store belongs to a prefecture (prefecture mode, DESIGN.md §4a)."""
        return is_prefecture(self.owner_code)

    def forget_owner(self) -> None:
        """Drop the cached code (after init or restore)."""
        self._owner_code = None
