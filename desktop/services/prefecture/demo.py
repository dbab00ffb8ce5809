"""デモ県（架空）: a fictional prefecture with 16 fictional towns at different stages, for prefecture mode.

The towns' records are written as if they had arrived by sync or package (owned by each town, already synced),
and the catalog as the prefecture's own. Texts and figures live in resources/demo/prefecture.toml. Dates are
relative to `today`. A town's demo store gets the same catalog (`add_catalog_for_town`), so the town's side of
the catalog can be tried too.
"""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import update

from desktop.content import load_catalog
from desktop.content.prefecture_demo import load_prefecture_demo
from desktop.models import (
    SYNCED_ENTITIES,
    Announcement,
    AwarenessActivity,
    ChecklistState,
    GoodPractice,
    JointProcurementIntent,
    JointProcurementOffer,
    Municipality,
    NeedsRequest,
    OrgRole,
    Plan,
    StandardizationSystem,
    TalentPoolEntry,
)
from desktop.models.catalog import intent_id, record_contact
from desktop.models.clock import local_date
from desktop.models.municipal_code import check_digit
from desktop.models.wareki import fiscal_year_of, fiscal_year_start
from desktop.services import records
from desktop.services.municipality import AlreadyRegisteredError, has_municipality, init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store

ACTOR = "デモデータ"
# Share of a step's checkpoints done in the step a town is working on.
WORKING_SHARE = 0.4
PERSON_NAMES = ("青空 一郎", "川辺 花子", "森山 次郎", "野原 三郎", "星野 美咲", "風間 健")


def _code(body: str) -> str:
    return body + str(check_digit(body))


