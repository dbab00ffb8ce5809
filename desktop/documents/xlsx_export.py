"""XLSX workbooks the prefecture works with every day: needs list, 20業務 tracker, KPI targets/actuals.

Plain data tables (no macros, nothing a sanitiser strips): Japanese headers in a bold, filled, frozen first
row with an autofilter; 団体コード and 団体名 on every row so the prefecture can stack the workbooks of many
municipalities; dates as real Excel dates shown in 和暦; widths that fit Japanese text (full-width = 2).
Every cell is set in a Japanese font, wrapped cells get the row height their text needs, and the sheets print
readably: landscape, A4 or A3 fitted to the page width while the print stays at least MIN_PRINT_SCALE, else at
that scale over several pages with the key columns and the header row repeated; a header with the title and
a footer with 「ページ n / N」 on every page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.documents.data import BuildResult, DocMeta, KpiLine
from desktop.documents.needs_pdf import NeedsDocData
from desktop.documents.output import atomic_output
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.models.wareki import fiscal_year_label, wareki_date

# Excel shows these as 令和9年4月1日 (LCID 411 = 日本語, ggg = 元号 name, e = year of the era).
WAREKI_DATE_FORMAT = '[$-411]ggge"年"m"月"d"日"'
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
# 游ゴシック, Excel's Japanese default; charset 128 (Shift_JIS) makes an Excel or LibreOffice without it take
# another Japanese font (MS Pゴシック, Noto Sans CJK JP …) rather than a Latin one.
FONT_NAME = "游ゴシック"
FONT_PT = 11
LINE_PT = 18.75  # height of one line of FONT_PT text in 游ゴシック (Excel's default row height)
CELL_FONT = Font(name=FONT_NAME, size=FONT_PT, charset=128)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_PT, charset=128, bold=True)
THIN = Side(style="thin", color="8C8C8C")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAX_WIDTH = 60
WRAP_WIDTH = 42  # long text columns wrap at about 21 full-width characters
# Printable width of a landscape page in Excel column-width units (about 2 mm each, 1.8 cm margins), and the
# smallest print scale that stays readable; a wider table prints over several pages instead.
PRINTABLE_UNITS = {"A4": 125.0, "A3": 185.0}
MIN_PRINT_SCALE = 75  # 11 pt text prints at 8 pt or larger


@dataclass(frozen=True)
class Column:
    """A column: header, kind of value and how to read it from a row object."""

    header: str
    get: Callable[[Any], Any]
    kind: str = "text"  # text | wrap | date | int | year | number


@dataclass(frozen=True)
class TrackerLine:
    """One of the 20 標準化対象業務 with the municipality's migration record."""

    number: int
    name: str
    group: str = ""
    phase: str = ""  # 段階 label; 未着手 when none
    vendor: str = ""
    package_name: str = ""
    planned_go_live: date | None = None
    specific_support: bool = False
    specific_reason: str = ""
    gov_cloud: bool = False
    contract_end: date | None = None
    note: str = ""


@dataclass(frozen=True)
class TrackerSheetData:
    """The 20業務 tracker of one municipality."""

    meta: DocMeta
    code: str
    lines: tuple[TrackerLine, ...]


@dataclass(frozen=True)
class KpiSheetData:
    """KPIs of the plan and the 年度 to show targets/actuals for."""

    meta: DocMeta
    code: str
    kpis: tuple[KpiLine, ...]
    years: tuple[int, ...]


