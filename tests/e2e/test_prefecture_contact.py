"""The prefecture's 市町村一覧 shows when each town's data last arrived by sync (issue 8, 最終連絡)."""

from desktop.content import load_catalog
from desktop.services import steps
from desktop.services.prefecture import towns
from tests.e2e.conftest import SABAE

FUKUI_PREF, FUKUI_PREF_NAME = "180009", "福井県"


def test_a_towns_records_arriving_by_sync_set_its_last_contact_at_the_prefecture(make_pc):
    town = make_pc("town")
    steps.set_check(town.ws, load_catalog().step(0).checkpoints[0].key, status="done")
    town.sync()
    prefecture = make_pc("pref", FUKUI_PREF, FUKUI_PREF_NAME)
    prefecture.sync()
    rows = {row.code: row for row in towns.overview(prefecture.ws)}
    assert rows[SABAE].contact_channel == "sync"
    assert rows[SABAE].last_contact is not None
