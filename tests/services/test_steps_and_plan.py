"""Step checklists, progress, the plan and its KPIs, as the services present them."""

from datetime import date

import pytest

from desktop.content import load_catalog
from desktop.models.errors import ValidationError
from desktop.services import home, plan, standardization, steps


def test_an_untouched_step_shows_every_checkpoint_not_started(ws):
    items = steps.checklist(ws, 0)
    assert len(items) == len(load_catalog().step(0).checkpoints)
    assert {i.status for i in items} == {"todo"}


def test_marking_a_checkpoint_done_dates_it_today_and_counts_in_progress(ws):
    key = load_catalog().step(2).checkpoints[0].key
    steps.set_check(ws, key, status="done")
    item = next(i for i in steps.checklist(ws, 2) if i.checkpoint.key == key)
    assert item.status == "done" and item.done_on == ws.today()
    assert steps.progress(ws)[2].done == 1


def test_checkpoints_marked_not_applicable_do_not_count(ws):
    step = load_catalog().step(1)
    steps.set_check(ws, step.checkpoints[0].key, status="na")
    assert steps.progress(ws)[1].applicable == len(step.checkpoints) - 1


def test_an_unknown_checkpoint_is_refused(ws):
    with pytest.raises(ValidationError):
        steps.set_check(ws, "s9.nothing", status="done")


def test_next_actions_put_work_in_progress_first(ws):
    later = load_catalog().step(3).checkpoints[-1]
    steps.set_check(ws, later.key, status="doing")
    assert steps.next_actions(ws)[0].key == later.key


def test_the_plan_is_created_once_and_takes_catalog_priorities_once(ws):
    p = plan.get_or_create_plan(ws)
    assert plan.get_or_create_plan(ws).id == p.id
    first = load_catalog().priorities[0]
    added = plan.add_priority(ws, p.id, catalog_key=first.key)
    assert added.title == first.title
    with pytest.raises(ValidationError, match="すでに"):
        plan.add_priority(ws, p.id, catalog_key=first.key)


def test_kpi_values_are_kept_per_fiscal_year(ws):
    p = plan.get_or_create_plan(ws)
    kpi = plan.add_kpi(ws, p.id, "マイナンバーカード交付率", unit="%")
    plan.set_kpi_value(ws, kpi.id, 2026, target=80)
    plan.set_kpi_value(ws, kpi.id, 2026, actual=76.5)
    row = plan.kpis(ws, p.id)[0]
    assert row.values[2026].target == 80 and row.values[2026].actual == 76.5


def test_the_tracker_always_lists_the_twenty_businesses(ws):
    rows = standardization.tracker(ws)
    assert len(rows) == 20 and rows[0].business.name == "住民基本台帳"
    assert len(standardization.tracker(ws)) == 20  # no duplicates on a second call


def test_the_home_page_counts_down_to_the_national_deadlines(ws):
    board = home.dashboard(ws, today=date(2026, 11, 26))
    assert [p.number for p in board.progress] == [0, 1, 2, 3]
    assert any(d.days_left < 0 for d in board.deadlines)  # 令和7年度末 has passed
    assert board.standardization.total == 20
