"""The JSON export holds the whole dataset in the change format of sync and packages (DESIGN.md §4)."""

import json

import pytest

from desktop.models import AwarenessActivity, Kpi, Plan, PlanPriority
from desktop.services import records
from desktop.services.export import export_changes, write_json


def test_the_export_lists_every_record_parents_first_with_tombstones(ws):
    plan = records.create(ws, Plan, title="第2次DX推進計画", start_fy=2026, end_fy=2030)
    priority = records.create(ws, PlanPriority, plan_id=plan.id, title="書かない窓口")
    records.create(ws, Kpi, plan_id=plan.id, priority_id=priority.id, name="オンライン申請率")
    gone = records.create(ws, AwarenessActivity, title="中止した研修")
    records.delete(ws, AwarenessActivity, gone.id)

    out = export_changes(ws)

    assert (out["format"], out["version"], out["owner_code"]) == ("dxnavi-changes", 1, "182079")
    assert out["exported_at"].endswith("+00:00")
    kinds = [c["kind"] for c in out["changes"]]
    assert (
        kinds.index("municipality") < kinds.index("plan") < kinds.index("plan_priority") < kinds.index("kpi")
    )
    tombstone = next(c for c in out["changes"] if c["id"] == gone.id)
    assert tombstone["deleted"] is True and tombstone["base_version"] == 0
    plan_change = next(c for c in out["changes"] if c["id"] == plan.id)
    assert set(plan_change) == {"kind", "id", "base_version", "deleted", "data"}
    assert plan_change["data"]["title"] == "第2次DX推進計画" and "dirty" not in plan_change["data"]
    json.dumps(out)  # JSON-ready as it is


def test_write_json_replaces_the_file_whole_and_keeps_japanese_readable(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("古い内容", encoding="utf-8")
    write_json({"団体名": "鯖江市"}, path)
    assert path.read_text(encoding="utf-8") == '{\n  "団体名": "鯖江市"\n}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_a_failed_write_leaves_the_old_file_and_no_debris(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("古い内容", encoding="utf-8")
    with pytest.raises(TypeError):
        write_json({"bad": object()}, path)
    assert path.read_text(encoding="utf-8") == "古い内容"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]
