"""Leaving the demo: keep the demo town in a backup, empty the store and register the user's own town.

The registration is checked before anything happens; the backup is taken next; the emptying and the new
municipality are one transaction, so a failure leaves the demo as it was. The file is then compacted, so
no page of the demo's data is left in the live store (it lives on in the backup only).
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete

from desktop.models import Base, Municipality
from desktop.models.errors import DomainError
from desktop.services.municipality import check_new, get_municipality, init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store

KEPT_TABLES = frozenset({"setting"})  # the user's settings (font size, language, hub address) stay


@dataclass(frozen=True)
class DemoLeft:
    """The town now registered, and the backup that holds the demo."""

    municipality: Municipality
    backup: Path


def leave_demo(store: Store, code: str, name: str) -> DemoLeft:
    """Replace the demo town by the user's town `code` `name`; DomainError (and no change) when not possible."""
    check_new(code, name)
    if not get_municipality(Workspace(store)).is_demo:
        raise DomainError("このデータはデモ団体のものではないため、この操作では消去できません。")
    backup = store.backups.create("demo")
    with store.write() as s:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in KEPT_TABLES:
                s.execute(delete(table))
        muni = init_municipality(store, code, name)
    store.db.compact()
    return DemoLeft(muni, backup)
