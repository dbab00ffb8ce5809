"""「デモを終了して自分の団体を登録」: from the menu or the home page's demo banner, while the demo town is open.

The user confirms (told where the demo will be kept), registers their town in the first-run dialog, and the
window continues with that town: the demo lives on in a backup only (services/demo_exit.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services import demo_exit
from desktop.views.first_run import FirstRunDialog

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow


def ask(parent: QWidget, title: str, question: str) -> bool:
    """Yes or no from the user (replaced in tests)."""
    return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes


def leave_demo(window: MainWindow) -> FirstRunDialog | None:
    """Confirm, then open the registration; nothing changes until the user's town is registered."""
    ctx = window.ctx
    if window.sync.running:
        ctx.say(QCoreApplication.translate("DemoExit", "同期が終わってから、もう一度お試しください。"))
        return None
    question = QCoreApplication.translate(
        "DemoExit",
        "デモ団体のデータを消去して、あなたの団体を登録します。\n\n"
        "デモのデータは消去の前にバックアップとして次のフォルダに保存され、"
        "「ファイル」→「バックアップから復元」でいつでも戻せます。\n{0}\n\n"
        "デモで設定した同期（ハブのURLとトークン）は引き継ぎません。あなたの団体の同期は改めて設定してください。"
        "\n\n続けますか？",
    ).format(ctx.ws.store.backups.folder)
    if not ask(window, QCoreApplication.translate("DemoExit", "デモを終了して自分の団体を登録"), question):
        return None
    dialog = FirstRunDialog(
        ctx.ws.store, window, register=demo_exit.leave_demo, offer_demo=False, ops=ctx.ops
    )
    dialog.accepted.connect(lambda: _continue_with(window, dialog.outcome))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _continue_with(window: MainWindow, left: demo_exit.DemoLeft) -> None:
    """Every page is rebuilt on the new town; the user is told where the demo is kept."""
    ctx = window.ctx
    ctx.ws.forget_owner()
    window.sync.start_over()  # the demo's hub connection and sync state are gone with it
    window.show_municipality(left.municipality)
    window.rebuild_pages()
    window.show_page("home")
    ctx.ops.changed.emit(frozenset({"*"}))
    done = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("DemoExit", "デモを終了しました"),
        QCoreApplication.translate(
            "DemoExit",
            "「{0}」を登録しました。これからはあなたの団体のデータで作業します。\n\n"
            "デモ団体のデータは次のバックアップに保存しました。\n{1}\n\n"
            "「ファイル」→「バックアップから復元」で、いつでもデモに戻せます。",
        ).format(left.municipality.name, left.backup),
        QMessageBox.StandardButton.Ok,
        window,
    )
    done.setObjectName("demo_left")
    done.finished.connect(done.deleteLater)
    done.open()
    ctx.say(QCoreApplication.translate("DemoExit", "デモのデータを {0} に保存しました。").format(left.backup))
