"""Composition root: QApplication, locale, store, services → MainWindow."""

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.content import resources_dir
from desktop.models.clock import Clock, system_clock
from desktop.models.errors import DomainError
from desktop.operations import GuiThreadCollector, Operations
from desktop.services import municipality, settings
from desktop.services.workspace import Workspace
from desktop.store import Store
from desktop.store.location import location_warning
from desktop.views.context import ViewContext
from desktop.views.first_run import FirstRunDialog
from desktop.views.main_window import MainWindow
from desktop.views.menus import apply_font_size

log = logging.getLogger(__name__)


def _install_translation(app: QApplication, lang: str) -> None:
    """Japanese is the source language; English comes from resources/translations/dxnavi_en.qm."""
    if lang != "en":
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
        # Qt's own texts (はい/いいえ/キャンセル in message boxes, file dialogs) from Qt's Japanese catalogue.
        qt_texts = QTranslator(app)
        if qt_texts.load("qt_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_texts)
        return
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / "dxnavi_en.qm")):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


LOG_BYTES = 1_000_000
LOG_FILES = 5


def _configure_logging(data_dir: Path) -> Path:
    """Log to data_dir/logs/dxnavi.log (rotated); a Windows GUI app has no console to print to.

    Tokens and personal data are never logged (DESIGN.md §7); records are named by kind and id only.
    """
    folder = Path(data_dir) / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dxnavi.log"
    handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_FILES, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return path


def _excepthook(exc_type, exc, tb) -> None:
    """Unhandled errors are logged with context and shown once; the app keeps running."""
    log.error("unhandled error", exc_info=(exc_type, exc, tb))
    QMessageBox.warning(
        None,
        QCoreApplication.translate("App", "自治体DXナビ"),
        QCoreApplication.translate("App", "予期しないエラーが発生しました。\n{0}: {1}").format(
            exc_type.__name__, exc
        ),
    )


def run_gui(data_dir: Path, lang: str | None = None, *, clock: Clock = system_clock) -> int:
    """Open the store in `data_dir` and run the app until the window closes."""
    _configure_logging(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("自治体DXナビ")  # i18n: data (an identifier, the same in every language)
    app.setOrganizationName("dxnavi")
    try:
        store = Store.open(data_dir, clock=clock)
    except DomainError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "自治体DXナビ"), str(exc))
        return 1
    try:
        _install_translation(app, lang or settings.get(store, "lang"))
        apply_font_size(settings.get(store, "font_pt"))
        warning = location_warning(data_dir)
        if warning:
            QMessageBox.warning(None, QCoreApplication.translate("App", "自治体DXナビ"), warning)
        if not municipality.has_municipality(store):
            dialog = FirstRunDialog(store)
            if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
                return 0
        ws = Workspace(store)
        window = MainWindow(ViewContext(Operations(), ws), municipality.get_municipality(ws).name)
        window.ctx.ops.parent_widget = window
        sys.excepthook = _excepthook
        window.show()
        collector = GuiThreadCollector(window)
        try:
            return app.exec()
        finally:
            collector.stop()
    finally:
        store.close()
