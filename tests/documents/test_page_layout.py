"""The common page template: 禁則, tables split with repeated headers, page numbers, 和暦, 案, atomic writes."""

import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from desktop.documents.contents import toc
from desktop.documents.data import DocMeta
from desktop.documents.fonts import find_fonts
from desktop.documents.glyphs import MissingGlyphsError
from desktop.documents.headings import heading
from desktop.documents.pages import write_pdf
from desktop.documents.styles import make_styles
from desktop.documents.tables import col_widths, data_table, form_table
from desktop.documents.text import Para, para, paras
from desktop.models.errors import Cancelled
from desktop.models.progress import Progress

CANNOT_START = "。、」）"
TEXT = (
    "本市では、人口減少と少子高齢化が進む中、限られた職員で質の高い行政サービスを提供し続けることが"
    "求められています。国の「自治体DX推進計画」を踏まえ、デジタル技術やデータを活用して住民の利便性を"
    "向上させるとともに、業務の効率化により生み出した人的資源を、行政サービスの更なる向上につなげます。"
)


@pytest.fixture(scope="module")
def fonts():
    return find_fonts()


@pytest.fixture(scope="module")
def st(fonts):
    return make_styles(fonts)


def meta(draft=False):
    return DocMeta("福井県鯖江市", "テスト文書", date(2026, 11, 26), mark="案" if draft else "")


def page_texts(path):
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def line_texts(p: Paragraph) -> list[str]:
    """The text of each laid-out line of a wrapped paragraph."""
    out = []
    for line in p.blPara.lines:
        words = line[1] if isinstance(line, tuple) else line.words
        out.append("".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words))
    return out


def test_cjk_wrapping_never_starts_a_line_with_closing_punctuation(st):
    pulled_up = 0
    for width in range(40, 260, 3):
        p = Paragraph(TEXT, st.body_flat)
        p.wrap(width, 10_000)
        lines = line_texts(p)
        assert "".join(lines) == TEXT
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, line)
        pulled_up += sum(1 for line in lines[:-1] if line[-1] in CANNOT_START)
    assert pulled_up > 0  # the widths tried do put 。 and 、 at line ends, where 禁則 keeps them


OPENING = "「『（【〔［｛〈《‘“"
BRACKETED = (
    "本市は「自治体DX推進計画」（令和7年度改定）に基づき、『書かない窓口』の実現に向けて【重点取組】を"
    "定め、（仮称）「デジタル推進本部」を設置します。各課は「業務の棚卸し」（全庁調査）を行い、"
    "『標準化』と「ガバメントクラウド」（移行計画）の工程を〔別紙〕のとおり進めます。"
)


def test_an_opening_bracket_never_ends_a_line(st):
    moved_down = 0
    for width in range(40, 260, 3):
        p = para(BRACKETED, st.body_flat)
        p.wrap(width, 10_000)
        lines = line_texts(p)
        assert "".join(lines) == BRACKETED  # nothing lost, nothing doubled
        assert all(lines), (width, lines)  # no empty line
        for line in lines[:-1]:
            assert line[-1] not in OPENING, (width, line)
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, line)
        plain = Paragraph(BRACKETED, st.body_flat)  # reportlab alone, for comparison
        plain.wrap(width, 10_000)
        moved_down += sum(1 for line in line_texts(plain)[:-1] if line[-1] in OPENING)
    assert moved_down > 0  # the widths tried do leave brackets at line ends without the fix


def test_brackets_move_down_in_mixed_markup_too(st):
    # several fragments (a coloured word) take reportlab's other CJK splitter
    text = BRACKETED.replace("書かない窓口", '<font color="#c00000">書かない窓口</font>')
    for width in range(40, 260, 3):
        p = Para(text, st.body_flat)
        p.wrap(width, 10_000)
        assert p.blPara.kind == 1
        lines = line_texts(p)
        assert "".join(lines) == BRACKETED
        for line in lines[:-1]:
            assert line[-1] not in OPENING, (width, line)
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, line)


