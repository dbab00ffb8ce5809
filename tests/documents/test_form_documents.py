"""支援ニーズ調書, 調達仕様書, 募集要項 (PDF) and the needs / 20業務 / KPI workbooks, read back as a user would."""

import importlib.util
import re
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.content.templates import load_spec_templates
from desktop.models import JobDescription, NeedsRequest, Plan, StandardizationSystem
from desktop.models.errors import Cancelled, DomainError, NotFoundError
from desktop.models.progress import Progress
from desktop.services import form_documents as fd
from desktop.services import jobs, needs, procurement, records
from desktop.services import plan as plan_service
from desktop.services.municipality import update_municipality


def pdf_pages(path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path) -> str:
    return "\n".join(pdf_pages(path))


def font_files(path) -> dict[str, bool]:
    """Every font the pages use → embedded or not."""
    out: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return out


def assert_fonts_embedded(path) -> None:
    fonts = font_files(path)
    assert fonts and all(fonts.values()), fonts  # not even reportlab's default Helvetica unembedded


@pytest.fixture
def town(ws):
    """The municipality with its DX contact."""
    update_municipality(
        ws,
        population=68_000,
        staff_count=520,
        department="総務部情報統計課",
        contact_person="山田 花子",
        contact_phone="0778-51-2200",
        contact_email="dx@city.example.jp",
    )
    return ws


@pytest.fixture
def two_needs(town):
    ws = town
    cio = needs.create(
        ws,
        "CIO補佐官の派遣",
        skill_role="producer",
        days_per_month=4,
        purpose="DX推進計画の策定について専門的な助言を受けたい。",
        priority="high",
        funding="special_grant",
        period_start=date(2027, 4, 1),
        period_end=date(2028, 3, 31),
    )
    needs.submit(ws, cio.id)
    pmo = needs.create(
        ws,
        "標準化移行のPMO支援",
        category="standardization",
        engagement="resident",
        purpose="20業務の移行計画の進捗管理を支援してほしい。",
        period_start=date(2026, 10, 1),
        period_end=date(2027, 3, 31),
    )
    return cio, pmo


# --- 支援ニーズ調書 ----------------------------------------------------------------------------------------


def test_needs_pdf_lists_every_submitted_need_with_wareki_periods(town, two_needs, tmp_path):
    needs.submit(town, two_needs[1].id)
    out = tmp_path / "needs.pdf"
    result = fd.build_needs_pdf(town, out)
    assert result.path == out and out.is_file() and result.pages and result.pages >= 1
    text = pdf_text(out)
    for expected in (
        "支援ニーズ調書",
        "福井県鯖江市",
        "182079",
        "総務部情報統計課",
        "CIO補佐官の派遣",
        "標準化移行のPMO支援",
        "プロデューサー（CIO補佐官等）",
        "標準化・ガバメントクラウド移行支援",
        "令和9年度（令和9年4月1日〜令和10年3月31日）",  # a whole 年度 is named as such
        "令和8年10月1日〜令和9年3月31日",
        "月4日",
        "常駐",
        "随時",
        "特別交付税",
    ):
        assert expected in text, expected
    assert "提出済" not in text and "状況" not in text  # the municipality's own bookkeeping stays home
    assert "パッケージ指紋" not in text  # no package yet
    assert_fonts_embedded(out)


def test_the_needs_paper_is_a_letter_to_the_named_prefecture(town, two_needs, tmp_path):
    out = tmp_path / "needs.pdf"
    issue = fd.NeedsIssue("総務部市町村課", "鯖総情第123号", date(2026, 12, 1))
    fd.build_needs_pdf(town, out, issue=issue)
    head = pdf_pages(out)[0]
    assert "鯖総情第123号" in head and "令和8年12月1日" in head
    assert "福井県総務部市町村課" in head and "宛" in head
    # The department is remembered; number and date are per issue: blank lines to fill in by hand.
    fd.build_needs_pdf(town, out)
    head = pdf_pages(out)[0]
    assert "福井県総務部市町村課" in head and "鯖総情" not in head
    assert re.search(r"第\s+号", head) and re.search(r"令和\s+年\s+月\s+日", head)


