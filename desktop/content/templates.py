"""Document templates as data: 調達仕様書 (chapters ア〜サ + 要件定義書 rows) and 募集要項 per スキル標準 role.

Read from resources/content/spec_templates.toml and job_templates.toml and validated on load, so a broken
template fails with a message naming the file and item instead of printing a half-empty specification.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.content.loader import TomlFile, resources_dir
from desktop.models import vocab

# 調達仕様書の章 ア〜サ (実務手引書 第3編第6章): the keys ProcurementSpec.chapters uses, in print order.
CHAPTER_KEYS: tuple[str, ...] = ("a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa")
CHAPTER_KANA: dict[str, str] = dict(zip(CHAPTER_KEYS, "アイウエオカキクケコサ", strict=True))
CONFIDENCES = frozenset({"primary", "general", "third_party"})
# Text may name these; they are replaced when a spec or JD is made from the template.
PLACEHOLDERS = ("団体名", "件名")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
JOB_TEXT_FIELDS = (
    "title", "department", "duties", "required_skills", "preferred_skills", "appointment_type", "term",
    "work_days", "work_place", "pay", "side_job", "confidentiality", "selection", "documents",
    "how_to_apply", "selection_schedule", "result_notice",
)  # fmt: skip
APPOINTMENT_TYPE_MAX = 40  # JobDescription.appointment_type column length
# The methods in which the contractor is chosen by 入札 (the others: 公募型プロポーザル方式, 随意契約).
BIDDING_METHODS = frozenset({"general", "designated"})


@dataclass(frozen=True)
class ChapterDef:
    """One chapter ア〜サ: its printed title, what it covers and how sure we are of the structure."""

    key: str
    title: str
    covers: str
    source: str
    confidence: str
    proposal_title: str = ""  # printed instead of `title` when the contractor is not chosen by 入札

    @property
    def kana(self) -> str:
        """ア, イ … サ."""
        return CHAPTER_KANA[self.key]

    def title_for(self, method: str) -> str:
        """The title as printed for a procurement by `method` (vocab.PROCUREMENT_METHOD key)."""
        bidding = method in BIDDING_METHODS
        return self.title if bidding or not self.proposal_title else self.proposal_title


@dataclass(frozen=True)
class RequirementTemplate:
    """One 要件定義書 row of a template."""

    req_kind: str  # functional | non_functional (vocab.REQUIREMENT_KIND)
    category: str  # 機能, 画面 … / ユーザビリティ及びアクセシビリティ … 保守
    text: str
    mandatory: bool


@dataclass(frozen=True)
class SpecTemplate:
    """A 調達仕様書 template: chapter texts keyed a〜sa and the 要件定義書 rows to copy."""

    key: str
    title: str
    mode: str  # single | joint
    method: str  # vocab.PROCUREMENT_METHOD key the chapter texts are worded for
    cost_split: str  # "" for 単独; a vocab.COST_SPLIT key for 共同調達
    summary: str
    source: str
    confidence: str
    chapters: tuple[tuple[str, str], ...]  # (key, text) in CHAPTER_KEYS order
    requirements: tuple[RequirementTemplate, ...]

    def chapter_text(self, key: str) -> str:
        """Text of one chapter (KeyError for an unknown key)."""
        return dict(self.chapters)[key]


@dataclass(frozen=True)
class SpecTemplates:
    """Chapter definitions, requirement categories and the templates."""

    chapters: tuple[ChapterDef, ...]
    functional_categories: tuple[str, ...]
    non_functional_categories: tuple[str, ...]
    categories_source: str
    templates: tuple[SpecTemplate, ...]
    personal_data_title: str = ""  # 別記 個人情報取扱特記事項, printed after every spec
    personal_data_text: str = ""

    def template(self, key: str) -> SpecTemplate:
        """Template by key (KeyError if unknown)."""
        for t in self.templates:
            if t.key == key:
                return t
        raise KeyError(key)

    def chapter(self, key: str) -> ChapterDef:
        """Chapter definition by key (KeyError if unknown)."""
        for c in self.chapters:
            if c.key == key:
                return c
        raise KeyError(key)

    def categories(self, req_kind: str) -> tuple[str, ...]:
        """The 区分 of 機能要件 or 非機能要件, in the guidebook's order."""
        return self.functional_categories if req_kind == "functional" else self.non_functional_categories


