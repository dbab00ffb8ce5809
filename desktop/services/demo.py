"""デモ町（架空）: a small fictional town with data in every part of the app, for trying DX Navi out.

Everything goes through `records` and the domain services, so the demo passes the same validation as user
input. Dates are relative to `today`: the plan period runs from the previous 年度 to the next, activities and
reviews lie in the past, and the 20-業務 tracker shows each 業務 at the phase its planned go-live implies.
The texts live in demo_texts (steps) and demo_document_texts (needs, job descriptions, specs).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

from desktop.content import load_catalog
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
from desktop.services import demo_document_texts as D
from desktop.services import demo_texts as T
from desktop.services import records, standardization, structure
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
    cal = _Calendar(today or local_date(store.clock()))
    with store.write():
        if has_municipality(store):
            raise AlreadyRegisteredError(
                "このデータには既に団体が登録されているため、デモデータを作成できません。"
                "デモを試すときは、新しい（空の）データフォルダを指定してください。"
            )
        muni = init_municipality(
            store,
            demo_code(),
            T.NAME,
            actor=ACTOR,
            is_demo=True,
            population=T.POPULATION,
            staff_count=T.STAFF_COUNT,
            **T.CONTACT,
        )
        ws = Workspace(store, actor=ACTOR)
        _awareness(ws, cal)
        _checklist(ws, cal)
        _plan(ws, cal)
        _structure(ws, cal)
        _initiatives(ws, cal)
        _standardization(ws, cal)
        _needs(ws, cal)
        _job_descriptions(ws)
        _procurement(ws, cal, muni)
    store.daily_backup()
    return muni


# --- ステップ0 ---------------------------------------------------------------------------------------------


def _awareness(ws: Workspace, cal: _Calendar) -> None:
    for kind, offset, month, day, title, participants, note in T.ACTIVITIES:
        held = cal.on(offset, month, day)
        if held > cal.today:
            continue
        fy_label = fiscal_year_label(fiscal_year_of(held))
        records.create(
            ws,
            AwarenessActivity,
            held_on=held,
            activity_kind=kind,
            title=title.format(fy=fy_label),
            participants=participants,
            note=note,
        )


def _checklist(ws: Workspace, cal: _Calendar) -> None:
    known = {c.key for c in load_catalog().checkpoints()}
    for key, (status, when, assignee, evidence, note) in T.CHECKLIST.items():
        if key not in known:
            continue
        done_on = cal.on(*when) if when else None
        if done_on is not None and done_on > cal.today:  # early in the 年度: not done yet
            status, done_on = "doing", None
        if evidence:
            evidence = f"{T.EVIDENCE_ROOT}\\{evidence.format(year=(done_on or cal.today).year)}"
        records.create(
            ws,
            ChecklistState,
            item_key=key,
            status=status,
            done_on=done_on,
            assignee=assignee,
            evidence=evidence,
            note=note,
        )


# --- ステップ1 ---------------------------------------------------------------------------------------------


def _go_lives() -> list[date]:
    return sorted(date(*spec[1]) for spec in T.SYSTEMS.values())


def _deadline(key: str, default: date) -> date:
    return next((d.due for d in load_catalog().deadlines if d.key == key), default)


def _computed_schedules(years: list[int]) -> dict[str, str]:
    """Schedules that depend on national dates, so that they read right whatever today is."""
    target_fy = fiscal_year_of(_deadline("standard_migration", date(2026, 3, 31)))
    el_qr = _deadline("el_qr_non_tax", date(2026, 9, 30))
    std, elq = [], []
    for y in years:
        label = fiscal_year_label(y)
        if y < target_fy:
            std.append(f"{label}：Fit&Gap分析、移行計画の更新、帳票・業務フローの見直し")
        elif y == target_fy:
            std.append(f"{label}：標準準拠システムへの移行（目標時期：{label}末）、条例・規則等の改正")
        else:
            std.append(f"{label}：特定移行支援システムの移行作業、移行後の運用経費の把握と最適化")
        if y < fiscal_year_of(el_qr):
            elq.append(f"{label}：対象公金の選定、財務会計システムの改修に係る予算要求")
        elif y == fiscal_year_of(el_qr):
            elq.append(
                f"{label}：財務会計システムの改修、税以外の公金のeL-QR収納の開始（{wareki_year_month(el_qr)}〜）"
            )
        else:
            elq.append(f"{label}：対象公金の拡大、納付状況の分析と住民への周知")
    return {"standardization": "\n".join(std), "eltax": "\n".join(elq)}


def _plan(ws: Workspace, cal: _Calendar) -> None:
    years = [cal.fy - 1, cal.fy, cal.fy + 1]
    labels = {f"y{i}": fiscal_year_label(y) for i, y in enumerate(years)}
    plan = records.create(
        ws,
        Plan,
        title=T.PLAN_TITLE,
        purpose=T.PLAN_PURPOSE.format(**labels),
        vision=T.PLAN_VISION,
        principles=T.PLAN_PRINCIPLES,
        start_fy=years[0],
        end_fy=years[-1],
        status="draft",
        progress_management=T.PLAN_PROGRESS,
    )
    computed = _computed_schedules(years)
    national = sorted((p for p in load_catalog().priorities if not p.related), key=lambda p: p.number)
    items = [(p.key, p.title, T.ACTION_PLANS[p.key]) for p in national if p.key in T.ACTION_PLANS]
    items.append(("", T.OWN_PRIORITY_TITLE, T.OWN_PRIORITY))
    priority_ids = {}
    for order, (key, title, text) in enumerate(items, start=1):
        schedule = computed.get(key) or text["schedule"].format(**labels)
        row = records.create(
            ws,
            PlanPriority,
            plan_id=plan.id,
            catalog_key=key,
            title=title,
            sort_order=order,
            overview=text["overview"],
            current_issues=text["current_issues"],
            next_steps=text["next_steps"],
            indicators=text["indicators"],
            schedule=schedule,
            start_fy=years[0],
            end_fy=years[-1],
        )
        priority_ids[key] = row.id
    _kpis(ws, cal, plan.id, years, priority_ids)


def _standardization_kpi(cal: _Calendar, years: list[int]) -> tuple[float, list[float], list[float | None]]:
    """Baseline, targets and actuals of 標準準拠システム移行済み業務数, counted from the tracker's own dates."""
    go_lives = _go_lives()

    def live_by(day: date) -> float:
        return float(sum(1 for g in go_lives if g <= day))

    baseline = live_by(min(fiscal_year_end(years[0] - 1), cal.today))
    targets = [live_by(fiscal_year_end(y)) for y in years]
    actuals = [live_by(min(fiscal_year_end(y), cal.today)) if y <= cal.fy else None for y in years]
    return baseline, targets, actuals


