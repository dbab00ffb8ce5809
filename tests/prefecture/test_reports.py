"""The prefecture's 文書出力: an XLSX of every list and the prefecture-wide progress report PDF."""

from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.models import JointProcurementOffer, TalentPoolEntry, TownContact
from desktop.models.catalog import record_contact
from desktop.services.prefecture import catalog, reports
from desktop.services.workspace import Workspace
from tests.prefecture.conftest import FUKUI, SABAE, settle

TODAY = date(2026, 11, 30)


def _sheet(path):
    sheet = load_workbook(path).worksheets[0]
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_the_towns_workbook_has_every_town_with_its_indicators_and_how_each_was_derived(pref, tmp_path):
    reports.build_report(pref, "towns", tmp_path / "towns.xlsx", today=TODAY)
    rows = _sheet(tmp_path / "towns.xlsx")
    head = rows[0]
    assert head[:2] == ["団体コード", "団体名"] and "CIOの任命（判定の根拠）" in head
    fukui = next(r for r in rows if r[0] == FUKUI)
    assert fukui[head.index("CIOの任命")] == "○"
    assert "副市長" in fukui[head.index("CIOの任命（判定の根拠）")]
    assert fukui[head.index("連絡の方法")] == "同期"
    assert len(rows) == 4


@pytest.mark.parametrize("key", [k for k, r in reports.REPORTS.items() if r.fmt == "xlsx"])
def test_every_list_can_be_saved_as_a_workbook(pref, tmp_path, key):
    catalog.create(pref, TalentPoolEntry, listing="登録人材A", skill_role="engineer")
    offer = catalog.create(pref, JointProcurementOffer, title="電子申請の共同調達")
    settle(pref.store)
    catalog.state_intent(Workspace.for_owner(pref.store, SABAE), offer.id, "join", budget_fy=2027)
    result = reports.build_report(pref, key, tmp_path / f"{key}.xlsx", today=TODAY)
    rows = _sheet(result.path)
    assert rows[0] and all(isinstance(h, str) for h in rows[0])
    if key == "joint_procurement":
        assert [rows[1][0], rows[1][6], rows[1][7]] == ["電子申請の共同調達", "鯖江市", "参加する"]
    if key == "needs":
        assert [r[2] for r in rows[1:]] == ["RPA導入の支援", "CIO補佐官の派遣"]


def test_the_progress_report_has_a_cover_the_indicator_table_charts_and_needs(pref, tmp_path):
    result = reports.build_report(pref, "progress", tmp_path / "report.pdf", today=TODAY)
    text = "".join(page.extract_text() for page in PdfReader(result.path).pages)
    assert result.pages is not None and result.pages >= 4
    for expected in ("県内市町村のDX推進状況", "令和8年11月30日現在", "推進体制の状況", "福井市", "県内計",
                     "ステップ別の進捗状況", "標準化対象20業務", "支援ニーズの状況", "未回答の支援ニーズ"):  # fmt: skip
        assert expected in text.replace(" ", "")


def test_the_last_contact_keeps_the_newest_arrival(pref):
    later = datetime(2026, 11, 25, tzinfo=UTC)
    earlier = datetime(2026, 11, 1, tzinfo=UTC)
    with pref.store.write() as s:
        record_contact(s, SABAE, "sync", later)
    with pref.store.write() as s:
        record_contact(s, SABAE, "package", earlier, "古いパッケージ")
    with pref.store.read() as s:
        contact = s.get(TownContact, SABAE)
        assert contact.channel == "sync" and contact.at.replace(tzinfo=UTC) == later
