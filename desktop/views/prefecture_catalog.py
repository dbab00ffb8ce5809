"""県からの案内 (a town's side of the prefecture's catalog): お知らせ, 人材プール, 好事例 and 共同調達, read-only.

They arrive from the prefecture by sync or catalog package. The one thing a town writes here is its own
参加意向 on a joint-procurement offer, which goes back the same way.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.content import load_catalog
from desktop.models import (
    Announcement,
    GoodPractice,
    JointProcurementIntent,
    JointProcurementOffer,
    Synced,
    TalentPoolEntry,
    vocab,
    wareki,
)
from desktop.services.prefecture import catalog
from desktop.views import fields as f
from desktop.views import good_practice_fields as practice_fields
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.page import Page, page_layout, scrolling
from desktop.views.record_form import save_field
from desktop.views.style import SPACING, heading, hint


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def _day(value: Any) -> str:
    return wareki.wareki_date(value) if value else ""


def _link(url: str, text: str) -> str:
    return f"<a href='{html.escape(url, quote=True)}'>{_esc(text)}</a>"


def _v(table: dict[str, str], key: str) -> str:
    return vocab_label(table.get(key, key)) if key else ""


class CatalogTab(QWidget):
    """One catalog list (read-only) and the selected entry's text.

    Each tab says how an entry reads: `label` (its line in the list) and `body` (the text beside it).
    """

    label: Callable[[Any], str]
    body: Callable[[Any], str]

    def __init__(self, ctx: ViewContext, cls: type[Synced], empty: str):
        super().__init__()
        self.ctx, self.cls, self.empty = ctx, cls, empty
        self.entries: list[Any] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("一覧"))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._selected)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("内容"))
        self.side = QVBoxLayout()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, SPACING, 0)
        right_layout.addWidget(self.text)
        right_layout.addLayout(self.side)
        right_layout.addStretch()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(scrolling(right))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 720])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def load(self) -> None:
        """Read the list off the UI thread."""
        self.ctx.ops.query(catalog.entries, self.ctx.ws, self.cls, on_done=self._loaded)

    def _loaded(self, entries: list[Any]) -> None:
        keep = self.current()
        self.entries = entries
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([self.label(e) for e in entries] or [self.empty])
        self.list.setEnabled(bool(entries))
        row = next((i for i, e in enumerate(entries) if keep is not None and e.id == keep.id), 0)
        self.list.setCurrentRow(row if entries else -1)
        self.list.blockSignals(False)
        self._selected(self.list.currentRow())

    def current(self) -> Any | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _selected(self, _row: int) -> None:
        entry = self.current()
        self.text.setText(self.body(entry) if entry is not None else "")
        self.entry_shown(entry)

    def entry_shown(self, entry: Any | None) -> None:
        """A tab that adds something per entry (the 参加意向 form) overrides this."""


class AnnouncementsTab(CatalogTab):
    def label(self, e: Announcement) -> str:
        return f"{_day(e.published_on)}　{e.title}".strip()

    def body(self, e: Announcement) -> str:
        return f"<h3>{_esc(e.title)}</h3><p>{_day(e.published_on)}</p><p>{_esc(e.body)}</p>"


class PoolTab(CatalogTab):
    def label(self, e: TalentPoolEntry) -> str:
        return self.tr("{0}　{1}［{2}］").format(
            e.listing, _v(vocab.SKILL_ROLES, e.skill_role), _v(vocab.POOL_AVAILABILITY, e.availability)
        )

    def body(self, e: TalentPoolEntry) -> str:
        days = self.tr("月{0}日").format(f"{e.days_per_month:g}") if e.days_per_month else ""
        period = f"{_day(e.available_from)}〜{_day(e.available_until)}" if e.available_from else ""
        rows = [
            (self.tr("人材像"), _v(vocab.SKILL_ROLES, e.skill_role)),
            (self.tr("スキル・経験"), _esc(e.skills)),
            (
                self.tr("派遣の形"),
                self.tr("・").join(x for x in (_v(vocab.ENGAGEMENT, e.engagement), days) if x),
            ),
            (self.tr("派遣可能期間"), period),
            (self.tr("派遣の可否"), _v(vocab.POOL_AVAILABILITY, e.availability)),
            (self.tr("備考"), _esc(e.note)),
        ]
        table = "".join(f"<tr><th align='left'>{k}</th><td>{v}</td></tr>" for k, v in rows if v)
        how = self.tr("派遣を希望するときは「支援ニーズ」から人材派遣として提出してください。")
        return f"<h3>{_esc(e.listing)}</h3><table cellspacing='6'>{table}</table><p>{how}</p>"


class PracticesTab(CatalogTab):
    """好事例: the filled fields of the GIF 事例データモデル, group by group (empty ones and groups left out)."""

    def __init__(self, ctx: ViewContext, cls: type[Synced], empty: str):
        super().__init__(ctx, cls, empty)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.setOpenExternalLinks(True)

    def label(self, e: GoodPractice) -> str:
        return self.tr("{0}（{1}）").format(e.title, e.body_name) if e.body_name else e.title

    def body(self, e: GoodPractice) -> str:
        priorities = {p.key: p.title for p in load_catalog().priorities}
        parts = [f"<h3>{_esc(e.title)}</h3>"]
        if e.subtitle:
            parts.append(f"<p>{_esc(e.subtitle)}</p>")
        for group, rows in practice_fields.GROUPS:
            cells = [
                (practice_fields.tr(label), self._value(kind, getattr(e, name), priorities))
                for name, label, kind in rows
                if name not in ("title", "subtitle")
            ]
            table = "".join(f"<tr><th align='left'>{k}</th><td>{v}</td></tr>" for k, v in cells if v)
            if table:
                parts.append(f"<h4>{practice_fields.tr(group)}</h4><table cellspacing='6'>{table}</table>")
        return "".join(parts)

    def _value(self, kind: str, value: Any, priorities: dict[str, str]) -> str:
        """A field's value as the pane shows it ('' when empty); web addresses as links."""
        match kind:
            case "year":
                return self.tr("{0}年").format(value) if value else ""
            case "date":
                return _day(value)
            case "choice":
                return _esc(priorities.get(value, ""))
            case "url":
                return _link(value, value) if value else ""
            case "urls":
                return "<br>".join(_link(url, url) for url in value or [])
            case "lines":
                return "<br>".join(_esc(item) for item in value or [])
            case "media":
                return "<br>".join(
                    _link(m["url"], m["title"] or m["url"])
                    + (f"（{_esc(m['license'])}）" if m["license"] else "")
                    for m in value or []
                )
        return _esc(value)


