"""Composition root: QApplication, locale, store, services → MainWindow."""

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.content import resources_dir
from desktop.models.clock import Clock, system_clock
from desktop.models.errors import DomainError
from desktop.operations import GuiThreadCollector, Operations, UnexpectedErrors
from desktop.services import maintenance, municipality, settings
from desktop.services.workspace import Workspace
from desktop.store import Store, StoreCorruptError
from desktop.store.location import location_warning
from desktop.views.context import ViewContext
from desktop.views.first_run import FirstRunDialog
from desktop.views.main_window import MainWindow
from desktop.views.menus import apply_font_size
from desktop.views.navigation import pages_for

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


def _open_store(data_dir: Path, clock: Clock) -> Store | None:
    """Open the store; when its file is damaged, offer the backups at once (the menus are out of reach)."""
    title = QCoreApplication.translate("App", "自治体DXナビ")
    try:
        return Store.open(data_dir, clock=clock)
    except StoreCorruptError as exc:
        backups = maintenance.backups_in(data_dir, clock)
        if not backups:
            QMessageBox.critical(None, title, str(exc))
            return None
        names = [
            QCoreApplication.translate("App", "{0}　{1}バックアップ").format(
                f"{b.taken_at.astimezone():%Y-%m-%d %H:%M}", b.label
            )
            for b in backups
        ]
        # Built here, not with QInputDialog.getItem: the language is not known yet (it is a setting in the
        # damaged file), so the buttons say what they do in words of our own instead of Qt's OK / Cancel.
        dialog = QInputDialog()
        dialog.setWindowTitle(QCoreApplication.translate("App", "バックアップから復元"))
        dialog.setLabelText(
            QCoreApplication.translate(
                "App",
                "データファイルが壊れているため開けません。\n"
                "復元するバックアップを選んでください（新しい順。壊れたファイルも復元の前に保管されます）。",
            )
        )
        dialog.setComboBoxItems(names)
        dialog.setOkButtonText(QCoreApplication.translate("App", "復元する"))
        dialog.setCancelButtonText(QCoreApplication.translate("App", "復元せずに終了"))
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        chosen = dialog.textValue()
        try:
            maintenance.rescue(data_dir, backups[names.index(chosen)].path, clock)
            return Store.open(data_dir, clock=clock)
        except DomainError as err:
            QMessageBox.critical(None, title, str(err))
            return None
    except DomainError as exc:
        QMessageBox.critical(None, title, str(exc))
        return None


def run_gui(data_dir: Path, lang: str | None = None, *, clock: Clock = system_clock) -> int:
    """Open the store in `data_dir` and run the app until the window closes."""
    UnexpectedErrors.log_path = _configure_logging(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("自治体DXナビ")  # i18n: data (an identifier, the same in every language)
    app.setOrganizationName("dxnavi")
    store = _open_store(data_dir, clock)
    if store is None:
        return 1
    try:
        _install_translation(app, lang or settings.get(store, "lang"))
        apply_font_size(settings.get(store, "font_pt"))
        for warning in [location_warning(data_dir), *store.warnings]:
            if warning:
                QMessageBox.warning(None, QCoreApplication.translate("App", "自治体DXナビ"), warning)
        if not municipality.has_municipality(store):
            dialog = FirstRunDialog(store)
            if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
                return 0
        ws = Workspace(store)
        ops = Operations()
        window = MainWindow(
            ViewContext(ops, ws),
            municipality.get_municipality(ws).name,
            pages_for(ws.is_prefecture),
            placement=settings.get(store, "window_geometry"),
        )
        ops.parent_widget = window
        # Errors outside background operations (Qt slots, Python threads) take the same one path.
        sys.excepthook = ops.errors.excepthook
        threading.excepthook = ops.errors.thread_excepthook
        window.show()
        collector = GuiThreadCollector(window)
        try:
            return app.exec()
        finally:
            ops.shutdown()  # already done when the window closed; the store must outlive the DB worker
            collector.stop()
    finally:
        store.close()