def display_width(text: str) -> int:
    """Width in Excel character units: full-width (and ambiguous) characters count as 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("F", "W", "A") else 1 for ch in text)


def _shown(value: Any, kind: str) -> str:
    """The text Excel will show, for sizing the column."""
    if value is None:
        return ""
    if kind == "date" and isinstance(value, date):
        return wareki_date(value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) if kind == "year" else f"{value:,}"
    return str(value)


def _write_table(
    sheet: Worksheet,
    columns: Sequence[Column],
    rows: Sequence[Any],
    progress: Progress,
    label: str,
    meta: DocMeta,
) -> None:
    """Header + rows with types, fonts, widths, row heights, frozen header, autofilter and print setup."""
    for c, col in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=c, value=col.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    widths = [display_width(col.header) for col in columns]
    shown_rows: list[list[str]] = []  # per row, the text of each wrapped cell ("" for the others)
    for r, obj in enumerate(rows, 2):
        if r % 50 == 0:
            progress.report(r, len(rows) + 1, label)
        shown_row = []
        for c, col in enumerate(columns, 1):
            value = col.get(obj)
            if isinstance(value, str) and value == "":
                value = None
            cell = sheet.cell(row=r, column=c, value=value)
            cell.border = BORDER
            cell.font = CELL_FONT
            shown = _shown(value, col.kind)
            wrap = col.kind == "wrap" or "\n" in shown  # a line break typed in a short field shows too
            cell.alignment = Alignment(vertical="top", wrap_text=wrap)
            if col.kind == "date" and value is not None:
                cell.number_format = WAREKI_DATE_FORMAT
            elif col.kind == "int" and value is not None:
                cell.number_format = "#,##0"
            elif col.kind == "year" and value is not None:
                cell.number_format = "0"  # 2026, not 2,026
            elif col.kind == "number" and value is not None:
                is_whole = float(value).is_integer()
                cell.number_format = "#,##0" if is_whole else "#,##0.0#"
            shown_row.append(shown if wrap else "")
            longest = max((display_width(line) for line in shown.split("\n")), default=0)
            widths[c - 1] = max(widths[c - 1], min(longest, WRAP_WIDTH if wrap else MAX_WIDTH))
        shown_rows.append(shown_row)
    widths = [w + 3 for w in widths]
    for c, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.row_dimensions[1].height = row_height([col.header for col in columns], widths)
    for r, shown_row in enumerate(shown_rows, 2):
        if any(shown_row):  # the wrapped cells of the row, "" for the others
            sheet.row_dimensions[r].height = row_height(shown_row, widths)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"
    _print_setup(sheet, widths, meta, key_columns=_key_columns(columns))


def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped cell `width` column units wide: characters fill each line
    (full-width = 2 units) until the next one no longer fits, as Excel breaks Japanese text."""
    usable = max(width - 2, 2)  # the cell's inner margins
    total = 0
    for paragraph in (text or "").split("\n"):
        lines, used = 1, 0
        for ch in paragraph:
            w = display_width(ch)
            if used + w > usable:
                lines, used = lines + 1, 0
            used += w
        total += lines
    return total


def row_height(texts: Sequence[str], widths: Sequence[float]) -> float:
    """Row height in points that shows every line of the wrapped `texts` in their columns."""
    lines = max((text_lines(t, w) for t, w in zip(texts, widths, strict=True)), default=1)
    return round(lines * LINE_PT + 4, 2)


def _key_columns(columns: Sequence[Column]) -> int:
    """How many leading columns name a row (団体コード, 団体名, 番号, 件名 …): repeated on every printed page
    when the table is printed over several pages side by side."""
    keys = {"団体コード", "団体名", "番号", "件名", "業務名", "指標名", "掲載名", "タイトル", "掲載日"}
    n = 0
    while n < len(columns) and columns[n].header in keys:
        n += 1
    return max(n, 1)


def _print_setup(sheet: Worksheet, widths: Sequence[float], meta: DocMeta, key_columns: int = 0) -> None:
    """Landscape; A4 or A3 fitted to the width when that keeps the print at MIN_PRINT_SCALE or more, else A3
    at that scale over several pages with the header row and the key columns on each; title in the page
    header, 「ページ n / N」 and the date in the footer."""
    total = sum(widths)
    setup = sheet.page_setup
    setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = False
    for paper, size in (("A4", sheet.PAPERSIZE_A4), ("A3", sheet.PAPERSIZE_A3)):
        if total * MIN_PRINT_SCALE / 100 <= PRINTABLE_UNITS[paper]:
            setup.paperSize = size
            setup.fitToWidth = 1
            setup.fitToHeight = 0
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
            break
    else:
        setup.paperSize = sheet.PAPERSIZE_A3
        setup.scale = MIN_PRINT_SCALE
        sheet.sheet_properties.pageSetUpPr.fitToPage = False
        # the key columns repeated on each page, as many as take up to a third of it
        room = PRINTABLE_UNITS["A3"] * 100 / MIN_PRINT_SCALE / 3
        repeat = 1
        while repeat < key_columns and sum(widths[: repeat + 1]) <= room:
            repeat += 1
        if key_columns:
            sheet.print_title_cols = f"A:{get_column_letter(repeat)}"
    sheet.page_margins.left = sheet.page_margins.right = 0.7
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    title = f"{meta.municipality}　{meta.title}".replace("&", "&&")
    sheet.oddHeader.center.text = title
    sheet.oddHeader.center.size = 10
    sheet.oddFooter.center.text = "ページ &P / &N"
    sheet.oddFooter.center.size = 9
    sheet.oddFooter.right.text = f"出力日　{wareki_date(meta.printed_on)}"
    sheet.oddFooter.right.size = 9


