"""DX推進計画 DOCX for the last edits in Word: the chapters, アクションプラン and KPI names, Japanese fonts, a
目次 that lists the headings before Word updates it, heading levels without jumps, page numbers as in the PDF
and file properties of this plan."""

from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_plan_pdf import fill_plan  # tests/documents is on sys.path (rootdir-less test modules)

from desktop.documents.data import ActionPlan, DocMeta, KpiLine, KpiYear, PlanData
from desktop.documents.plan_docx import BIZ_BODY, MS_BODY, build_plan_docx
from desktop.documents.plan_pdf import CHAPTERS
from desktop.models.errors import Cancelled, DomainError
from desktop.models.progress import Progress
from desktop.services import document_parts, documents


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_docx_holds_chapters_action_plans_and_kpis(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.docx"
    result = documents.build_document(ws, "plan", "docx", out)
    assert result.path == out
    d = docx.Document(str(out))
    text = all_text(d)
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert headings[: len(CHAPTERS)] != []
    for chapter in CHAPTERS:
        assert chapter in headings
    for expected in (
        "鯖江市DX推進計画",
        "オンライン申請が可能な手続の割合",
        "窓口の平均待ち時間",
        "窓口で申請書を書かずに済むようにする。",
        "めがね産業のデータ活用",
        "副市長",
        "令和7年度（2025年度）〜令和9年度（2027年度）",
        "（案）",
    ):
        assert expected in text, expected
    for label in ("概要", "現状・課題", "今後の展開", "評価指標", "実施スケジュール"):
        assert label in text
    assert "【案】" in d.sections[1].header.paragraphs[0].text


def test_docx_sets_the_japanese_fonts_on_east_asia(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.docx"
    documents.build_document(ws, "plan", "docx", out)
    normal = docx.Document(str(out)).styles["Normal"]
    east_asia = normal.element.rPr.rFonts.get(qn("w:eastAsia"))
    assert east_asia in (BIZ_BODY, MS_BODY)
    if document_parts.fonts_for(ws).body_family.startswith("BIZ"):
        assert east_asia == "BIZ UD明朝 Medium"


def test_docx_of_an_empty_plan_is_refused(ws, tmp_path):
    with pytest.raises(DomainError, match="計画の内容がまだ入力されていません"):
        documents.build_document(ws, "plan", "docx", tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_cancelling_the_docx_leaves_no_file(ws, tmp_path):
    fill_plan(ws)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def stop(done, total, label):
        if label == "保存しています":
            progress.cancel()

    progress = Progress(stop)
    with pytest.raises(Cancelled):
        documents.build_document(ws, "plan", "docx", out_dir / "plan.docx", progress=progress)
    assert list(Path(out_dir).iterdir()) == []


def test_table_columns_keep_their_widths_in_word_and_in_libreoffice(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.docx"
    documents.build_document(ws, "plan", "docx", out)
    for table in docx.Document(str(out)).tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        cells = [c.width for c in table.rows[0].cells]
        # LibreOffice lays tables out by the grid, Word by the cells: both must say the same.
        assert grid == [round(w.twips) for w in cells] or grid == [int(w.twips) for w in cells]
    form = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "概要")
    label, value = (int(c.get(qn("w:w"))) for c in form._tbl.tblGrid.findall(qn("w:gridCol")))
    assert value > 3 * label  # the アクションプラン text gets the room, not its label


PRINTED = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def pure_plan(**kw) -> PlanData:
    meta = DocMeta(
        "福井県鯖江市", "鯖江市DX推進計画", PRINTED.date(), "案", "総務課", PRINTED, head_title="市長"
    )
    return PlanData(meta=meta, title="鯖江市DX推進計画", vision="ビジョン", **kw)


def built(tmp_path, data: PlanData):
    out = tmp_path / "plan.docx"
    build_plan_docx(data, out)
    return docx.Document(str(out))


def test_the_contents_page_lists_the_headings_before_word_updates_it(tmp_path):
    d = built(tmp_path, pure_plan(priorities=(ActionPlan(1, "書かない窓口"),)))
    xml = d.element.body.xml
    assert "TOC \\o" in xml  # Word still rebuilds it with page numbers
    listed = [p.text for p in d.paragraphs if p.style.name.lower().startswith("toc")]
    for chapter in CHAPTERS:
        assert chapter in listed
    assert "1　書かない窓口" in listed


def test_heading_levels_never_jump(tmp_path):
    d = built(tmp_path, pure_plan(priorities=(ActionPlan(1, "書かない窓口"),), glossary="BPR：業務の見直し"))
    levels = [int(p.style.name.split()[-1]) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_each_kpi_line_and_each_indicator_appears_once(tmp_path):
    kpi = KpiLine("窓口の平均待ち時間", "分", 25, 2024, (KpiYear(2025, 20, 22),), priority_id="p")
    action = ActionPlan(1, "書かない窓口", indicators="窓口の平均待ち時間", kpi_names=("窓口の平均待ち時間",))
    d = built(tmp_path, pure_plan(start_fy=2025, end_fy=2027, priorities=(action,), kpis=(kpi,)))
    form = next(t for t in d.tables if t.rows[0].cells[0].text == "概要")
    indicator = next(r.cells[1].text for r in form.rows if r.cells[0].text == "評価指標")
    assert indicator.count("窓口の平均待ち時間") == 1 and "第8章参照" in indicator
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "指標")
    # 令和7・8年度 have begun by the 印刷日 (令和8年11月); 令和9年度 shows its target only.
    assert [c.text for c in table.rows[1].cells][3:] == ["目標", "実績", "目標", "実績", "目標"]
    assert table.rows[0].cells[3].text == "令和7年度"  # one label over its 目標 and 実績


def test_pages_are_numbered_from_the_first_page_after_the_cover_as_in_the_pdf(tmp_path):
    d = built(tmp_path, pure_plan())
    cover, body = d.sections
    assert all(not p.text for p in cover.footer.paragraphs)
    footer = body.footer._element.xml
    assert "PAGE" in footer and "SECTIONPAGES" in footer and "ページ" in footer
    assert body._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_the_file_properties_are_those_of_this_plan(tmp_path):
    props = built(tmp_path, pure_plan()).core_properties
    assert props.title == "鯖江市DX推進計画" and props.author == "福井県鯖江市"
    assert props.created == PRINTED and props.modified == PRINTED
    assert "python-docx" not in (props.comments or "") + (props.author or "") + (props.last_modified_by or "")


def test_the_roadmap_table_says_what_each_item_does_each_year(tmp_path):
    action = ActionPlan(1, "書かない窓口", start_fy=2025, activities=((2025, "検討・調達"), (2026, "導入")))
    d = built(tmp_path, pure_plan(start_fy=2025, end_fy=2027, priorities=(action,)))
    roadmap = next(t for t in d.tables if t.rows[0].cells[0].text == "重点取組事項" and len(t.columns) == 4)
    assert [c.text for c in roadmap.rows[1].cells] == ["1　書かない窓口", "検討・調達", "導入", "▶"]


def test_rows_never_split_and_an_action_plan_moves_to_the_next_page_whole(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.docx"
    documents.build_document(ws, "plan", "docx", out)
    d = docx.Document(str(out))
    for table in d.tables:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    action_plans = [t for t in d.tables if t.rows[0].cells[0].text == "概要"]
    assert action_plans
    for table in action_plans:
        kept = [
            p.paragraph_format.keep_with_next for row in table.rows for c in row.cells for p in c.paragraphs
        ]
        last = [p.paragraph_format.keep_with_next for c in table.rows[-1].cells for p in c.paragraphs]
        assert all(kept[: len(kept) - len(last)]) and not any(last)


def test_the_sentence_or_heading_before_a_table_stays_on_its_page(ws, tmp_path):
    fill_plan(ws)
    out = tmp_path / "plan.docx"
    documents.build_document(ws, "plan", "docx", out)
    d = docx.Document(str(out))
    for table in d.tables:
        before = table._tbl.getprevious()
        assert before.tag == qn("w:p")
        style = before.find(qn("w:pPr"))
        assert style is not None and style.find(qn("w:keepNext")) is not None, "".join(before.itertext())
