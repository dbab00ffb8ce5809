"""進捗報告 PDF: steps, checkpoints, KPIs of the current 年度 and the 20 業務 with 和暦 dates."""

import re
from datetime import date

from pypdf import PdfReader

from desktop.content import load_catalog
from desktop.documents.data import BusinessLine, DocMeta, ProgressData, StepLine
from desktop.documents.progress_pdf import SECTIONS, build_progress_pdf
from desktop.models import StandardizationSystem
from desktop.models.errors import Cancelled
from desktop.models.progress import Progress
from desktop.models.wareki import fiscal_year_label, fiscal_year_of, wareki_date
from desktop.services import documents, plan, records, standardization, steps


def text_of(path):
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def test_progress_report_shows_steps_checks_kpis_and_the_20_businesses(ws, tmp_path):
    catalog = load_catalog()
    steps.set_check(ws, "s0.top_seminar", status="done", done_on=date(2025, 6, 2), assignee="総務課 佐藤")
    steps.set_check(ws, catalog.step(1).checkpoints[0].key, status="doing")
    p = plan.get_or_create_plan(ws)
    fy = fiscal_year_of(ws.today())
    kpi = plan.add_kpi(ws, p.id, "オンライン申請率", unit="%", baseline=30)
    plan.set_kpi_value(ws, kpi.id, fy, target=60, actual=45)
    rows = standardization.tracker(ws)
    go_live = catalog.phases[-1].key
    records.update(ws, StandardizationSystem, rows[0].system.id, phase_key=go_live, gov_cloud=True,
                   planned_go_live=date(2026, 1, 4))  # fmt: skip
    records.update(ws, StandardizationSystem, rows[1].system.id, specific_support=True,
                   specific_reason="vendor_capacity", phase_key=catalog.phases[5].key)  # fmt: skip

    out = tmp_path / "progress.pdf"
    result = documents.build_document(ws, "progress", "pdf", out)
    pages = text_of(out)
    body = re.sub(r"[ \t]+", "", "\n".join(pages))
    assert result.pages == len(pages) and result.warnings == []
    assert "自治体DX進捗報告" in body and "鯖江市" in body
    assert wareki_date(ws.today()) in body
    for section in SECTIONS:
        assert re.sub(r"\s", "", section) in body
    for s in catalog.steps:
        assert f"ステップ{s.number}" in body
    assert catalog.checkpoint("s0.top_seminar").title.replace(" ", "") in body
    assert "令和7年6月2日" in body and "総務課佐藤" in body
    assert "対応中" in body
    assert (
        fiscal_year_label(fy) in body and "オンライン申請率" in body and "50%" in body
    )  # (45 - 30) / (60 - 30)
    for b in catalog.businesses:
        assert b.name in body
    assert "令和8年1月4日" in body
    assert "本稼働1業務" in body and "特定移行支援システム1業務" in body
    assert "事業者のリソースひっ迫" in body.replace("\n", "")
    for i, text in enumerate(pages, start=1):
        assert f"{i} / {len(pages)} ページ" in text
        assert "案" not in text


def test_a_migration_that_is_done_shows_its_day_and_a_planned_one_says_planned(tmp_path):
    data = ProgressData(
        meta=DocMeta("福井県鯖江市", "自治体DX 進捗報告", date(2026, 4, 1)),
        fiscal_year=2026,
        businesses=(
            BusinessLine(1, "住民基本台帳", "⑫ 本稼働", planned_go_live=date(2025, 10, 6), live=True),
            BusinessLine(11, "介護保険", "⑧ 設定", planned_go_live=date(2027, 7, 1)),
        ),
    )
    out = tmp_path / "migration.pdf"
    build_progress_pdf(data, out)
    text = re.sub(r"\s+", "", "".join(text_of(out)))
    assert "移行予定日" not in text and "移行日" in text
    assert "住民基本台帳⑫本稼働令和7年10月6日—" in text  # done: the day it moved, nothing more
    assert "介護保険⑧設定令和9年7月1日（予定）" in text


def test_progress_builder_is_pure_and_cancellable(tmp_path):
    data = ProgressData(
        meta=DocMeta("福井県鯖江市", "自治体DX 進捗報告", date(2026, 4, 1)),
        fiscal_year=2026,
        steps=(StepLine(0, "認識共有・機運醸成", 3, 1, 10),),
        businesses=tuple(BusinessLine(i, f"業務{i}") for i in range(1, 21)),
    )
    out = tmp_path / "pure.pdf"
    build_progress_pdf(data, out)
    assert "業務20" in "".join(text_of(out))
    progress = Progress(lambda done, total, label: progress.cancel())
    again = tmp_path / "cancelled.pdf"
    try:
        build_progress_pdf(data, again, progress=progress)
    except Cancelled:
        pass
    else:  # pragma: no cover
        raise AssertionError("not cancelled")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pure.pdf"]


def test_achievement_runs_from_the_baseline_toward_the_target_in_either_direction():
    from desktop.documents.progress_pdf import achievement

    assert achievement(18, 45, 41) == "85%"
    assert achievement(25, 15, 16) == "90%"  # a waiting time that should fall
    assert achievement(None, 60, 45) == "75%"
    assert achievement(10, 20, None) == "—"