@dataclass(frozen=True)
class JobTemplate:
    """A 募集要項 template for one スキル標準 role; field names match JobDescription."""

    key: str
    skill_role: str
    title: str
    department: str
    duties: str
    required_skills: str
    preferred_skills: str
    appointment_type: str
    term: str
    work_days: str
    work_place: str
    pay: str
    side_job: str
    confidentiality: str
    selection: str
    documents: str
    how_to_apply: str
    selection_schedule: str
    result_notice: str
    positions: int
    funding: str
    source: str
    confidence: str
    notes: str = ""

    def record_fields(self, municipality: str) -> dict[str, Any]:
        """Values for a new JobDescription, with {団体名} filled in."""
        values = {f: fill_placeholders(getattr(self, f), municipality=municipality) for f in JOB_TEXT_FIELDS}
        return {**values, "skill_role": self.skill_role, "funding": self.funding, "positions": self.positions}


def fill_placeholders(text: str, municipality: str = "", title: str = "") -> str:
    """Replace {団体名} and {件名}; an empty value leaves ○○ so the blank is visible in print."""
    values = {"団体名": municipality or "○○", "件名": title or "○○"}
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


# --- loading -------------------------------------------------------------------------------------------


def load_spec_templates(content_dir: Path | None = None) -> SpecTemplates:
    """The 調達仕様書 templates (read and validated once per folder)."""
    directory = content_dir if content_dir is not None else resources_dir() / "content"
    return _spec_cached(directory.resolve())


def load_job_templates(content_dir: Path | None = None) -> tuple[JobTemplate, ...]:
    """The 募集要項 templates, one per スキル標準 role in vocab order (read and validated once per folder)."""
    directory = content_dir if content_dir is not None else resources_dir() / "content"
    return _job_cached(directory.resolve())


@functools.cache
def _spec_cached(directory: Path) -> SpecTemplates:
    return read_spec_templates(directory / "spec_templates.toml")


@functools.cache
def _job_cached(directory: Path) -> tuple[JobTemplate, ...]:
    return read_job_templates(directory / "job_templates.toml")


class _File(TomlFile):
    """A parsed template file that names itself in every error (with the template-specific readers)."""

    def rows(self, name: str) -> list[dict[str, Any]]:
        rows = self.data.get(name)
        if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
            raise self.fail(f"[[{name}]] の項目がありません。")
        return rows

    def text(self, row: dict[str, Any], name: str, item: str, *, allow_empty: bool = False) -> str:
        value = row.get(name)
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise self.fail(f"「{name}」を文字列で書いてください。", item)
        for placeholder in _PLACEHOLDER.findall(value):
            if placeholder not in PLACEHOLDERS:
                raise self.fail(
                    f"「{name}」の {{{placeholder}}} は使えません（使えるもの: {{団体名}} {{件名}}）。", item
                )
        return value

    def only(self, row: dict[str, Any], allowed: set[str], item: str) -> None:
        for extra in sorted(set(row) - allowed):
            raise self.fail(f"未知の項目「{extra}」があります（綴りを確認してください）。", item)

    def confidence(self, row: dict[str, Any], item: str) -> str:
        value = self.text(row, "confidence", item)
        if value not in CONFIDENCES:
            raise self.fail(
                f"confidence「{value}」は primary / general / third_party のいずれかにしてください。", item
            )
        return value


