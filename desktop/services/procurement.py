"""調達仕様書: specs made from a template (chapters ア〜サ, 要件定義書 rows) and, for 共同調達, the participants
and how the cost is split between them."""

from fractions import Fraction
from typing import Any

from sqlalchemy import Row

from desktop.content.templates import CHAPTER_KEYS, SpecTemplate, fill_placeholders, load_spec_templates
from desktop.models import ProcurementParticipant, ProcurementRequirement, ProcurementSpec
from desktop.models.errors import ValidationError
from desktop.models.municipal_code import validate as validate_code
from desktop.models.rules import clean
from desktop.models.vocab import COST_SPLIT, REQUIREMENT_KIND
from desktop.services import records
from desktop.services.municipality import get_municipality
from desktop.services.workspace import Workspace

# Shares are stored in hundredths of a percent so that they add up to exactly 100.
_SHARE_UNITS = 10_000
_KIND_ORDER = {key: i for i, key in enumerate(REQUIREMENT_KIND)}


def specs(ws: Workspace) -> list[ProcurementSpec]:
    """Live specs, by title."""
    return sorted(records.find(ws, ProcurementSpec), key=lambda s: s.title)


def spec_summaries(ws: Workspace) -> list[Row[Any]]:
    """List rows of the specs (id, title, mode, status), by title."""
    return sorted(records.summaries(ws, ProcurementSpec, ("title", "mode", "status")), key=lambda s: s.title)


def get(ws: Workspace, spec_id: str) -> ProcurementSpec:
    """One spec (NotFoundError if unknown or deleted)."""
    return records.get(ws, ProcurementSpec, spec_id)


def templates() -> tuple[SpecTemplate, ...]:
    """The spec templates, for a 「ひな形から作成」 menu."""
    return load_spec_templates().templates


def create_from_template(ws: Workspace, template_key: str, title: str) -> ProcurementSpec:
    """A draft spec with the template's chapter texts and 要件定義書 rows, {団体名}/{件名} filled in.

    For 共同調達 the municipality itself is entered as the first participant and the prefecture as 代表団体.
    """
    title = (title or "").strip()
    if not title:
        raise ValidationError("調達件名を入力してください。", "title")
    try:
        template = load_spec_templates().template(template_key)
    except KeyError:
        names = "、".join(t.key for t in load_spec_templates().templates)
        raise ValidationError(f"調達仕様書のひな形「{template_key}」はありません（{names}）。") from None
    muni = get_municipality(ws)
    chapters = {key: fill_placeholders(text, muni.name, title) for key, text in template.chapters}
    rows = [
        {
            "req_kind": r.req_kind,
            "category": r.category,
            "text": fill_placeholders(r.text, muni.name, title),
            "mandatory": r.mandatory,
            "sort_order": i + 1,
        }
        for i, r in enumerate(template.requirements)
    ]
    for row in rows:  # validate everything before the first write
        clean(ProcurementRequirement, row)
    spec = records.create(
        ws,
        ProcurementSpec,
        title=title,
        mode=template.mode,
        method=template.method,
        template_key=template.key,
        chapters=chapters,
        cost_split=template.cost_split,
        lead_body=muni.prefecture if template.mode == "joint" else "",
        status="draft",
    )
    try:
        for row in rows:
            records.create(ws, ProcurementRequirement, spec_id=spec.id, **row)
        if template.mode == "joint":
            add_participant(ws, spec.id, muni.code, muni.name, muni.population)
    except BaseException:
        records.delete(ws, ProcurementSpec, spec.id)  # never leave a half-copied spec behind
        raise
    return spec


def update(ws: Workspace, spec_id: str, **fields: Any) -> ProcurementSpec:
    """Edit spec fields (title, mode, 代表団体, 按分方法 …)."""
    if fields.get("cost_split"):
        _check_cost_split(fields["cost_split"])
    if "chapters" in fields:
        raise ValidationError("章の本文は章ごとに編集してください。", "chapters")
    return records.update(ws, ProcurementSpec, spec_id, **fields)


def set_chapter(ws: Workspace, spec_id: str, key: str, text: str) -> ProcurementSpec:
    """Replace the text of one chapter (a〜sa)."""
    if key not in CHAPTER_KEYS:
        raise ValidationError(f"章「{key}」はありません。", "chapters")
    spec = get(ws, spec_id)
    chapters = {**(spec.chapters or {}), key: text}  # a new dict, so the change is seen and stored
    return records.update(ws, ProcurementSpec, spec_id, chapters=chapters)


def delete(ws: Workspace, spec_id: str) -> list[tuple[str, str]]:
    """Tombstone a spec with its requirements and participants; returns the undo token."""
    return records.delete(ws, ProcurementSpec, spec_id)


# --- 要件定義書 ---------------------------------------------------------------------------------------------


def requirements(ws: Workspace, spec_id: str) -> list[ProcurementRequirement]:
    """要件定義書 rows: 機能要件 first, then 非機能要件, each in its order."""
    get(ws, spec_id)
    rows = records.find(ws, ProcurementRequirement, spec_id=spec_id)
    return sorted(rows, key=_requirement_order)


def requirement_summaries(ws: Workspace, spec_id: str) -> list[Row[Any]]:
    """Table rows of the 要件定義書 (id, req_kind, category, text, mandatory, sort_order), ordered as above."""
    get(ws, spec_id)
    fields = ("req_kind", "category", "text", "mandatory", "sort_order")
    rows = records.summaries(ws, ProcurementRequirement, fields, spec_id=spec_id)
    return sorted(rows, key=_requirement_order)


