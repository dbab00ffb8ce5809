"""DX推進計画 PDF: the municipality's own entries under the expected chapters, 和暦, 案/議決, fonts embedded."""

import re
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.documents.data import ActionPlan, DocMeta, KpiLine, KpiYear, PlanData
from desktop.documents.glyphs import MissingGlyphsError
from desktop.documents.plan_pdf import CHAPTERS, build_plan_pdf
from desktop.models import Plan, PlanPriority
from desktop.models.errors import Cancelled, DomainError
from desktop.models.progress import Progress
from desktop.models.wareki import wareki_date
from desktop.services import documents, plan, records, steps, structure


def fill_plan(ws, **plan_fields):
    """A plan as an officer would enter it: purpose, vision, two priorities, KPIs, the CIO."""
    p = plan.get_or_create_plan(ws)
    fields = dict(
        title="鯖江市DX推進計画",
        purpose="人口減少が進む中でも、質の高い行政サービスを提供し続けるため、本計画を策定する。",
        vision="めがねのまち鯖江から、誰一人取り残さないデジタル化を",
        principles="1　住民目線で、書かない窓口をつくる。\n2　デジタル原則に沿って業務を見直す。",
        start_fy=2025,
        end_fy=2027,
        progress_management="DX推進本部が毎年度、KPIの達成状況を点検し、議会に報告する。",
    )
    fields.update(plan_fields)
    records.update(ws, Plan, p.id, **fields)
    front = plan.add_priority(ws, p.id, catalog_key="front_yard")
    records.update(
        ws,
        PlanPriority,
        front.id,
        overview="窓口で申請書を書かずに済むようにする。",
        current_issues="繁忙期の待ち時間が長い。",
        next_steps="書かない窓口を試行する。",
        indicators="窓口の平均待ち時間",
        schedule="令和7年度：試行\n令和8年度：本格運用",
        start_fy=2025,
        end_fy=2026,
    )
    own = plan.add_priority(ws, p.id, title="めがね産業のデータ活用")
    records.update(ws, PlanPriority, own.id, overview="産業データを公開する。", start_fy=2026, end_fy=2029)
    kpi = plan.add_kpi(ws, p.id, "オンライン申請が可能な手続の割合", unit="%", baseline=35, baseline_fy=2024,
                       priority_id=front.id)  # fmt: skip
    for fy, target, actual in ((2025, 50, 48), (2026, 70, None), (2027, 90, None)):
        plan.set_kpi_value(ws, kpi.id, fy, target=target, actual=actual)
    plan.add_kpi(ws, p.id, "窓口の平均待ち時間", unit="分", baseline=25, baseline_fy=2024)
    structure.add_role(ws, "cio", person_name="山田 太郎", position="副市長")
    steps.set_check(ws, "s0.top_seminar", status="done")
    return p


@pytest.fixture
def out_dir(tmp_path):
    """An empty output folder (tmp_path also holds the data dir)."""
    d = tmp_path / "out"
    d.mkdir()
    return d


def text_of(path):
    return [p.extract_text() for p in PdfReader(str(path)).pages]


