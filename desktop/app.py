"""Composition root: QApplication, locale, store, services → MainWindow."""

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QInputDialog

from desktop.content import resources_dir
from desktop.models.clock import Clock, system_clock
from desktop.models.errors import DomainError
from desktop.operations import GuiThreadCollector, Operations, UnexpectedErrors
from desktop.services import maintenance, municipality, settings
from desktop.services.workspace import Workspace
from desktop.store import Store, StoreCorruptError
from desktop.store.location import location_warning
from desktop.store.store import data_writable
from desktop.views import startup_messages
from desktop.views.context import ViewContext
from desktop.views.first_run import FirstRunDialog
from desktop.views.main_window import MainWindow
from desktop.views.menus import apply_font_size
from desktop.views.navigation import pages_for

log = logging.getLogger(__name__)


def _install_translation(app: QApplication, lang: str) -> None:
    """Japanese is the source language; English comes from resources/translations/dxnavi_en.qm.

    Called again when the language turns out different once the store is open: the previous translators go.
    """
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.deleteLater()
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if lang != "en":
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
        # Qt's own texts (はい/いいえ/キャンセル in message boxes, file dialogs) from Qt's Japanese catalogue.
        if translator.load("qt_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
        return
    if translator.load(str(resources_dir() / "translations" / "dxnavi_en.qm")):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


TRANSLATOR_NAME = "dxnavi_translator"
LOG_BYTES = 1_000_000
LOG_FILES = 5


def _configure_logging(data_dir: Path) -> Path | None:
    """Log to data_dir/logs/dxnavi.log (rotated); a Windows GUI app has no console to print to.

    Tokens and personal data are never logged (DESIGN.md §7); records are named by kind and id only.
    None when the folder cannot take a log (it is read-only, or not a folder): the app then says so itself.
    """
    folder = Path(data_dir) / "logs"
    path = folder / "dxnavi.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_FILES, encoding="utf-8")
    except OSError as err:
        log.warning("no log file in %s: %s", folder, err)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return path


def _open_store(data_dir: Path, clock: Clock) -> Store | None:
    """Open the store; when its file is damaged, offer the backups at once (the menus are out of reach)."""
    try:
        return Store.open(data_dir, clock=clock)
    except StoreCorruptError as exc:
        backups = maintenance.backups_in(data_dir, clock)
        if not backups:
            startup_messages.show(startup_messages.cannot_open(exc, data_dir))
            return None
        names = [
            QCoreApplication.translate("App", "{0}　{1}バックアップ").format(
                f"{b.taken_at.astimezone():%Y-%m-%d %H:%M}", b.label
            )
            for b in backups
        ]
        # Built here, not with QInputDialog.getItem, so the buttons say what they do in words of our own
        # instead of Qt's OK / Cancel.
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
        except (DomainError, OSError) as err:
            startup_messages.show(startup_messages.cannot_open(err, data_dir))
            return None
    except (DomainError, OSError) as exc:
        startup_messages.show(startup_messages.cannot_open(exc, data_dir))
        return None


def _read_only_folder(data_dir: Path, clock: Clock) -> int:
    """A data folder this user cannot write: read and check it, say so and what to do, change nothing."""
    with Store.open_read_only(data_dir, clock=clock) as store:
        if not store.path.exists():
            text = startup_messages.folder_problem(
                "read_only", data_dir
            )  # no data to check, none can be made
        else:
            report = maintenance.check_store(store)
            log.info("read-only data folder %s checked:\n%s", data_dir, report)
            text = startup_messages.read_only_folder(data_dir, report.ok)
    startup_messages.show(text)
    return 1


def run_gui(
    data_dir: Path,
    lang: str | None = None,
    *,
    clock: Clock = system_clock,
    can_write: Callable[[Path], bool] = data_writable,
) -> int:
    """Open the store in `data_dir` and run the app until the window closes.

    `can_write` says whether the data folder may be written (tests make it read-only this way, even as root).
    """
    data_dir = Path(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("自治体DXナビ")  # i18n: data (an identifier, the same in every language)
    app.setOrganizationName("dxnavi")
    # Before anything can show a message: the language asked for, else the one set in the data (read without
    # opening the store, which may be locked, damaged or read-only), else Japanese.
    shown_lang = lang or settings.peek(data_dir, "lang", clock) or "ja"
    _install_translation(app, shown_lang)
    if data_dir.is_dir() and not can_write(data_dir):
        return _read_only_folder(data_dir, clock)  # not even a log file is written there
    UnexpectedErrors.log_path = _configure_logging(data_dir)
    store = _open_store(data_dir, clock)
    if store is None:
        return 1
    try:
        if (lang or settings.get(store, "lang")) != shown_lang:  # a damaged file restored from a backup
            _install_translation(app, lang or settings.get(store, "lang"))
        apply_font_size(settings.get(store, "font_pt"))
        for warning in [location_warning(data_dir), *store.warnings]:
            if warning:
                startup_messages.show(warning, warning=True)
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