def _requirement_order(row: Any) -> tuple[int, int]:
    return _KIND_ORDER.get(row.req_kind, 9), row.sort_order


def add_requirement(
    ws: Workspace, spec_id: str, req_kind: str, category: str, text: str, mandatory: bool = True
) -> ProcurementRequirement:
    """Append a requirement row to the 機能要件 or 非機能要件 table."""
    if not text.strip():
        raise ValidationError("要件を入力してください。", "text")
    order = max((r.sort_order for r in requirements(ws, spec_id)), default=0) + 1
    return records.create(
        ws,
        ProcurementRequirement,
        spec_id=spec_id,
        req_kind=req_kind,
        category=category,
        text=text.strip(),
        mandatory=mandatory,
        sort_order=order,
    )


# --- 共同調達: 参加団体と費用按分 ------------------------------------------------------------------------------


def participants(ws: Workspace, spec_id: str) -> list[ProcurementParticipant]:
    """参加団体 in 団体コード order (the order of official lists)."""
    get(ws, spec_id)
    return sorted(records.find(ws, ProcurementParticipant, spec_id=spec_id), key=lambda p: p.code)


def add_participant(
    ws: Workspace, spec_id: str, code: str, name: str, population: int | None = None
) -> ProcurementParticipant:
    """Add a participating body to a 共同調達; the 団体コード is checked (6 digits, check digit)."""
    spec = get(ws, spec_id)
    if spec.mode != "joint":
        raise ValidationError(
            "単独調達の仕様書には参加団体を追加できません。調達方式を「共同調達」にしてください。", "mode"
        )
    code = validate_code(code)
    name = (name or "").strip()
    if not name:
        raise ValidationError("参加団体の名称を入力してください。", "name")
    if any(p.code == code for p in participants(ws, spec_id)):
        raise ValidationError(f"団体コード「{code}」の団体はすでに参加団体に含まれています。", "code")
    return records.create(
        ws, ProcurementParticipant, spec_id=spec_id, code=code, name=name, population=population
    )


def compute_shares(cost_split: str, populations: list[int | None]) -> list[Fraction]:
    """Exact shares (fractions of 1) per 均等割 / 人口割 / 均等割＋人口割 (50:50); raises ValidationError if impossible."""
    n = len(populations)
    if n == 0:
        raise ValidationError("参加団体がまだ登録されていません。")
    if cost_split == "equal":
        return [Fraction(1, n)] * n
    if cost_split in ("population", "mixed"):
        if any(p is None for p in populations):
            raise ValidationError(
                f"{COST_SPLIT[cost_split]}で按分するには、すべての参加団体の人口が必要です。"
            )
        total = sum(p for p in populations if p is not None)
        if total <= 0:
            raise ValidationError("参加団体の人口の合計が0のため、人口割で按分できません。")
        by_pop = [Fraction(p or 0, total) for p in populations]
        if cost_split == "population":
            return by_pop
        return [Fraction(1, 2 * n) + share / 2 for share in by_pop]
    if cost_split == "usage":
        raise ValidationError(
            "利用量割は利用実績に応じて按分するため、自動では計算できません。負担割合を直接入力してください。"
        )
    raise ValidationError("按分方法（均等割・人口割・均等割＋人口割）を選んでください。", "cost_split")


# How the 負担割合 are rounded, printed under the 参加団体一覧 so that every participant can check its share.
SHARE_ROUNDING_RULE = (
    "負担割合は、按分方法により算出した割合を百分率の小数点以下第2位まで求め（第3位以下は切り捨て）、"
    "合計が100％に満たない分は、切り捨てた端数の大きい団体から順に0.01％ずつ加えて、合計を100％とする。"
)


def round_percents(shares: list[Fraction]) -> list[float]:
    """Percent with 2 decimals that add up to exactly 100 (SHARE_ROUNDING_RULE: largest remainder)."""
    raw = [s * _SHARE_UNITS for s in shares]
    units = [int(r) for r in raw]  # floor: every share is non-negative
    left = _SHARE_UNITS - sum(units)
    for i in sorted(range(len(raw)), key=lambda i: (-(raw[i] - units[i]), i))[:left]:
        units[i] += 1
    return [u / 100 for u in units]


def formula_shares(cost_split: str, populations: list[int | None]) -> list[float] | None:
    """The 負担割合 the 按分方法 gives, rounded by SHARE_ROUNDING_RULE; None when they cannot be computed
    (利用量割, or a population missing): then the shares typed in stand."""
    try:
        return round_percents(compute_shares(cost_split, populations))
    except ValidationError:
        return None


def recompute_shares(ws: Workspace, spec_id: str) -> list[ProcurementParticipant]:
    """Set every participant's 負担割合 by the spec's 按分方法, so that they sum to 100%."""
    spec = get(ws, spec_id)
    people = participants(ws, spec_id)
    if people and spec.cost_split in ("population", "mixed"):
        missing = [p.name for p in people if p.population is None]
        if missing:
            raise ValidationError(
                f"{COST_SPLIT[spec.cost_split]}で按分するには、次の参加団体の人口を入力してください：{'、'.join(missing)}。",
                "population",
            )
    percents = round_percents(compute_shares(spec.cost_split, [p.population for p in people]))
    return [
        records.update(ws, ProcurementParticipant, p.id, share_percent=pct)
        for p, pct in zip(people, percents, strict=True)
    ]


def _check_cost_split(value: str) -> None:
    if value not in COST_SPLIT:
        raise ValidationError(f"按分方法「{value}」は選択肢にありません。", "cost_split")