def test_no_line_of_a_written_pdf_ends_with_an_opening_bracket(tmp_path, fonts, st):
    story = []
    for i in range(40):  # paragraphs that split across pages, and a table cell
        story += paras(BRACKETED * (1 + i % 3), st.body)
    story.append(form_table([("概要", BRACKETED * 12)], st))
    out = tmp_path / "brackets.pdf"
    write_pdf(out, meta(), fonts, story)
    lines = [line for text in page_texts(out) for line in text.split("\n") if line.strip()]
    assert sum(1 for line in lines if "本市は「自治体DX推進計画」" in line) > 20
    assert [line for line in lines if line[-1] in OPENING] == []


def test_a_line_shortened_for_a_bracket_is_still_centred(st):
    title = "福井県内市町村 文書管理システム共同調達（デモ）"
    style = ParagraphStyle("spec-cover-title", parent=st.cover_title, fontSize=22, leading=34)
    p = para(title, style)
    width = 160 * mm
    p.wrap(width, 10_000)
    assert line_texts(p) == ["福井県内市町村 文書管理システム共同調達", "（デモ）"]
    for (extra, (text,)), avail in zip(p.blPara.lines, p._wrapWidths, strict=True):
        # unused space is measured against the full width, so centring places the line right
        assert extra == pytest.approx(avail - stringWidth(text, style.fontName, style.fontSize))


def test_a_line_of_nothing_but_brackets_is_left_as_it_is(st):
    p = para("「『（【〔「『（【〔「『（【〔「『（【〔", st.body_flat)
    p.wrap(40, 10_000)
    lines = line_texts(p)
    assert len(lines) > 1 and "".join(lines) == "「『（【〔" * 4


def test_line_breaking_is_reused_per_width_and_redone_for_another(st):
    p = para(BRACKETED, st.body_flat)
    p.wrap(100, 10_000)
    narrow = line_texts(p)
    p.wrap(200, 10_000)
    wide = line_texts(p)
    p.wrap(100, 10_000)
    assert line_texts(p) == narrow != wide
    fresh = para(BRACKETED, st.body_flat)
    fresh.wrap(200, 10_000)
    assert line_texts(fresh) == wide


def test_paragraph_styles_wrap_japanese_as_cjk(st):
    for style in (st.body, st.body_flat, st.cell, st.cell_head, st.cell_label, st.h1, st.h2, st.note):
        assert style.wordWrap == "CJK"
        assert style.fontName in (st.body_font, st.heading_font)


def test_a_table_longer_than_a_page_repeats_its_header(tmp_path, fonts, st):
    rows = [
        [f"業務{i:03d}", "標準準拠システムへの移行作業を進めています。" * 2, "令和8年3月31日"]
        for i in range(90)
    ]
    out = tmp_path / "long.pdf"
    result = write_pdf(
        out, meta(), fonts, [data_table(["業務名", "状況", "移行予定日"], rows, col_widths(2, 5, 2), st)]
    )
    pages = page_texts(out)
    assert result.pages == len(pages) >= 3
    for text in pages[1:]:
        assert "業務名" in text and "移行予定日" in text
    assert "業務045" in "".join(pages[1:])
    assert "業務089" in pages[-1]


def test_long_text_in_a_form_row_splits_across_pages(tmp_path, fonts, st):
    out = tmp_path / "form.pdf"
    table = form_table([("概要", TEXT * 30), ("今後の展開", "次年度に検証する。")], st)
    result = write_pdf(out, meta(), fonts, [table])
    assert result.pages >= 2
    assert "次年度に検証する。" in page_texts(out)[-1]


def test_footer_numbers_pages_and_shows_the_wareki_date_and_header(tmp_path, fonts, st):
    out = tmp_path / "numbered.pdf"
    story = [p for _ in range(48) for p in paras(TEXT, st.body)]
    result = write_pdf(out, meta(), fonts, story)
    pages = page_texts(out)
    n = len(pages)
    assert n == result.pages >= 2
    for i, text in enumerate(pages, start=1):
        assert f"{i} / {n} ページ" in text
        assert "令和8年11月26日" in text
        assert "福井県鯖江市" in text
        assert "案" not in text


def test_drafts_carry_the_an_mark_on_every_page(tmp_path, fonts, st):
    out = tmp_path / "draft.pdf"
    write_pdf(out, meta(draft=True), fonts, [p for _ in range(40) for p in paras(TEXT, st.body)])
    pages = page_texts(out)
    assert len(pages) >= 2
    assert all("案" in text for text in pages)


