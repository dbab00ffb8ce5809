"""DX推進計画 DOCX: opens with python-docx, holds the chapters, アクションプラン and KPI names, Japanese fonts."""

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_plan_pdf import fill_plan  # tests/documents is on sys.path (rootdir-less test modules)

from desktop.documents.plan_docx import BIZ_BODY, MS_BODY
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
        "山田 太郎",
        "令和7年度（2025年度）〜令和9年度（2027年度）",
        "（案）",
    ):
        assert expected in text, expected
    for label in ("概要", "現状・課題", "今後の展開", "評価指標", "実施スケジュール"):
        assert label in text
    assert "【案】" in d.sections[0].header.paragraphs[0].text


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
