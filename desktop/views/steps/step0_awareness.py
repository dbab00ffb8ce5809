"""ステップ0 認識共有・機運醸成: the checklist and the log of seminars, trainings and briefings held."""

from PySide6.QtWidgets import QWidget

from desktop.models import AwarenessActivity, wareki
from desktop.models.vocab import ACTIVITY_KIND
from desktop.services import records, steps
from desktop.services.workspace import Workspace
from desktop.views.context import ViewContext
from desktop.views.locale import vocab_label
from desktop.views.record_form import FieldSpec, RecordForm
from desktop.views.record_list import RecordList
from desktop.views.steps.step_page import DetailPane, StepPage, master_list, tab_body
from desktop.views.style import hint


def new_activity(ws: Workspace) -> AwarenessActivity:
    """A new log entry dated today (most entries are written on the day or soon after)."""
    return records.create(ws, AwarenessActivity, held_on=ws.today(), activity_kind="staff_training", title="")


class Step0Page(StepPage):
    """ステップ0: checklist + 実施記録."""

    step = 0

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None):
        super().__init__(
            ctx,
            self.tr("ステップ0　認識共有・機運醸成"),
            self.tr(
                "DXとは何か、なぜ必要かを全庁で共有し、首長・幹部職員のリーダーシップのもとで取組の機運を"
                "高める段階です。住民目線の考え方を職員一人ひとりが身に付けることを目指します。"
                "研修や説明会を行ったときは「実施記録」に記録します。"
            ),
            parent,
        )
        form = RecordForm(
            ctx,
            AwarenessActivity,
            [
                FieldSpec("held_on", self.tr("実施日"), "date"),
                FieldSpec("activity_kind", self.tr("種別"), "choice", ACTIVITY_KIND),
                FieldSpec("title", self.tr("件名"), placeholder=self.tr("例: 令和8年度 全職員向けDX研修")),
                FieldSpec("participants", self.tr("参加人数"), "int", example="120"),
                FieldSpec(
                    "note", self.tr("メモ"), "text", placeholder=self.tr("内容、講師、アンケート結果など")
                ),
            ],
        )
        self.activities = master_list(
            RecordList(
                ctx,
                AwarenessActivity,
                load=lambda: steps.activity_summaries(ctx.ws),
                label=self._label,
                detail=DetailPane(form),
                create=lambda: new_activity(ctx.ws),
                noun=self.tr("実施記録", "record noun"),
            )
        )
        self.add_tab(
            tab_body(
                hint(
                    self.tr(
                        "首長・幹部向け研修、全職員向け研修、議会や住民への説明などを記録します。"
                        "記録は進捗報告にも使われます。"
                    )
                ),
                self.activities,
            ),
            self.tr("実施記録"),
        )

    def _label(self, activity: AwarenessActivity) -> str:
        when = wareki.wareki_date(activity.held_on) if activity.held_on else self.tr("日付未定")
        title = activity.title or vocab_label(ACTIVITY_KIND.get(activity.activity_kind, ""))
        return f"{when}　{title}"

    def refresh(self) -> None:
        """Reload the checklist and the activity log."""
        super().refresh()
        self.activities.refresh()
