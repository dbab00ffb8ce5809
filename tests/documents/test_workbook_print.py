"""Every workbook the app writes, opened as Excel would: a Japanese font on every cell, wrapped text that never
overprints the next row, a readable print (landscape, fitted no smaller than 70 % or split over pages with
the key columns repeated), a page header with the title and a footer with page numbers, and dates as dates."""

import re
from datetime import UTC, date, datetime

import openpyxl
import pytest

from desktop.documents.data import DocMeta
from desktop.documents.xlsx_export import Column, text_lines, write_list_xlsx
from desktop.services import form_documents as fd
from desktop.services.demo import create_demo
from desktop.services.prefecture import reports
from desktop.services.prefecture.demo import create_prefecture_demo
from desktop.services.workspace import Workspace
from desktop.store.store import Store
from tests.conftest import FrozenClock

TODAY = date(2026, 11, 26)
CLOCK = FrozenClock(datetime(2026, 11, 26, 1, 0, tzinfo=UTC))
JAPANESE_FONTS = {"游ゴシック", "Yu Gothic", "ＭＳ Ｐゴシック", "MS PGothic", "メイリオ", "BIZ UDPゴシック"}
# Landscape printable width in mm (0.7 inch side margins) and the width of one column unit of an 11 pt font.
PRINTABLE_MM = {9: 297 - 2 * 17.8, 8: 420 - 2 * 17.8}  # openpyxl paper sizes: 9 = A4, 8 = A3
UNIT_MM = 1.9
DATE_TEXT = re.compile(r"^(?:令和|平成)(?:元|\d+)年\d+月\d+日$|^\d{4}[/-]\d{1,2}[/-]\d{1,2}$")


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    """Every XLSX of the town and of the prefecture, written from the demo data."""
    folder = tmp_path_factory.mktemp("workbooks")
    paths = []
    with Store.open(folder / "town", clock=CLOCK) as store:
        create_demo(store, today=TODAY)
        ws = Workspace(store)
        for name, export in (
            ("needs", fd.export_needs_xlsx),
            ("tracker", fd.export_tracker_xlsx),
            ("kpi", fd.export_kpi_xlsx),
        ):
            export(ws, folder / f"{name}.xlsx")
            paths.append(folder / f"{name}.xlsx")
    with Store.open(folder / "pref", clock=CLOCK) as store:
        create_prefecture_demo(store, today=TODAY)
        for key, kind in reports.REPORTS.items():
            if kind.fmt == "xlsx":
                reports.build_report(Workspace(store), key, folder / f"pref-{key}.xlsx", today=TODAY)
                paths.append(folder / f"pref-{key}.xlsx")
    return paths


def sheets(paths):
    for path in paths:
        for sheet in openpyxl.load_workbook(path).worksheets:
            yield f"{path.name}:{sheet.title}", sheet


def column_width(sheet, cell) -> float:
    return sheet.column_dimensions[cell.column_letter].width


def test_every_workbook_of_the_town_and_the_prefecture_is_checked(workbooks):
    assert len(workbooks) == 9


def test_every_cell_is_set_in_a_japanese_font(workbooks):
    wrong = []
    for name, sheet in sheets(workbooks):
        for row in sheet.iter_rows():
            wrong += [(name, c.coordinate, c.font.name) for c in row if c.value is not None
                      and c.font.name not in JAPANESE_FONTS]  # fmt: skip
    assert wrong == []


def test_wrapped_text_gets_the_row_height_it_needs(workbooks):
    short, wrapped = [], 0
    for name, sheet in sheets(workbooks):
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or not cell.alignment.wrap_text:
                    continue
                wrapped += 1
                lines = text_lines(str(cell.value), column_width(sheet, cell))
                height = sheet.row_dimensions[cell.row].height or 15
                if height < lines * 11 * 1.3:  # 11 pt text needs at least 1.3 × 11 pt per line
                    short.append((name, cell.coordinate, lines, height))
    assert wrapped > 20 and short == []


def test_a_typed_line_break_wraps_and_heightens_its_row(tmp_path):
    meta = DocMeta("福井県", "お知らせ", TODAY)
    columns = [Column("件名", lambda r: r[0]), Column("本文", lambda r: r[1], "wrap")]
    out = tmp_path / "list.xlsx"
    write_list_xlsx(meta, "180009", "お知らせ", columns, [("一行目\n二行目\n三行目", "短い本文")], out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet["A2"].alignment.wrap_text and sheet.row_dimensions[2].height >= 3 * 11 * 1.3


def test_every_sheet_prints_landscape_at_a_readable_scale(workbooks):
    unreadable = []
    for name, sheet in sheets(workbooks):
        setup = sheet.page_setup
        assert setup.orientation == "landscape", name
        total = sum(sheet.column_dimensions[c].width or 8.43 for c in sheet.column_dimensions)
        if sheet.sheet_properties.pageSetUpPr.fitToPage:
            assert setup.fitToWidth == 1 and setup.fitToHeight == 0, name
            scale = min(1.0, PRINTABLE_MM[int(setup.paperSize)] / (total * UNIT_MM)) * 100
        else:
            scale = setup.scale or 100
            assert sheet.print_title_cols and sheet.print_title_rows, name  # key columns on every page
        if scale < 70:  # 11 pt text printed at 7.7 pt or larger
            unreadable.append((name, round(scale), setup.paperSize))
    assert unreadable == []


def test_a_wide_table_prints_over_pages_with_its_key_columns_rather_than_shrunk(workbooks):
    towns = openpyxl.load_workbook(next(p for p in workbooks if p.name == "pref-towns.xlsx")).worksheets[0]
    assert not towns.sheet_properties.pageSetUpPr.fitToPage
    assert int(towns.page_setup.paperSize) == 8  # A3
    assert towns.print_title_cols == "$A:$B"  # 団体コード and 団体名 on every page


def test_every_page_has_the_title_in_its_header_and_page_numbers_in_its_footer(workbooks):
    for name, sheet in sheets(workbooks):
        info = openpyxl.load_workbook(next(p for p in workbooks if name.startswith(p.name)))["情報"]
        title = info["B1"].value
        assert title in sheet.oddHeader.center.text, name
        footer = sheet.oddFooter.center.text
        assert "&P" in footer and "&N" in footer, name


def test_dates_are_dates_shown_in_wareki(workbooks):
    texts, dates = [], 0
    for name, sheet in sheets(workbooks):
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime | date):
                    dates += 1
                    assert "ggge" in cell.number_format or "yyyy/mm/dd" in cell.number_format, (name, cell)
                elif isinstance(cell.value, str) and DATE_TEXT.match(cell.value):
                    texts.append((name, cell.coordinate, cell.value))
    assert dates > 20 and texts == []