def _kpis(
    ws: Workspace, cal: _Calendar, plan_id: str, years: list[int], priority_ids: dict[str, str]
) -> None:
    rows = [(name, unit, base, list(tg), list(ac), key) for name, unit, base, tg, ac, key in T.KPIS]
    baseline, targets, actuals = _standardization_kpi(cal, years)
    rows.insert(3, (*T.STANDARDIZATION_KPI, baseline, targets, actuals, "standardization"))
    for order, (name, unit, base, tgts, acts, key) in enumerate(rows, start=1):
        kpi = records.create(
            ws,
            Kpi,
            plan_id=plan_id,
            priority_id=priority_ids.get(key) if key else None,
            name=name,
            unit=unit,
            baseline=base,
            baseline_fy=years[0] - 1,
            sort_order=order,
        )
        for i, fy in enumerate(years):
            actual = acts[i] if i < len(acts) and fy <= cal.fy else None
            records.create(ws, KpiValue, kpi_id=kpi.id, fiscal_year=fy, target=tgts[i], actual=actual)


# --- ステップ2 ---------------------------------------------------------------------------------------------


def _structure(ws: Workspace, cal: _Calendar) -> None:
    for key, person, position, appointed, external, note in T.ORG_ROLES:
        structure.add_role(
            ws,
            key,
            person_name=person,
            position=position,
            appointed_on=cal.on(*appointed) if appointed else None,
            is_external=external,
            note=note,
        )
    for role, description, approach, priority in T.TALENT_GAPS:
        records.create(
            ws, TalentGap, skill_role=role, description=description, approach=approach, priority=priority
        )


# --- ステップ3 ---------------------------------------------------------------------------------------------


def _initiatives(ws: Workspace, cal: _Calendar) -> None:
    for title, key, department, status, start, end, description, kpi_note, reviews in T.INITIATIVES:
        end_on = cal.on(*end)
        if status == "done" and end_on > cal.today:
            status = "active"
        initiative = records.create(
            ws,
            Initiative,
            title=title,
            priority_key=key,
            department=department,
            status=status,
            start_on=cal.on(*start),
            end_on=end_on,
            description=description,
            kpi_note=kpi_note,
        )
        entries = [(cal.on(o, m, d), phase, s, n) for o, m, d, phase, s, n in reviews]
        if key == "standardization":
            entries = _standardization_reviews(cal)
        for reviewed, phase, summary, next_action in entries:
            if reviewed <= cal.today:
                records.create(
                    ws,
                    PdcaReview,
                    initiative_id=initiative.id,
                    reviewed_on=reviewed,
                    phase=phase,
                    summary=summary,
                    next_action=next_action,
                )


def _standardization_reviews(cal: _Calendar) -> list[tuple[date, str, str, str]]:
    """Reviews of the migration that quote the tracker's own counts at the review date."""
    catalog = load_catalog()
    specific = "・".join(catalog.business(k).name for k, s in T.SYSTEMS.items() if s[2])
    out = []
    for months, phase, summary, next_action in T.STANDARDIZATION_REVIEWS:
        day = cal.months_from_today(months, 20)
        live = sum(1 for g in _go_lives() if g <= day)
        words = {
            "total": len(T.SYSTEMS),
            "live": live,
            "pending": len(T.SYSTEMS) - live,
            "specific": specific,
        }
        out.append((day, phase, summary.format(**words), next_action))
    return out


