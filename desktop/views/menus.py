"""Menus of the main window: data safety (backup, restore, check), font size, about."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop import __version__
from desktop.services import maintenance, settings
from desktop.views.context import ViewContext
from desktop.views.file_dialogs import ask_open_path
from desktop.views.style import DEFAULT_FONT_PT, MAX_FONT_PT, MIN_FONT_PT


def apply_font_size(points: int) -> None:
    """Set the application font size (all pages scale with it)."""
    app = QApplication.instance()
    font = QFont(app.font())
    font.setPointSize(max(MIN_FONT_PT, min(MAX_FONT_PT, int(points))))
    app.setFont(font)


def about_text() -> str:
    """What the app is and what happens to the data: the same story the status bar tells (未送信 n件)."""
    return QCoreApplication.translate(
        "Menus",
        "自治体DXナビ {0}\n\n自治体DX全体手順書のステップ0〜3に沿って、"
        "市町村のDX推進を支援するオフライン優先のアプリです。\n\n"
        "データはこのパソコンに保存されます。都道府県との同期を設定するまでは、"
        "入力した内容はどこにも送信されません（ステータスバーの「未送信」は、まだ送っていない変更の件数です）。"
        "都道府県へは、支援ニーズ調書などの文書を出力して送付してください。",
    ).format(__version__)


def build_menus(window: QMainWindow, ctx: ViewContext) -> None:
    """Create the menu bar."""
    store = ctx.ws.store
    bar = window.menuBar()

    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "ファイル(&F)"))

    def backup() -> None:
        ctx.ops.long_task(
            lambda progress: maintenance.backup_now(store),
            title=QCoreApplication.translate("Menus", "バックアップを作成しています"),
            uses_store=True,
            on_done=lambda path: ctx.say(
                QCoreApplication.translate("Menus", "バックアップを作成しました: {0}").format(path)
            ),
        )

    def restore() -> None:
        ask_open_path(
            window,
            QCoreApplication.translate("Menus", "復元するバックアップを選択"),
            store.backups.folder,
            QCoreApplication.translate("Menus", "DXナビ バックアップ (*.sqlite3)"),
            restore_from,
        )

    def restore_from(path) -> None:
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("Menus", "バックアップから復元"),
            QCoreApplication.translate(
                "Menus",
                "現在のデータをこのバックアップの内容に置き換えます。現在のデータも自動でバックアップされます。続けますか？",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def restored(_result) -> None:
            ctx.ws.forget_owner()
            QMessageBox.information(
                window,
                QCoreApplication.translate("Menus", "復元"),
                QCoreApplication.translate("Menus", "復元しました。表示を更新します。"),
            )
            ctx.ops.changed.emit(frozenset({"*"}))

        ctx.ops.long_task(
            lambda progress: maintenance.restore_backup(store, path),
            title=QCoreApplication.translate("Menus", "復元しています"),
            uses_store=True,
            on_done=restored,
        )

    def check() -> None:
        def show(report) -> None:
            box = QMessageBox.information if report.ok else QMessageBox.warning
            box(window, QCoreApplication.translate("Menus", "データの点検"), "\n".join(report.lines))

        ctx.ops.long_task(
            lambda progress: maintenance.check_store(store),
            title=QCoreApplication.translate("Menus", "データを点検しています"),
            uses_store=True,
            on_done=show,
        )

    details = QAction(QCoreApplication.translate("Menus", "団体情報(&I)"), window)
    details.triggered.connect(lambda: window.show_page("municipality"))
    details.setVisible(any(e.key == "municipality" for e in window.entries))  # not in prefecture mode
    file_menu.addAction(details)
    # Shown while the demo town is open (MainWindow follows the municipality's is_demo).
    window.leave_demo_action = QAction(
        QCoreApplication.translate("Menus", "デモを終了して自分の団体を登録(&E)…"), window
    )
    window.leave_demo_action.triggered.connect(window.leave_demo)
    window.leave_demo_action.setVisible(False)
    file_menu.addAction(window.leave_demo_action)
    file_menu.addSeparator()
    from desktop.views.package_export import export_package, show_fingerprint
    from desktop.views.package_import import import_package

    package_menu = file_menu.addMenu(QCoreApplication.translate("Menus", "パッケージ(&P)"))
    town = not any(e.key == "towns" for e in window.entries)  # a prefecture sends from its 支援ニーズ page
    for text, slot, shown in (
        (
            QCoreApplication.translate("Menus", "パッケージを取り込む(&I)…"),
            lambda: import_package(window, ctx),
            True,
        ),
        (
            QCoreApplication.translate("Menus", "支援ニーズのパッケージを作成(&N)…"),
            lambda: export_package(window, ctx, "needs"),
            town,
        ),
        (
            QCoreApplication.translate("Menus", "進捗のパッケージを作成(&R)…"),
            lambda: export_package(window, ctx, "progress"),
            town,
        ),
        (
            QCoreApplication.translate("Menus", "全データのパッケージを作成（別のパソコン用）(&F)…"),
            lambda: export_package(window, ctx, "full"),
            True,
        ),
        (
            QCoreApplication.translate("Menus", "この端末の署名鍵の指紋(&K)…"),
            lambda: show_fingerprint(window, ctx),
            True,
        ),
    ):
        action = QAction(text, window)
        action.triggered.connect(slot)
        action.setVisible(shown)
        package_menu.addAction(action)
    file_menu.addSeparator()
    for text, slot in (
        (QCoreApplication.translate("Menus", "バックアップを作成(&B)"), backup),
        (QCoreApplication.translate("Menus", "バックアップから復元(&R)…"), restore),
        (QCoreApplication.translate("Menus", "データの点検(&C)"), check),
    ):
        action = QAction(text, window)
        action.triggered.connect(slot)
        file_menu.addAction(action)
    file_menu.addSeparator()
    quit_action = QAction(QCoreApplication.translate("Menus", "終了(&Q)"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    view_menu = bar.addMenu(QCoreApplication.translate("Menus", "表示(&V)"))

    def change_font(delta: int | None) -> None:
        current = QApplication.instance().font().pointSize()
        size = DEFAULT_FONT_PT if delta is None else current + delta
        size = max(MIN_FONT_PT, min(MAX_FONT_PT, size))
        apply_font_size(size)
        window.rebuild_pages()
        ctx.ops.edit(settings.put, store, "font_pt", size)

    for text, keys, delta in (
        (QCoreApplication.translate("Menus", "文字を大きく"), QKeySequence.StandardKey.ZoomIn, 1),
        (QCoreApplication.translate("Menus", "文字を小さく"), QKeySequence.StandardKey.ZoomOut, -1),
        (QCoreApplication.translate("Menus", "標準の文字サイズ"), QKeySequence("Ctrl+0"), None),
    ):
        action = QAction(text, window)
        action.setShortcut(keys)
        action.triggered.connect(lambda _=False, d=delta: change_font(d))
        view_menu.addAction(action)

    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "ヘルプ(&H)"))
    about = QAction(QCoreApplication.translate("Menus", "自治体DXナビについて"), window)
    about.triggered.connect(
        lambda: QMessageBox.about(
            window, QCoreApplication.translate("Menus", "自治体DXナビについて"), about_text()
        )
    )
    help_menu.addAction(about)