def _info_sheet(wb: Workbook, meta: DocMeta, code: str, count_label: str, count: int) -> None:
    """A second sheet saying what the workbook is, for whom and when (the data sheet stays a clean table)."""
    sheet = wb.create_sheet("情報")
    rows: list[tuple[str, Any]] = [
        ("文書", meta.title),
        ("団体名", meta.municipality),
        ("団体コード", code),
        ("出力日", meta.printed_on),
        (count_label, count),
        ("作成", "自治体DXナビ"),
    ]
    for r, (label, value) in enumerate(rows, 1):
        head = sheet.cell(row=r, column=1, value=label)
        head.font = HEADER_FONT
        head.fill = HEADER_FILL
        cell = sheet.cell(row=r, column=2, value=value)
        cell.font = CELL_FONT
        cell.alignment = Alignment(horizontal="left")
        if isinstance(value, date):
            cell.number_format = WAREKI_DATE_FORMAT
    widths = [14, max(display_width(_shown(v, "date")) for _, v in rows) + 4]
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = widths
    _print_setup(sheet, widths, meta)


def _save(wb: Workbook, meta: DocMeta, out: Path, progress: Progress) -> BuildResult:
    wb.properties.title = meta.title
    wb.properties.creator = "自治体DXナビ"
    wb.properties.subject = meta.municipality
    progress.report(1, 1, "保存しています")
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return BuildResult(Path(out), [])


def _new_book(title: str) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    normal = next(st for st in wb._named_styles if isinstance(st, NamedStyle) and st.name == "Normal")
    normal.font = CELL_FONT  # empty cells and anything typed later in the Japanese font too
    sheet = wb.active
    assert sheet is not None
    sheet.title = title
    return wb, sheet


# --- 支援ニーズ一覧 ------------------------------------------------------------------------------------------


def write_needs_xlsx(data: NeedsDocData, out: Path, progress: Progress = NO_PROGRESS) -> BuildResult:
    """The submitted needs: one row per need (as on the 調書: no internal status, no answer)."""
    code, name = data.code, data.meta.municipality
    numbered = list(enumerate(data.needs, 1))
    columns = [
        Column("団体コード", lambda _: code),
        Column("団体名", lambda _: name),
        Column("番号", lambda p: p[0], "int"),
        Column("件名", lambda p: p[1].title),
        Column("区分", lambda p: p[1].category),
        Column("人材像（スキル標準）", lambda p: p[1].skill_role),
        Column("常駐/随時", lambda p: p[1].engagement),
        Column("月あたり日数", lambda p: p[1].days_per_month, "number"),
        Column("期間（開始）", lambda p: p[1].period_start, "date"),
        Column("期間（終了）", lambda p: p[1].period_end, "date"),
        Column("目的", lambda p: p[1].purpose, "wrap"),
        Column("内容・補足", lambda p: p[1].detail, "wrap"),
        Column("優先度", lambda p: p[1].priority),
        Column("財源", lambda p: p[1].funding),
    ]
    wb, sheet = _new_book("支援ニーズ")
    _write_table(sheet, columns, numbered, progress, "支援ニーズ", data.meta)
    _info_sheet(wb, data.meta, code, "件数", len(numbered))
    return _save(wb, data.meta, out, progress)


# --- 標準化（20業務） -----------------------------------------------------------------------------------------