class OffersTab(CatalogTab):
    """Offers, and the town's own 参加意向 on the selected one (the one thing it writes here)."""

    def __init__(self, ctx: ViewContext, cls: type[Synced], empty: str):
        super().__init__(ctx, cls, empty)
        self.intent_box = QGroupBox(self.tr("本団体の参加意向"))
        form = QFormLayout(self.intent_box)
        self.intent = f.ChoiceField({"": self.tr("（未回答）"), **vocab.INTENT})
        self.contract_end = f.DateField()
        self.budget_fy = f.FiscalYearField()
        self.note = f.TextField(lines=2)
        self.widgets = {"intent": self.intent, "contract_end": self.contract_end, "budget_fy": self.budget_fy,
                        "note": self.note}  # fmt: skip
        for (name, w), text in zip(
            self.widgets.items(),
            (self.tr("参加意向"), self.tr("現行契約の満了日"), self.tr("予算化の予定年度"), self.tr("備考")),
            strict=True,
        ):
            w.setAccessibleName(text)
            w.committed.connect(lambda value, name=name: self._commit(name, value))
            form.addRow(text, f.with_note(w))
        self.sent = hint(
            self.tr(
                "入力した参加意向は、このパソコンに記録されます。県への送付は、同期またはパッケージで行います。"
            )
        )
        form.addRow("", self.sent)
        self.side.addWidget(self.intent_box)
        self.intent_box.setVisible(False)
        self._entry_id: str | None = None

    def label(self, e: JointProcurementOffer) -> str:
        return self.tr("{0}［{1}］").format(e.title, _v(vocab.OFFER_STATUS, e.status))

    def body(self, e: JointProcurementOffer) -> str:
        rows = [
            (self.tr("対象システム"), _esc(e.system)),
            (self.tr("代表団体"), _esc(e.lead_body)),
            (self.tr("概要"), _esc(e.description)),
            (self.tr("参加意向の回答期限"), _day(e.survey_deadline)),
            (self.tr("利用開始予定"), _day(e.planned_start)),
            (self.tr("スケジュール"), _esc(e.schedule)),
            (self.tr("費用の按分"), _v(vocab.COST_SPLIT, e.cost_split)),
            (self.tr("費用負担の考え方"), _esc(e.cost_note)),
            (self.tr("状況"), _v(vocab.OFFER_STATUS, e.status)),
        ]
        table = "".join(f"<tr><th align='left'>{k}</th><td>{v}</td></tr>" for k, v in rows if v)
        return f"<h3>{_esc(e.title)}</h3><table cellspacing='6'>{table}</table>"

    def entry_shown(self, entry: Any | None) -> None:
        self.intent_box.setVisible(entry is not None)
        entry_id = None if entry is None else entry.id
        if entry_id != self._entry_id:
            for w in self.widgets.values():
                w.start_over()  # text refused for another offer is not this one's
        self._entry_id = entry_id
        if entry is not None:
            self.ctx.ops.query(catalog.my_intent, self.ctx.ws, entry.id, on_done=self._show_intent)

    def _show_intent(self, intent: JointProcurementIntent | None) -> None:
        for name, w in self.widgets.items():
            w.set_value(None if intent is None else getattr(intent, name))
        if intent is None:
            self.intent.set_value("")
        for w in (self.contract_end, self.budget_fy, self.note):
            w.setEnabled(intent is not None)

    def _commit(self, name: str, value: Any) -> None:
        offer = self.current()
        intent = self.intent.value()
        if offer is None or not intent:
            return
        fields = {} if name == "intent" else {name: value}

        def done(saved: JointProcurementIntent) -> None:
            self._show_intent(saved)
            self.ctx.say(self.tr("参加意向を保存しました（{0}）。").format(_v(vocab.INTENT, saved.intent)))

        def still_shown() -> bool:
            shown = self.current()
            return shown is not None and shown.id == offer.id

        save_field(
            self.ctx, self.widgets[name], still_shown, catalog.state_intent, self.ctx.ws, offer.id, intent,
            changes={JointProcurementIntent.kind}, on_done=done, **fields,
        )  # fmt: skip


