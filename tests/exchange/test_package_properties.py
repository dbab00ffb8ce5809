"""Property: whatever needs a town holds, a package carries them to the prefecture exactly (field by field)."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.models import NeedsRequest
from desktop.models.vocab import ENGAGEMENT, NEEDS_CATEGORY, PRIORITY
from desktop.services import needs, packages
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store
from desktop.sync.wire import row_fields
from tests.conftest import NOW, FrozenClock
from tests.exchange.conftest import TOWN_CODE, fingerprint_of, register_prefecture

# Text a person could type in a form: any letters, marks and punctuation, no control characters.
text = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=60)
need = st.fixed_dictionaries(
    {
        "title": text.filter(lambda t: t.strip()).map(lambda t: t[:200]),
        "category": st.sampled_from(sorted(NEEDS_CATEGORY)),
        "engagement": st.sampled_from(sorted(ENGAGEMENT)),
        "priority": st.sampled_from(sorted(PRIORITY)),
        "days_per_month": st.none() | st.floats(0, 31, allow_nan=False).map(lambda d: round(d, 2)),
        "purpose": text,
        "detail": text,
    }
)


def stored(ws: Workspace) -> dict[str, dict]:
    with ws.store.read() as s:
        rows = s.scalars(select(NeedsRequest).where(NeedsRequest.owner_code == TOWN_CODE))
        return {r.id: {**row_fields(r), "deleted": r.deleted} for r in rows}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(need, min_size=0, max_size=6), st.sets(st.integers(0, 5), max_size=3))
def test_needs_arrive_at_the_prefecture_exactly_as_the_town_holds_them(wanted, deleted):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        clock = FrozenClock(NOW)
        with (
            Store.open(root / "town", clock=clock, auto_backup=False) as town_store,
            Store.open(root / "pref", clock=clock, auto_backup=False) as pref_store,
        ):
            init_municipality(town_store, TOWN_CODE, "鯖江市")
            register_prefecture(pref_store)
            town, pref = Workspace(town_store), Workspace(pref_store)
            made = [needs.create(town, **fields) for fields in wanted]
            for index in deleted:
                if index < len(made):
                    needs.delete(town, made[index].id)
            out = root / "needs.dxpkg"
            packages.export_package(town, "needs", out, with_documents=False)

            packages.apply_package(pref, out, approve_key=fingerprint_of(town))

            theirs = {rid: {k: v for k, v in f.items() if k not in NeedsRequest.RESPONSE_FIELDS}
                      for rid, f in stored(town).items()}  # fmt: skip
            ours = {rid: {k: v for k, v in f.items() if k not in NeedsRequest.RESPONSE_FIELDS}
                    for rid, f in stored(pref).items()}  # fmt: skip
            assert ours == theirs
