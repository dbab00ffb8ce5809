"""文書出力: documents are built in the background (the window keeps working), previewed, printed and saved."""

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter

from desktop.services import needs
from desktop.services.demo import create_demo
from desktop.services.plan_documents import NO_PLAN_MESSAGE
from desktop.services.workspace import Workspace
from desktop.views.documents_page import DocumentsPage
from desktop.views.pdf_preview import PdfPrintJob

BUILD_MS = 120_000


@pytest.fixture
def demo_ctx(store, make_ctx):
    """The demo town (plan, needs, specs …) behind a view context that collects errors."""
    create_demo(store)
    return make_ctx(Workspace(store, actor="テスト担当"))


def shown(qtbot, ctx) -> DocumentsPage:
    page = DocumentsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    return page


def test_plan_builds_in_the_background_and_is_previewed(qtbot, demo_ctx, tmp_path, monkeypatch):
    from desktop.services import documents

    # The build starts only once the UI thread has handled an event queued after build() returned: were the
    # build on the UI thread, it would wait in vain and fail (bench/ui_stall.py measures the stalls themselves).
    ui_ran = threading.Event()
    real_build = documents.build_document

    def build_once_the_ui_ran(*args, **kwargs):
        assert ui_ran.wait(timeout=30), "the UI thread handled no event while the build was under way"
        return real_build(*args, **kwargs)

    monkeypatch.setattr(documents, "build_document", build_once_the_ui_ran)
    page = shown(qtbot, demo_ctx)
    page.select("plan", fmt="pdf")
    assert page.current_key() == "plan" and page.current_format() == "pdf"
    assert not page.record_box.isVisible()  # the plan is not about one record

    page.build()
    assert page.is_building() and not page.build_button.isEnabled()
    QTimer.singleShot(0, ui_ran.set)
    qtbot.waitUntil(lambda: not page.is_building(), timeout=BUILD_MS)

    assert demo_ctx.errors == []
    assert page.stack.currentWidget() is page.preview
    assert page.preview.page_count() >= 1
    assert page.result_path is not None and page.result_path.stat().st_size > 0
    assert page.print_button.isEnabled() and page.save_button.isEnabled()

    target = tmp_path / "DX推進計画"
    assert page.save_to(target)
    saved = tmp_path / "DX推進計画.pdf"
    assert len(PdfReader(saved).pages) == page.preview.page_count()


def test_printing_sends_every_page_without_blocking(qtbot, demo_ctx, tmp_path):
    page = shown(qtbot, demo_ctx)
    page.select("progress")
    page.build()
    qtbot.waitUntil(lambda: not page.is_building(), timeout=BUILD_MS)
    pages = page.preview.page_count()
    assert pages >= 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))

    job = page.print_to(printer)
    assert job is not None and not page.print_button.isEnabled()  # one print at a time
    with qtbot.waitSignal(job.finished, timeout=BUILD_MS) as finished:
        pass
    assert finished.args == [True]
    assert len(PdfReader(out).pages) == pages
    qtbot.waitUntil(page.print_button.isEnabled, timeout=2000)


def test_needs_sheet_is_preselected_for_one_record(qtbot, demo_ctx):
    ws = demo_ctx.ws
    target = [n for n in needs.needs(ws) if n.status == "submitted"][-1]
    page = shown(qtbot, demo_ctx)

    page.select("needs", target.id)

    qtbot.waitUntil(lambda: page.record_box.currentData() == target.id, timeout=5000)
    assert page.record_box.isVisible() and page.record_box.currentText() == target.title
    page.build()
    qtbot.waitUntil(lambda: not page.is_building(), timeout=BUILD_MS)
    assert demo_ctx.errors == []
    assert page.preview.page_count() >= 1
    assert target.title in page.result_label.text()


def test_preselecting_again_on_a_page_shown_anew_keeps_the_new_record(qtbot, demo_ctx):
    first, second = needs.needs(demo_ctx.ws)[:2]
    page = shown(qtbot, demo_ctx)
    page.select("needs", first.id)
    qtbot.waitUntil(lambda: page.record_box.currentData() == first.id, timeout=5000)
    page.hide()

    page.show()  # reloads the choices …
    page.select("needs", second.id)  # … while another page asks for a different record

    qtbot.waitUntil(lambda: page.record_box.currentData() == second.id, timeout=5000)
    qtbot.waitUntil(lambda: demo_ctx.ops.idle, timeout=5000)
    assert page.record_box.currentData() == second.id


