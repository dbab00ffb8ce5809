"""ステップ1: the DX推進計画 — one plan per municipality, its 重点取組事項 and KPIs."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row

from desktop.content import load_catalog
from desktop.models import Kpi, KpiValue, Plan, PlanPriority, PlanPriorityYear
from desktop.models.errors import ValidationError
from desktop.services import records
from desktop.services.workspace import Workspace


def get_or_create_plan(ws: Workspace) -> Plan:
    """The municipality's plan (created empty on first use)."""
    plans = records.find(ws, Plan, order_by=(Plan.updated_at,))
    if plans:
        return plans[0]
    return records.create(ws, Plan, title="DX推進計画")


def priorities(ws: Workspace, plan_id: str) -> list[PlanPriority]:
    """重点取組事項 of the plan in their order."""
    return records.find(ws, PlanPriority, order_by=(PlanPriority.sort_order,), plan_id=plan_id)


def priority_summaries(ws: Workspace, plan_id: str) -> list[Row[Any]]:
    """List rows of the plan's 重点取組事項 (id, title, catalog_key) in their order."""
    return records.summaries(
        ws, PlanPriority, ("title", "catalog_key"), order_by=("sort_order",), plan_id=plan_id
    )


def add_priority(ws: Workspace, plan_id: str, catalog_key: str = "", title: str = "") -> PlanPriority:
    """Add a catalog 重点取組事項 (by key) or an own item (by title) at the end."""
    existing = priorities(ws, plan_id)
    if catalog_key:
        if any(p.catalog_key == catalog_key for p in existing):
            raise ValidationError("この重点取組事項はすでに計画に含まれています。")
        try:
            title = load_catalog().priority(catalog_key).title
        except StopIteration:
            raise ValidationError(f"重点取組事項「{catalog_key}」はありません。") from None
    if not title.strip():
        raise ValidationError("重点取組事項の名称を入力してください。", "title")
    order = max((p.sort_order for p in existing), default=0) + 1
    return records.create(
        ws, PlanPriority, plan_id=plan_id, catalog_key=catalog_key, title=title, sort_order=order
    )


def set_priority_year(ws: Workspace, priority_id: str, fiscal_year: int, activity: str) -> PlanPriorityYear:
    """What an アクションプラン does in one 年度 (its 工程表 cell); creates the row when needed."""
    records.get(ws, PlanPriority, priority_id)
    existing = records.find(ws, PlanPriorityYear, priority_id=priority_id, fiscal_year=fiscal_year)
    if existing:
        return records.update(ws, PlanPriorityYear, existing[0].id, activity=activity)
    return records.create(
        ws, PlanPriorityYear, priority_id=priority_id, fiscal_year=fiscal_year, activity=activity
    )


def yearly_activities(ws: Workspace, plan_id: str) -> dict[str, dict[int, str]]:
    """{priority id: {年度: what it does}} for every アクションプラン of the plan (blank entries left out)."""
    ids = {p.id for p in priorities(ws, plan_id)}
    out: dict[str, dict[int, str]] = {}
    for row in records.find(ws, PlanPriorityYear, order_by=(PlanPriorityYear.fiscal_year,)):
        if row.priority_id in ids and row.activity.strip():
            out.setdefault(row.priority_id, {})[row.fiscal_year] = row.activity.strip()
    return out


@dataclass
class KpiRow:
    """A KPI with its target/actual per 年度."""

    kpi: Kpi
    values: dict[int, KpiValue] = field(default_factory=dict)


def kpis(ws: Workspace, plan_id: str) -> list[KpiRow]:
    """KPIs of the plan with their yearly values."""
    rows = [KpiRow(k) for k in records.find(ws, Kpi, order_by=(Kpi.sort_order,), plan_id=plan_id)]
    by_id = {r.kpi.id: r for r in rows}
    for v in records.find(ws, KpiValue):
        if v.kpi_id in by_id:
            by_id[v.kpi_id].values[v.fiscal_year] = v
    return rows


def kpi_summaries(ws: Workspace, plan_id: str) -> list[Row[Any]]:
    """List rows of the plan's KPIs (id, name, unit) in their order."""
    return records.summaries(ws, Kpi, ("name", "unit"), order_by=("sort_order",), plan_id=plan_id)


def add_kpi(ws: Workspace, plan_id: str, name: str, **fields) -> Kpi:
    """Add a KPI at the end of the list."""
    order = max((r.kpi.sort_order for r in kpis(ws, plan_id)), default=0) + 1
    return records.create(ws, Kpi, plan_id=plan_id, name=name, sort_order=order, **fields)


def set_kpi_value(ws: Workspace, kpi_id: str, fiscal_year: int, **fields) -> KpiValue:
    """Set target and/or actual of a KPI for one 年度 (creating the row when needed)."""
    records.get(ws, Kpi, kpi_id)
    existing = records.find(ws, KpiValue, kpi_id=kpi_id, fiscal_year=fiscal_year)
    if existing:
        return records.update(ws, KpiValue, existing[0].id, **fields)
    return records.create(ws, KpiValue, kpi_id=kpi_id, fiscal_year=fiscal_year, **fields)


def plan_years(plan: Plan) -> list[int]:
    """The 年度 of the plan period (empty when the period is not set)."""
    if plan.start_fy is None or plan.end_fy is None:
        return []
    return list(range(plan.start_fy, plan.end_fy + 1))


# -- The municipality's own plan (made on first use); what the step-1 page works on. -----------------------
def own_priority_rows(ws: Workspace) -> list:
    """List rows of the plan's 重点取組事項."""
    return priority_summaries(ws, get_or_create_plan(ws).id)


def add_own_priority(ws: Workspace, catalog_key: str = "", title: str = "") -> PlanPriority:
    """Add a catalog item or an own item to the municipality's plan."""
    return add_priority(ws, get_or_create_plan(ws).id, catalog_key=catalog_key, title=title)


def own_kpi_rows(ws: Workspace) -> list:
    """List rows of the plan's KPIs in order."""
    return kpi_summaries(ws, get_or_create_plan(ws).id)


def add_blank_kpi(ws: Workspace) -> Kpi:
    """A new, still unnamed KPI at the end of the plan's list."""
    return add_kpi(ws, get_or_create_plan(ws).id, name="")


def priority_year_values(ws: Workspace, priority_id: str) -> tuple[list[int], dict[int, PlanPriorityYear]]:
    """The plan's 年度 and what this アクションプラン does in each (its row of the 工程表)."""
    years = plan_years(get_or_create_plan(ws))
    return years, {v.fiscal_year: v for v in records.find(ws, PlanPriorityYear, priority_id=priority_id)}


def kpi_year_values(ws: Workspace, kpi_id: str) -> tuple[list[int], dict[int, KpiValue]]:
    """The plan's 年度 and this KPI's stored values by 年度 (the target/actual grid)."""
    years = plan_years(get_or_create_plan(ws))
    return years, {v.fiscal_year: v for v in records.find(ws, KpiValue, kpi_id=kpi_id)}