def read_spec_templates(path: Path) -> SpecTemplates:
    """Read and validate spec_templates.toml (uncached); raises ContentError on the first problem."""
    f = _File(path)
    f.only(f.data, {"chapter", "requirement_categories", "personal_data", "template"}, "")
    chapters = []
    for row in f.rows("chapter"):
        key = str(row.get("key", ""))
        f.only(row, {"key", "title", "title_proposal", "covers", "source", "confidence"}, key)
        title = f.text(row, "title", key)
        if key in CHAPTER_KANA and not title.startswith(CHAPTER_KANA[key] + " "):
            raise f.fail(f"章「{key}」の title は「{CHAPTER_KANA[key]} 」で始めてください。", key)
        proposal_title = (
            f.text(row, "title_proposal", key, allow_empty=True) if "title_proposal" in row else ""
        )
        if proposal_title and not proposal_title.startswith(CHAPTER_KANA[key] + " "):
            raise f.fail(f"章「{key}」の title_proposal は「{CHAPTER_KANA[key]} 」で始めてください。", key)
        chapters.append(
            ChapterDef(
                key,
                title,
                f.text(row, "covers", key),
                f.text(row, "source", key),
                f.confidence(row, key),
                proposal_title,
            )
        )
    if tuple(c.key for c in chapters) != CHAPTER_KEYS:
        raise f.fail(f"[[chapter]] は {'・'.join(CHAPTER_KEYS)} の順に1件ずつ書いてください。")

    cats = f.data.get("requirement_categories")
    if not isinstance(cats, dict):
        raise f.fail("[requirement_categories] の表がありません。")
    f.only(cats, {"functional", "non_functional", "source", "confidence"}, "requirement_categories")
    kinds: dict[str, tuple[str, ...]] = {}
    for kind in vocab.REQUIREMENT_KIND:
        names = cats.get(kind)
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
            raise f.fail(f"「{kind}」に区分名の配列を書いてください。", "requirement_categories")
        if len(set(names)) != len(names):
            raise f.fail(f"「{kind}」の区分名が重複しています。", "requirement_categories")
        kinds[kind] = tuple(names)
    f.confidence(cats, "requirement_categories")

    personal = f.data.get("personal_data")
    if not isinstance(personal, dict):
        raise f.fail("[personal_data]（個人情報取扱特記事項）の表がありません。")
    f.only(personal, {"title", "text", "source", "confidence"}, "personal_data")
    f.confidence(personal, "personal_data")
    templates = [_read_spec_template(f, row, kinds) for row in f.rows("template")]
    keys = [t.key for t in templates]
    if len(set(keys)) != len(keys):
        raise f.fail("template の key が重複しています。")
    return SpecTemplates(
        chapters=tuple(chapters),
        functional_categories=kinds["functional"],
        non_functional_categories=kinds["non_functional"],
        categories_source=f.text(cats, "source", "requirement_categories"),
        templates=tuple(templates),
        personal_data_title=f.text(personal, "title", "personal_data"),
        personal_data_text=f.text(personal, "text", "personal_data"),
    )


