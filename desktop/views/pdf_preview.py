"""PDF preview inside the app (QtPdf) and printing that never blocks the window.

Pages are rendered for the printer by QPdfPageRenderer on its own thread, one page at a time, and painted
into the QPrinter on the UI thread as each arrives, so a long document prints while the window stays usable.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.views.style import SPACING

# Printing above this resolution only makes the spool file bigger; documents are text and tables.
MAX_PRINT_DPI = 300
ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PdfPreview(QWidget):
    """A multipage, scrollable view of one PDF with page count and zoom."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("文書のプレビュー"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("background: #7a7f87;")

        self.pages_label = QLabel()
        self.pages_label.setAccessibleName(self.tr("ページ数"))
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(self.tr("表示倍率"))
        self.zoom.addItem(self.tr("幅に合わせる"), "width")
        self.zoom.addItem(self.tr("ページ全体"), "page")
        for factor in ZOOM_STEPS:
            self.zoom.addItem(f"{int(factor * 100)}%", factor)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.pages_label)
        bar.addStretch()
        bar.addWidget(QLabel(self.tr("表示:")))
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def load(self, path: str) -> bool:
        """Show the PDF at `path`; False when QtPdf cannot read it."""
        self.document.close()
        error = self.document.load(path)
        ok = error == QPdfDocument.Error.None_ and self.document.pageCount() > 0
        self.pages_label.setText(
            self.tr("全 {0} ページ").format(self.document.pageCount()) if ok else self.tr("表示できません")
        )
        return ok

    def clear(self) -> None:
        """Close the document (releases the file so it can be replaced or deleted)."""
        self.document.close()
        self.pages_label.setText("")

    def page_count(self) -> int:
        """Pages of the shown document (0 when none)."""
        return self.document.pageCount()

    def _zoom_changed(self, _index: int) -> None:
        mode = self.zoom.currentData()
        if mode == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif mode == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(mode))


class PdfPrintJob(QObject):
    """Prints a PDF file into a QPrinter page by page; pages are rendered off the UI thread.

    The job opens its own QPdfDocument, so building and previewing another document meanwhile cannot
    change what is being printed. Each sheet takes the orientation of its page (landscape 工程表 pages
    print landscape).
    """

    page_done = Signal(int, int)  # pages printed, pages total
    finished = Signal(bool)  # True when every page was printed, False when cancelled or failed

    def __init__(self, path: str, printer: QPrinter, parent: QObject | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.document.load(path)
        self.printer = printer
        self.pages = self._page_range()
        self.index = 0
        self.cancelled = False
        self.painter: QPainter | None = None
        self.renderer = QPdfPageRenderer(self)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.setDocument(self.document)
        self.renderer.pageRendered.connect(self._rendered)
        self._request: int | None = None

    def _page_range(self) -> list[int]:
        count = self.document.pageCount()
        first, last = self.printer.fromPage(), self.printer.toPage()
        if first <= 0 or last <= 0:
            return list(range(count))
        return list(range(max(first, 1) - 1, min(last, count)))

    def start(self) -> None:
        """Begin printing; `finished` is emitted once at the end."""
        if not self.pages:
            self.finished.emit(False)
            return
        self._orient(self.pages[0])
        self.painter = QPainter()
        if not self.painter.begin(self.printer):
            self.painter = None
            self.finished.emit(False)
            return
        self._request_next()

    def cancel(self) -> None:
        """Stop after the page being rendered (what was already sent stays printed)."""
        self.cancelled = True

    def _orient(self, page: int) -> None:
        """Turn the next sheet to match the page (takes effect at begin() or newPage())."""
        size = self.document.pagePointSize(page)
        landscape = size.width() > size.height()
        want = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        if self.printer.pageLayout().orientation() != want:
            self.printer.setPageOrientation(want)

    def _target_rect(self, page: int) -> QRect:
        """Where the page goes on the sheet: as large as fits, aspect kept, centred."""
        area = self.printer.pageLayout().paintRectPixels(self.printer.resolution())
        size = self.document.pagePointSize(page).toSize()
        if size.isEmpty():
            return QRect(0, 0, area.width(), area.height())
        scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRect(
            (area.width() - scaled.width()) // 2,
            (area.height() - scaled.height()) // 2,
            scaled.width(),
            scaled.height(),
        )

    def _request_next(self) -> None:
        page = self.pages[self.index]
        want = self._target_rect(page).size()
        resolution = self.printer.resolution()
        if resolution > MAX_PRINT_DPI:
            want = want * (MAX_PRINT_DPI / resolution)
        self._request = self.renderer.requestPage(page, want, QPdfDocumentRenderOptions())

    def _rendered(self, page: int, _size: QSize, image: QImage, _options, request_id: int) -> None:
        if request_id != self._request or self.painter is None:
            return
        if image.isNull():
            self._finish(False)
            return
        self.painter.drawImage(self._target_rect(page), image)
        self.index += 1
        self.page_done.emit(self.index, len(self.pages))
        if self.cancelled:
            self._finish(False)
        elif self.index >= len(self.pages):
            self._finish(True)
        else:
            self._orient(self.pages[self.index])
            self.printer.newPage()
            self._request_next()

    def _finish(self, ok: bool) -> None:
        if self.painter is not None:
            self.painter.end()
            self.painter = None
        self.document.close()
        self.finished.emit(ok)


def page_image(document: QPdfDocument, page: int, width: int) -> QImage:
    """One page rendered at `width` pixels (thumbnails and tests)."""
    points = document.pagePointSize(page)
    height = round(width * points.height() / points.width()) if points.width() else width
    return document.render(page, QSize(width, height))