def _phase_for(go_live: date, cal: _Calendar) -> str:
    """The 標準化手順書 work item a 業務 is at, judged by the months left before its go-live."""
    phases = load_catalog().phases
    if go_live <= cal.today:
        return phases[-1].key
    months_left = max(1, (go_live.year - cal.today.year) * 12 + go_live.month - cal.today.month)
    step = sum(1 for m in _PHASE_MONTHS if months_left <= m)
    return phases[min(step * (len(phases) - 1) // len(_PHASE_MONTHS), len(phases) - 1)].key


def _standardization(ws: Workspace, cal: _Calendar) -> None:
    for row in standardization.tracker(ws):
        spec = T.SYSTEMS.get(row.business.key)
        if spec is None:
            continue
        (vendor, package), ymd, reason, gov_cloud, extra = spec
        go_live = date(*ymd)
        live = go_live <= cal.today
        when = f"{wareki_date(go_live)}に本稼働。" if live else f"{wareki_date(go_live)}本稼働予定。"
        if reason:
            when = "特定移行支援システム。" + when
        records.update(
            ws,
            StandardizationSystem,
            row.system.id,
            phase_key=_phase_for(go_live, cal),
            vendor=vendor,
            package_name=package,
            planned_go_live=go_live,
            specific_support=bool(reason),
            specific_reason=reason,
            gov_cloud=gov_cloud,
            contract_end=None if live else _month_end(go_live),
            note=when + extra,
        )


def _month_end(day: date) -> date:
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


# --- 支援ニーズ・募集要項 -----------------------------------------------------------------------------------


def _needs(ws: Workspace, cal: _Calendar) -> None:
    words = {"next": cal.label(1), "next_end": wareki_date(fiscal_year_end(cal.fy + 1))}
    for need in D.NEEDS:
        fields = {k: v for k, v in need.items() if k != "period"}
        start_off, sm, sd, end_off, em, ed = need["period"]
        fields["purpose"] = need["purpose"].format(**words)
        fields["detail"] = need["detail"].format(**words)
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
                **D.NEEDS_RESPONSE,
            )


def _job_descriptions(ws: Workspace) -> None:
    for jd in D.JOB_DESCRIPTIONS:
        records.create(ws, JobDescription, **jd)


# --- 調達仕様書 --------------------------------------------------------------------------------------------


def _procurement(ws: Workspace, cal: _Calendar, muni: Municipality) -> None:
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
    _spec(
        ws,
        D.SINGLE_SPEC_TITLE,
        "single",
        "saas",
        D.SINGLE_SPEC_CHAPTERS,
        single_words,
        D.SINGLE_SPEC_REQUIREMENTS,
    )

    pref = muni.prefecture
    lead = D.JOINT_LEAD_BODY.format(pref=pref)
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
    spec = _spec(
        ws,
        D.JOINT_SPEC_TITLE.format(pref=pref),
        "joint",
        "joint",
        D.JOINT_SPEC_CHAPTERS,
        joint_words,
        D.JOINT_SPEC_REQUIREMENTS,
        lead_body=lead,
        cost_split="mixed",
    )
    prefix = muni.code[:2]
    bodies = [(muni.code, muni.name, muni.population or T.POPULATION)]
    for number, name, population in D.JOINT_PARTNERS:
        body = prefix + number
        bodies.append((body + str(check_digit(body)), name, population))
    for (code, name, population), share in zip(bodies, _mixed_shares([b[2] for b in bodies]), strict=True):
        records.create(
            ws,
            ProcurementParticipant,
            spec_id=spec.id,
            code=code,
            name=name,
            population=population,
            share_percent=share,
        )


def _spec(
    ws: Workspace,
    title: str,
    mode: str,
    template: str,
    chapters: dict[str, str],
    words: dict[str, object],
    requirements: tuple[tuple[str, str, bool, str], ...],
    **extra: str,
) -> ProcurementSpec:
    """One 調達仕様書 (chapters filled in) with its 要件定義書 rows."""
    spec = records.create(
        ws,
        ProcurementSpec,
        title=title,
        mode=mode,
        template_key=template,
        chapters={key: text.format(**words) for key, text in chapters.items()},
        status="draft",
        **extra,
    )
    for order, (kind, category, mandatory, text) in enumerate(requirements, start=1):
        records.create(
            ws,
            ProcurementRequirement,
            spec_id=spec.id,
            req_kind=kind,
            category=category,
            text=text,
            mandatory=mandatory,
            sort_order=order,
        )
    return spec


def _mixed_shares(populations: list[int]) -> list[float]:
    """均等割50％＋人口割50％, in tenths of a percent; the largest share absorbs rounding so the sum is 100."""
    total = sum(populations)
    tenth = Decimal("0.1")
    raw = [Decimal(50) / len(populations) + Decimal(50) * p / total for p in populations]
    shares = [r.quantize(tenth, rounding=ROUND_HALF_UP) for r in raw]
    largest = max(range(len(shares)), key=lambda i: shares[i])
    shares[largest] += Decimal(100) - sum(shares)
    return [float(s) for s in shares]
