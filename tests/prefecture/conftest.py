"""A prefecture's store (福井県) holding its towns' records as they arrive by sync or package."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update

from desktop.models import SYNCED_ENTITIES, Municipality, Plan
from desktop.models.catalog import record_contact
from desktop.services import needs, records, steps, structure
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace

PREF = "180009"
FUKUI, SABAE, EIHEIJI = "182010", "182079", "183229"
OTHER_PREF_TOWN = "172014"  # 石川県金沢市: not one of 福井県's towns


def arrive(store, code: str, name: str) -> Workspace:
    """A town's 団体 record as it arrives at the prefecture; returns a workspace writing that town's records."""
    town = Workspace.for_owner(store, code, actor=f"{name}の担当")
    with store.write() as s:
        s.add(Municipality(code=code, name=name, prefecture="福井県", owner_code=code, population=20000,
                           updated_at=store.clock()))  # fmt: skip
    return town


def settle(store) -> None:
    """Everything written so far counts as arrived (synced), not as the prefecture's own edits."""
    with store.write() as s:
        for cls in SYNCED_ENTITIES:
            s.execute(update(cls).values(dirty=False, version=1))


@pytest.fixture
def pref(store):
    """A prefecture workspace with three towns of its own and one town of another prefecture."""
    init_municipality(store, PREF, "福井県")
    fukui = arrive(store, FUKUI, "福井市")
    sabae = arrive(store, SABAE, "鯖江市")
    arrive(store, EIHEIJI, "永平寺町")
    stranger = arrive(store, OTHER_PREF_TOWN, "金沢市")
    # 福井市: CIO, HQ and an external adviser appointed, plan approved, all staff trained; a talent need.
    structure.add_role(fukui, "cio", person_name="福井 一郎", position="副市長")
    structure.add_role(fukui, "hq_chief", person_name="福井 太郎", position="市長")
    structure.add_role(fukui, "cio_adviser", person_name="外部 花子", position="民間", is_external=True)
    records.create(fukui, Plan, status="approved", approved_on=date(2025, 3, 20), title="福井市DX推進計画")
    steps.set_check(fukui, "s0.staff_training_yearly", status="done", done_on=date(2025, 6, 1))
    for cp in ("s0.top_seminar", "s0.what_is_dx"):
        steps.set_check(fukui, cp, status="done", done_on=date(2025, 5, 1))
    need = needs.create(
        fukui, "CIO補佐官の派遣", skill_role="producer", days_per_month=4, purpose="計画の推進"
    )
    needs.submit(fukui, need.id)
    # 鯖江市: a submitted engineer need not yet answered, and a draft the prefecture must not see.
    need = needs.create(sabae, "RPA導入の支援", skill_role="engineer", days_per_month=2, purpose="業務改善",
                        priority="high")  # fmt: skip
    needs.submit(sabae, need.id)
    needs.create(sabae, "作成中のニーズ", skill_role="engineer", purpose="下書き")
    need = needs.create(stranger, "他県の町のニーズ", skill_role="engineer", days_per_month=1, purpose="x")
    needs.submit(stranger, need.id)
    with store.write() as s:
        record_contact(s, FUKUI, "sync", datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
        record_contact(s, SABAE, "package", datetime(2026, 11, 2, 15, 30, tzinfo=UTC), "needs")
    settle(store)
    return Workspace(store, actor="県DX推進課")