@pytest.fixture
def built(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.pdf"
    result = documents.build_document(ws, "plan", "pdf", out)
    return out, result, text_of(out)


def test_plan_has_cover_contents_and_all_chapters_with_own_entries(built, ws):
    out, result, pages = built
    assert result.path == out and result.pages == len(pages) and result.warnings == []
    cover, contents, body = pages[0], pages[1], "\n".join(pages[2:])
    flat = re.sub(r"\s+", "", body)
    assert "鯖江市DX推進計画" in cover and "鯖江市" in cover
    assert "令和7年度（2025年度）〜令和9年度（2027年度）" in cover
    assert f"{wareki_date(ws.today())}" in cover and "作成（案）" in cover
    assert "目" in contents and "次" in contents
    for chapter in CHAPTERS:
        assert re.sub(r"\s", "", chapter) in re.sub(r"\s", "", contents)
        assert re.sub(r"\s", "", chapter) in flat
    for own in (
        "めがねのまち鯖江から、誰一人取り残さないデジタル化を",
        "窓口で申請書を書かずに済むようにする。",
        "繁忙期の待ち時間が長い。",
        "めがね産業のデータ活用",
        "オンライン申請が可能な手続の割合",
        "山田太郎",
        "副市長",
        "DX推進本部が毎年度、KPIの達成状況を点検し、議会に報告する。",
    ):
        assert own in flat, own
    for label in ("概要", "現状・課題", "今後の展開", "評価指標", "実施スケジュール"):
        assert label in body
    for fy_label in ("令和7年度", "令和8年度", "令和9年度"):
        assert fy_label in body  # 工程表 and KPI columns
    assert "令和6年度" in body  # KPI baseline year


def test_every_page_after_the_cover_is_numbered_and_marked_draft(built):
    _, _, pages = built
    n = len(pages) - 1
    for i, text in enumerate(pages[1:], start=1):
        assert f"{i} / {n} ページ" in text
        assert "案" in text
    assert "ページ" not in pages[0]


def test_every_font_is_embedded_as_a_subset(built):
    out, _, _ = built
    for page in PdfReader(str(out)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+.+", str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"]


def test_an_approved_plan_shows_its_council_date_and_no_draft_mark(ws, tmp_path):
    fill_plan(ws, status="approved", approved_on=date(2026, 3, 24))
    out = tmp_path / "approved.pdf"
    documents.build_document(ws, "plan", "pdf", out)
    pages = text_of(out)
    assert "令和8年3月24日" in pages[0] and "議決" in pages[0]
    assert not any("案" in p for p in pages)


def test_an_empty_plan_is_refused_with_a_japanese_message(ws, out_dir):
    with pytest.raises(DomainError, match="計画の内容がまだ入力されていません"):
        documents.build_document(ws, "plan", "pdf", out_dir / "empty.pdf")
    assert list(out_dir.iterdir()) == []


def test_a_character_the_font_lacks_names_the_field_and_writes_nothing(ws, out_dir):
    p = fill_plan(ws)
    first = plan.priorities(ws, p.id)[0]
    records.update(ws, PlanPriority, first.id, overview="𠮷田地区の窓口を改修する。")
    with pytest.raises(MissingGlyphsError) as err:
        documents.build_document(ws, "plan", "pdf", out_dir / "glyph.pdf")
    assert "重点取組事項1の概要" in str(err.value) and "𠮷" in str(err.value)
    assert list(out_dir.iterdir()) == []


def test_cancelling_leaves_no_file(ws, out_dir):
    fill_plan(ws)
    seen = []

    def on_report(done, total, label):
        seen.append(label)
        if "第5章" in label:
            progress.cancel()

    progress = Progress(on_report)
    with pytest.raises(Cancelled):
        documents.build_document(ws, "plan", "pdf", out_dir / "cancel.pdf", progress=progress)
    assert list(out_dir.iterdir()) == []
    assert any("第1章" in label for label in seen)


def pure_plan(**kw):
    meta = DocMeta("福井県鯖江市", "テスト計画", date(2026, 11, 26), draft=True)
    return PlanData(meta=meta, title="テスト計画", **kw)


def test_many_priorities_and_long_texts_lay_out(tmp_path):
    long = "既存の業務フローを棚卸しし、書面・押印・対面を前提とした手続を見直す。" * 40
    priorities = tuple(
        ActionPlan(
            i, f"独自の取組{i}", overview=long if i == 3 else "概要", start_fy=2024 + i % 4, end_fy=2030
        )
        for i in range(1, 26)
    )
    kpis = tuple(
        KpiLine(f"指標{i}", "件", 10, 2025, (KpiYear(2026, 20, 18), KpiYear(2031, 99, None)))
        for i in range(30)
    )
    data = pure_plan(priorities=priorities, kpis=kpis, start_fy=2026, end_fy=2031)
    out = tmp_path / "big.pdf"
    result = build_plan_pdf(data, out)
    pages = text_of(out)
    assert result.pages == len(pages) > 10
    body = "".join(pages)
    assert "独自の取組25" in body and "指標29" in body
    assert "令和13年度" in body  # 2031: the KPI table continues in a second block of 年度


def test_a_plan_without_a_period_uses_the_years_of_its_items(tmp_path):
    data = pure_plan(vision="ビジョン", priorities=(ActionPlan(1, "取組", start_fy=2026, end_fy=2027),))
    out = tmp_path / "noperiod.pdf"
    build_plan_pdf(data, out)
    body = "".join(text_of(out))
    assert "計画期間は未設定です。" in body
    assert "令和8年度" in body and "令和9年度" in body
