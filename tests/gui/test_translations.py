"""The English locale: every message translated and compiled, every page's chrome in English, and strings
stretched by a pseudo-translation still fitting their buttons and labels (Vorta's check for clipped text)."""

import importlib.util
import math
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabBar,
    QWidget,
)

from desktop.models import vocab
from desktop.operations import Operations
from desktop.services import demo
from desktop.services.prefecture.demo import create_prefecture_demo
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.first_run import FirstRunDialog
from desktop.views.locale import checkpoint_title, ui_lang
from desktop.views.main_window import MainWindow
from desktop.views.menus import apply_font_size
from desktop.views.navigation import PREFECTURE_PAGES
from desktop.views.style import DEFAULT_FONT_PT

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

JAPANESE = translations.JAPANESE
WIDTH, HEIGHT = 1280, 820
STRETCH = 0.4  # pseudo-translations are 40% longer than the English
UNIT = re.compile(r" \([^()]*\)$")


# -- the .ts and the .qm --------------------------------------------------------------------------------------
def test_every_ui_string_in_the_sources_is_marked_for_translation():
    """self.tr("…") / QT_TRANSLATE_NOOP("Context", "…") with literal text, or `# i18n: data` on the line."""
    problems = translations.lint()
    assert problems == [], "\n".join(problems)


def test_every_message_has_an_english_translation_with_the_same_fields():
    assert translations.unfinished() == []
    assert translations.mismatches() == []
    assert len(translations.messages()) > 500


def _lupdate_available() -> bool:
    return (Path(sys.executable).parent / "pyside6-lupdate").exists() or bool(shutil.which("pyside6-lupdate"))


@pytest.mark.skipif(not _lupdate_available(), reason="pyside6-lupdate is not installed")
def test_the_ts_file_holds_exactly_the_strings_of_the_sources(tmp_path):
    """A new or changed string without a translation fails here: run scripts/translations.py update."""
    fresh = tmp_path / "dxnavi_en.ts"
    shutil.copyfile(translations.TS_FILE, fresh)
    translations.lupdate(fresh)
    committed = {(c, s) for c, s, _t, _k in translations.messages()}
    current = {(c, s) for c, s, _t, _k in translations.messages(fresh)}
    assert current - committed == set(), "strings missing from dxnavi_en.ts"
    assert committed - current == set(), "dxnavi_en.ts holds strings no longer in the sources"


def test_the_compiled_qm_is_up_to_date_with_the_ts(qapp):
    """The app loads the .qm without the Qt tools; rebuild it with `scripts/translations.py build`."""
    compiled = QTranslator()
    assert compiled.load(str(translations.QM_FILE))
    stale = []
    for context in ET.parse(translations.TS_FILE).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, comment = message.findtext("source"), message.findtext("comment")
            if compiled.translate(name, source, comment) != message.findtext("translation"):
                stale.append(f"[{name}] {source[:40]!r}")
    assert stale == [], "\n".join(stale)


# -- helpers ----------------------------------------------------------------------------------------------------
@pytest.fixture
def english(qapp):
    """The English translator and locale, as app.py installs them for `--lang en`."""
    translator = QTranslator()
    assert translator.load(str(translations.QM_FILE))
    previous = QLocale()
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


class StretchingTranslator(QTranslator):
    """Every English string 40% longer, in 「［…］」 with padding: a label that clips it would clip a real one."""

    def __init__(self, english: QTranslator):
        super().__init__()
        self.english = english

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt override
        text = self.english.translate(context, source, disambiguation, n)
        # None (a null QString) lets Qt try the next context; "" would be taken as the translation.
        return "\n".join(stretch(line) for line in text.split("\n")) if text else None


def stretch(line: str) -> str:
    """「［」 + line + padding + 「］」, about 40% longer; the padding breaks like words do."""
    if not line.strip():
        return line
    pad = max(0, math.ceil(len(line) * STRETCH) - 2)
    return f"［{line}{('~~~~~ ' * pad)[:pad]}］"


