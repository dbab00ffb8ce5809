"""DX推進計画 PDF of the demo municipality against a floor measured in the same run (goal ≤ 1.5×).

Floor: bare reportlab platypus (SimpleDocTemplate + Paragraph, wordWrap="CJK") rendering the same number of
pages of plain Japanese text with the same embedded TrueType font. The plan adds a cover, 目次, header/footer,
tables, charts and the 「案」 mark. WeasyPrint on equivalent HTML is timed too when it is importable (it is not
a dependency; otherwise the comparison is reported as skipped). `python -m bench.plan_pdf`
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader

RUNS = 7
SECTION = "DX推進計画PDF"
GOAL = 1.5


def _median_ms(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, list[float]]:
    fn()  # warm-up: fonts parsed and registered, modules imported
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), samples


def _pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def _plain_texts(data) -> list[str]:
    """The plan's own sentences as plain paragraphs, so the floor embeds a comparable set of glyphs."""
    texts = [data.title, data.purpose, data.vision, data.principles, data.progress_management]
    for p in data.priorities:
        texts += [p.title, p.overview, p.current_issues, p.next_steps, p.indicators, p.schedule]
    texts += [f"{r.title} {r.person_name} {r.position} {r.note}" for r in data.roles]
    texts += [f"{k.name} {k.unit}" for k in data.kpis]
    return [escape(line) for t in texts for line in t.splitlines() if line.strip()]


def _floor_builder(font: str, texts: list[str], paragraphs: int, out: Path) -> Callable[[], None]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("floor", fontName=font, fontSize=10.5, leading=18.4, wordWrap="CJK")

    def build() -> None:
        doc = SimpleDocTemplate(
            str(out),
            pagesize=A4,
            leftMargin=25 * mm,
            rightMargin=20 * mm,
            topMargin=27 * mm,
            bottomMargin=22 * mm,
        )
        doc.build([Paragraph(texts[i % len(texts)], style) for i in range(paragraphs)])

    return build


def _floor_paragraphs(font: str, texts: list[str], pages: int, out: Path) -> int:
    """How many of the plain paragraphs fill exactly `pages` pages."""
    lo, hi = 1, 4000
    while lo < hi:  # smallest count reaching `pages` pages
        mid = (lo + hi) // 2
        _floor_builder(font, texts, mid, out)()
        if _pages(out) >= pages:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _plan_html(data) -> str:
    """The plan's text as plain HTML with the same chapters and tables (for WeasyPrint)."""
    from desktop.documents.plan_pdf import CHAPTERS

    e = escape
    parts = [
        "<html><head><style>@page{size:A4;margin:27mm 20mm 22mm 25mm}"
        "body{font-family:'BIZ UDMincho','IPAexMincho';font-size:10.5pt;line-height:1.75}"
        "h1,h2{font-family:'BIZ UDGothic','IPAexGothic'} table{border-collapse:collapse;width:100%}"
        "td,th{border:0.5pt solid #595959;padding:3pt;font-size:9pt}</style></head><body>",
        f"<h1 style='text-align:center;margin-top:80mm'>{e(data.title)}</h1><p>{e(data.meta.municipality)}</p>",
        f"<h1 style='page-break-before:always'>{CHAPTERS[0]}</h1><p>{e(data.purpose)}</p>",
        f"<h1>{CHAPTERS[2]}</h1><p>{e(data.vision)}</p><p>{e(data.principles)}</p><h1>{CHAPTERS[3]}</h1><table>",
    ]
    parts += [
        f"<tr><td>{e(r.title)}</td><td>{e(r.person_name)}</td><td>{e(r.note)}</td></tr>" for r in data.roles
    ]
    parts.append(f"</table><h1>{CHAPTERS[4]}</h1>")
    for p in data.priorities:
        rows = (
            ("概要", p.overview),
            ("現状・課題", p.current_issues),
            ("今後の展開", p.next_steps),
            ("評価指標", p.indicators),
            ("実施スケジュール", p.schedule),
        )
        parts.append(f"<h2>{p.number} {e(p.title)}</h2><table>")
        parts += [f"<tr><th>{k}</th><td>{e(v)}</td></tr>" for k, v in rows]
        parts.append("</table>")
    parts.append(f"<h1>{CHAPTERS[6]}</h1><table>")
    parts += [f"<tr><td>{e(k.name)}</td><td>{e(k.unit)}</td></tr>" for k in data.kpis]
    parts.append(f"</table><h1>{CHAPTERS[7]}</h1><p>{e(data.progress_management)}</p></body></html>")
    return "".join(parts)


