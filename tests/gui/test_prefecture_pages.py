"""Prefecture mode pages and the town's side of the catalog, driven as a user would."""

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QScrollArea
from sqlalchemy import update

from desktop.exchange.package import open_package
from desktop.models import JointProcurementOffer, NeedsRequest
from desktop.services import needs, package_keys, packages
from desktop.services.municipality import init_municipality
from desktop.services.prefecture import catalog
from desktop.services.prefecture import needs as pref_needs
from desktop.services.prefecture.indicators import INDICATORS
from desktop.services.workspace import Workspace
from desktop.views.main_window import MainWindow
from desktop.views.navigation import PREFECTURE_PAGES, pages_for
from desktop.views.needs import NeedsPage as TownNeedsPage
from desktop.views.package_import import import_package
from desktop.views.prefecture.needs import NeedsPage
from desktop.views.prefecture.towns import FIXED_COLUMNS, TownsPage
from desktop.views.prefecture_catalog import PrefectureCatalogPage
from tests.gui.conftest import use_file_dialog
from tests.prefecture.conftest import PREF, SABAE, settle
from tests.prefecture.conftest import pref as pref  # noqa: F401 - the prefecture's store, as a fixture

WAIT_MS = 5000
OBAMA = "182044"  # 小浜市


def shown(qtbot, page, loaded=lambda page: True):
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitUntil(lambda: loaded(page), timeout=WAIT_MS)
    return page


def test_a_prefecture_data_dir_opens_with_the_prefecture_navigator(qtbot, make_ctx, pref):  # noqa: F811
    window = MainWindow(make_ctx(pref), "福井県", pages_for(pref.is_prefecture))
    qtbot.addWidget(window)
    assert [e.key for e in window.entries] == [e.key for e in PREFECTURE_PAGES]
    page = window.show_page("towns")
    assert isinstance(page, TownsPage)


def test_the_towns_list_keeps_the_summary_row_last_and_explains_each_indicator(qtbot, make_ctx, pref):  # noqa: F811
    page = shown(qtbot, TownsPage(make_ctx(pref)), lambda p: p.model.rowCount() == 4)
    proxy = page.model
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert proxy.index(3, 0).data() == "県全体"
    names = [proxy.index(r, 1).data() for r in range(3)]
    assert names == sorted(names, reverse=True)
    cio = FIXED_COLUMNS + [k for k, _l in INDICATORS].index("cio")
    fukui = next(r for r in range(3) if proxy.index(r, 1).data() == "福井市")
    assert proxy.index(fukui, cio).data() == "○"
    assert "判定の根拠：推進体制に任命済み：CIO（最高情報統括責任者）（副市長）" in proxy.index(
        fukui, cio
    ).data(Qt.ItemDataRole.ToolTipRole)
    assert proxy.index(3, cio).data() == "33%"

    page.search.setText("鯖江")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert proxy.index(0, 1).data() == "鯖江市" and proxy.index(1, 0).data() == "県全体"


def test_setting_a_response_in_prefecture_mode_writes_it_and_shows_it(qtbot, make_ctx, pref):  # noqa: F811
    ctx = make_ctx(pref)
    page = shown(qtbot, NeedsPage(ctx), lambda p: len(p.rows) == 2 and p.detail.need is not None)
    assert page.current().title == "RPA導入の支援"  # high priority first
    page.filters["role"].setCurrentIndex(page.filters["role"].findData("engineer"))
    qtbot.waitUntil(lambda: len(page.rows) == 1 and page.detail.need is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.detail.suggestions.count() == 1, timeout=WAIT_MS)  # no engineer in the pool

    detail = page.detail
    detail.status.setCurrentIndex(detail.status.findData("matched"))
    detail.message.setPlainText("登録人材Bを月2日で派遣します。")
    qtbot.mouseClick(detail.respond_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: page.table.rowCount() == 1 and page.table.item(0, 5).text() == "マッチ済", timeout=WAIT_MS
    )
    stored = pref_needs.all_needs(pref, pref_needs.NeedsFilter(town=SABAE))[0]
    assert (stored.response_status, stored.response_text) == ("matched", "登録人材Bを月2日で派遣します。")
    qtbot.waitUntil(lambda: detail.answered.text().startswith("マッチ済"), timeout=WAIT_MS)
    assert ctx.errors == []


def test_the_answer_goes_to_the_town_as_a_catalog_package_from_the_needs_page(
    qtbot,
    make_ctx,
    pref,
    tmp_path,
):
    ctx = make_ctx(pref)
    page = shown(qtbot, NeedsPage(ctx), lambda p: len(p.rows) == 2 and p.detail.need is not None)
    need = page.current()
    pref_needs.respond(pref, need.id, "coordinating", "候補を調整しています。")

    def save_as(dialog: QFileDialog) -> str:
        suggested = Path(dialog.selectedFiles()[0]).name
        dialog.setDirectory(str(tmp_path))
        dialog.accept()  # under the suggested name
        return suggested

    suggested = use_file_dialog(
        qtbot, lambda: qtbot.mouseClick(page.detail.package_button, Qt.MouseButton.LeftButton), save_as
    )

    saved = tmp_path / suggested
    qtbot.waitUntil(saved.exists, timeout=WAIT_MS * 6)
    assert f"{need.town_name}あて" in suggested
    package = open_package(saved.read_bytes())
    assert (package.manifest.kind, package.manifest.recipient_code) == ("catalog", need.town_code)
    answer = next(c for c in package.changes if c.id == need.id)
    assert answer.fields["response_text"] == "候補を調整しています。"
    assert "title" not in answer.fields  # the town's own fields stay the town's