def settle(qtbot, window: MainWindow) -> None:
    """Wait until every query has finished, its result has reached the widgets and their layouts are redone."""

    def settled() -> bool:
        QApplication.sendPostedEvents()  # the layout requests the results posted
        return window.ctx.ops.idle

    qtbot.waitUntil(settled, timeout=30_000)


@pytest.fixture
def demo_window(qtbot, qapp, store):
    """The main window over the demo municipality at the design size and the app's default font size."""
    font = QFont(qapp.font())
    apply_font_size(DEFAULT_FONT_PT)  # as app.py does (the offscreen platform starts smaller)

    def make() -> MainWindow:
        demo.create_demo(store)
        ws = Workspace(store)
        window = MainWindow(ViewContext(Operations(), ws), "デモ町")
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, window)
        return window

    yield make
    qapp.setFont(font)


def visit(qtbot, window: MainWindow):
    """Every navigator page and every tab of it, as a user would open them; yields (where, page)."""
    for entry in window.entries:
        page = window.show_page(entry.key)
        settle(qtbot, window)
        yield entry.key, page
        for tabs in [t for t in page.findChildren(QTabBar) if t.isVisible()]:
            for i in range(tabs.count()):
                if tabs.isTabVisible(i) and i != tabs.currentIndex():
                    tabs.setCurrentIndex(i)
                    settle(qtbot, window)
                    yield f"{entry.key} / {tabs.tabText(i)}", page
            tabs.setCurrentIndex(0)


def visible(page: QWidget, cls):
    return [w for w in page.findChildren(cls) if w.isVisible()]


def chrome_texts(page: QWidget) -> list[str]:
    """What the UI itself says on a page: tab titles, buttons, group boxes, form labels, column titles."""
    texts = []
    for bar in visible(page, QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count()) if bar.isTabVisible(i)]
    texts += [b.text() for b in visible(page, QPushButton)]
    texts += [g.title() for g in visible(page, QGroupBox)]
    for form in page.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.isVisible():
                texts.append(label.text())
    for view in visible(page, QAbstractItemView):
        model = view.model()
        header = getattr(view, "horizontalHeader", getattr(view, "header", None))
        if model is not None and header is not None and header().isVisible():
            titles = [
                str(model.headerData(c, header().orientation()) or "") for c in range(model.columnCount())
            ]
            texts += [UNIT.sub("", t) for t in titles]  # a KPI's unit in its column titles is data
    return texts


# -- (a) English everywhere ---------------------------------------------------------------------------------
def test_english_ui_has_no_japanese_chrome_on_any_page(qtbot, english, demo_window):
    window = demo_window()
    assert ui_lang() == "en"
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav[1] == "Step 0: Shared understanding & momentum"
    found = [f"navigator: {t}" for t in nav if JAPANESE.search(t)]
    for menu_action in window.menuBar().actions():
        texts = [menu_action.text()] + [a.text() for a in menu_action.menu().actions()]
        found += [f"menu: {t}" for t in texts if JAPANESE.search(t)]
    found += [
        f"status bar: {w.text()}"
        for w in (window.sync_label, window.undo_button)
        if JAPANESE.search(w.text())
    ]
    for where, page in visit(qtbot, window):
        found += [f"{where}: {t!r}" for t in chrome_texts(page) if JAPANESE.search(t)]
    assert found == [], "\n".join(found)
    assert window.windowTitle().startswith("DX Navi")


def test_english_prefecture_pages_have_no_japanese_chrome(qtbot, english, store):
    """Prefecture mode too: navigator, page chrome, and the 文書出力 page's names and descriptions of documents."""
    create_prefecture_demo(store)
    window = MainWindow(
        ViewContext(Operations(), Workspace(store)), "デモ県", PREFECTURE_PAGES, auto_sync=False
    )
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    found = [f"navigator: {window.nav.item(i).text()}" for i in range(window.nav.count())]
    found = [t for t in found if JAPANESE.search(t)]
    for where, page in visit(qtbot, window):
        found += [f"{where}: {t!r}" for t in chrome_texts(page) if JAPANESE.search(t)]
    reports = window.show_page("reports")
    settle(qtbot, window)
    labels = [w.text() for w in visible(reports, QLabel) if w.text()]
    assert any(t.startswith("<b>Municipalities</b>") for t in labels), labels
    found += [f"reports: {t!r}" for t in labels if JAPANESE.search(t)]
    assert found == [], "\n".join(found)


