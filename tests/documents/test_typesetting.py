"""Typesetting rules every PDF follows, checked on the line breaking and table splits of every document built
from the demo data and on short texts made to break the rules: no one-character last line (策／定), no date or
name such as 「JIS X 8341-3」 split across lines, no table leaving a single row on a page, every font embedded."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, Table

from desktop.documents.fonts import find_fonts
from desktop.documents.styles import make_styles
from desktop.documents.tables import col_widths, data_table, form_table
from desktop.documents.text import CANNOT_END, CANNOT_START, Para, no_break_runs, para
from desktop.services import form_documents as fd
from desktop.services import jobs, procurement
from desktop.services.demo import create_demo
from desktop.services.plan_documents import build_plan_pdf, build_progress_pdf
from desktop.services.prefecture import reports
from desktop.services.prefecture.demo import create_prefecture_demo
from desktop.services.workspace import Workspace
from desktop.store.store import Store
from tests.conftest import FrozenClock
from tests.documents.test_form_documents import font_files
from tests.documents.test_page_layout import line_texts

TODAY = date(2026, 11, 26)
CLOCK = FrozenClock(datetime(2026, 11, 26, 1, 0, tzinfo=UTC))
WIDTHS = range(60, 320, 2)  # from a narrow table cell to a full line of text
DATED = (
    "本町は令和7年4月1日に計画を策定し、JIS X 8341-3:2016 に準拠したウェブサイトを令和8年度までに整備する。"
    "問い合わせは dx-suishin@town.example.lg.jp まで。職員数は1,234人で、第5章に示すとおり2026年4月1日に始める。"
)


@pytest.fixture(scope="module")
def st():
    return make_styles(find_fonts())


def visible(line: str) -> str:
    """What a reader counts as the characters of a line: no spaces, no closing marks."""
    return "".join(ch for ch in line if not ch.isspace() and ch not in CANNOT_START)


def one_character_last_line(lines: list[str]) -> bool:
    return len(lines) > 1 and len(visible(lines[-1])) <= 1 and len(visible(lines[-2])) >= 4


def split_runs(text: str, lines: list[str]) -> list[str]:
    """The no-break runs of `text` that a line break cuts although the run could have started that line."""
    cut, pos = [], 0
    for line in lines[:-1]:
        start = text.find(line, pos) if line else pos
        end = start + len(line)
        for s, e in no_break_runs(text):
            if start < s < end < e and line[: s - start].strip("".join(CANNOT_END)):
                cut.append(text[s:e])
        pos = end
    return cut


# --- the rules, on texts made to break them -----------------------------------------------------------------


def blocks_of(p: Paragraph) -> list[list[str]]:
    """The lines of a wrapped paragraph, in blocks between forced breaks (<br/>)."""
    if p.blPara.kind == 0:
        return [line_texts(p)]
    blocks, current = [], []
    for line in p.blPara.lines:
        current.append("".join(getattr(w, "text", "") for w in line.words))
        if getattr(line, "lineBreak", False):
            blocks.append([b for b in current if b])
            current = []
    return [*blocks, [b for b in current if b]]


def breaches(text: str, style, rule) -> tuple[list, int]:
    """(widths where our line breaking breaks `rule`, with the lines; how many widths reportlab's alone does).

    `rule(text, block)` is true when a block of lines breaks the rule. Our lines must also keep every
    character (spaces at a line end may go).
    """
    ours, plain_count = [], 0
    for width in WIDTHS:
        p = para(text, style) if "<br/>" not in text else Para(text, style)
        p.wrap(width, 10_000)
        blocks = blocks_of(p)
        kept = "".join(line for block in blocks for line in block).replace(" ", "")
        assert kept == text.replace("<br/>", "").replace(" ", ""), (width, blocks)
        if any(rule(text, block) for block in blocks):
            ours.append((width, blocks))
        plain = Paragraph(text, style)
        plain.wrap(width, 10_000)
        plain_count += any(rule(text, block) for block in blocks_of(plain))
    return ours, plain_count


def test_no_paragraph_ends_with_a_line_of_one_character(st):
    text = "本計画は、デジタル技術を活用して住民サービスの向上と業務の効率化を図るため、本町が策定するものである。"
    ours, reportlab_alone = breaches(text, st.body_flat, lambda _t, lines: one_character_last_line(lines))
    assert ours == [] and reportlab_alone > 0  # the widths tried do leave a lone 「る。」 without the rule


def test_a_lone_last_character_is_joined_by_its_neighbour_also_before_a_forced_break(st):
    text = "本計画は、本町の行政運営の指針として策定するものである。<br/>第二段落の本文である。"
    ours, reportlab_alone = breaches(text, st.body_flat, lambda _t, lines: one_character_last_line(lines))
    assert ours == [] and reportlab_alone > 0


def test_two_closing_marks_never_start_a_line(st):
    # reportlab hangs the first of 「）、」 past the line end and starts the next line with the second
    text = "業務の棚卸し、RPA対象業務の選定（4業務）、生成AI利用ガイドラインの策定（令和7年度）。相談会の試行（2地区）、支援者の募集。"
    ours, reportlab_alone = breaches(
        text, st.cell, lambda _t, lines: any(ln[0] in CANNOT_START for ln in lines[1:])
    )
    assert ours == [] and reportlab_alone > 0


def test_dates_years_units_and_latin_names_are_never_split_across_lines(st):
    ours, reportlab_alone = breaches(DATED, st.cell, lambda text, lines: split_runs(text, lines) != [])
    assert ours == [] and reportlab_alone > 0


def test_list_items_typed_in_a_table_cell_hang_under_their_text(st):
    text = "主な職務は次のとおり。\n・本町の情報システムと業務の現状分析、課題の抽出、改善策の助言・提言\n・情報セキュリティ対策への助言"
    table = form_table([("職務内容", text)], st, label_width=60, width=260)
    table.wrap(260, 10_000)
    intro, first, second = table._cellvalues[0][1]
    assert intro.style.firstLineIndent == 0
    assert first.style.leftIndent > 0 and first.style.firstLineIndent == -first.style.leftIndent
    assert len(line_texts(first)) > 1 and line_texts(first)[0].startswith("・")


def test_the_no_break_runs_are_the_tokens_a_reader_reads_as_one():
    runs = [DATED[s:e] for s, e in no_break_runs(DATED)]
    for token in ("令和7年4月1日", "JIS X 8341-3:2016", "令和8年度", "dx-suishin@town.example.lg.jp", "1,234人",
                  "第5章", "2026年4月1日"):  # fmt: skip
        assert token in runs


def test_a_table_split_across_pages_never_leaves_a_single_row_on_either_page(st):
    rows = [[str(i), f"業務{i}", "令和8年4月1日"] for i in range(1, 30)]
    grid = data_table(["番号", "業務", "本稼働予定日"], rows, col_widths(1, 4, 3), st)
    form = form_table([(f"項目{i}", "内容" * 20) for i in range(1, 30)], st)
    for table, head in ((grid, 1), (form, 0)):
        width, height = table.wrap(400, 10_000)
        single = []
        for avail in range(40, int(height), 3):
            parts = table.split(400, avail)
            if len(parts) == 2:
                single += [avail for part in parts if len(part._cellvalues) - head < 2]
        assert single == []


# --- every document of the demo -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_documents(tmp_path_factory):
    """Every PDF the town and the prefecture print, built from the demo data, with the paragraphs as they were
    broken into lines and the table splits made on the way."""
    folder: Path = tmp_path_factory.mktemp("demo-documents")
    paragraphs: list[Para] = []
    splits: list[tuple[Table, list]] = []
    wrap, split = Para.wrap, Table.split

    def recording_wrap(self, w, h):
        paragraphs.append(self)
        return wrap(self, w, h)

    def recording_split(self, w, h):
        parts = split(self, w, h)
        splits.append((self, parts))
        return parts

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Para, "wrap", recording_wrap)
        mp.setattr(Table, "split", recording_split)
        pdfs = []
        with Store.open(folder / "town", clock=CLOCK) as store:
            create_demo(store, today=TODAY)
            ws = Workspace(store)
            build_plan_pdf(ws, folder / "plan.pdf")
            build_progress_pdf(ws, folder / "progress.pdf")
            fd.build_needs_pdf(ws, folder / "needs.pdf")
            pdfs += [folder / "plan.pdf", folder / "progress.pdf", folder / "needs.pdf"]
            for spec in procurement.specs(ws):
                fd.build_spec_pdf(ws, folder / f"spec-{spec.id}.pdf", spec.id)
                pdfs.append(folder / f"spec-{spec.id}.pdf")
            for jd in jobs.jobs(ws):
                fd.build_jd_pdf(ws, folder / f"jd-{jd.id}.pdf", jd.id)
                pdfs.append(folder / f"jd-{jd.id}.pdf")
        with Store.open(folder / "pref", clock=CLOCK) as store:
            create_prefecture_demo(store, today=TODAY)
            reports.build_report(Workspace(store), "progress", folder / "report.pdf", today=TODAY)
            pdfs.append(folder / "report.pdf")
    return pdfs, paragraphs, splits


def test_every_font_of_every_demo_document_is_embedded(demo_documents):
    pdfs, _, _ = demo_documents
    assert len(pdfs) >= 8
    for path in pdfs:
        fonts = font_files(path)
        assert fonts and all(fonts.values()), (path.name, fonts)


def test_no_line_of_a_demo_document_starts_with_a_closing_mark(demo_documents):
    _, paragraphs, _ = demo_documents
    starts = []
    for p in paragraphs:
        if getattr(p, "blPara", None) is None:
            continue
        lines, forced = line_texts(p), [getattr(line, "lineBreak", False) for line in p.blPara.lines]
        starts += [
            lines[i] for i in range(1, len(lines)) if lines[i][:1] in CANNOT_START and not forced[i - 1]
        ]
    assert starts == []


def test_no_paragraph_of_a_demo_document_ends_with_a_line_of_one_character(demo_documents):
    _, paragraphs, _ = demo_documents
    broken = [p for p in paragraphs if getattr(p, "blPara", None) is not None and len(p.blPara.lines) > 1]
    assert len(broken) > 100
    assert [line_texts(p)[-2:] for p in broken if one_character_last_line(line_texts(p))] == []


def test_no_date_or_name_of_a_demo_document_is_split_across_lines(demo_documents):
    _, paragraphs, _ = demo_documents
    cut = []
    for p in paragraphs:
        if getattr(p, "blPara", None) is not None and len(p.blPara.lines) > 1:
            cut += split_runs(p.getPlainText(), line_texts(p))
    assert cut == []


def test_no_table_of_a_demo_document_leaves_a_single_row_on_a_page(demo_documents):
    _, _, splits = demo_documents
    single = []
    for table, parts in splits:
        if len(parts) == 2 and len(table._cellvalues) - table.repeatRows >= 4:
            first, rest = parts
            if len(first._cellvalues) - table.repeatRows < 2 or len(rest._cellvalues) - rest.repeatRows < 2:
                single.append([str(c) for c in table._cellvalues[table.repeatRows]][:2])
    assert single == []


def test_an_action_plan_that_fits_on_a_page_is_printed_on_one_page(demo_documents):
    pdfs, _, _ = demo_documents
    plan = next(p for p in pdfs if p.name == "plan.pdf")
    pages = [page.extract_text().replace(" ", "") for page in PdfReader(str(plan)).pages]
    tables = [(page.count("概要"), page.count("実施スケジュール")) for page in pages]
    assert sum(first for first, _ in tables) == 8  # the demo's eight アクションプラン
    assert [i for i, (first, last) in enumerate(tables, 1) if first != last] == []
