"""Leaving the demo: keep the demo town in a backup, empty the store and register the user's own town.

The registration is checked before anything happens; the backup is taken next; the emptying and the new
municipality are one transaction, so a failure leaves the demo as it was. The file is then compacted, so
no page of the demo's data is left in the live store (it lives on in the backup only).

The user's own settings (text size, language, folders, window) stay. The hub connection does not: its address,
CA bundle, allowed http hosts, automatic sync, the sync state and the token in the OS keyring were the demo
town's (a token is issued for one 団体コード), so the new town starts unconnected and is set up afresh.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete

from desktop.models import Base, Municipality, Setting
from desktop.models.errors import DomainError
from desktop.services import settings, sync
from desktop.services.municipality import check_new, get_municipality, init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store
from desktop.sync.credentials import TokenStore

KEPT_TABLES = frozenset({"setting"})  # the user's settings stay, except the hub connection (HUB_KEYS)


@dataclass(frozen=True)
class DemoLeft:
    """The town now registered, and the backup that holds the demo."""

    municipality: Municipality
    backup: Path


def leave_demo(store: Store, code: str, name: str, tokens: TokenStore | None = None) -> DemoLeft:
    """Replace the demo town by the user's town `code` `name`; DomainError (and no change) when not possible.

    `tokens` holds the demo's hub token (the app's keyring by default); it is forgotten once the town is in.
    """
    check_new(code, name)
    demo = Workspace(store)
    if not get_municipality(demo).is_demo:
        raise DomainError("このデータはデモ団体のものではないため、この操作では消去できません。")
    demo_token = sync.token_account(demo)
    backup = store.backups.create("demo")
    with store.write() as s:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in KEPT_TABLES:
                s.execute(delete(table))
        s.execute(delete(Setting).where(Setting.key.in_(settings.HUB_KEYS)))
        muni = init_municipality(store, code, name)
    store.db.compact()
    (tokens or sync.TOKENS).clear(demo_token)
    return DemoLeft(muni, backup)