def main() -> None:
    """Measure, print a Markdown table and record it in bench/RESULTS.md."""
    from bench.results import record
    from desktop.documents.fonts import find_fonts
    from desktop.documents.plan_pdf import build_plan_pdf
    from desktop.models.clock import system_clock
    from desktop.services import document_parts, documents, plan_documents
    from desktop.services.demo import create_demo
    from desktop.services.workspace import Workspace
    from desktop.store import Store

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        store = Store.open(tmp / "data", clock=system_clock)
        try:
            create_demo(store)
            ws = Workspace(store)
            fonts = document_parts.fonts_for(ws)
            data = plan_documents.plan_data(ws)
            plan_out = tmp / "plan.pdf"
            plan_ms, plan_samples = _median_ms(lambda: build_plan_pdf(data, plan_out, fonts))
            whole_ms, _ = _median_ms(lambda: documents.build_document(ws, "plan", "pdf", tmp / "whole.pdf"))
        finally:
            store.close()
        pages = _pages(plan_out)
        font = find_fonts().body
        floor_out = tmp / "floor.pdf"
        texts = _plain_texts(data)
        paragraphs = _floor_paragraphs(font, texts, pages, floor_out)
        floor_ms, floor_samples = _median_ms(_floor_builder(font, texts, paragraphs, floor_out))
        floor_pages = _pages(floor_out)
        try:
            import weasyprint  # type: ignore[import-not-found]
        except ImportError:
            weasy_line = "WeasyPrint はインストールされていないため、比較を省略しました。"
            weasy_row = ""
        else:
            html = _plan_html(data)
            weasy_out = tmp / "weasy.pdf"
            weasy_ms, _ = _median_ms(lambda: weasyprint.HTML(string=html).write_pdf(str(weasy_out)), runs=3)
            weasy_row = f"| WeasyPrint（同等のHTML） | {_pages(weasy_out)} | {weasy_ms:.0f} | {weasy_ms / floor_ms:.2f}× |\n"
            speedup = weasy_ms / plan_ms
            verdict = "達成" if speedup >= 5 else "未達"
            weasy_line = (
                f"WeasyPrint {weasyprint.__version__}: 同じ内容のHTMLを {weasy_ms:.0f} ms。"
                f"DX推進計画PDFはその **{speedup:.1f}倍** 速い（目標 ≥ 5倍: {verdict}）。"
            )
    ratio = plan_ms / floor_ms
    body = (
        f"デモ団体のDX推進計画（表紙・目次・第1〜8章、表・工程表・グラフ・「案」表示付き）を {RUNS} 回作成した中央値と、"
        f"同じフォント（{fonts.body_family}、埋め込み）で同じページ数の日本語本文（計画の文章を段落として繰り返したもの）"
        "だけを素の reportlab platypus で組んだ床（floor）との比較。\n\n"
        "| 対象 | ページ | 中央値 (ms) | 床との比 |\n|---|---|---|---|\n"
        f"| 床: platypus＋Paragraph（本文のみ） | {floor_pages} | {floor_ms:.0f} | 1.00× |\n"
        f"| DX推進計画PDF（ビルダー） | {pages} | {plan_ms:.0f} | **{ratio:.2f}×** |\n"
        f"| DX推進計画PDF（データ収集込み、build_document） | {pages} | {whole_ms:.0f} | {whole_ms / floor_ms:.2f}× |\n"
        f"{weasy_row}\n"
        f"- 目標 ≤ {GOAL}×: {'達成' if ratio <= GOAL else '未達'}（{ratio:.2f}×）\n"
        f"- 計画の各回 (ms): {', '.join(f'{s:.0f}' for s in plan_samples)}; "
        f"床の各回 (ms): {', '.join(f'{s:.0f}' for s in floor_samples)}\n"
        f"- {weasy_line}\n"
        "- 計測: `python -m bench.plan_pdf`"
    )
    print(body)
    record(SECTION, body)


if __name__ == "__main__":
    main()