def _read_spec_template(f: _File, row: dict[str, Any], kinds: dict[str, tuple[str, ...]]) -> SpecTemplate:
    key = str(row.get("key", ""))
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise f.fail("key は英小文字・数字・_ で書いてください。", key or "template")
    allowed = {
        "key",
        "title",
        "mode",
        "method",
        "cost_split",
        "summary",
        "source",
        "confidence",
        "chapters",
        "requirements",
    }
    f.only(row, allowed, key)
    mode = f.text(row, "mode", key)
    if mode not in vocab.PROCUREMENT_MODE:
        raise f.fail(f"mode「{mode}」は single / joint のいずれかにしてください。", key)
    method = f.text(row, "method", key)
    if method not in vocab.PROCUREMENT_METHOD:
        raise f.fail(
            f"method「{method}」は {' / '.join(vocab.PROCUREMENT_METHOD)} のいずれかにしてください。", key
        )
    cost_split = f.text(row, "cost_split", key, allow_empty=True)
    if cost_split and cost_split not in vocab.COST_SPLIT:
        raise f.fail(
            f"cost_split「{cost_split}」は {' / '.join(vocab.COST_SPLIT)} のいずれかにしてください。", key
        )
    if mode == "joint" and not cost_split:
        raise f.fail("共同調達のひな形には cost_split（按分方法）を書いてください。", key)

    texts = row.get("chapters")
    if not isinstance(texts, dict):
        raise f.fail("[template.chapters] がありません。", key)
    for extra in sorted(set(texts) - set(CHAPTER_KEYS)):
        raise f.fail(f"章「{extra}」はありません（a〜sa）。", key)
    chapters = tuple((c, f.text(texts, c, f"{key}.{c}")) for c in CHAPTER_KEYS)

    reqs = row.get("requirements")
    if not isinstance(reqs, dict):
        raise f.fail("[template.requirements] がありません。", key)
    f.only(reqs, set(kinds), key)
    requirements: list[RequirementTemplate] = []
    for kind, categories in kinds.items():
        items = reqs.get(kind)
        if not isinstance(items, list) or not items:
            raise f.fail(f"requirements.{kind} に要件を書いてください。", key)
        for i, item in enumerate(items):
            label = f"{key}.{kind}[{i + 1}]"
            if not isinstance(item, dict):
                raise f.fail("要件は { category, mandatory, text } の形で書いてください。", label)
            f.only(item, {"category", "mandatory", "text"}, label)
            category = f.text(item, "category", label)
            if category not in categories:
                raise f.fail(f"区分「{category}」は [requirement_categories] の {kind} にありません。", label)
            if not isinstance(item.get("mandatory"), bool):
                raise f.fail("mandatory は true / false で書いてください。", label)
            requirements.append(
                RequirementTemplate(kind, category, f.text(item, "text", label), item["mandatory"])
            )
        missing = [
            c for c in categories if not any(r.category == c and r.req_kind == kind for r in requirements)
        ]
        if missing:
            raise f.fail(
                f"{vocab.REQUIREMENT_KIND[kind]}の区分「{'」「'.join(missing)}」に要件がありません。", key
            )
    return SpecTemplate(
        key=key,
        title=f.text(row, "title", key),
        mode=mode,
        method=method,
        cost_split=cost_split,
        summary=f.text(row, "summary", key),
        source=f.text(row, "source", key),
        confidence=f.confidence(row, key),
        chapters=chapters,
        requirements=tuple(requirements),
    )


def read_job_templates(path: Path) -> tuple[JobTemplate, ...]:
    """Read and validate job_templates.toml (uncached): one template per スキル標準 role."""
    f = _File(path)
    f.only(f.data, {"job"}, "")
    jobs: list[JobTemplate] = []
    for row in f.rows("job"):
        key = str(row.get("key", ""))
        allowed = {
            "key",
            "skill_role",
            "funding",
            "positions",
            "source",
            "confidence",
            "notes",
            *JOB_TEXT_FIELDS,
        }
        f.only(row, allowed, key)
        role = f.text(row, "skill_role", key)
        if role not in vocab.SKILL_ROLES:
            raise f.fail(
                f"skill_role「{role}」は {' / '.join(vocab.SKILL_ROLES)} のいずれかにしてください。", key
            )
        funding = f.text(row, "funding", key, allow_empty=True)
        if funding not in vocab.FUNDING:
            raise f.fail(f"funding「{funding}」は財源の選択肢にありません。", key)
        texts = {name: f.text(row, name, key) for name in JOB_TEXT_FIELDS}
        positions = row.get("positions")
        if not isinstance(positions, int) or isinstance(positions, bool) or positions < 1:
            raise f.fail("positions（募集人数）は1以上の整数で書いてください。", key)
        if len(texts["appointment_type"]) > APPOINTMENT_TYPE_MAX:
            raise f.fail(f"appointment_type は{APPOINTMENT_TYPE_MAX}文字以内で書いてください。", key)
        jobs.append(
            JobTemplate(
                key=key,
                skill_role=role,
                funding=funding,
                positions=positions,
                source=f.text(row, "source", key),
                confidence=f.confidence(row, key),
                notes=f.text(row, "notes", key, allow_empty=True) if "notes" in row else "",
                **texts,
            )
        )
    if len({j.key for j in jobs}) != len(jobs):
        raise f.fail("job の key が重複しています。")
    roles = [j.skill_role for j in jobs]
    missing = [vocab.SKILL_ROLES[r] for r in vocab.SKILL_ROLES if r not in roles]
    if missing or len(set(roles)) != len(roles):
        raise f.fail(
            f"スキル標準の4つの人材像について1件ずつ書いてください（不足: {'、'.join(missing) or 'なし'}）。"
        )
    return tuple(sorted(jobs, key=lambda j: list(vocab.SKILL_ROLES).index(j.skill_role)))
