"""Every field of every entity: its Japanese label (as the forms show it) and its stated limits.

Messages name a field by this label (「議決日」, never `approved_on`). Text fields hold at most `max_chars`
characters; a String column without an entry for it is limited by its column length. Numbers lie in
[`low`, `high`]. tests/services/test_field_values.py checks that every column of every entity is listed here, so a
new column cannot reach the user without a label and limits.
"""

from dataclasses import dataclass

LONG_TEXT = 4000  # a chapter or an アクションプラン field: about three A4 pages of Japanese
NOTE = 2000
FISCAL_YEARS = (2000, 2100)
DATES = (2000, 2100)  # years of the dates a DX plan deals in (和暦: 平成12年〜)
SORT_MAX = 1_000_000
SEATS_MAX = 999  # holders of one role in a town (DX推進リーダー: one per 課)
COUNT_MAX = 1_000_000  # people at an event, staff of a body
POPULATION_MAX = 20_000_000  # above every municipality and prefecture of Japan
KPI_MAX = 1e12  # a KPI in 円 or 件: finite and printable
LIST_ITEMS = 30  # items of one list field (キーワード, 関連URL …): more is no longer a listing anyone reads
URL_CHARS = 500  # a web address, or one item of a list of them


@dataclass(frozen=True)
class Field:
    """A field's label and limits; `max_chars` for text, `low`/`high` for numbers."""

    label: str
    max_chars: int | None = None
    low: float | None = None
    high: float | None = None


def _fy(label: str) -> Field:
    return Field(label, low=FISCAL_YEARS[0], high=FISCAL_YEARS[1])


def _order() -> Field:
    return Field("並び順", low=0, high=SORT_MAX)


