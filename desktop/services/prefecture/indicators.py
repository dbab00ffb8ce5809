"""The seven 推進体制 indicators of the national dashboard (DOMAIN.md §10.5), derived from a town's own data.

A rate on the dashboard is the share of bodies answering yes. Here each answer is derived from what the town
keeps in DX Navi (its structure, plan, checklist, activities and needs), and says how it was derived, so the
prefecture can see why a town counts as yes or no.
"""

from dataclasses import dataclass, field
from datetime import date

from desktop.models.wareki import wareki_date

# Dashboard column names (デジタル庁「自治体DXの取組に関するダッシュボード」), in its order.
INDICATORS: tuple[tuple[str, str], ...] = (
    ("cio", "CIOの任命"),
    ("cio_adviser", "CIO補佐官等の任命"),
    ("policy", "全体方針策定"),
    ("organisation", "全庁的な体制構築"),
    ("external_talent", "外部人材活用"),
    ("staff_development", "職員育成の取組"),
    ("all_staff_training", "全職員対象研修の実施"),
)
SOURCE = "デジタル庁「自治体DXの取組に関するダッシュボード」自治体DXの推進体制"

ADVISER_ROLES = ("cio_adviser", "cdo_adviser")


@dataclass(frozen=True)
class Indicator:
    """One indicator of one town: yes or no, and how that was derived (shown on hover)."""

    key: str
    label: str
    value: bool
    how: str


@dataclass
class TownFacts:
    """What the indicators are derived from, gathered for one town (see towns.overview)."""

    roles: list[tuple[str, str, str, bool]] = field(
        default_factory=list
    )  # role_key, title, position, external
    plan_status: str | None = None
    plan_title: str = ""
    plan_approved_on: date | None = None
    checks: dict[str, str] = field(default_factory=dict)  # checklist item_key → status
    activities: dict[str, date | None] = field(default_factory=dict)  # activity_kind → latest held_on
    matched_talent_needs: int = 0


# Plan statuses (vocab.PLAN_STATUS) of an adopted plan: in force, or in force and being revised.
PLAN_IN_FORCE = ("approved", "revising")


def _filled(facts: TownFacts, keys: tuple[str, ...]) -> list[tuple[str, str, str, bool]]:
    return [r for r in facts.roles if r[0] in keys]


def _held(facts: TownFacts, kind: str) -> str:
    held = facts.activities.get(kind)
    return f"（直近 {wareki_date(held)}）" if held else ""


def _role_indicator(
    facts: TownFacts, key: str, label: str, role_keys: tuple[str, ...], check: str
) -> Indicator:
    filled = _filled(facts, role_keys)
    if filled:
        who = "、".join(f"{title}（{position}）" if position else title for _k, title, position, _e in filled)
        return Indicator(key, label, True, f"推進体制に任命済み：{who}")
    if facts.checks.get(check) == "done":
        return Indicator(key, label, True, "推進体制への登録はないが、ステップ2のチェック項目が完了")
    return Indicator(key, label, False, "推進体制に任命された人がいない（ステップ2の体制で確認）")


def derive(facts: TownFacts) -> list[Indicator]:
    """The seven indicators for one town, in the dashboard's order."""
    labels = dict(INDICATORS)
    out = [
        _role_indicator(facts, "cio", labels["cio"], ("cio",), "s2.cio_appointed"),
        _role_indicator(facts, "cio_adviser", labels["cio_adviser"], ADVISER_ROLES, "s2.cio_adviser"),
    ]
    if facts.plan_status in PLAN_IN_FORCE:  # a plan being revised (改定案) is still the plan in force
        how = (
            f"「{facts.plan_title}」が議決済（{wareki_date(facts.plan_approved_on)}）"
            if facts.plan_approved_on
            else f"「{facts.plan_title}」を策定済"
        )
        out.append(Indicator("policy", labels["policy"], True, how))
    elif facts.plan_status is not None:
        out.append(Indicator("policy", labels["policy"], False, f"「{facts.plan_title}」は案の段階"))
    else:
        out.append(Indicator("policy", labels["policy"], False, "DX推進計画（全体方針）が未作成"))
    hq = _filled(facts, ("hq_chief",))
    if hq:
        out.append(
            Indicator(
                "organisation", labels["organisation"], True, f"DX推進本部を設置（{hq[0][1]}を任命済み）"
            )
        )
    elif facts.checks.get("s2.organisation_wide") == "done":
        out.append(
            Indicator(
                "organisation",
                labels["organisation"],
                True,
                "ステップ2「全庁的・横断的な推進体制の構築」が完了",
            )
        )
    else:
        out.append(Indicator("organisation", labels["organisation"], False, "DX推進本部長の任命がない"))
    external = [title for _k, title, _p, ext in facts.roles if ext]
    reasons = []
    if external:
        reasons.append("外部人材を任命：" + "、".join(external))
    if facts.matched_talent_needs:
        reasons.append(f"人材派遣の支援ニーズがマッチ済（{facts.matched_talent_needs}件）")
    out.append(
        Indicator(
            "external_talent",
            labels["external_talent"],
            bool(reasons),
            "／".join(reasons) or "外部人材の任命も、マッチ済の人材派遣もない",
        )
    )
    if facts.checks.get("s2.staff_development") == "done":
        out.append(
            Indicator(
                "staff_development",
                labels["staff_development"],
                True,
                "ステップ2「職員育成の取組の実施」が完了",
            )
        )
    elif "leader_training" in facts.activities:
        how = "DX推進リーダー研修を実施" + _held(facts, "leader_training")
        out.append(Indicator("staff_development", labels["staff_development"], True, how))
    else:
        out.append(
            Indicator("staff_development", labels["staff_development"], False, "育成の取組の記録がない")
        )
    if facts.checks.get("s0.staff_training_yearly") == "done":
        how = "ステップ0「全職員向けDX研修の年1回実施」が完了" + _held(facts, "staff_training")
        out.append(Indicator("all_staff_training", labels["all_staff_training"], True, how))
    elif "staff_training" in facts.activities:
        how = "全職員向けDX研修を実施" + _held(facts, "staff_training")
        out.append(Indicator("all_staff_training", labels["all_staff_training"], True, how))
    else:
        out.append(
            Indicator("all_staff_training", labels["all_staff_training"], False, "全職員向け研修の記録がない")
        )
    return out