def test_toc_lists_headings_with_the_page_numbers_the_footer_shows(tmp_path, fonts, st):
    from reportlab.platypus import NextPageTemplate, PageBreak

    story = [para("表紙", st.cover_title), NextPageTemplate("body"), PageBreak(), toc(st), PageBreak()]
    for i in range(1, 4):
        story += [heading(f"第{i}章　見出し{i}", 1, st), *paras(TEXT * 12, st.body), PageBreak()]
    out = tmp_path / "toc.pdf"
    write_pdf(out, meta(), fonts, story, cover=True)
    pages = page_texts(out)
    assert "1 / " not in pages[0]  # the cover is not numbered
    contents = pages[1]
    shown = []
    for i in range(1, 4):
        n = next(n for n, text in enumerate(pages[1:], start=1) if f"見出し{i}" in text and n > 1)
        assert f"見出し{i}" in contents
        assert f"{n} / {len(pages) - 1} ページ" in pages[n]
        shown.append(str(n))
    assert re.findall(r"見出し\d\n(\d+)\n", contents) == shown  # each entry ends in the footer's number
    reader = PdfReader(str(out))
    assert [o.title for o in reader.outline if not isinstance(o, list)][:3] == [
        "第1章　見出し1",
        "第2章　見出し2",
        "第3章　見出し3",
    ]


def test_missing_glyphs_are_reported_before_anything_is_written(tmp_path, fonts, st):
    out = tmp_path / "glyph.pdf"
    with pytest.raises(MissingGlyphsError) as err:
        write_pdf(
            out, meta(), fonts, [para("𠮷野家", st.body)], check=[("概要", "𠮷野家の店舗"), ("備考", "ok")]
        )
    message = str(err.value)
    assert "概要" in message and "𠮷" in message and "備考" not in message
    assert err.value.missing == {"概要": "𠮷"}
    assert list(tmp_path.iterdir()) == []


def test_cancel_removes_the_temp_file_and_keeps_an_existing_file(tmp_path, fonts, st):
    out = tmp_path / "cancel.pdf"
    out.write_bytes(b"old")
    progress = Progress(lambda done, total, label: progress.cancel())
    from desktop.documents.pages import ProgressMark

    story = [
        ProgressMark(0, 2, "a"),
        *paras(TEXT * 40, st.body),
        ProgressMark(1, 2, "b"),
        para("end", st.body),
    ]
    with pytest.raises(Cancelled):
        write_pdf(out, meta(), fonts, story, progress=progress)
    assert [p.name for p in tmp_path.iterdir()] == ["cancel.pdf"]
    assert out.read_bytes() == b"old"


def test_an_unwritable_folder_is_refused_in_japanese(tmp_path, fonts, st):
    from desktop.documents.output import OutputError

    with pytest.raises(OutputError, match="フォルダ"):
        write_pdf(tmp_path / "missing" / "x.pdf", meta(), fonts, [para("x", st.body)])


def test_list_items_hang_under_their_number(st):
    first, plain = paras("1　住民目線で、書かない窓口をつくります。\n2026年度に見直します。", st.body_flat)
    assert first.style.firstLineIndent < 0 and first.style.leftIndent > 0
    assert plain.style is st.body_flat  # a year is not a list number


def test_a_contents_longer_than_a_page_continues_on_the_next_page(tmp_path, fonts, st):
    from reportlab.platypus import PageBreak

    story = [toc(st), PageBreak()]
    for i in range(1, 61):
        story += [heading(f"第{i}章　見出し{i}", 1, st), *paras(TEXT, st.body)]
    out = tmp_path / "longtoc.pdf"
    write_pdf(out, meta(), fonts, story)
    pages = page_texts(out)
    assert "見出し60" not in pages[0] and "見出し60" in pages[1]  # the 目次 continues on page 2
    last = next(n for n, text in enumerate(pages, start=1) if "第60章" in text and n > 2)
    assert f"{last} / {len(pages)} ページ" in pages[last - 1]
    assert re.search(rf"見出し60\n{last}\n", pages[1])