def test_only_submitted_needs_are_sent_and_never_the_prefectures_answer(town, two_needs, tmp_path):
    cio, pmo = two_needs
    records.update(town, NeedsRequest, cio.id, status="answered", response_status="coordinating",
                   response_text="月2日であれば派遣できます。")  # fmt: skip
    out = tmp_path / "needs.pdf"
    fd.build_needs_pdf(town, out)
    text = pdf_text(out)
    assert "CIO補佐官の派遣" in text and "標準化移行のPMO支援" not in text  # the draft stays home
    assert "月2日であれば" not in text and "調整中" not in text and "回答" not in text
    with pytest.raises(DomainError, match="まだ提出していません（状況：作成中）"):
        fd.build_needs_pdf(town, out, pmo.id)


def test_needs_pdf_of_one_need_and_with_a_package_fingerprint(town, two_needs, tmp_path):
    cio, _ = two_needs
    out = tmp_path / "one.pdf"
    fd.build_needs_pdf(town, out, cio.id, fingerprint="3F2A-91C4-77B0-0D1E")
    text = pdf_text(out)
    assert "CIO補佐官の派遣" in text and "標準化移行のPMO支援" not in text
    assert "パッケージ指紋" in text and "3F2A-91C4-77B0-0D1E" in text


def test_nothing_to_print_is_a_clear_message_and_writes_nothing(town, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "needs.pdf"
    with pytest.raises(DomainError, match="提出済の支援ニーズがありません。"):
        fd.build_needs_pdf(town, out)
    with pytest.raises(NotFoundError, match="見つかりません"):
        fd.build_needs_pdf(town, out, "no-such-id")
    with pytest.raises(NotFoundError, match="調達仕様書"):
        fd.build_spec_pdf(town, out, "no-such-id")
    with pytest.raises(NotFoundError, match="募集要項"):
        fd.build_jd_pdf(town, out, "no-such-id")
    with pytest.raises(DomainError, match="提出済の支援ニーズがありません。"):
        fd.export_needs_xlsx(town, tmp_path / "needs.xlsx")
    with pytest.raises(DomainError, match="評価指標"):
        fd.export_kpi_xlsx(town, tmp_path / "kpi.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_build_leaves_no_file(town, two_needs, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    progress = Progress()
    progress.cancel()
    out = tmp_path / "needs.pdf"
    with pytest.raises(Cancelled):
        fd.build_needs_pdf(town, out, progress=progress)
    assert list(tmp_path.iterdir()) == []


# --- 調達仕様書 --------------------------------------------------------------------------------------------


def test_spec_pdf_has_chapters_a_to_sa_and_the_requirements_annex(town, tmp_path):
    spec = procurement.create_from_template(town, "standard_migration", "国民年金システム標準化移行業務委託")
    out = tmp_path / "spec.pdf"
    result = fd.build_spec_pdf(town, out, spec.id)
    pages = pdf_pages(out)
    text = "\n".join(pages)
    assert result.pages == len(pages)
    for chapter in load_spec_templates().chapters:
        assert chapter.title_for(spec.method) in text, chapter.title
    assert (
        text.index("ア 調達案件の概要に関する事項")
        < text.index("サ 附属文書")
        < text.rindex("別紙 要件定義書")
    )
    for expected in (
        "国民年金システム標準化移行業務委託",
        "調達仕様書",
        "目次",
        "1 機能要件",
        "2 非機能要件",
    ):
        assert expected in text, expected
    for category in ("外部インタフェース", "情報セキュリティ", "引継ぎ", "保守"):
        assert category in text
    assert "必須" in text and "任意" in text
    assert "参加団体一覧" not in text  # 単独調達
    assert "1 / " in text and "ページ" in text
    assert_fonts_embedded(out)


def test_joint_spec_pdf_lists_participants_with_codes_population_and_shares(town, tmp_path):
    spec = procurement.create_from_template(town, "joint", "電子契約サービス共同調達")
    own = procurement.participants(town, spec.id)[0]
    procurement.add_participant(town, spec.id, "182010", "福井市", 255_000)
    procurement.add_participant(town, spec.id, "183822", "池田町", 2_300)
    records.update(town, type(own), own.id, population=68_000)
    procurement.recompute_shares(town, spec.id)
    out = tmp_path / "joint.pdf"
    fd.build_spec_pdf(town, out, spec.id)
    text = pdf_text(out)
    for expected in (
        "別表 参加団体一覧",
        "代表団体：福井県",
        "按分方法：均等割＋人口割",
        "182010",
        "福井市",
        "255,000",
        "183822",
        "池田町",
        "100.00％",
        "共通SLA",
        "加入・脱退手続",
    ):
        assert expected in text, expected


def test_a_joint_spec_is_issued_by_its_lead_body(town, tmp_path):
    spec = procurement.create_from_template(town, "joint", "電子契約サービス共同調達")
    procurement.update(town, spec.id, lead_body="福井県市町村DX推進協議会")
    out = tmp_path / "joint.pdf"
    fd.build_spec_pdf(town, out, spec.id)
    reader = PdfReader(str(out))
    pages = [p.extract_text() for p in reader.pages]
    assert "福井県市町村DX推進協議会" in pages[0] and "福井県鯖江市" not in pages[0]  # the cover
    assert all("福井県市町村DX推進協議会" in p for p in pages[1:])  # the headers
    assert reader.metadata.author == "福井県市町村DX推進協議会"


def test_shares_follow_the_formula_add_up_and_the_rounding_rule_is_printed(town, tmp_path):
    spec = procurement.create_from_template(town, "joint", "電子契約サービス共同調達")
    own = procurement.participants(town, spec.id)[0]
    records.update(town, type(own), own.id, population=68_000, share_percent=10)  # typed by hand, wrongly
    procurement.add_participant(town, spec.id, "182010", "福井市", 255_000)
    procurement.add_participant(town, spec.id, "183822", "池田町", 2_300)
    out = tmp_path / "joint.pdf"
    fd.build_spec_pdf(town, out, spec.id)
    text = re.sub(r"\s+", "", pdf_text(out))
    expected = procurement.round_percents(procurement.compute_shares("mixed", [68_000, 255_000, 2_300]))
    assert round(sum(expected), 2) == 100
    for share in expected:
        assert f"{share:.2f}％" in text
    assert "10.00％" not in text and "合計325,300100.00％" in text
    assert "小数点以下第2位まで求め（第3位以下は切り捨て）" in text and "0.01％ずつ加えて" in text


@pytest.mark.parametrize("template", ["standard_migration", "saas", "joint"])
def test_a_proposal_spec_speaks_of_participation_and_selection_not_of_bidding(town, tmp_path, template):
    spec = procurement.create_from_template(town, template, "テスト調達")
    out = tmp_path / "spec.pdf"
    fd.build_spec_pdf(town, out, spec.id)
    text = re.sub(r"\s+", "", pdf_text(out))
    assert "ク参加資格及び選定方法に関する事項" in text and "（3）選定方法" in text
    assert "入札参加資格に関する事項" not in text and "入札参加要件" not in text and "入札制限" not in text
    # Documents for bidders say nothing of the municipality's funding.
    assert "財源" not in text and "事業債" not in text and "交付税" not in text
    # Every spec carries the clauses a contract needs.
    for clause in ("個人情報取扱特記事項", "（事故発生時における報告）", "（監査及び検査）", "支払条件",
                   "損害賠償", "情報セキュリティ事故の報告", "（8）監査"):  # fmt: skip
        assert clause in text, clause


def test_a_spec_by_tender_keeps_the_tender_chapter_title(town, tmp_path):
    spec = procurement.create_from_template(town, "saas", "入札による調達")
    procurement.update(town, spec.id, method="general")
    out = tmp_path / "tender.pdf"
    fd.build_spec_pdf(town, out, spec.id)
    text = re.sub(r"\s+", "", pdf_text(out))
    assert "ク入札参加資格に関する事項" in text and "一般競争入札" in text


def test_a_requirements_table_longer_than_a_page_repeats_its_header(town, tmp_path):
    spec = procurement.create_from_template(town, "saas", "長い要件定義書")
    for i in range(60):
        procurement.add_requirement(
            town, spec.id, "non_functional", "情報セキュリティ", f"追加要件その{i + 1}：ログを保管すること。"
        )
    out = tmp_path / "long.pdf"
    fd.build_spec_pdf(town, out, spec.id)
    pages = pdf_pages(out)
    with_rows = [p for p in pages if "追加要件その" in p]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "必須/任意" in page and "番号" in page and "区分" in page
    assert any("追加要件その60" in p for p in with_rows)  # rows are grouped by 区分, so not necessarily last


# --- 募集要項 ----------------------------------------------------------------------------------------------


def test_jd_pdf_prints_every_item_of_a_job_description(town, tmp_path):
    jd = jobs.create_from_template(town, "producer")
    out = tmp_path / "jd.pdf"
    fd.build_jd_pdf(town, out, jd.id)
    text = pdf_text(out)
    for expected in (
        "CIO補佐官（DX推進アドバイザー） 募集要項",
        "プロデューサー（CIO補佐官等）",
        "全庁的なデジタル変革を主導",  # the role per スキル標準
        "職務内容",
        "必須のスキル・経験",
        "歓迎するスキル・経験",
        "特別職非常勤職員（地方公務員法第3条第3項第3号）",
        "任期",
        "勤務日数",
        "勤務場所",
        "鯖江市庁舎",
        "報酬",
        "兼業",
        "守秘義務",
        "選考方法",
        "応募書類",
        "0778-51-2200",
    ):
        assert expected in text, expected
    assert_fonts_embedded(out)


def test_the_public_notice_tells_an_applicant_all_they_need_and_nothing_internal(town, tmp_path):
    jd = jobs.create_from_template(town, "producer")
    records.update(town, JobDescription, jd.id, deadline=date(2027, 2, 12), positions=1)
    out = tmp_path / "jd.pdf"
    fd.build_jd_pdf(town, out, jd.id)
    text = re.sub(r"\s+", "", pdf_text(out))
    for expected in (
        "募集人数1人",
        "応募期限令和9年2月12日（必着）",
        "応募方法・提出先応募書類を、応募期限までに鯖江市DX推進担当課へ",
        "選考日程",
        "結果の通知選考の結果は、応募者全員に",
        "欠格条項地方公務員法第16条各号のいずれかに該当する者は、応募することができません。",
        "問い合わせ先",
    ):
        assert expected in text, expected
    assert "財源" not in text and "交付税" not in text  # the municipality's funding is not for applicants


def test_jd_pdf_prints_a_catalog_appointment_key_as_its_title(town, tmp_path):
    jd = jobs.create(town, "DX推進アドバイザー", "producer", appointment_type="special_part_time")
    out = tmp_path / "jd.pdf"
    fd.build_jd_pdf(town, out, jd.id)
    text = pdf_text(out)
    assert "特別職非常勤職員（地方公務員法第3条第3項第3号）" in text and "special_part_time" not in text


def test_an_article_number_not_confirmed_by_a_primary_source_is_not_printed(town, tmp_path):
    jd = jobs.create(town, "DX推進員", "engineer", appointment_type="fiscal_year_appointee")
    out = tmp_path / "jd.pdf"
    fd.build_jd_pdf(town, out, jd.id)
    text = pdf_text(out)
    assert "会計年度任用職員" in text and "第22条の2" not in text


# --- XLSX ----------------------------------------------------------------------------------------------


def _header(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def test_needs_workbook_has_japanese_headers_real_dates_and_a_filter(town, two_needs, tmp_path):
    needs.submit(town, two_needs[1].id)
    out = tmp_path / "needs.xlsx"
    fd.export_needs_xlsx(town, out)
    wb = openpyxl.load_workbook(out)
    assert wb.vba_archive is None
    sheet = wb["支援ニーズ"]
    header = _header(sheet)
    assert header[:4] == ["団体コード", "団体名", "番号", "件名"]
    assert {
        "人材像（スキル標準）",
        "常駐/随時",
        "月あたり日数",
        "期間（開始）",
        "目的",
        "優先度",
        "財源",
    } <= set(header)
    assert "状況" not in header and "回答内容" not in header
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("DDE4EE")
    assert (
        sheet.freeze_panes == "A2"
        and sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}3"
    )
    rows = {r[3]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    cio = rows["CIO補佐官の派遣"]
    assert cio["団体コード"] == "182079" and cio["団体名"] == "福井県鯖江市"
    assert cio["人材像（スキル標準）"] == "プロデューサー（CIO補佐官等）" and cio["月あたり日数"] == 4
    assert cio["期間（開始）"].date() == date(2027, 4, 1)
    start_col = header.index("期間（開始）") + 1
    date_cell = next(c for c in sheet.iter_cols(min_col=start_col, max_col=start_col, min_row=2))[0]
    assert date_cell.is_date and "ggge" in date_cell.number_format  # shown in 和暦
    # Japanese text fits: the 区分 column is wide enough for 17 full-width characters.
    assert sheet.column_dimensions["E"].width >= 34


def test_tracker_workbook_has_the_20_businesses(town, tmp_path):
    records.create(
        town,
        StandardizationSystem,
        business_key="jumin_kihon_daicho",
        vendor="A社",
        planned_go_live=date(2026, 1, 4),
        gov_cloud=True,
    )
    out = tmp_path / "tracker.xlsx"
    fd.export_tracker_xlsx(town, out)
    sheet = openpyxl.load_workbook(out)["標準化20業務"]
    header = _header(sheet)
    assert {"業務名", "段階", "本稼働予定日", "特定移行支援システム", "ガバメントクラウド"} <= set(header)
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 20 and rows[0]["業務名"] == "住民基本台帳" and rows[-1]["業務名"] == "戸籍の附票"
    assert rows[0]["事業者"] == "A社" and rows[0]["ガバメントクラウド"] == "利用"
    assert rows[0]["本稼働予定日"].date() == date(2026, 1, 4)
    assert rows[1]["段階"] == "未着手"


def test_kpi_workbook_has_targets_and_actuals_per_fiscal_year(town, tmp_path):
    plan = plan_service.get_or_create_plan(town)
    records.update(town, Plan, plan.id, start_fy=2025, end_fy=2027)
    kpi = plan_service.add_kpi(
        town, plan.id, "オンライン申請可能な手続数", unit="件", baseline=12, baseline_fy=2024
    )
    plan_service.set_kpi_value(town, kpi.id, 2025, target=30, actual=28)
    plan_service.set_kpi_value(town, kpi.id, 2026, target=50)
    out = tmp_path / "kpi.xlsx"
    fd.export_kpi_xlsx(town, out)
    wb = openpyxl.load_workbook(out)
    sheet = wb["評価指標"]
    header = _header(sheet)
    assert "令和7年度 目標" in header and "令和9年度 実績" in header and "令和6年度" not in header
    row = dict(zip(header, next(sheet.iter_rows(min_row=2, values_only=True)), strict=True))
    assert row["指標名"] == "オンライン申請可能な手続数" and row["基準年度"] == "令和6年度"
    assert (row["令和7年度 目標"], row["令和7年度 実績"], row["令和8年度 目標"]) == (30, 28, 50)
    assert row["令和8年度 実績"] is None
    long = wb["年度別（集計用）"]
    assert [r[5] for r in long.iter_rows(min_row=2, values_only=True)] == [
        "令和7年度",
        "令和8年度",
        "令和9年度",
    ]


# --- the demo municipality ------------------------------------------------------------------------------


@pytest.mark.skipif(importlib.util.find_spec("desktop.services.demo") is None, reason="no demo yet")
def test_the_demo_needs_specs_and_jds_render(store, tmp_path):
    from desktop.services.demo import create_demo
    from desktop.services.workspace import Workspace

    create_demo(store, today=date(2026, 11, 26))
    ws = Workspace(store)
    out = tmp_path / "demo_needs.pdf"
    fd.build_needs_pdf(ws, out)
    assert "支援ニーズ調書" in pdf_text(out)
    for spec in procurement.specs(ws):
        path = tmp_path / f"spec_{spec.id}.pdf"
        fd.build_spec_pdf(ws, path, spec.id)
        assert "別紙 要件定義書" in pdf_text(path)
    for jd in jobs.jobs(ws):
        path = tmp_path / f"jd_{jd.id}.pdf"
        fd.build_jd_pdf(ws, path, jd.id)
        text = pdf_text(path)
        assert "募集要項" in text and fd.appointment_label(jd.appointment_type) in text
    for name, export in (
        ("n", fd.export_needs_xlsx),
        ("t", fd.export_tracker_xlsx),
        ("k", fd.export_kpi_xlsx),
    ):
        export(ws, tmp_path / f"{name}.xlsx")
        assert openpyxl.load_workbook(tmp_path / f"{name}.xlsx").worksheets[0].max_row > 1