class PrefectureCatalogPage(Page):
    """県からの案内: the prefecture's catalog as the town reads it."""

    listens = frozenset({"announcement", "talent_pool_entry", "good_practice", "joint_procurement_offer"})

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(heading(self.tr("県からの案内")))
        layout.addWidget(
            hint(
                self.tr(
                    "都道府県から同期またはパッケージで届いたお知らせ・人材プール・好事例・共同調達の案内です（閲覧のみ）。"
                    "共同調達には本団体の参加意向を入力できます。支援ニーズへの回答は「支援ニーズ」の画面に表示されます。"
                )
            )
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("案内の種類"))
        nothing = self.tr("（まだ届いていません）")
        self.announcements = AnnouncementsTab(ctx, Announcement, nothing)
        self.pool = PoolTab(ctx, TalentPoolEntry, nothing)
        self.practices = PracticesTab(ctx, GoodPractice, nothing)
        self.offers = OffersTab(ctx, JointProcurementOffer, nothing)
        self.tabs.addTab(self.announcements, self.tr("お知らせ"))
        self.tabs.addTab(self.pool, self.tr("人材プール"))
        self.tabs.addTab(self.practices, self.tr("好事例"))
        self.tabs.addTab(self.offers, self.tr("共同調達"))
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        """Reload every tab."""
        for tab in (self.announcements, self.pool, self.practices, self.offers):
            tab.load()
