"""デモ町（架空）: a small fictional town with data in every part of the app, for trying DX Navi out.

Everything goes through `records` and the domain services, so the demo passes the same validation as user
input. Dates are relative to `today`: the plan period runs from the previous 年度 to the next, activities and
reviews lie in the past, and the 20-業務 tracker shows each 業務 at the phase its planned go-live implies.
The texts and figures live in resources/demo/*.toml (desktop.content.demo reads them); this module only turns
their relative dates into real ones and stores the records.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from desktop.content import load_catalog
from desktop.content.demo import DemoContent, load_demo
from desktop.models import (
    AwarenessActivity,
    ChecklistState,
    Initiative,
    JobDescription,
    Kpi,
    KpiValue,
    Municipality,
    NeedsRequest,
    PdcaReview,
    Plan,
    PlanPriority,
    ProcurementParticipant,
    ProcurementRequirement,
    ProcurementSpec,
    StandardizationSystem,
    TalentGap,
)
from desktop.models.clock import local_date
from desktop.models.municipal_code import check_digit
from desktop.models.wareki import (
    fiscal_year_end,
    fiscal_year_label,
    fiscal_year_of,
    fiscal_year_start,
    wareki_date,
    wareki_year_month,
)
from desktop.services import plan as plan_service
from desktop.services import procurement, records, standardization, structure
from desktop.services.municipality import AlreadyRegisteredError, has_municipality, init_municipality
from desktop.services.workspace import Workspace
from desktop.store import Store

ACTOR = "デモデータ"
# 福井県 (18), 町村 range, a number no body holds today: real-format and valid, but clearly not a real town.
DEMO_CODE_BODY = "18361"
# Months before go-live at which a 業務 enters each phase after the first (計画立案 … 本稼働).
_PHASE_MONTHS = (28, 22, 18, 15, 12, 10, 8, 5, 3, 1, 0)


def demo_code() -> str:
    """団体コード of the demo town (check digit per 総務省 spec)."""
    return DEMO_CODE_BODY + str(check_digit(DEMO_CODE_BODY))


@dataclass(frozen=True)
class _Calendar:
    """Dates relative to today's 年度 (offset 0 = this 年度, -1 = the previous one)."""

    today: date

    @property
    def fy(self) -> int:
        return fiscal_year_of(self.today)

    def on(self, offset: int, month: int, day: int) -> date:
        """A day of the 年度 fy+offset (January–March fall in the next calendar year)."""
        year = self.fy + offset + (0 if month >= 4 else 1)
        return date(year, month, day)

    def label(self, offset: int) -> str:
        return fiscal_year_label(self.fy + offset)

    def months_from_today(self, months: int, day: int = 1) -> date:
        index = self.today.year * 12 + self.today.month - 1 + months
        return date(index // 12, index % 12 + 1, day)


def create_demo(store: Store, today: date | None = None) -> Municipality:
    """Fill an empty store with the demo town; refuses when a municipality is already registered.

    The whole town is one transaction: a demo killed half way leaves the store empty, ready to try again.
    """
    demo = load_demo()
    cal = _Calendar(today or local_date(store.clock()))
    town = {k: v for k, v in demo.town["town"].items() if k not in ("name", "short_name")}
    with store.write():
        if has_municipality(store):
            raise AlreadyRegisteredError(
                "このデータには既に団体が登録されているため、デモデータを作成できません。"
                "デモを試すときは、新しい（空の）データフォルダを指定してください。"
            )
        muni = init_municipality(
            store, demo_code(), demo.town["town"]["name"], actor=ACTOR, is_demo=True, **town
        )
        ws = Workspace(store, actor=ACTOR)
        _awareness(ws, cal, demo)
        _checklist(ws, cal, demo)
        _plan(ws, cal, demo)
        _structure(ws, cal, demo)
        _initiatives(ws, cal, demo)
        _standardization(ws, cal, demo)
        _needs(ws, cal, demo)
        _job_descriptions(ws, cal, demo)
        _procurement(ws, cal, muni, demo)
    store.daily_backup()
    return muni


# --- ステップ0 ---------------------------------------------------------------------------------------------


def _awareness(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    for row in demo.steps["activity"]:
        held = cal.on(*row["held_on"])
        if held > cal.today:
            continue
        fy_label = fiscal_year_label(fiscal_year_of(held))
        records.create(
            ws, AwarenessActivity, **{**row, "held_on": held, "title": row["title"].format(fy=fy_label)}
        )


def _checklist(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    known = {c.key for c in load_catalog().checkpoints()}
    for row in demo.steps["checkpoint"]:
        if row["key"] not in known:
            continue
        status = row["status"]
        done_on = cal.on(*row["done_on"]) if "done_on" in row else None
        if done_on is not None and done_on > cal.today:  # early in the 年度: not done yet
            status, done_on = "doing", None
        evidence = row.get("evidence", "")
        if evidence:
            evidence = f"{demo.steps['evidence_root']}\\{evidence.format(year=(done_on or cal.today).year)}"
        records.create(
            ws,
            ChecklistState,
            item_key=row["key"],
            status=status,
            done_on=done_on,
            assignee=row.get("assignee", ""),
            evidence=evidence,
            note=row.get("note", ""),
        )


# --- ステップ1 ---------------------------------------------------------------------------------------------


def _go_lives(demo: DemoContent) -> list[date]:
    return sorted(row["go_live"] for row in demo.standardization["system"])


def _deadline(key: str, default: date) -> date:
    return next((d.due for d in load_catalog().deadlines if d.key == key), default)


def _computed_years(years: list[int]) -> dict[str, list[str]]:
    """What 標準化 and eL-QR do per 年度, from the national dates, so that they read right whatever today is."""
    target_fy = fiscal_year_of(_deadline("standard_migration", date(2026, 3, 31)))
    el_qr = _deadline("el_qr_non_tax", date(2026, 9, 30))
    std, elq = [], []
    for y in years:
        label = fiscal_year_label(y)
        if y < target_fy:
            std.append("Fit&Gap分析、移行計画の更新、帳票・業務フローの見直し")
        elif y == target_fy:
            std.append(f"標準準拠システムへの移行（目標時期：{label}末）、条例・規則等の改正")
        else:
            std.append("特定移行支援システムの移行作業、移行後の運用経費の把握と最適化")
        if y < fiscal_year_of(el_qr):
            elq.append("対象公金の選定、財務会計システムの改修に係る予算要求")
        elif y == fiscal_year_of(el_qr):
            elq.append(
                f"財務会計システムの改修、税以外の公金のeL-QR収納の開始（{wareki_year_month(el_qr)}〜）"
            )
        else:
            elq.append("対象公金の拡大、納付状況の分析と住民への周知")
    return {"standardization": std, "eltax": elq}


def _plan(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    years = [cal.fy - 1, cal.fy, cal.fy + 1]
    labels = {f"y{i}": fiscal_year_label(y) for i, y in enumerate(years)}
    texts = {k: v.format(**labels) if isinstance(v, str) else v for k, v in demo.plan["plan"].items()}
    texts["adopted_on"] = cal.on(*texts["adopted_on"])
    plan = records.create(ws, Plan, **texts, start_fy=years[0], end_fy=years[-1])
    computed = _computed_years(years)
    catalog = load_catalog()
    priority_ids = {}
    for order, row in enumerate(demo.plan["priority"], start=1):
        key = row["catalog_key"]
        fields = {k: v.format(**labels) for k, v in row.items() if k != "years"}
        fields["title"] = catalog.priority(key).title if key else row["title"]
        created = records.create(
            ws, PlanPriority, **fields, plan_id=plan.id, sort_order=order, start_fy=years[0], end_fy=years[-1]
        )
        for fy, activity in zip(years, computed.get(key) or row["years"], strict=True):
            plan_service.set_priority_year(ws, created.id, fy, activity.format(**labels))
        priority_ids[key] = created.id
    _kpis(ws, cal, demo, plan.id, years, priority_ids)


def _standardization_kpi(
    cal: _Calendar, demo: DemoContent, years: list[int]
) -> tuple[float, list[float], list[float | None]]:
    """Baseline, targets and actuals of 標準準拠システム移行済み業務数, counted from the tracker's own dates."""
    go_lives = _go_lives(demo)

    def live_by(day: date) -> float:
        return float(sum(1 for g in go_lives if g <= day))

    baseline = live_by(min(fiscal_year_end(years[0] - 1), cal.today))
    targets = [live_by(fiscal_year_end(y)) for y in years]
    actuals = [live_by(min(fiscal_year_end(y), cal.today)) if y <= cal.fy else None for y in years]
    return baseline, targets, actuals


def _kpis(
    ws: Workspace,
    cal: _Calendar,
    demo: DemoContent,
    plan_id: str,
    years: list[int],
    priority_ids: dict[str, str],
) -> None:
    for order, row in enumerate(demo.plan["kpi"], start=1):
        if row.get("from_tracker"):
            base, targets, actuals = _standardization_kpi(cal, demo, years)
        else:
            base, targets, actuals = row["baseline"], row["targets"], row["actuals"]
        key = row.get("priority", "")
        kpi = records.create(
            ws,
            Kpi,
            plan_id=plan_id,
            priority_id=priority_ids.get(key) if key else None,
            name=row["name"],
            unit=row["unit"],
            baseline=base,
            baseline_fy=years[0] - 1,
            sort_order=order,
        )
        for i, fy in enumerate(years):
            actual = actuals[i] if i < len(actuals) and fy <= cal.fy else None
            records.create(ws, KpiValue, kpi_id=kpi.id, fiscal_year=fy, target=targets[i], actual=actual)


# --- ステップ2 ---------------------------------------------------------------------------------------------


def _structure(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    for row in demo.structure["role"]:
        appointed = row.get("appointed_on")
        structure.add_role(
            ws,
            row["role"],
            person_name=row["person_name"],
            position=row["position"],
            appointed_on=cal.on(*appointed) if appointed else None,
            is_external=row["is_external"],
            note=row["note"],
        )
    for row in demo.structure["talent_gap"]:
        records.create(ws, TalentGap, **row)


# --- ステップ3 ---------------------------------------------------------------------------------------------


def _initiatives(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    for row in demo.initiatives["initiative"]:
        fields = {k: v for k, v in row.items() if k != "review"}
        fields["start_on"], fields["end_on"] = cal.on(*row["start_on"]), cal.on(*row["end_on"])
        if fields["status"] == "done" and fields["end_on"] > cal.today:
            fields["status"] = "active"
        initiative = records.create(ws, Initiative, **fields)
        if row["priority_key"] == "standardization":
            entries = _standardization_reviews(cal, demo)
        else:
            entries = [{**r, "reviewed_on": cal.on(*r["reviewed_on"])} for r in row.get("review", ())]
        for review in entries:
            if review["reviewed_on"] <= cal.today:
                records.create(ws, PdcaReview, initiative_id=initiative.id, **review)


def _standardization_reviews(cal: _Calendar, demo: DemoContent) -> list[dict]:
    """Reviews of the migration that quote the tracker's own counts at the review date."""
    catalog = load_catalog()
    systems = demo.standardization["system"]
    specific = "・".join(catalog.business(s["business"]).name for s in systems if s["specific_reason"])
    out = []
    for row in demo.initiatives["standardization_review"]:
        day = cal.months_from_today(row["months"], 20)
        live = sum(1 for g in _go_lives(demo) if g <= day)
        words = {"total": len(systems), "live": live, "pending": len(systems) - live, "specific": specific}
        out.append(
            {
                "reviewed_on": day,
                "phase": row["phase"],
                "summary": row["summary"].format(**words),
                "next_action": row["next_action"],
            }
        )
    return out


def _phase_for(go_live: date, cal: _Calendar) -> str:
    """The 標準化手順書 work item a 業務 is at, judged by the months left before its go-live."""
    phases = load_catalog().phases
    if go_live <= cal.today:
        return phases[-1].key
    months_left = max(1, (go_live.year - cal.today.year) * 12 + go_live.month - cal.today.month)
    step = sum(1 for m in _PHASE_MONTHS if months_left <= m)
    return phases[min(step * (len(phases) - 1) // len(_PHASE_MONTHS), len(phases) - 1)].key


def _standardization(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    systems = {row["business"]: row for row in demo.standardization["system"]}
    for row in standardization.tracker(ws):
        spec = systems.get(row.business.key)
        if spec is None:
            continue
        go_live = spec["go_live"]
        live = go_live <= cal.today
        when = f"{wareki_date(go_live)}に本稼働。" if live else f"{wareki_date(go_live)}本稼働予定。"
        if spec["specific_reason"]:
            when = "特定移行支援システム。" + when
        records.update(
            ws,
            StandardizationSystem,
            row.system.id,
            phase_key=_phase_for(go_live, cal),
            vendor=spec["vendor"],
            package_name=spec["package_name"],
            planned_go_live=go_live,
            specific_support=bool(spec["specific_reason"]),
            specific_reason=spec["specific_reason"],
            gov_cloud=spec["gov_cloud"],
            contract_end=None if live else _month_end(go_live),
            note=when + spec.get("note", ""),
        )


def _month_end(day: date) -> date:
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


# --- 支援ニーズ・募集要項 -----------------------------------------------------------------------------------


def _needs(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    words = {"next": cal.label(1), "next_end": wareki_date(fiscal_year_end(cal.fy + 1))}
    for need in demo.needs["need"]:
        fields = {k: v.format(**words) if isinstance(v, str) else v for k, v in need.items() if k != "period"}
        start_off, sm, sd, end_off, em, ed = need["period"]
        answered = fields["status"] == "answered"
        if answered:
            fields["status"] = "submitted"
        row = records.create(
            ws,
            NeedsRequest,
            period_start=cal.on(start_off, sm, sd),
            period_end=cal.on(end_off, em, ed),
            **fields,
        )
        if answered:  # the prefecture's answer, as it would arrive by sync
            responded = cal.months_from_today(-1, 15)
            records.update(
                ws,
                NeedsRequest,
                row.id,
                status="answered",
                responded_at=datetime(responded.year, responded.month, responded.day, 1, 30, tzinfo=UTC),
                **demo.needs["response"],
            )


def _job_descriptions(ws: Workspace, cal: _Calendar, demo: DemoContent) -> None:
    for jd in demo.jobs["job"]:
        records.create(ws, JobDescription, **{**jd, "deadline": cal.on(*jd["deadline"])})


# --- 調達仕様書 --------------------------------------------------------------------------------------------


def _procurement(ws: Workspace, cal: _Calendar, muni: Municipality, demo: DemoContent) -> None:
    contract = cal.months_from_today(3)
    svc_fy = fiscal_year_of(cal.months_from_today(4)) + 1
    single_words = {
        "pub": wareki_year_month(cal.months_from_today(1)),
        "proposal": wareki_year_month(cal.months_from_today(2)),
        "contract": wareki_year_month(contract),
        "svc_start": wareki_date(fiscal_year_start(svc_fy)),
        "svc_end": wareki_date(fiscal_year_end(svc_fy)),
        "svc_after": fiscal_year_label(svc_fy + 1),
    }
    _spec(ws, demo.spec_single, "single", "saas", single_words)

    pref = muni.prefecture
    lead = demo.spec_joint["spec"]["lead_body"].format(pref=pref)
    joint_words = {
        "pref": pref,
        "lead": lead,
        "next": cal.label(1),
        "after": cal.label(2),
        "survey": wareki_year_month(cal.months_from_today(-4)),
        "pub": wareki_year_month(cal.on(1, 6, 1)),
        "contract": wareki_year_month(cal.on(1, 10, 1)),
        "end_fy": cal.label(6),
    }
    spec = _spec(ws, demo.spec_joint, "joint", "joint", joint_words)
    prefix = muni.code[:2]
    bodies = [(muni.code, muni.name, muni.population or demo.town["town"]["population"])]
    for partner in demo.spec_joint["partner"]:
        body = prefix + partner["code"]
        bodies.append((body + str(check_digit(body)), partner["name"], partner["population"]))
    for code, name, population in bodies:
        records.create(
            ws, ProcurementParticipant, spec_id=spec.id, code=code, name=name, population=population
        )
    procurement.recompute_shares(ws, spec.id)  # 均等割＋人口割, rounded by the printed rule


def _spec(
    ws: Workspace, content: dict, mode: str, template: str, words: dict[str, object]
) -> ProcurementSpec:
    """One 調達仕様書 (chapters filled in) with its 要件定義書 rows."""
    head = {k: v.format(**words) if isinstance(v, str) else v for k, v in content["spec"].items()}
    spec = records.create(
        ws,
        ProcurementSpec,
        **head,
        mode=mode,
        template_key=template,
        chapters={key: text.format(**words) for key, text in content["chapters"].items()},
        status="draft",
    )
    for order, requirement in enumerate(content["requirement"], start=1):
        records.create(ws, ProcurementRequirement, spec_id=spec.id, sort_order=order, **requirement)
    return spec