def _months(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 + months
    return date(index // 12, index % 12 + 1, min(today.day, 28))


def create_prefecture_demo(store: Store, today: date | None = None) -> Municipality:
    """Fill an empty store with the demo prefecture and its towns; refuses a store already registered."""
    if has_municipality(store):
        raise AlreadyRegisteredError(
            "このデータには既に団体が登録されているため、デモデータを作成できません。"
            "デモを試すときは、新しい（空の）データフォルダを指定してください。"
        )
    today = today or local_date(store.clock())
    demo = load_prefecture_demo()
    pref = init_municipality(store, _code(demo["prefecture"]["code_body"]), demo["prefecture"]["name"],
                             actor=ACTOR, is_demo=True)  # fmt: skip
    ws = Workspace(store, actor=ACTOR)
    offers = _catalog(ws, demo, today)
    with store.write() as s:
        for town in demo["town"]:
            code = _code(town["code_body"])
            s.add_all(_town_records(code, town, pref.name, today, store.clock()))
            needs = [n for n in demo["need"] if n["town"] == town["code_body"]]
            s.add_all(_needs(code, needs, today, store.clock()))
            for offer_key, offer_id in offers.items():
                intent = demo_intent(demo, offer_key, town["code_body"])
                if intent:
                    # Towns joining or considering say when their current contract ends and when they budget it.
                    fy = fiscal_year_of(today) + 1 + int(town["code_body"]) % 2
                    dated = intent != "decline"
                    s.add(JointProcurementIntent(id=intent_id(code, offer_id), owner_code=code, offer_id=offer_id,
                                                 intent=intent, updated_by=ACTOR, updated_at=store.clock(),
                                                 contract_end=date(fy + 1, 3, 31) if dated else None,
                                                 budget_fy=fy if dated else None))  # fmt: skip
            if town["contact_days"] >= 0:
                at = datetime.combine(today - timedelta(days=town["contact_days"]), time(9, 30), tzinfo=UTC)
                record_contact(s, code, town["channel"], at)
        for cls in SYNCED_ENTITIES:  # everything counts as sent and received
            s.execute(update(cls).values(dirty=False, version=1))
    return pref


def demo_intent(demo: dict[str, Any], offer_title: str, code_body: str) -> str:
    """The 参加意向 a demo town states on an offer ("" when it has not answered)."""
    offer = next(o for o in demo["offer"] if o["title"] == offer_title)
    return offer.get("intents", {}).get(code_body, "")


def _catalog(ws: Workspace, demo: dict[str, Any], today: date) -> dict[str, str]:
    """The prefecture's catalog; returns offer title → id."""
    for entry in demo["pool"]:
        start = fiscal_year_start(fiscal_year_of(today))
        records.create(
            ws, TalentPoolEntry, available_from=start, available_until=date(start.year + 1, 3, 31), **entry
        )
    for practice in demo["practice"]:
        fields = {k: v for k, v in practice.items() if k != "months_ago"}
        records.create(ws, GoodPractice, published_on=_months(today, -practice["months_ago"]), **fields)
    offers = {}
    for offer in demo["offer"]:
        fields = {k: v for k, v in offer.items() if k not in ("deadline_months", "start_months", "intents")}
        created = records.create(
            ws,
            JointProcurementOffer,
            survey_deadline=_months(today, offer["deadline_months"]),
            planned_start=_months(today, offer["start_months"]).replace(day=1),
            **fields,
        )
        offers[offer["title"]] = created.id
    for note in demo["announcement"]:
        records.create(ws, Announcement, title=note["title"], body=note["body"],
                       published_on=today - timedelta(days=note["days_ago"]))  # fmt: skip
    return offers


def _town_records(code: str, town: dict[str, Any], pref_name: str, today: date, now: datetime) -> list[Any]:
    catalog = load_catalog()
    stamp = {"owner_code": code, "updated_by": ACTOR, "updated_at": now}
    out: list[Any] = [
        Municipality(
            code=code,
            name=town["name"],
            prefecture=pref_name[:10],
            population=town["population"],
            staff_count=town["staff_count"],
            is_demo=True,
            **stamp,
        )  # fmt: skip
    ]
    trainings = set(town["trainings"])
    forced = {"s0.staff_training_yearly": "staff_training" in trainings,
              "s2.staff_development": "leader_training" in trainings}  # fmt: skip
    for step in catalog.steps:
        keys = [c.key for c in step.checkpoints]
        if step.number < town["stage"]:
            done = len(keys)
        elif step.number == town["stage"]:
            done = round(len(keys) * WORKING_SHARE)
        else:
            done = 0
        for i, key in enumerate(keys):
            status = "done" if i < done else "doing" if i == done else ""
            if key in forced:  # the training indicators follow the town's trainings, whatever its stage
                status = "done" if forced[key] else ""
            if status:
                on = today - timedelta(days=30 * (len(keys) - i)) if status == "done" else None
                out.append(ChecklistState(item_key=key, status=status, done_on=on, **stamp))
    titles = {r.key: r.title for r in catalog.org_roles}
    for i, key in enumerate(town["roles"]):
        external = key in town["external"]
        seat = town["roles"][:i].count(key) + 1
        out.append(OrgRole(role_key=key, seat=seat, title=titles[key], person_name=PERSON_NAMES[i % len(PERSON_NAMES)],
                           position="民間出身" if external else "", is_external=external, sort_order=i, **stamp))  # fmt: skip
    if town["plan"]:
        fy = fiscal_year_of(today)
        approved = town["plan"] == "approved"
        out.append(Plan(title=f"{town['name'].removesuffix('（架空）')}DX推進計画", status=town["plan"],
                        start_fy=fy - 1, end_fy=fy + 1,
                        approved_on=_months(today, -8) if approved else None, **stamp))  # fmt: skip
    for kind in sorted(trainings):
        out.append(AwarenessActivity(activity_kind=kind, title="DX研修", held_on=_months(today, -3), **stamp))
    go_live = catalog.phases[-1].key
    middle = [p.key for p in catalog.phases[3:-1]]
    for i, business in enumerate(catalog.businesses):
        if i < town["live"]:
            phase = go_live
        elif i < town["live"] + 4 and town["stage"] > 0:
            phase = middle[(i * 3) % len(middle)]
        else:
            phase = ""
        out.append(StandardizationSystem(business_key=business.key, phase_key=phase,
                                         specific_support=phase not in ("", go_live) and i % 7 == 0, **stamp))  # fmt: skip
    return out


def _needs(code: str, needs: list[dict[str, Any]], today: date, now: datetime) -> list[NeedsRequest]:
    fy = fiscal_year_of(today) + 1
    out = []
    for need in needs:
        fields = {k: v for k, v in need.items() if k != "town"}
        if fields.get("response_status"):
            fields["responded_at"] = datetime.combine(today - timedelta(days=5), time(14, 0), tzinfo=UTC)
        out.append(
            NeedsRequest(
                owner_code=code,
                updated_by=ACTOR,
                updated_at=now,
                status="submitted",
                period_start=fiscal_year_start(fy),
                period_end=date(fy + 1, 3, 31),
                **fields,
            )  # fmt: skip
        )
    return out


def add_catalog_for_town(store: Store, today: date | None = None) -> None:
    """Give a town's demo store its prefecture's catalog, as if it had arrived by sync."""
    today = today or local_date(store.clock())
    demo = load_prefecture_demo()
    town = Workspace(store, actor=ACTOR)
    pref = Workspace.for_owner(store, _code(demo["prefecture"]["code_body"]), actor=ACTOR)
    if pref.owner_code[:2] != town.owner_code[:2]:
        return  # a town of another prefecture has no share in this catalog
    _catalog(pref, demo, today)
    with store.write() as s:
        for cls in (TalentPoolEntry, GoodPractice, JointProcurementOffer, Announcement):
            s.execute(update(cls).values(dirty=False, version=1))
