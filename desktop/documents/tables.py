"""Tables in PDFs: grid tables whose header repeats on every page, two-column forms (DESIGN.md §6).

Usage::

    story = [data_table(["業務", "段階"], rows, col_widths(0.6, 0.4), st),
             form_table([("概要", text), ...], st)]

Cells wrap long Japanese text with 禁則; a row splits inside itself only when it is too tall to move whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, Table, TableStyle

from desktop.documents.styles import CONTENT_HEIGHT, CONTENT_WIDTH, GRID, HANG, HEAD_FILL, TABLE_PT, Styles
from desktop.documents.text import Para, is_list_item, markup, paras

Cell = str | Flowable | None


def col_widths(*fractions: float) -> list[float]:
    """Column widths as shares of the text width (they are scaled to add up to the full width)."""
    total = sum(fractions)
    return [CONTENT_WIDTH * f / total for f in fractions]


CELL_PAD = 4  # left/right padding of data-table cells (points)


def _cell(value: Cell, style: ParagraphStyle, width: float | None = None) -> Flowable | str | list[Flowable]:
    """A table cell: text that fits on one line stays a plain string (drawn directly, much cheaper than a
    Paragraph); anything longer becomes a Paragraph that wraps with 禁則; lines typed as a list (「・」「1.」…)
    become one paragraph each, wrapped lines hanging under the item's text."""
    if isinstance(value, Flowable):
        return value
    text = "" if value is None else str(value)
    if "\n" in text and any(is_list_item(line) for line in text.split("\n")):
        return paras(text, style)
    if (
        width is not None
        and "\n" not in text
        and stringWidth(text, style.fontName, style.fontSize) <= width - 2 * CELL_PAD - 3
    ):
        return text
    return Para(markup(text), style)


