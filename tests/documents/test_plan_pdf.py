"""DX推進計画 PDF, read as the council reads it: the municipality's own entries under the expected chapters,
dates that agree (策定・議決・計画期間 vs the 印刷日), 案 only on drafts, である調, the head by title, a 工程表 that
says what happens each 年度, no 実績 of a 年度 not yet begun, fonts embedded."""

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

TODAY = date(2026, 11, 26)  # 令和8年度


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
    assert "（案）" in cover and "作成" not in cover  # a draft has no date of its own yet
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


def test_a_plan_in_force_shows_its_own_dates_and_no_draft_mark(ws, tmp_path):
    fill_plan(ws, status="approved", adopted_on=date(2025, 3, 24), approved_on=date(2025, 3, 21))
    out = tmp_path / "approved.pdf"
    documents.build_document(ws, "plan", "pdf", out)
    pages = text_of(out)
    cover = re.sub(r"\s+", "", pages[0])
    assert "令和7年3月策定" in cover and "（令和7年3月21日議決）" in cover
    assert not any("案" in p for p in pages)


def test_a_plan_being_revised_is_marked_as_a_revision_draft(ws, tmp_path):
    fill_plan(ws, status="revising", adopted_on=date(2025, 3, 24))
    out = tmp_path / "revising.pdf"
    documents.build_document(ws, "plan", "pdf", out)
    pages = text_of(out)
    assert "（改定案）" in pages[0] and "令和7年3月策定" in re.sub(r"\s+", "", pages[0])
    assert all("改定案" in p for p in pages)


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


def pure_plan(printed_on=TODAY, mark="案", **kw):
    meta = DocMeta("福井県鯖江市", "テスト計画", printed_on, mark=mark, head_title="市長")
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
    assert "計画期間は未設定である。" in body
    assert "令和8年度" in body and "令和9年度" in body


# --- what the council reads ----------------------------------------------------------------------------


def flat(path) -> str:
    return re.sub(r"\s+", "", "".join(text_of(path)))


KPI = KpiLine("オンライン申請率", "%", 30, 2025, (KpiYear(2026, 40, 38), KpiYear(2027, 50, None)))


def test_the_day_of_printing_is_labelled_as_such_in_every_footer(tmp_path):
    out = tmp_path / "printed.pdf"
    build_plan_pdf(pure_plan(vision="ビジョン"), out)
    for page in text_of(out)[1:]:
        assert f"印刷日{wareki_date(TODAY)}" in re.sub(r"\s+", "", page)


def test_a_draft_for_a_period_not_yet_begun_shows_targets_only(tmp_path):
    data = pure_plan(start_fy=2027, end_fy=2029, kpis=(KPI,), vision="ビジョン")
    out = tmp_path / "draft.pdf"
    build_plan_pdf(data, out)
    text = flat(out)
    assert "目標" in text and "実績" not in text


def test_actuals_are_shown_only_for_the_years_that_have_begun(tmp_path):
    data = pure_plan(start_fy=2026, end_fy=2028, kpis=(KPI,), status="revising", mark="改定案", vision="V")
    out = tmp_path / "revising.pdf"
    build_plan_pdf(data, out)
    text = flat(out)
    assert text.count("実績") == 2  # one 実績 column (令和8年度) and the sentence that says so
    assert "令和8年11月26日時点の実績値" in text


def test_the_roadmap_says_what_each_item_does_each_year(tmp_path):
    steps_by_year = ((2025, "検討・調達"), (2026, "導入"), (2027, "運用"))
    priorities = (
        ActionPlan(1, "書かない窓口", start_fy=2025, end_fy=2027, activities=steps_by_year),
        ActionPlan(2, "生成AIの活用", start_fy=2026),
    )
    data = pure_plan(start_fy=2025, end_fy=2027, priorities=priorities, vision="V")
    out = tmp_path / "roadmap.pdf"
    build_plan_pdf(data, out)
    text = flat(out)
    roadmap = text[text.index("第7章工程表", text.index("第7章工程表") + 1) :]
    assert "検討・調達" in roadmap and "導入" in roadmap and "運用" in roadmap
    assert "令和7年度：検討・調達" in text  # the same steps in the アクションプラン (第6章)
    # An item with only a start year runs on, in the 第6章 table and in the 工程表 alike.
    assert "生成AIの活用令和8年度〜" in text and "▶" in roadmap and "計画期間の後も継続する" in roadmap


def test_fixed_sentences_are_in_the_plain_style_and_name_the_head_by_title(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.pdf"
    documents.build_document(ws, "plan", "pdf", out)
    text = flat(out)
    assert "市長のリーダーシップの下" in text
    assert "首長" not in text
    assert not re.search(r"(です|ます)[。）]", text)


def test_the_structure_lists_posts_and_names_only_when_asked(ws, tmp_path):
    p = fill_plan(ws)
    out = tmp_path / "posts.pdf"
    documents.build_document(ws, "plan", "pdf", out)
    assert "CIO（最高情報統括責任者）副市長" in flat(out) and "山田太郎" not in flat(out)
    records.update(ws, Plan, p.id, show_names=True)
    documents.build_document(ws, "plan", "pdf", out)
    assert "山田太郎" in flat(out)


def test_no_internal_checklist_figures_in_the_plan(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.pdf"
    documents.build_document(ws, "plan", "pdf", out)
    text = flat(out)
    assert "ステップ0" not in text and "チェック項目" not in text and "取組の進捗状況" not in text


def test_the_situation_chapter_and_the_glossary_print_what_was_written(ws, tmp_path):
    fill_plan(
        ws,
        national_trends="国は自治体DX推進計画を改定した。",
        current_situation="窓口の待ち時間が長い。",
        glossary="BPR：業務の進め方を見直すこと。\nKPI：成果を測る指標。",
    )
    out = tmp_path / "plan.pdf"
    documents.build_document(ws, "plan", "pdf", out)
    text = flat(out)
    assert "第3章現状と課題" in text and "1国の動向" in text and "2本市の現状と課題" in text
    assert "国は自治体DX推進計画を改定した。" in text and "窓口の待ち時間が長い。" in text
    assert "用語解説" in text and "BPR業務の進め方を見直すこと。" in text
    records.update(ws, Plan, plan.get_or_create_plan(ws).id, glossary="")
    documents.build_document(ws, "plan", "pdf", out)
    assert "用語解説" not in flat(out)


def test_no_sentence_of_the_demo_plan_is_said_twice(store, tmp_path):
    from desktop.services.demo import create_demo
    from desktop.services.workspace import Workspace

    create_demo(store, today=TODAY)
    out = tmp_path / "demo.pdf"
    documents.build_document(Workspace(store), "plan", "pdf", out)
    sentences = [s for s in flat(out).split("。") if len(s) > 15]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert repeated == set()


def test_the_demo_plan_is_a_revision_of_a_plan_adopted_before_its_period(store, tmp_path):
    from desktop.services.demo import create_demo
    from desktop.services.workspace import Workspace

    create_demo(store, today=TODAY)
    out = tmp_path / "demo.pdf"
    documents.build_document(Workspace(store), "plan", "pdf", out)
    cover = re.sub(r"\s+", "", text_of(out)[0])
    assert "令和7年3月策定" in cover and "令和7年度（2025年度）〜" in cover and "（改定案）" in cover
