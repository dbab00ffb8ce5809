"""Typed procedure content (loaded from resources/content/*.toml by desktop.content.loader)."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Checkpoint:
    """One checklist item of a step; `key` is stable forever (stored in ChecklistState.item_key)."""

    key: str
    step: int
    title: str
    why: str
    done_when: str
    source: str  # maintainers' research note: never shown (DOMAIN.md §10.6)
    confidence: str = "primary"  # primary | general (DOMAIN.md [GK]) | third_party
    title_en: str = ""
    citations: tuple[str, ...] = ()  # 出典 shown to users: primary official documents only, or none


@dataclass(frozen=True)
class Step:
    """ステップ0–3 of the 自治体DX全体手順書."""

    number: int
    title: str
    summary: str
    source: str
    checkpoints: tuple[Checkpoint, ...]
    title_en: str = ""


@dataclass(frozen=True)
class PriorityItem:
    """A 重点取組事項 (7 items) or a 3.2 related item of the 自治体DX推進計画."""

    key: str
    number: int
    title: str
    summary: str
    source: str
    related: bool = False  # True for 「あわせて取り組むべき事項」
    title_en: str = ""
    confidence: str = "primary"  # primary | general ([GK]) | third_party ([3rd-party])


@dataclass(frozen=True)
class Business:
    """One of the 20 標準化対象業務."""

    key: str
    number: int
    name: str
    group: str
    source: str
    confidence: str = "primary"  # primary | general ([GK]) | third_party ([3rd-party])
    group_source: str = ""  # where the 住民記録/第1/第2/追加 grouping comes from
    group_confidence: str = ""


@dataclass(frozen=True)
class MigrationPhase:
    """A work item of the 標準化手順書, grouped by stage (計画立案 / ベンダ選定 / 移行)."""

    key: str
    number: int
    stage: str
    title: str
    source: str
    confidence: str = "primary"  # primary | general ([GK]) | third_party ([3rd-party])
    detail: str = ""
    short: str = ""  # a few characters for narrow table cells (the title is shown in the tooltip)


@dataclass(frozen=True)
class SkillRole:
    """A 人材像 of the 外部人材スキル標準."""

    key: str
    title: str
    role: str
    skills: str
    source: str
    confidence: str = "primary"  # primary | general ([GK]) | third_party ([3rd-party])


@dataclass(frozen=True)
class AppointmentType:
    """任用形態 with its legal basis."""

    key: str
    title: str
    legal_basis: str
    note: str
    source: str
    confidence: str = "primary"  # primary | general ([GK]) | third_party ([3rd-party])


@dataclass(frozen=True)
class OrgRoleTemplate:
    """A post of the DX promotion structure (CIO, CIO補佐官, DX推進本部長 …)."""

    key: str
    title: str
    description: str
    source: str
    confidence: str = "primary"  # primary | general ([GK]) | third_party ([3rd-party])


@dataclass(frozen=True)
class Deadline:
    """A national deadline the home page counts down to."""

    key: str
    title: str
    due: date
    note: str  # shown under the deadline
    source: str  # maintainers' research note: never shown (DOMAIN.md §10.6)
    priority_key: str = ""
    confidence: str = "primary"  # primary | general ([GK]) | third_party ([3rd-party])
    citations: tuple[str, ...] = ()  # 出典 shown to users: primary official documents only, or none


@dataclass(frozen=True)
class Catalog:
    """All procedure content, read-only."""

    steps: tuple[Step, ...]
    priorities: tuple[PriorityItem, ...]
    businesses: tuple[Business, ...]
    phases: tuple[MigrationPhase, ...]
    skill_roles: tuple[SkillRole, ...]
    appointment_types: tuple[AppointmentType, ...]
    org_roles: tuple[OrgRoleTemplate, ...]
    deadlines: tuple[Deadline, ...]

    def step(self, number: int) -> Step:
        """Step by number (0–3)."""
        return self.steps[number]

    def checkpoints(self) -> tuple[Checkpoint, ...]:
        """Every checkpoint of every step, in order."""
        return tuple(c for s in self.steps for c in s.checkpoints)

    def checkpoint(self, key: str) -> Checkpoint:
        """Checkpoint by key (KeyError if unknown)."""
        return next(c for c in self.checkpoints() if c.key == key)

    def business(self, key: str) -> Business:
        """業務 by key."""
        return next(b for b in self.businesses if b.key == key)

    def phase(self, key: str) -> MigrationPhase:
        """Migration phase by key."""
        return next(p for p in self.phases if p.key == key)

    def priority(self, key: str) -> PriorityItem:
        """重点取組事項 by key."""
        return next(p for p in self.priorities if p.key == key)
