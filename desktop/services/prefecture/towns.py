"""市町村一覧: every town of the prefecture with its step progress, 20業務, last contact and indicators.

The prefecture's store holds the records of all its towns (by sync or package). Everything here is read with one
grouped query per table, never one query per town, so a prefecture of 200 towns opens as fast as one of 15.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop.content import load_catalog
from desktop.models import (
    AwarenessActivity,
    ChecklistState,
    Municipality,
    NeedsRequest,
    OrgRole,
    Plan,
    StandardizationSystem,
    TownContact,
)
from desktop.models.errors import ValidationError
from desktop.models.municipal_code import is_prefecture, prefecture_code
from desktop.services.prefecture.indicators import INDICATORS, PLAN_IN_FORCE, Indicator, TownFacts, derive
from desktop.services.workspace import Workspace

INDICATOR_CHECKS = ("s1.policy_adopted", "s2.cio_appointed", "s2.cio_adviser", "s2.organisation_wide",
                    "s2.staff_development", "s0.staff_training_yearly")  # fmt: skip


@dataclass(frozen=True)
class TownRow:
    """One town in the 市町村一覧."""

    code: str
    name: str
    population: int | None
    step_ratios: tuple[float, ...]  # steps 0–3, share of applicable checkpoints done
    live: int  # 20業務 in 本稼働
    not_started: int
    specific_support: int
    businesses: int
    last_contact: datetime | None
    contact_channel: str
    open_needs: int  # submitted needs without a response yet
    indicators: tuple[Indicator, ...]

    @property
    def current_step(self) -> int:
        """The first step not yet done (4 when every step is done): where the town is working."""
        for number, ratio in enumerate(self.step_ratios):
            if ratio < 1.0:
                return number
        return len(self.step_ratios)


@dataclass(frozen=True)
class Summary:
    """The prefecture-wide row: averages and the rate of each indicator."""

    towns: int
    step_ratios: tuple[float, ...]
    live: int
    businesses: int
    open_needs: int
    rates: tuple[tuple[str, int, float], ...]  # label, yes count, share (0–1)


def require_prefecture(ws: Workspace) -> str:
    """The prefecture's code, or a Japanese refusal when this store belongs to a town."""
    if not is_prefecture(ws.owner_code):
        raise ValidationError("この操作は都道府県モード（都道府県として登録したデータ）でのみ使えます。")
    return ws.owner_code


def _towns(s: Session, pref: str) -> list[Municipality]:
    rows = s.scalars(
        select(Municipality)
        .where(Municipality.deleted.is_(False), Municipality.code != pref)
        .order_by(Municipality.code)
    )
    return [m for m in rows if prefecture_code(m.code) == pref]


def _live(cls, owners: list[str]):
    return (
        and_(cls.deleted.is_(False), cls.owner_code.in_(owners))
        if len(owners) < 500
        else cls.deleted.is_(False)
    )


