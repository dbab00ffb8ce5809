"""Field rules applied to every edit before it is stored: bad input raises and changes nothing."""

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, String, Text

from desktop.models import vocab
from desktop.models.base import Synced
from desktop.models.errors import ValidationError

# Field → allowed keys, for fields that hold a vocabulary key.
VOCAB_FIELDS: dict[str, dict[str, str]] = {
    "status@checklist_state": vocab.CHECK_STATUS,
    "status@plan": vocab.PLAN_STATUS,
    "status@initiative": vocab.INITIATIVE_STATUS,
    "status@needs_request": vocab.NEEDS_STATUS,
    "status@job_description": vocab.DOC_STATUS,
    "status@procurement_spec": vocab.DOC_STATUS,
    "phase@pdca_review": vocab.PDCA_PHASE,
    "activity_kind@awareness_activity": vocab.ACTIVITY_KIND,
    "category@needs_request": vocab.NEEDS_CATEGORY,
    "engagement@needs_request": vocab.ENGAGEMENT,
    "priority@needs_request": vocab.PRIORITY,
    "priority@talent_gap": vocab.PRIORITY,
    "approach@talent_gap": vocab.TALENT_APPROACH,
    "funding@needs_request": vocab.FUNDING,
    "funding@job_description": vocab.FUNDING,
    "mode@procurement_spec": vocab.PROCUREMENT_MODE,
    "req_kind@procurement_requirement": vocab.REQUIREMENT_KIND,
    "skill_role@job_description": vocab.SKILL_ROLES,
    "skill_role@talent_gap": vocab.SKILL_ROLES,
    "skill_role@needs_request": {"": "（該当なし）", **vocab.SKILL_ROLES},
    "specific_reason@standardization_system": vocab.SPECIFIC_SUPPORT_REASON,
}

FISCAL_YEAR_RANGE = (2000, 2100)

# Column labels used in messages (Japanese first).
LABELS = {
    "title": "件名", "name": "名称", "start_fy": "開始年度", "end_fy": "終了年度", "fiscal_year": "年度",
    "days_per_month": "月あたり日数", "period_start": "期間（開始）", "period_end": "期間（終了）",
    "population": "人口", "share_percent": "負担割合", "participants": "参加人数", "target": "目標値",
    "actual": "実績値", "baseline": "基準値", "start_on": "開始日", "end_on": "終了日",
    "vendor": "事業者", "note": "備考", "specific_reason": "特定移行支援システムの理由", "package_name": "製品名",
    "planned_go_live": "移行予定日", "contract_end": "現契約の満了日", "phase_key": "作業段階",
    "person_name": "氏名", "position": "現職・所属", "appointed_on": "任命日", "department": "所属",
    "purpose": "目的", "detail": "詳細", "unit": "単位", "held_on": "実施日", "assignee": "担当",
    "evidence": "根拠資料", "done_on": "完了日", "contact_email": "メールアドレス", "contact_phone": "電話番号",
    "contact_person": "担当者", "staff_count": "職員数", "reviewed_on": "振り返りの日", "code": "団体コード",
    "appointment_type": "任用形態", "term": "任期", "work_days": "勤務日数", "work_place": "勤務場所",
    "pay": "報酬", "lead_body": "代表団体", "category": "区分", "text": "要件", "status": "状況",
}  # fmt: skip


def label(field: str) -> str:
    """Japanese label of a field for messages."""
    return LABELS.get(field, field)


def _coerce(cls: type[Synced], key: str, value: Any) -> Any:
    col = cls.__table__.columns[key]  # type: ignore[attr-defined]
    if value is None or value == "":
        if col.nullable:
            return None
        if isinstance(col.type, String | Text):
            return ""
        raise ValidationError(f"「{label(key)}」を入力してください。", key)
    t = col.type
    try:
        if isinstance(t, Boolean):
            return bool(value)
        if isinstance(t, Integer):
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            return int(str(value).strip().replace(",", "")) if not isinstance(value, int) else value
        if isinstance(t, Float):
            return float(str(value).strip().replace(",", ""))
        if isinstance(t, Date):
            return value if isinstance(value, date) else date.fromisoformat(str(value))
        if isinstance(t, String | Text):
            text = str(value)
            if isinstance(t, String) and t.length and len(text) > t.length:
                raise ValidationError(f"「{label(key)}」は{t.length}文字以内で入力してください。", key)
            return text
    except ValidationError:
        raise
    except (TypeError, ValueError):
        raise ValidationError(f"「{label(key)}」の値「{value}」は正しい形式ではありません。", key) from None
    return value


def clean(cls: type[Synced], fields: dict[str, Any], current: dict[str, Any] | None = None) -> dict[str, Any]:
    """Validate and normalise an edit of `cls`; raise ValidationError (Japanese) on bad input."""
    columns = cls.__table__.columns  # type: ignore[attr-defined]
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in Synced.SYNC_COLUMNS or key not in columns:
            raise ValidationError(f"項目「{key}」は編集できません。", key)
        out[key] = _coerce(cls, key, value)
        allowed = VOCAB_FIELDS.get(f"{key}@{cls.kind}")
        if allowed is not None and out[key] not in allowed and not (out[key] == "" and "" in allowed):
            raise ValidationError(f"「{label(key)}」の値「{out[key]}」は選択肢にありません。", key)
        is_fy = key.endswith("_fy") or key == "fiscal_year"
        if is_fy and out[key] is not None and not FISCAL_YEAR_RANGE[0] <= out[key] <= FISCAL_YEAR_RANGE[1]:
            raise ValidationError(
                f"「{label(key)}」は{FISCAL_YEAR_RANGE[0]}〜{FISCAL_YEAR_RANGE[1]}の西暦年度で入力してください。",
                key,
            )
        if key == "days_per_month" and out[key] is not None and not 0 <= out[key] <= 31:
            raise ValidationError("「月あたり日数」は0〜31の範囲で入力してください。", key)
        if key in ("population", "participants", "staff_count") and out[key] is not None and out[key] < 0:
            raise ValidationError(f"「{label(key)}」は0以上で入力してください。", key)
        if key == "share_percent" and out[key] is not None and not 0 <= out[key] <= 100:
            raise ValidationError("「負担割合」は0〜100（%）で入力してください。", key)
    merged = {**(current or {}), **out}
    for start, end in (("start_fy", "end_fy"), ("period_start", "period_end"), ("start_on", "end_on")):
        if merged.get(start) is not None and merged.get(end) is not None and merged[end] < merged[start]:
            raise ValidationError(f"「{label(end)}」は「{label(start)}」以降にしてください。", end)
    return out