def test_xlsx_is_not_previewed_but_can_be_saved(qtbot, demo_ctx, tmp_path):
    page = shown(qtbot, demo_ctx)
    page.select("tracker", fmt="xlsx")
    page.build()
    qtbot.waitUntil(lambda: not page.is_building(), timeout=BUILD_MS)
    assert demo_ctx.errors == []
    assert page.stack.currentWidget() is page.file_panel
    assert str(page.result_path) in page.file_panel.text()
    assert not page.print_button.isEnabled() and page.open_button.isEnabled()
    assert page.save_to(tmp_path / "進捗表.xlsx")
    assert (tmp_path / "進捗表.xlsx").read_bytes()[:2] == b"PK"


def test_a_plan_with_nothing_entered_is_explained_once(qtbot, ctx):
    page = shown(qtbot, ctx)
    page.select("plan")
    page.build()
    qtbot.waitUntil(lambda: not page.is_building(), timeout=BUILD_MS)
    assert ctx.errors == [NO_PLAN_MESSAGE]
    assert page.build_button.isEnabled()  # ready to try again
    assert page.result_path is None and page.stack.currentWidget() is page.placeholder


def test_each_printed_sheet_takes_the_orientation_of_its_page(qtbot, tmp_path):
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    source = tmp_path / "mixed.pdf"
    writer = QPdfWriter(str(source))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(100, 100, "縦")
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)  # e.g. a 工程表 page
    writer.newPage()
    painter.drawText(100, 100, "横")
    painter.end()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))

    job = PdfPrintJob(str(source), printer)
    with qtbot.waitSignal(job.finished, timeout=20_000) as finished:
        job.start()

    assert finished.args == [True]
    sheets = [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(out).pages]
    assert len(sheets) == 2
    assert sheets[0][0] < sheets[0][1] and sheets[1][0] > sheets[1][1]


def test_cancelled_build_says_so_and_shows_no_error(qtbot, ctx, monkeypatch):
    from desktop.services import documents

    building, pressed = threading.Event(), threading.Event()

    def slow_build(ws, key, fmt, out, record_id=None, progress=None, issue=None):
        building.set()
        assert pressed.wait(timeout=30), "キャンセル was never pressed"
        progress.report(1, 2, "組版しています")  # raises Cancelled once キャンセル was pressed
        raise AssertionError("not cancelled")

    monkeypatch.setattr(documents, "build_document", slow_build)
    messages: list[str] = []
    ctx.notices.message.connect(messages.append)
    page = shown(qtbot, ctx)
    page.select("progress")
    page.build()
    qtbot.waitUntil(building.is_set, timeout=5000)
    assert page.is_building()

    page._task.cancel()  # what the progress dialog's キャンセル does
    pressed.set()

    qtbot.waitUntil(lambda: not page.is_building(), timeout=5000)
    assert ctx.errors == []
    assert messages[-1] == "文書の作成を取り消しました。"
    assert page.build_button.isEnabled() and page.result_path is None


def test_only_submitted_needs_are_offered_for_the_paper(qtbot, demo_ctx):
    drafts = [n.title for n in needs.needs(demo_ctx.ws) if n.status == "draft"]
    page = shown(qtbot, demo_ctx)
    page.select("needs", fmt="pdf")
    qtbot.waitUntil(lambda: page.record_box.count() > 1, timeout=5000)
    offered = [page.record_box.itemText(i) for i in range(page.record_box.count())]
    assert drafts and not set(drafts) & set(offered)


def test_the_needs_paper_asks_whom_it_goes_to_and_remembers_the_department(qtbot, demo_ctx):
    from desktop.services import settings

    settings.put(demo_ctx.ws.store, "needs_addressee", "総務部市町村課")
    page = shown(qtbot, demo_ctx)
    page.select("plan", fmt="pdf")
    assert not page.addressee.isVisible() and not page.doc_number.isVisible()
    page.select("needs", fmt="pdf")
    qtbot.waitUntil(lambda: page.addressee.value() == "総務部市町村課", timeout=BUILD_MS)
    assert page.doc_number.isVisible() and page.sent_on.isVisible()
    page.doc_number.setText("デ総第45号")
    page.sent_on.setText("令和8年12月1日")

    page.build()
    qtbot.waitUntil(lambda: not page.is_building(), timeout=BUILD_MS)

    assert demo_ctx.errors == []
    first = PdfReader(str(page.result_path)).pages[0].extract_text()
    assert "デ総第45号" in first and "令和8年12月1日" in first and "福井県総務部市町村課" in first