def data_table(
    header: Sequence[Cell] | Sequence[Sequence[Cell]],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    st: Styles,
    *,
    align: Sequence[str] | None = None,
    extra_style: Iterable[tuple] = (),
    zebra: bool = True,
) -> LongTable:
    """A grid table whose header row(s) repeat on every page it spans; cells wrap long Japanese text.

    `header` is one row of labels or a list of rows (for spanned headers, pass SPAN commands in
    `extra_style`). `align` per column: "L", "R" or "C". Rows taller than a page split inside the row.
    """
    head_rows = (
        [list(header)] if header and not isinstance(header[0], list | tuple) else [list(r) for r in header]
    )  # type: ignore[arg-type]
    styles = {"L": st.cell, "R": st.cell_right, "C": st.cell_center}
    keys = [(align or "")[i] if align and i < len(align) else "L" for i in range(len(widths))]
    col_styles = [styles.get(k, st.cell) for k in keys]
    span_cols = _spanned_header_widths(extra_style, widths)
    data: list[list[Flowable | str | list[Flowable]]] = [
        [_cell(v, st.cell_head, span_cols.get((c, r), widths[c])) for c, v in enumerate(row)]
        for r, row in enumerate(head_rows)
    ]
    for row in rows:
        data.append([_cell(v, col_styles[i], widths[i]) for i, v in enumerate(row)])
    n_head = len(head_rows)
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), st.body_font, TABLE_PT),  # else Table selects Helvetica for each cell
        ("FONT", (0, 0), (-1, n_head - 1), st.heading_font, TABLE_PT),
        ("ALIGN", (0, 0), (-1, n_head - 1), "CENTER"),
        *(
            ("ALIGN", (i, n_head), (i, -1), {"R": "RIGHT", "C": "CENTER"}.get(k, "LEFT"))
            for i, k in enumerate(keys)
        ),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, GRID),
        ("BACKGROUND", (0, 0), (-1, n_head - 1), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, n_head - 1), "MIDDLE"),
        ("VALIGN", (0, n_head), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    if zebra:
        cmds += [
            ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f7f8fa"))
            for i in range(n_head + 1, len(data), 2)
        ]
    cmds += [*_keep_rows(data, widths, n_head), *extra_style]
    table = LongTable(
        data, colWidths=list(widths), repeatRows=n_head, splitInRow=_split_in_row(data, widths), hAlign="LEFT"
    )
    table.setStyle(TableStyle(cmds))
    return table


def _spanned_header_widths(
    commands: Iterable[tuple], widths: Sequence[float]
) -> dict[tuple[int, int], float]:
    """Width available to the first cell of each SPAN (a 年度 label over its 目標/実績 columns)."""
    out = {}
    for cmd in commands:
        if cmd[0] == "SPAN":
            (c0, r0), (c1, _r1) = cmd[1], cmd[2]
            out[(c0, r0)] = sum(widths[c0 : c1 + 1])
    return out


def _estimated_height(cell: Flowable | str | list[Flowable], width: float) -> float:
    """Height of a table cell, estimated from its text width (cheap: no line breaking)."""
    if isinstance(cell, str):
        return TABLE_PT * 1.5 + 8
    if isinstance(cell, list):
        return sum(_estimated_height(c, width) - 8 for c in cell) + 8
    if not isinstance(cell, Paragraph):
        return cell.wrap(width, CONTENT_HEIGHT)[1]
    style = cell.style
    text = cell.getPlainText()
    breaks = sum(1 for f in cell.frags if getattr(f, "lineBreak", False))
    lines = stringWidth(text, style.fontName, style.fontSize) / max(width - 10 - HANG, 1) + 1 + breaks
    return lines * style.leading + 8


def _split_in_row(data: list[list[Flowable | str | list[Flowable]]], widths: Sequence[float]) -> int:
    """Split inside a row only for rows too tall to move whole to the next page; others split between rows.

    A row split mid-text leaves its label cell empty on the next page, which reads badly for short rows.
    """
    for row in data:
        height = max((_estimated_height(c, w) for c, w in zip(row, widths, strict=False)), default=0)
        if height > CONTENT_HEIGHT * 0.45:
            return 1
    return 0


def _keep_rows(
    data: list[list[Flowable | str | list[Flowable]]], widths: Sequence[float], n_head: int
) -> list[tuple]:
    """NOSPLIT commands so that a table split across pages never leaves a single row on either side: the
    first two and the last two body rows stay together (unless two rows would not fit on one page)."""
    body = len(data) - n_head
    pairs = [(len(data) - 2, len(data) - 1)] if body >= 3 else []
    if body >= 4:
        pairs.append((n_head, n_head + 1))
    cmds = []
    for first, last in pairs:
        height = sum(
            max((_estimated_height(c, w) for c, w in zip(data[r], widths, strict=False)), default=0)
            for r in (first, last)
        )
        if height < CONTENT_HEIGHT * 0.8:
            cmds.append(("NOSPLIT", (0, first), (-1, last)))
    return cmds


def first_rows_height(table: Table, rows: int = 1) -> float:
    """Estimated height of the header rows plus the first `rows` body rows of a table."""
    widths = table._colWidths  # reportlab keeps the column widths here
    total = 0.0
    for row in table._cellvalues[: table.repeatRows + rows]:
        total += max((_estimated_height(c, w) for c, w in zip(row, widths, strict=False)), default=0)
    return total


def form_table(
    rows: Sequence[tuple[str, Cell]], st: Styles, label_width: float = 30 * mm, width: float = CONTENT_WIDTH
) -> Table:
    """A two-column form (項目 | 内容) such as an アクションプラン or a 調書; splits between rows across pages
    (inside a row only when a row is too tall to move whole)."""
    widths = [label_width, width - label_width]
    data = [
        [_cell(label, st.cell_label, label_width), _cell(value, st.cell, widths[1])] for label, value in rows
    ]
    table = Table(data, colWidths=widths, splitInRow=_split_in_row(data, widths), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.body_font, TABLE_PT),
                ("FONT", (0, 0), (0, -1), st.heading_font, TABLE_PT),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BOX", (0, 0), (-1, -1), 0.9, GRID),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                *_keep_rows(data, widths, 0),
            ]
        )
    )
    return table


def number(value: float | None, digits: int = 1) -> str:
    """A value for a table: 1,234 or 12.5; 「—」 when not entered."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"