FIELDS: dict[str, dict[str, Field]] = {
    "municipality": {
        "code": Field("団体コード"),
        "name": Field("団体名"),
        "prefecture": Field("都道府県"),
        "population": Field("人口", low=0, high=POPULATION_MAX),
        "staff_count": Field("職員数", low=0, high=COUNT_MAX),
        "department": Field("担当部署"),
        "contact_person": Field("担当者"),
        "contact_email": Field("メールアドレス"),
        "contact_phone": Field("電話番号"),
        "head_title": Field("首長の職名"),
        "is_demo": Field("デモ用の団体"),
    },
    "awareness_activity": {
        "held_on": Field("実施日"),
        "activity_kind": Field("種別"),
        "title": Field("件名"),
        "participants": Field("参加人数", low=0, high=COUNT_MAX),
        "note": Field("メモ", NOTE),
    },
    "checklist_state": {
        "item_key": Field("チェック項目"),
        "status": Field("状況"),
        "note": Field("メモ", NOTE),
        "done_on": Field("完了日"),
        "assignee": Field("担当"),
        "evidence": Field("根拠資料"),
    },
    "plan": {
        "title": Field("計画の名称"),
        "purpose": Field("策定の趣旨", LONG_TEXT),
        "vision": Field("ビジョン", LONG_TEXT),
        "principles": Field("基本理念", LONG_TEXT),
        "start_fy": _fy("計画期間（開始年度）"),
        "end_fy": _fy("計画期間（終了年度）"),
        "status": Field("状態"),
        "adopted_on": Field("策定日"),
        "approved_on": Field("議決日"),
        "revised_on": Field("改定日"),
        "progress_management": Field("進捗管理の方法", LONG_TEXT),
        "national_trends": Field("現状と課題：国の動向", LONG_TEXT),
        "current_situation": Field("現状と課題：団体の現状", LONG_TEXT),
        "glossary": Field("用語解説", LONG_TEXT),
        "show_names": Field("推進体制に氏名を記載する"),
    },
    "plan_priority": {
        "plan_id": Field("計画"),
        "catalog_key": Field("重点取組事項の種類"),
        "title": Field("名称"),
        "sort_order": _order(),
        "overview": Field("概要", LONG_TEXT),
        "current_issues": Field("現状・課題", LONG_TEXT),
        "next_steps": Field("今後の展開", LONG_TEXT),
        "indicators": Field("評価指標", LONG_TEXT),
        "schedule": Field("実施スケジュールの補足", LONG_TEXT),
        "start_fy": _fy("開始年度"),
        "end_fy": _fy("終了年度"),
    },
    "plan_priority_year": {
        "priority_id": Field("重点取組事項"),
        "fiscal_year": _fy("年度"),
        "activity": Field("その年度の取組", NOTE),
    },
    "kpi": {
        "plan_id": Field("計画"),
        "priority_id": Field("重点取組事項"),
        "name": Field("指標名"),
        "unit": Field("単位"),
        "baseline": Field("基準値", low=-KPI_MAX, high=KPI_MAX),
        "baseline_fy": _fy("基準年度"),
        "sort_order": _order(),
    },
    "kpi_value": {
        "kpi_id": Field("KPI"),
        "fiscal_year": _fy("年度"),
        "target": Field("目標値", low=-KPI_MAX, high=KPI_MAX),
        "actual": Field("実績値", low=-KPI_MAX, high=KPI_MAX),
    },
    "org_role": {
        "role_key": Field("役割の種類"),
        "seat": Field("同じ役割の何人目か", low=1, high=SEATS_MAX),
        "title": Field("役職名"),
        "person_name": Field("氏名"),
        "position": Field("現職・所属"),
        "appointed_on": Field("任命日"),
        "is_external": Field("外部人材"),
        "note": Field("備考", NOTE),
        "sort_order": _order(),
    },
    "talent_gap": {
        "skill_role": Field("人材像"),
        "description": Field("内容", LONG_TEXT),
        "approach": Field("確保の方法"),
        "priority": Field("優先度"),
    },
    "initiative": {
        "title": Field("取組名"),
        "priority_key": Field("関連する重点取組事項"),
        "department": Field("担当課"),
        "status": Field("状況"),
        "start_on": Field("開始日"),
        "end_on": Field("終了日"),
        "description": Field("内容", LONG_TEXT),
        "kpi_note": Field("KPI・目標", NOTE),
    },
    "pdca_review": {
        "initiative_id": Field("取組"),
        "reviewed_on": Field("日付"),
        "phase": Field("段階"),
        "summary": Field("振り返り", LONG_TEXT),
        "next_action": Field("次の改善", LONG_TEXT),
    },
    "standardization_system": {
        "business_key": Field("業務"),
        "phase_key": Field("作業段階"),
        "vendor": Field("事業者"),
        "package_name": Field("製品名"),
        "planned_go_live": Field("移行予定日"),
        "specific_support": Field("特定移行支援システム"),
        "specific_reason": Field("特定移行支援システムの理由"),
        "gov_cloud": Field("ガバメントクラウド"),
        "contract_end": Field("現契約の満了日"),
        "note": Field("備考", NOTE),
    },
    "needs_request": {
        "title": Field("件名"),
        "category": Field("区分"),
        "skill_role": Field("人材像"),
        "engagement": Field("常駐／随時"),
        "days_per_month": Field("月あたり日数", low=0, high=31),
        "period_start": Field("期間（開始）"),
        "period_end": Field("期間（終了）"),
        "purpose": Field("目的", LONG_TEXT),
        "detail": Field("詳細", LONG_TEXT),
        "priority": Field("優先度"),
        "funding": Field("財源"),
        "status": Field("状態"),
        "response_status": Field("都道府県の対応状況"),
        "response_text": Field("都道府県からの回答", LONG_TEXT),
        "responded_at": Field("回答日時"),
    },
    "job_description": {
        "title": Field("職名"),
        "skill_role": Field("人材像"),
        "department": Field("所属"),
        "duties": Field("職務内容", LONG_TEXT),
        "required_skills": Field("必須スキル・経験", LONG_TEXT),
        "preferred_skills": Field("歓迎スキル・経験", LONG_TEXT),
        "appointment_type": Field("任用形態"),
        "term": Field("任期・更新"),
        "work_days": Field("勤務日数・時間"),
        "work_place": Field("勤務場所"),
        "pay": Field("報酬・費用弁償"),
        "side_job": Field("兼業・入札制限", LONG_TEXT),
        "confidentiality": Field("守秘義務", LONG_TEXT),
        "selection": Field("選考方法", LONG_TEXT),
        "documents": Field("応募書類", LONG_TEXT),
        "funding": Field("財源"),
        "status": Field("状態"),
        "positions": Field("募集人数", low=1, high=1000),
        "deadline": Field("応募期限"),
        "how_to_apply": Field("応募方法・提出先", LONG_TEXT),
        "selection_schedule": Field("選考日程", NOTE),
        "result_notice": Field("結果の通知", NOTE),
    },
    "procurement_spec": {
        "title": Field("調達件名"),
        "mode": Field("調達方式"),
        "method": Field("調達方法"),
        "template_key": Field("ひな形"),
        "chapters": Field("章の本文", LONG_TEXT),  # each chapter
        "lead_body": Field("代表団体"),
        "cost_split": Field("按分方法"),
        "status": Field("状態"),
    },
    "procurement_requirement": {
        "spec_id": Field("調達仕様書"),
        "req_kind": Field("区分"),
        "category": Field("分類"),
        "text": Field("要件", NOTE),
        "mandatory": Field("必須"),
        "sort_order": _order(),
    },
    "procurement_participant": {
        "spec_id": Field("調達仕様書"),
        "code": Field("団体コード"),
        "name": Field("団体名"),
        "population": Field("人口", low=0, high=POPULATION_MAX),
        "share_percent": Field("負担割合", low=0, high=100),
    },
    # The prefecture's catalog and the towns' 参加意向 (desktop.models.catalog).
    "talent_pool_entry": {
        "listing": Field("掲載名"),
        "skill_role": Field("人材像（スキル標準）"),
        "skills": Field("スキル・経験", NOTE),
        "engagement": Field("常駐／随時"),
        "days_per_month": Field("月あたり日数", low=0, high=31),
        "available_from": Field("派遣可能期間（開始）"),
        "available_until": Field("派遣可能期間（終了）"),
        "availability": Field("派遣の可否"),
        "note": Field("備考", NOTE),
    },
    # The labels of the GIF 事例データモデル's 事例 class (docs/GOOD_PRACTICES.md); a list field's max_chars is
    # per item.
    "good_practice": {
        "title": Field("タイトル"),
        "subtitle": Field("サブタイトル"),
        "carried_out_year": Field("事例実施年", low=DATES[0], high=DATES[1]),
        "place": Field("事例の場所"),
        "body_name": Field("対象組織"),
        "service_category": Field("行政サービス分類"),
        "priority_key": Field("テーマ（重点取組事項）"),
        "keywords": Field("キーワード", 50),
        "summary": Field("取り組みの概要", LONG_TEXT),
        "reason": Field("取り組み理由", LONG_TEXT),
        "purpose": Field("目的", LONG_TEXT),
        "challenges": Field("挑戦したこと", LONG_TEXT),
        "activities": Field("取り組み内容", LONG_TEXT),
        "lessons": Field("学んだこと", LONG_TEXT),
        "outcome": Field("成果", LONG_TEXT),
        "ingenuity": Field("導入での工夫", LONG_TEXT),
        "constraints": Field("制約条件", LONG_TEXT),
        "spread": Field("普及", LONG_TEXT),
        "sustainability": Field("持続させる仕組み", LONG_TEXT),
        "evaluation": Field("評価の方法", LONG_TEXT),
        "schemes": Field("利用した制度", 200),
        "collaborators": Field("協力者", 200),
        "images": Field("イメージ", URL_CHARS),
        "videos": Field("ビデオ", URL_CHARS),
        "related_urls": Field("関連URL", URL_CHARS),
        "related_practices": Field("関連事例", 200),
        "contact_name": Field("連絡先名称"),
        "contact_phone": Field("連絡先電話番号"),
        "contact_email": Field("連絡先メールアドレス"),
        "contact_url": Field("連絡先URL"),
        "published_on": Field("公開日"),
    },
    "joint_procurement_offer": {
        "title": Field("件名"),
        "system": Field("対象システム"),
        "lead_body": Field("代表団体"),
        "description": Field("概要", LONG_TEXT),
        "survey_deadline": Field("参加意向の回答期限"),
        "planned_start": Field("利用開始予定"),
        "schedule": Field("スケジュール", NOTE),
        "cost_split": Field("費用の按分"),
        "cost_note": Field("費用負担の考え方", NOTE),
        "status": Field("状況"),
    },
    "announcement": {
        "title": Field("件名"),
        "body": Field("本文", LONG_TEXT),
        "published_on": Field("掲載日"),
    },
    "joint_procurement_intent": {
        "offer_id": Field("共同調達"),
        "intent": Field("参加意向"),
        "contract_end": Field("現行契約の満了日"),
        "budget_fy": _fy("予算化の予定年度"),
        "note": Field("備考", NOTE),
    },
}


def field(kind: str, key: str) -> Field:
    """The entry for a field (a bare one, labelled by its key, for a column not listed)."""
    return FIELDS.get(kind, {}).get(key) or Field(key)
