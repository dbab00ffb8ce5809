"""First run: register the municipality (団体コード + 団体名) or start with the demo municipality."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError, ValidationError
from desktop.operations import Operations
from desktop.services import municipality
from desktop.views.style import ACCENT, MARGIN, SECTION_GAP, SPACING, heading, hint

if TYPE_CHECKING:  # views never touch the store themselves; the dialog only hands it to services
    from desktop.store import Store

OK_COLOR = "#2e7d32"
ERROR_COLOR = "#c62828"
CONTENT_WIDTH = 740
BOX_STYLE = "QFrame#box { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"


class FirstRunDialog(QDialog):
    """Welcome dialog shown while the store has no municipality; accepted once one is stored.

    Leaving the demo uses it too: then `register(store, code, name)` replaces the demo town (its result is kept
    in `outcome`), the demo is not offered, and `ops` is the window's, so the store has one writer.
    """

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        register: Callable[[Store, str, str], Any] = municipality.init_municipality,
        offer_demo: bool = True,
        ops: Operations | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.municipality: Any = None  # the stored Municipality once accepted
        self.outcome: Any = None  # what `register` returned
        self._register = register
        self.ops = ops or Operations(self)
        self._busy = False
        self.setWindowTitle(self.tr("自治体DXナビへようこそ"))
        self.setModal(True)
        self.setMinimumSize(640, 560)

        # One centred column, so the dialog reads well both at its natural size and maximised.
        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN * 2, MARGIN * 2, MARGIN * 2, MARGIN * 2)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(column, 100)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

        title = heading(self.tr("自治体DXナビへようこそ"))
        title.setStyleSheet(f"color: {ACCENT};")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "総務省「自治体DX全体手順書」のステップ0〜3に沿って、自治体DXの取組を整理し、"
                "進捗を管理するアプリです。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        features = QLabel(
            self.tr(
                "・ステップごとのチェックリストで「次に何をするか」が分かります\n"
                "・DX推進計画、推進体制、標準化（20業務）の移行状況を一か所で管理します\n"
                "・DX推進計画や支援ニーズ調書をPDF・Excelで出力できます\n"
                "・データはこのパソコンの中に保存され、インターネットに接続しなくても使えます"
            )
        )
        features.setWordWrap(True)
        features.setContentsMargins(SPACING, 0, 0, 0)
        layout.addWidget(features)
        layout.addSpacing(SECTION_GAP)

        box = QFrame()
        box.setObjectName("box")
        box.setStyleSheet(BOX_STYLE)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(SECTION_GAP, SECTION_GAP - 4, SECTION_GAP, SECTION_GAP)
        box_layout.setSpacing(SPACING)
        box_layout.addWidget(heading(self.tr("あなたの団体を登録してください"), level=2))
        box_layout.addWidget(
            hint(
                self.tr(
                    "団体コードは総務省の全国地方公共団体コード（6桁、最後の1桁は検査数字）です。"
                    "登録した団体コードは後から変更できません。団体名や連絡先は、後から「団体情報」の画面で編集できます。"
                )
            )
        )
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.setVerticalSpacing(4)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("例: 182079"))
        self.code_edit.setAccessibleName(self.tr("団体コード"))
        self.code_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14 + 16)
        self.code_status = QLabel()
        self.code_status.setWordWrap(True)
        self.code_status.setAccessibleName(self.tr("団体コードの確認結果"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例: 鯖江市"))
        self.name_edit.setAccessibleName(self.tr("団体名"))
        self.name_edit.setMaxLength(municipality.NAME_MAX)
        wide = self.fontMetrics().horizontalAdvance("国")  # i18n: data (names are measured in kanji)
        self.name_edit.setMaximumWidth(wide * 20)
        self.name_status = QLabel()
        self.name_status.setWordWrap(True)
        self.name_status.setStyleSheet(f"color: {ERROR_COLOR};")
        self.name_status.setVisible(False)
        code_label = QLabel(self.tr("団体コード(&C)"))
        code_label.setBuddy(self.code_edit)
        name_label = QLabel(self.tr("団体名(&N)"))
        name_label.setBuddy(self.name_edit)
        form.addRow(code_label, self.code_edit)
        form.addRow("", self.code_status)
        form.addRow(name_label, self.name_edit)
        form.addRow("", self.name_status)
        box_layout.addSpacing(4)
        box_layout.addLayout(form)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.setAccessibleName(self.tr("エラー"))
        self.error_label.setVisible(False)
        box_layout.addWidget(self.error_label)
        layout.addWidget(box)
        layout.addSpacing(SPACING)

        self.buttons = QDialogButtonBox()
        self.register_button = QPushButton(self.tr("登録して始める(&S)"))
        self.register_button.setDefault(True)
        self.register_button.setAutoDefault(True)
        self.demo_button = QPushButton(self.tr("デモ団体で試す(&D)"))
        self.demo_button.setAutoDefault(False)
        self.demo_button.setToolTip(self.tr("架空の団体と記入例のデータで、アプリの使い方を試せます。"))
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.demo_hint = hint(
            self.tr("「デモ団体で試す」では、架空の団体と記入例のデータで使い方を確かめられます。")
        )
        layout.addWidget(self.demo_hint)
        self.demo_button.setVisible(offer_demo)
        self.demo_hint.setVisible(offer_demo)
        if not offer_demo:  # leaving the demo: the welcome becomes what is about to happen
            self.setWindowTitle(self.tr("自分の団体を登録"))
            title.setText(self.tr("デモを終了して自分の団体を登録"))
            intro.setText(
                self.tr(
                    "登録すると、デモ団体のデータはバックアップに保存してから消去され、"
                    "登録した団体で作業を始めます。キャンセルすれば、何も変わりません。"
                )
            )
            features.setVisible(False)

        self.code_edit.textChanged.connect(self._code_changed)
        self.name_edit.textChanged.connect(lambda _text: self._show_name_error(""))
        self.register_button.clicked.connect(self.register)
        self.demo_button.clicked.connect(self.start_demo)
        self.cancel_button.clicked.connect(self.reject)
        self.setTabOrder(self.code_edit, self.name_edit)
        self.setTabOrder(self.name_edit, self.register_button)
        self.setTabOrder(self.register_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.cancel_button)
        self._code_changed("")
        self.code_edit.setFocus()

    # -- live feedback ------------------------------------------------------------------------------------
    def _code_changed(self, text: str) -> None:
        """Show the 都道府県 (or why the code is wrong) as soon as six characters are typed."""
        self._show_error("")
        code = text.strip()
        if len(code) < 6:
            self._set_status(self.tr("6桁を入力すると、都道府県を確認して表示します。"), None)
            return
        try:
            # A name is not needed to judge the code (a prefecture code registers prefecture mode).
            valid, _name, prefecture = municipality.check_new(code, "-")
        except ValidationError as exc:
            self._set_status(str(exc), ERROR_COLOR)
            return
        self._set_status(self.tr("✔ {0}の団体コードです（{1}）").format(prefecture, valid), OK_COLOR)

    def _set_status(self, text: str, color: str | None) -> None:
        self.code_status.setText(text)
        self.code_status.setStyleSheet(f"color: {color};" if color else "color: palette(placeholder-text);")

    def _show_name_error(self, text: str) -> None:
        self.name_status.setText(text)
        self.name_status.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.register_button, self.demo_button, self.cancel_button, self.code_edit, self.name_edit):
            w.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    # -- actions ------------------------------------------------------------------------------------------
    def register(self) -> None:
        """Validate, then store the municipality in the background; nothing is stored on bad input."""
        self._show_error("")
        try:
            code, name, _prefecture = municipality.check_new(self.code_edit.text(), self.name_edit.text())
        except ValidationError as exc:
            if exc.field == "name":
                self._show_name_error(str(exc))
                self.name_edit.setFocus()
            else:
                self._set_status(str(exc), ERROR_COLOR)
                self.code_edit.setFocus()
            return
        self._run(self._register, self.store, code, name)

    def start_demo(self) -> None:
        """Create the demo municipality with sample data."""
        from desktop.services import demo  # the sample data is only loaded when someone asks for it

        self._run(demo.create_demo, self.store)

    def _run(self, fn, *args) -> None:
        self._show_error("")
        self._set_busy(True)
        self.ops.edit(fn, *args, on_done=self._stored, on_error=self._failed)

    def _stored(self, result: Any) -> None:
        self._set_busy(False)
        self.outcome = result
        self.municipality = getattr(result, "municipality", result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DomainError):
            self._show_error(str(exc))
        else:
            self.ops.error_handler(exc, "")  # the one message for an unexpected error (details in the log)
        self.code_edit.setFocus()

    def reject(self) -> None:  # Qt override (キャンセル, Esc, the close button)
        """Ignore Esc while the registration is being written, so the outcome is never in doubt."""
        if not self._busy:
            super().reject()