def test_a_town_sees_the_response_that_arrived_in_its_store(qtbot, make_ctx, ws):
    need = needs.create(ws, "RPA導入の支援", skill_role="engineer", days_per_month=2, purpose="業務改善")
    needs.submit(ws, need.id)
    with ws.store.write() as s:  # the prefecture's answer, as sync or a catalog package applies it
        s.execute(
            update(NeedsRequest)
            .where(NeedsRequest.id == need.id)
            .values(response_status="coordinating", response_text="候補を調整しています。",
                    responded_at=datetime(2026, 11, 30, 1, 0, tzinfo=UTC), dirty=False, version=2)
        )  # fmt: skip
    page = shown(qtbot, TownNeedsPage(make_ctx(ws)), lambda p: p.detail.form.record_id == need.id)
    qtbot.waitUntil(lambda: page.detail.response_status.text() == "調整中", timeout=WAIT_MS)
    assert page.detail.response_text.text() == "候補を調整しています。"
    assert page.detail.response_date.text() == "令和8年11月30日"


def test_a_town_reads_the_catalog_and_states_its_intent(qtbot, make_ctx, pref):  # noqa: F811
    offer = catalog.create(pref, JointProcurementOffer, title="電子申請システムの共同調達",
                           survey_deadline=date(2027, 1, 31))  # fmt: skip
    settle(pref.store)
    town = Workspace.for_owner(pref.store, SABAE)
    ctx = make_ctx(town)
    page = shown(qtbot, PrefectureCatalogPage(ctx), lambda p: len(p.offers.entries) == 1)
    page.tabs.setCurrentWidget(page.offers)
    assert "電子申請システムの共同調達" in page.offers.text.text()
    qtbot.waitUntil(lambda: page.offers.intent_box.isVisible(), timeout=WAIT_MS)
    intent = page.offers.intent
    intent.setCurrentIndex(intent.findData("join"))

    qtbot.waitUntil(lambda: catalog.my_intent(town, offer.id) is not None, timeout=WAIT_MS)
    assert catalog.my_intent(town, offer.id).intent == "join"
    assert [p.intent for p in catalog.participation(Workspace.for_owner(pref.store, PREF), offer.id)] == [
        "join"
    ]
    qtbot.waitUntil(lambda: page.offers.budget_fy.isEnabled(), timeout=WAIT_MS)
    assert ctx.errors == []


def test_a_refused_intent_note_stays_beside_its_field(qtbot, make_ctx, pref):  # noqa: F811
    offer = catalog.create(pref, JointProcurementOffer, title="電子申請システムの共同調達")
    settle(pref.store)
    town = Workspace.for_owner(pref.store, SABAE)
    ctx = make_ctx(town)
    page = shown(qtbot, PrefectureCatalogPage(ctx), lambda p: len(p.offers.entries) == 1)
    page.tabs.setCurrentWidget(page.offers)
    qtbot.waitUntil(lambda: page.offers.intent_box.isVisible(), timeout=WAIT_MS)
    offers = page.offers
    offers.intent.setCurrentIndex(offers.intent.findData("considering"))
    qtbot.waitUntil(lambda: offers.note.isEnabled(), timeout=WAIT_MS)
    too_long = "検討中の理由。" * 400  # beyond the stated limit of 備考

    offers.note.setFocus()
    offers.note.setPlainText(too_long)
    offers.note.commit_pending()

    qtbot.waitUntil(lambda: offers.note.note.isVisible(), timeout=WAIT_MS)
    assert "備考" in offers.note.note.text()
    assert offers.note.toPlainText() == too_long  # kept, to be shortened
    assert catalog.my_intent(town, offer.id).note == ""
    assert ctx.errors == []


def test_the_towns_list_shows_a_town_whose_package_was_just_imported(
    qtbot, make_ctx, pref, tmp_path, open_store
):  # noqa: F811
    with open_store(
        tmp_path / "obama", auto_backup=False
    ) as store:  # 小浜市, not yet known to the prefecture
        init_municipality(store, OBAMA, "小浜市")
        town = Workspace(store)
        need = needs.create(
            town, "DX推進計画の策定支援", skill_role="producer", days_per_month=2, purpose="計画づくり"
        )
        needs.submit(town, need.id)
        path = tmp_path / "obama.dxpkg"
        packages.export_package(town, "needs", path, with_documents=False)
        fingerprint = package_keys.device_fingerprint(town)
    ctx = make_ctx(pref)
    page = shown(qtbot, TownsPage(ctx), lambda p: p.model.rowCount() == 4)

    import_package(page, ctx, path)
    qtbot.waitUntil(lambda: getattr(page, "_package_dialog", None) is not None, timeout=WAIT_MS)
    dialog = page._package_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert dialog.fingerprint.text() == fingerprint
    dialog.approve.click()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=WAIT_MS * 3)
    names = [page.model.index(r, 1).data() for r in range(4)]
    assert "小浜市" in names


def test_the_needs_detail_fits_beside_the_list_without_sideways_scrolling(qtbot, make_ctx, pref):  # noqa: F811
    page = NeedsPage(make_ctx(pref))
    qtbot.addWidget(page)
    page.resize(990, 740)  # the page's share of the main window at its first-start size
    page.show()
    qtbot.waitUntil(lambda: len(page.rows) == 2 and page.detail.need is not None, timeout=WAIT_MS)
    area = page.detail.findChild(QScrollArea)
    qtbot.waitUntil(lambda: area.viewport().width() > 0, timeout=WAIT_MS)
    assert area.horizontalScrollBar().maximum() == 0
    for button in (page.detail.respond_button, page.detail.package_button, page.detail.use_button):
        right = button.mapTo(area.viewport(), button.rect().topRight()).x()
        assert right < area.viewport().width(), button.text()
