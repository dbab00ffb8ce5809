"""ステップ2 推進体制の整備: the posts of the DX promotion structure and the talent the municipality lacks."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from desktop.content import load_catalog
from desktop.content.catalog import Catalog, OrgRoleTemplate
from desktop.models import OrgRole, TalentGap
from desktop.models.errors import ValidationError
from desktop.models.vocab import PRIORITY, SKILL_ROLES, TALENT_APPROACH
from desktop.services import records, structure
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.steps.step_page import DetailPane, StepPage, master_list, tab_body
from desktop.views.style import hint


def no_default_role() -> OrgRole:
    """Posts are added from a template only (the 「役職を追加」 menu)."""
    raise ValidationError(
        QCoreApplication.translate("Step2Page", "追加する役職を「役職を追加」の一覧から選んでください。")
    )


def new_talent_gap(ws: Workspace) -> TalentGap:
    """A new gap; プロジェクトマネージャー is the role most often missing in small municipalities."""
    return records.create(ws, TalentGap, skill_role="project_manager", approach="pool", priority="medium")


class Step2Page(StepPage):
    """ステップ2: checklist, 推進体制, 人材の不足."""

    step = 2

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            self.tr("ステップ2　推進体制の整備"),
            self.tr(
                "首長のリーダーシップのもと、CIO（副市長等が望ましいとされています）を中心とする全庁的な推進体制を"
                "整え、DXを担うデジタル人材を確保・育成する段階です。"
            ),
            parent,
        )
        self.role_templates: tuple[OrgRoleTemplate, ...] = ()
        self.roles = master_list(
            RecordList(
                ctx,
                OrgRole,
                load=lambda: structure.role_summaries(ctx.ws),
                label=self._role_label,
                detail=DetailPane(RecordForm(ctx, OrgRole, self._role_specs())),
                create=no_default_role,
                noun=self.tr("役職", "record noun"),
            )
        )
        self.role_menu = QMenu(self)
        self.role_menu.setToolTipsVisible(True)
        self.role_menu.aboutToShow.connect(self._build_role_menu)
        self.roles.add_button.clicked.disconnect()
        self.roles.add_button.setMenu(self.role_menu)
        self.add_tab(
            tab_body(
                hint(
                    self.tr(
                        "CIO、CIO補佐官、DX推進本部、DX推進リーダーなどの役職と、任命された人を記録します。"
                        "外部人材を任用した役職には「外部人材」の印を付けます。"
                    )
                ),
                self.roles,
            ),
            self.tr("推進体制"),
        )
        self.gaps = master_list(
            RecordList(
                ctx,
                TalentGap,
                load=lambda: structure.talent_gap_summaries(ctx.ws),
                label=self._gap_label,
                detail=DetailPane(RecordForm(ctx, TalentGap, self._gap_specs())),
                create=lambda: new_talent_gap(ctx.ws),
                noun=self.tr("不足する人材", "record noun"),
            )
        )
        self.add_tab(
            tab_body(
                hint(
                    self.tr(
                        "外部人材スキル標準の4つの人材像のうち、不足しているものと確保の方法を整理します。"
                        "都道府県の人材プールなどの支援が必要な場合は、ここでの整理をもとに「支援ニーズ」から"
                        "都道府県へ依頼します。"
                    )
                ),
                self.gaps,
            ),
            self.tr("人材の不足"),
        )

    def _role_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("title", self.tr("役職名")),
            FieldSpec("person_name", self.tr("氏名")),
            FieldSpec("position", self.tr("現職・所属"), placeholder=self.tr("例: 副市長、総務部長")),
            FieldSpec("appointed_on", self.tr("任命日"), "date"),
            FieldSpec("is_external", self.tr("外部人材"), "check"),
            FieldSpec("note", self.tr("備考"), "text", placeholder=self.tr("任用形態、任期、勤務日数など")),
        ]

    def _gap_specs(self) -> list[FieldSpec]:
        return [
            FieldSpec("skill_role", self.tr("人材像"), "choice", SKILL_ROLES),
            FieldSpec(
                "description",
                self.tr("内容"),
                "text",
                placeholder=self.tr("どの取組で、どのような力が必要か"),
            ),
            FieldSpec("approach", self.tr("確保の方法"), "choice", TALENT_APPROACH),
            FieldSpec("priority", self.tr("優先度"), "choice", PRIORITY),
        ]

    def _role_label(self, role: OrgRole) -> str:
        person = role.person_name or self.tr("（未任命）")
        external = self.tr("・外部") if role.is_external else ""
        return f"{role.title}　{person}{external}"

    def _gap_label(self, gap: TalentGap) -> str:
        role = vocab_label(SKILL_ROLES.get(gap.skill_role, gap.skill_role))
        return self.tr("{role}（優先度 {priority}）").format(
            role=role, priority=vocab_label(PRIORITY.get(gap.priority, ""))
        )

    def _build_role_menu(self) -> None:
        """Offer the posts of the role catalog; a post can be added more than once (e.g. DX推進リーダー)."""
        self.role_menu.clear()
        for template in self.role_templates:
            action = self.role_menu.addAction(template.title)
            action.setToolTip(template.description)
            action.triggered.connect(lambda _=False, key=template.key: self.add_role(key))
        if not self.role_templates:
            self.role_menu.addAction(self.tr("（役職の一覧を読み込んでいます）")).setEnabled(False)

    def add_role(self, role_key: str) -> None:
        """Add a post from the catalog template."""
        self.roles.add(lambda: structure.add_role(self.ctx.ws, role_key))

    def refresh(self) -> None:
        """Reload every tab."""
        super().refresh()
        self.ctx.ops.query(load_catalog, on_done=self._catalog_loaded)
        self.roles.refresh()
        self.gaps.refresh()

    def _catalog_loaded(self, catalog: Catalog) -> None:
        self.role_templates = catalog.org_roles