def overview(ws: Workspace) -> list[TownRow]:
    """Every town of this prefecture, by 団体コード."""
    pref = require_prefecture(ws)
    catalog = load_catalog()
    go_live = catalog.phases[-1].key
    step_keys = [(step.number, [c.key for c in step.checkpoints]) for step in catalog.steps]
    with ws.store.read() as s:
        towns = _towns(s, pref)
        codes = [t.code for t in towns]
        facts: dict[str, TownFacts] = defaultdict(TownFacts)
        checks: dict[str, dict[str, str]] = defaultdict(dict)
        for owner, key, status in s.execute(
            select(ChecklistState.owner_code, ChecklistState.item_key, ChecklistState.status).where(
                _live(ChecklistState, codes)
            )
        ):
            checks[owner][key] = status
        phases: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for owner, phase, specific in s.execute(
            select(
                StandardizationSystem.owner_code,
                StandardizationSystem.phase_key,
                StandardizationSystem.specific_support,
            ).where(_live(StandardizationSystem, codes))
        ):
            phases[owner].append((phase, specific))
        for owner, key, title, position, external in s.execute(
            select(
                OrgRole.owner_code, OrgRole.role_key, OrgRole.title, OrgRole.position, OrgRole.is_external
            ).where(_live(OrgRole, codes), OrgRole.person_name != "")
        ):
            facts[owner].roles.append((key, title, position, external))
        for owner, status, title, approved in s.execute(
            select(Plan.owner_code, Plan.status, Plan.title, Plan.approved_on).where(_live(Plan, codes))
        ):
            f = facts[owner]
            if f.plan_status not in PLAN_IN_FORCE:  # a plan in force counts over a draft one
                f.plan_status, f.plan_title, f.plan_approved_on = status, title, approved
        for owner, kind, held in s.execute(
            select(
                AwarenessActivity.owner_code,
                AwarenessActivity.activity_kind,
                func.max(AwarenessActivity.held_on),
            )
            .where(
                _live(AwarenessActivity, codes),
                AwarenessActivity.activity_kind.in_(("staff_training", "leader_training")),
            )
            .group_by(AwarenessActivity.owner_code, AwarenessActivity.activity_kind)
        ):
            facts[owner].activities[kind] = held
        open_needs: dict[str, int] = defaultdict(int)
        for owner, category, response, count in s.execute(
            select(NeedsRequest.owner_code, NeedsRequest.category, NeedsRequest.response_status, func.count())
            .where(_live(NeedsRequest, codes), NeedsRequest.status != "draft")
            .group_by(NeedsRequest.owner_code, NeedsRequest.category, NeedsRequest.response_status)
        ):
            if response == "":
                open_needs[owner] += count
            if category == "talent" and response == "matched":
                facts[owner].matched_talent_needs += count
        contacts = {c.code: c for c in s.scalars(select(TownContact))}
    out = []
    for town in towns:
        town_checks = checks.get(town.code, {})
        facts[town.code].checks = {k: v for k, v in town_checks.items() if k in INDICATOR_CHECKS}
        ratios = []
        for _number, keys in step_keys:
            statuses = [town_checks.get(k, "todo") for k in keys]
            applicable = [x for x in statuses if x != "na"]
            ratios.append(sum(x == "done" for x in applicable) / len(applicable) if applicable else 1.0)
        rows = phases.get(town.code, [])
        contact = contacts.get(town.code)
        out.append(
            TownRow(
                code=town.code,
                name=town.name,
                population=town.population,
                step_ratios=tuple(ratios),
                live=sum(1 for phase, _s in rows if phase == go_live),
                not_started=len(catalog.businesses) - sum(1 for phase, _s in rows if phase),
                specific_support=sum(1 for _p, specific in rows if specific),
                businesses=len(catalog.businesses),
                last_contact=contact.at if contact else None,
                contact_channel=contact.channel if contact else "",
                open_needs=open_needs.get(town.code, 0),
                indicators=tuple(derive(facts[town.code])),
            )
        )
    return out


def summarise(rows: list[TownRow]) -> Summary:
    """The prefecture-wide summary row over `rows` (what the list shows after filtering)."""
    n = len(rows)
    steps = len(rows[0].step_ratios) if rows else len(load_catalog().steps)
    rates = []
    for i, (_key, label) in enumerate(INDICATORS):
        yes = sum(1 for r in rows if r.indicators[i].value)
        rates.append((label, yes, yes / n if n else 0.0))
    return Summary(
        towns=n,
        step_ratios=tuple(sum(r.step_ratios[i] for r in rows) / n if n else 0.0 for i in range(steps)),
        live=sum(r.live for r in rows),
        businesses=sum(r.businesses for r in rows),
        open_needs=sum(r.open_needs for r in rows),
        rates=tuple(rates),
    )


def town_name(ws: Workspace, code: str) -> str:
    """The name of a town of this prefecture (its code when its 団体 record has not arrived)."""
    with ws.store.read() as s:
        return (
            s.scalar(
                select(Municipality.name).where(Municipality.code == code, Municipality.deleted.is_(False))
            )
            or code
        )


def town_names(ws: Workspace) -> dict[str, str]:
    """団体コード → name of every town of this prefecture."""
    pref = require_prefecture(ws)
    with ws.store.read() as s:
        return {t.code: t.name for t in _towns(s, pref)}
