"""Importing a package from the window: the preview shows who sent it, its key's fingerprint and what would change;
nothing is written until the officer approves the new key and presses 取り込む. Exporting never freezes the window."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from desktop.models import NeedsRequest
from desktop.services import needs, package_keys, packages
from desktop.services.prefecture import needs as pref_needs
from desktop.services.workspace import Workspace
from desktop.views.needs import NeedsPage as TownNeedsPage
from desktop.views.package_export import export_package
from desktop.views.package_import import import_package
from tests.exchange.conftest import PREF_CODE, register_prefecture

WAIT_MS = 15000


def answered_catalog(ws, tmp_path, open_store) -> Path:
    """福井県 answers 鯖江市's need and sends the answer back as a catalog package."""
    needs.create(ws, title="CIO補佐官の派遣", purpose="計画づくり")
    town_package = tmp_path / "needs.dxpkg"
    packages.export_package(ws, "needs", town_package, with_documents=False)
    with open_store(tmp_path / "pref", auto_backup=False) as store:
        register_prefecture(store)
        pref = Workspace(store)
        packages.apply_package(pref, town_package, approve_key=package_keys.device_key(ws).fingerprint)
        with store.write() as s:
            need = s.scalar(select(NeedsRequest).where(NeedsRequest.title == "CIO補佐官の派遣"))
            need.response_status, need.response_text = "matched", "県のCIO補佐官を月2日派遣します。"
        catalog = tmp_path / "catalog.dxpkg"
        packages.export_package(pref, "catalog", catalog, to=ws.owner_code)
    return catalog


def response_of(ws) -> str:
    return needs.needs(ws)[0].response_status


def test_a_new_key_is_approved_in_the_preview_before_anything_is_imported(
    qtbot, ctx, ws, tmp_path, open_store
):
    catalog = answered_catalog(ws, tmp_path, open_store)
    window = QWidget()
    qtbot.addWidget(window)

    import_package(window, ctx, catalog)
    qtbot.waitUntil(lambda: getattr(window, "_package_dialog", None) is not None, timeout=WAIT_MS)
    dialog = window._package_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)

    assert "福井県" in dialog.sender.text() and PREF_CODE in dialog.sender.text()
    fingerprint = packages.open_for_import(ws, catalog).fingerprint
    assert dialog.fingerprint.text().replace(" ", "") == fingerprint
    assert "変更 1件" in dialog.summary.text()
    # The prefecture prints no 支援ニーズ調書: the note says to ask its officer.
    assert "福井県の担当者" in dialog.key_note.text() and "支援ニーズ調書" not in dialog.key_note.text()
    assert not dialog.import_button.isEnabled()  # a key not yet approved cannot be imported

    dialog.approve.click()
    assert dialog.import_button.isEnabled()
    assert response_of(ws) == ""
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: response_of(ws) == "matched", timeout=WAIT_MS)
    assert ctx.errors == []


def test_cancelling_the_preview_imports_nothing(qtbot, ctx, ws, tmp_path, open_store):
    catalog = answered_catalog(ws, tmp_path, open_store)
    window = QWidget()
    qtbot.addWidget(window)
    import_package(window, ctx, catalog)
    qtbot.waitUntil(lambda: getattr(window, "_package_dialog", None) is not None, timeout=WAIT_MS)
    dialog = window._package_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)

    dialog.approve.setChecked(True)
    dialog.reject()

    ctx.ops.wait_idle()
    assert response_of(ws) == ""
    assert packages.open_for_import(ws, catalog).key_status == "new"


def test_a_refused_package_is_reported_and_shows_no_preview(qtbot, ctx, ws, tmp_path):
    bad = tmp_path / "bad.dxpkg"
    bad.write_bytes(b"not a package")
    window = QWidget()
    qtbot.addWidget(window)

    import_package(window, ctx, bad)

    qtbot.waitUntil(lambda: bool(ctx.errors), timeout=WAIT_MS)
    assert "読めません" in ctx.errors[0]
    assert getattr(window, "_package_dialog", None) is None


def test_exporting_from_the_window_writes_the_package_in_the_background(qtbot, ctx, ws, tmp_path):
    need = needs.create(
        ws, title="CIO補佐官の派遣", purpose="計画づくり", skill_role="producer", days_per_month=2
    )
    needs.submit(ws, need.id)  # only what was submitted goes on the 支援ニーズ調書
    window = QWidget()
    qtbot.addWidget(window)
    out = tmp_path / "鯖江市_支援ニーズ.dxpkg"

    export_package(window, ctx, "needs", out)

    qtbot.waitUntil(out.exists, timeout=60000)
    opened = packages.open_for_import(ws, out)
    assert opened.manifest.kind == "needs" and opened.package.documents  # the 支援ニーズ調書 goes with it


def test_a_town_sees_the_prefectures_answer_arrive_by_catalog_package(
    qtbot, make_ctx, ws, tmp_path, open_store
):
    need = needs.create(ws, "CIO補佐官の派遣", skill_role="producer", days_per_month=2, purpose="計画づくり")
    needs.submit(ws, need.id)
    town_package = tmp_path / "needs.dxpkg"
    packages.export_package(ws, "needs", town_package, with_documents=False)
    with open_store(tmp_path / "pref", auto_backup=False) as store:  # 福井県 answers in prefecture mode
        register_prefecture(store)
        pref = Workspace(store)
        packages.apply_package(pref, town_package, approve_key=package_keys.device_key(ws).fingerprint)
        pref_needs.respond(pref, need.id, "matched", "県のCIO補佐官を月2日派遣します。")
        catalog = tmp_path / "catalog.dxpkg"
        packages.export_package(pref, "catalog", catalog, to=ws.owner_code)
    ctx = make_ctx(ws)
    page = TownNeedsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.detail.form.record_id == need.id, timeout=WAIT_MS)
    assert page.detail.response_status.text() == "未回答"

    import_package(page, ctx, catalog)
    qtbot.waitUntil(lambda: getattr(page, "_package_dialog", None) is not None, timeout=WAIT_MS)
    dialog = page._package_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.approve.click()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.detail.response_status.text() == "マッチ済", timeout=WAIT_MS)
    assert page.detail.response_text.text() == "県のCIO補佐官を月2日派遣します。"
    assert ctx.errors == []