def write_tracker_xlsx(data: TrackerSheetData, out: Path, progress: Progress = NO_PROGRESS) -> BuildResult:
    """The 20 業務 and where each migration stands."""
    code, name = data.code, data.meta.municipality
    columns = [
        Column("団体コード", lambda _: code),
        Column("団体名", lambda _: name),
        Column("番号", lambda t: t.number, "int"),
        Column("業務名", lambda t: t.name),
        Column("グループ", lambda t: t.group),
        Column("段階", lambda t: t.phase),
        Column("事業者", lambda t: t.vendor),
        Column("パッケージ名", lambda t: t.package_name),
        Column("本稼働予定日", lambda t: t.planned_go_live, "date"),
        Column("特定移行支援システム", lambda t: "該当" if t.specific_support else "—"),
        Column("該当理由", lambda t: t.specific_reason),
        Column("ガバメントクラウド", lambda t: "利用" if t.gov_cloud else "—"),
        Column("現行契約満了日", lambda t: t.contract_end, "date"),
        Column("備考", lambda t: t.note, "wrap"),
    ]
    wb, sheet = _new_book("標準化20業務")
    _write_table(sheet, columns, data.lines, progress, "標準化（20業務）", data.meta)
    _info_sheet(wb, data.meta, code, "業務数", len(data.lines))
    return _save(wb, data.meta, out, progress)


# --- 評価指標（KPI） ------------------------------------------------------------------------------------------


def write_kpi_xlsx(data: KpiSheetData, out: Path, progress: Progress = NO_PROGRESS) -> BuildResult:
    """KPIs with 目標/実績 per 年度 (one row per KPI) and a long sheet for pivoting (one row per KPI and 年度)."""
    code, name = data.code, data.meta.municipality
    numbered = list(enumerate(data.kpis, 1))
    columns = [
        Column("団体コード", lambda _: code),
        Column("団体名", lambda _: name),
        Column("番号", lambda p: p[0], "int"),
        Column("重点取組事項", lambda p: p[1].priority_title, "wrap"),
        Column("指標名", lambda p: p[1].name, "wrap"),
        Column("単位", lambda p: p[1].unit),
        Column("基準値", lambda p: p[1].baseline, "number"),
        Column("基準年度", lambda p: fiscal_year_label(p[1].baseline_fy) if p[1].baseline_fy else None),
    ]
    for fy in data.years:
        label = fiscal_year_label(fy)
        columns += [
            Column(f"{label} 目標", lambda p, fy=fy: p[1].year(fy).target, "number"),
            Column(f"{label} 実績", lambda p, fy=fy: p[1].year(fy).actual, "number"),
        ]
    wb, sheet = _new_book("評価指標")
    _write_table(sheet, columns, numbered, progress, "評価指標", data.meta)

    long_rows = [(i, k, fy) for i, k in numbered for fy in data.years]
    long_columns = [
        Column("団体コード", lambda _: code),
        Column("団体名", lambda _: name),
        Column("番号", lambda r: r[0], "int"),
        Column("指標名", lambda r: r[1].name, "wrap"),
        Column("単位", lambda r: r[1].unit),
        Column("年度", lambda r: fiscal_year_label(r[2])),
        Column("年度（西暦）", lambda r: r[2], "year"),
        Column("目標値", lambda r: r[1].year(r[2]).target, "number"),
        Column("実績値", lambda r: r[1].year(r[2]).actual, "number"),
    ]
    _write_table(wb.create_sheet("年度別（集計用）"), long_columns, long_rows, progress, "年度別", data.meta)
    _info_sheet(wb, data.meta, code, "指標数", len(numbered))
    return _save(wb, data.meta, out, progress)


# --- lists of the prefecture (市町村一覧, 支援ニーズ, 人材プール, 好事例, 共同調達, お知らせ) -------------------------


def write_list_xlsx(
    meta: DocMeta,
    code: str,
    sheet_title: str,
    columns: Sequence[Column],
    rows: Sequence[Any],
    out: Path,
    progress: Progress = NO_PROGRESS,
    count_label: str = "件数",
) -> BuildResult:
    """One list as a workbook: the table sheet and the 情報 sheet, like every other export."""
    wb, sheet = _new_book(sheet_title)
    _write_table(sheet, columns, rows, progress, sheet_title, meta)
    _info_sheet(wb, meta, code, count_label, len(rows))
    return _save(wb, meta, out, progress)