def test_english_first_run_dialog(qtbot, english, store):
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.windowTitle(), *chrome_texts(dialog)]
    texts += [w.text() for w in visible(dialog, QLabel) if w is not dialog.code_status]
    assert [t for t in texts if JAPANESE.search(t)] == []
    assert dialog.register_button.text() == "Register and &start"


def test_english_checklist_and_next_actions_show_the_english_checkpoint_titles(qtbot, english, demo_window):
    window = demo_window()
    home = window.show_page("home")
    settle(qtbot, window)
    assert home.action_buttons
    titles = [b.findChildren(QLabel)[1].text() for b in home.action_buttons]
    assert all(t and not JAPANESE.search(t) for t in titles), titles
    step0 = window.show_page("step0")
    settle(qtbot, window)
    rows = [
        step0.checklist.tree.topLevelItem(i).text(0) for i in range(step0.checklist.tree.topLevelItemCount())
    ]
    assert rows == [checkpoint_title(item.checkpoint) for item in step0.checklist.items]
    assert rows[0] == step0.checklist.items[0].checkpoint.title_en
    statuses = {step0.checklist.tree.topLevelItem(i).text(1) for i in range(len(rows))}
    assert statuses <= {"● Not started", "● In progress", "● Done", "● Not applicable"}


def test_every_vocabulary_label_has_an_english_translation(english):
    labels = {label for name in dir(vocab) if name.isupper() for label in getattr(vocab, name).values()}
    untranslated = [label for label in labels if QCoreApplication.translate("vocab", label) == label]
    assert untranslated == []


# -- (b) stretched strings still fit ------------------------------------------------------------------------
def clipped(page: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text, and page bodies too wide for the window."""
    problems = []
    widgets = [w for w in visible(page, QPushButton) if w.text()]
    widgets += [w for w in visible(page, QLabel) if w.text() and not w.wordWrap() and w.pixmap().isNull()]
    for w in widgets:
        if w.sizeHint().width() > w.width():
            problems.append(
                f"{type(w).__name__} {w.text()[:50]!r}: needs {w.sizeHint().width()}, has {w.width()}"
            )
    for area in visible(page, QScrollArea):  # page bodies and forms reflow; they never scroll sideways
        if area.horizontalScrollBar().isVisible():
            problems.append(f"{type(area.widget()).__name__} scrolls sideways")
    return problems


def test_pseudo_translation_is_not_clipped_on_the_main_pages(qtbot, qapp, english, demo_window):
    qapp.removeTranslator(english)
    pseudo = StretchingTranslator(english)
    qapp.installTranslator(pseudo)
    try:
        window = demo_window()
        assert window.nav.item(0).text() == stretch("Home")
        found = []
        for where, page in visit(qtbot, window):
            window.resize(WIDTH, HEIGHT)  # a window only grows by itself: does this page fit the design size?
            settle(qtbot, window)
            size = (window.width(), window.height())
            if size != (WIDTH, HEIGHT):
                found.append(f"{where}: needs a window of {size}")
            found += [f"{where}: {p}" for p in clipped(page)]
        found += [f"status bar: {p}" for p in clipped(window.statusBar())]
        assert found == [], "\n".join(found)
    finally:
        qapp.removeTranslator(pseudo)
        qapp.installTranslator(english)


def test_qt_own_buttons_are_japanese_in_the_japanese_ui(qapp):
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import _install_translation

    before = set(qapp.findChildren(QTranslator))
    _install_translation(qapp, "ja")
    try:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "復元",
            "続けますか？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        assert {b.text() for b in box.buttons()} == {"はい(&Y)", "いいえ(&N)"}
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
