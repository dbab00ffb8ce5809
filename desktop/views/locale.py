"""The UI language: which one is shown, and the English of content that carries its own (checkpoint titles).

app.py sets the default QLocale and installs the translator once at start; everything here reads that.
Controlled vocabularies (desktop.models.vocab) stay Japanese in the data and the documents; the UI shows their
labels through the "vocab" translation context, marked below so lupdate extracts them.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop.content import load_catalog
from desktop.content.catalog import Checkpoint

VOCAB_CONTEXT = "vocab"


def ui_lang() -> str:
    """The UI language: "en" when the app runs in English, else "ja" (the source language)."""
    return "en" if QLocale().language() == QLocale.Language.English else "ja"


def checkpoint_title(checkpoint: Checkpoint) -> str:
    """A checkpoint's title in the UI language (the catalog carries an English title for each)."""
    return checkpoint.title_en if ui_lang() == "en" and checkpoint.title_en else checkpoint.title


def step_title(number: int, title: str) -> str:
    """A step's title in the UI language (`title` is the Japanese one the caller already has)."""
    if ui_lang() != "en":
        return title
    return load_catalog().step(number).title_en or title


def vocab_label(label: str) -> str:
    """The UI text of a vocabulary label (the Japanese label itself when it has no translation)."""
    return QCoreApplication.translate(VOCAB_CONTEXT, label) if label else label


# Every label of desktop.models.vocab, for lupdate (tests/gui/test_translations.py checks none is missing).
VOCAB_LABELS = (
    # ACTIVITY_KIND
    QT_TRANSLATE_NOOP("vocab", "首長・幹部向け研修（トップセミナー）"),
    QT_TRANSLATE_NOOP("vocab", "全職員向けDX研修"),
    QT_TRANSLATE_NOOP("vocab", "DX推進リーダー研修"),
    QT_TRANSLATE_NOOP("vocab", "デジタル原則の共有"),
    QT_TRANSLATE_NOOP("vocab", "議会への説明"),
    QT_TRANSLATE_NOOP("vocab", "住民への周知"),
    QT_TRANSLATE_NOOP("vocab", "その他"),
    # CHECK_STATUS
    QT_TRANSLATE_NOOP("vocab", "未着手"),
    QT_TRANSLATE_NOOP("vocab", "対応中"),
    QT_TRANSLATE_NOOP("vocab", "完了"),
    QT_TRANSLATE_NOOP("vocab", "対象外"),
    # HEAD_TITLE
    QT_TRANSLATE_NOOP("vocab", "（未設定）"),
    QT_TRANSLATE_NOOP("vocab", "市長"),
    QT_TRANSLATE_NOOP("vocab", "町長"),
    QT_TRANSLATE_NOOP("vocab", "村長"),
    QT_TRANSLATE_NOOP("vocab", "区長"),
    # COST_SPLIT
    QT_TRANSLATE_NOOP("vocab", "均等割"),
    QT_TRANSLATE_NOOP("vocab", "人口割"),
    QT_TRANSLATE_NOOP("vocab", "利用量割"),
    QT_TRANSLATE_NOOP("vocab", "均等割＋人口割"),
    # DOC_STATUS
    QT_TRANSLATE_NOOP("vocab", "案"),
    QT_TRANSLATE_NOOP("vocab", "確定"),
    # ENGAGEMENT
    QT_TRANSLATE_NOOP("vocab", "常駐"),
    QT_TRANSLATE_NOOP("vocab", "随時"),
    # FUNDING
    QT_TRANSLATE_NOOP("vocab", "未定"),
    QT_TRANSLATE_NOOP("vocab", "特別交付税"),
    QT_TRANSLATE_NOOP("vocab", "普通交付税"),
    QT_TRANSLATE_NOOP("vocab", "デジタル活用推進事業債"),
    QT_TRANSLATE_NOOP("vocab", "デジタル田園都市国家構想交付金"),
    QT_TRANSLATE_NOOP("vocab", "一般財源"),
    # INITIATIVE_STATUS
    QT_TRANSLATE_NOOP("vocab", "計画中"),
    QT_TRANSLATE_NOOP("vocab", "実施中"),
    QT_TRANSLATE_NOOP("vocab", "休止"),
    # NEEDS_CATEGORY
    QT_TRANSLATE_NOOP("vocab", "人材派遣（人材プール）"),
    QT_TRANSLATE_NOOP("vocab", "アドバイザー派遣・伴走支援"),
    QT_TRANSLATE_NOOP("vocab", "研修・講師派遣"),
    QT_TRANSLATE_NOOP("vocab", "共同調達への参加意向"),
    QT_TRANSLATE_NOOP("vocab", "相談（よろず相談）"),
    QT_TRANSLATE_NOOP("vocab", "標準化・ガバメントクラウド移行支援"),
    QT_TRANSLATE_NOOP("vocab", "情報セキュリティ"),
    QT_TRANSLATE_NOOP("vocab", "財源活用"),
    # NEEDS_STATUS
    QT_TRANSLATE_NOOP("vocab", "作成中"),
    QT_TRANSLATE_NOOP("vocab", "提出済"),
    QT_TRANSLATE_NOOP("vocab", "回答済"),
    # PDCA_PHASE
    QT_TRANSLATE_NOOP("vocab", "Plan（計画）"),
    QT_TRANSLATE_NOOP("vocab", "Do（実行）"),
    QT_TRANSLATE_NOOP("vocab", "Check（評価）"),
    QT_TRANSLATE_NOOP("vocab", "Act（改善）"),
    # PLAN_STATUS
    QT_TRANSLATE_NOOP("vocab", "策定中（案）"),
    QT_TRANSLATE_NOOP("vocab", "策定済（計画期間中）"),
    QT_TRANSLATE_NOOP("vocab", "改定中（改定案）"),
    # PRIORITY
    QT_TRANSLATE_NOOP("vocab", "高"),
    QT_TRANSLATE_NOOP("vocab", "中"),
    QT_TRANSLATE_NOOP("vocab", "低"),
    # PROCUREMENT_METHOD
    QT_TRANSLATE_NOOP("vocab", "一般競争入札"),
    QT_TRANSLATE_NOOP("vocab", "指名競争入札"),
    QT_TRANSLATE_NOOP("vocab", "公募型プロポーザル方式"),
    QT_TRANSLATE_NOOP("vocab", "随意契約"),
    # PROCUREMENT_MODE
    QT_TRANSLATE_NOOP("vocab", "単独調達"),
    QT_TRANSLATE_NOOP("vocab", "共同調達"),
    # NEEDS_DELIVERY
    QT_TRANSLATE_NOOP("vocab", "送信待ち"),
    QT_TRANSLATE_NOOP("vocab", "送信済"),
    # RECORD_KINDS
    QT_TRANSLATE_NOOP("vocab", "団体情報"),
    QT_TRANSLATE_NOOP("vocab", "ステップ0の実施記録"),
    QT_TRANSLATE_NOOP("vocab", "チェック項目"),
    QT_TRANSLATE_NOOP("vocab", "DX推進計画"),
    QT_TRANSLATE_NOOP("vocab", "重点取組事項"),
    QT_TRANSLATE_NOOP("vocab", "評価指標（KPI）"),
    QT_TRANSLATE_NOOP("vocab", "KPIの目標・実績"),
    QT_TRANSLATE_NOOP("vocab", "推進体制の役職"),
    QT_TRANSLATE_NOOP("vocab", "不足する人材"),
    QT_TRANSLATE_NOOP("vocab", "取組"),
    QT_TRANSLATE_NOOP("vocab", "PDCAの振り返り"),
    QT_TRANSLATE_NOOP("vocab", "標準化（20業務）"),
    QT_TRANSLATE_NOOP("vocab", "支援ニーズ"),
    QT_TRANSLATE_NOOP("vocab", "募集要項"),
    QT_TRANSLATE_NOOP("vocab", "調達仕様書"),
    QT_TRANSLATE_NOOP("vocab", "要件"),
    QT_TRANSLATE_NOOP("vocab", "共同調達の参加団体"),
    # REQUIREMENT_KIND
    QT_TRANSLATE_NOOP("vocab", "機能要件"),
    QT_TRANSLATE_NOOP("vocab", "非機能要件"),
    # RESPONSE_STATUS
    QT_TRANSLATE_NOOP("vocab", "未回答"),
    QT_TRANSLATE_NOOP("vocab", "受付"),
    QT_TRANSLATE_NOOP("vocab", "調整中"),
    QT_TRANSLATE_NOOP("vocab", "マッチ済"),
    QT_TRANSLATE_NOOP("vocab", "対応不可"),
    # POOL_AVAILABILITY
    QT_TRANSLATE_NOOP("vocab", "派遣可能"),
    QT_TRANSLATE_NOOP("vocab", "一部可能"),
    QT_TRANSLATE_NOOP("vocab", "派遣中（空きなし）"),
    # OFFER_STATUS
    QT_TRANSLATE_NOOP("vocab", "参加意向を募集中"),
    QT_TRANSLATE_NOOP("vocab", "募集締切"),
    QT_TRANSLATE_NOOP("vocab", "契約済"),
    # INTENT
    QT_TRANSLATE_NOOP("vocab", "参加する"),
    QT_TRANSLATE_NOOP("vocab", "検討中"),
    QT_TRANSLATE_NOOP("vocab", "参加しない"),
    # INDICATORS (desktop.services.prefecture.indicators: the national dashboard's column names)
    QT_TRANSLATE_NOOP("vocab", "CIOの任命"),
    QT_TRANSLATE_NOOP("vocab", "CIO補佐官等の任命"),
    QT_TRANSLATE_NOOP("vocab", "全体方針策定"),
    QT_TRANSLATE_NOOP("vocab", "全庁的な体制構築"),
    QT_TRANSLATE_NOOP("vocab", "外部人材活用"),
    QT_TRANSLATE_NOOP("vocab", "職員育成の取組"),
    QT_TRANSLATE_NOOP("vocab", "全職員対象研修の実施"),
    # CONTACT_CHANNEL
    QT_TRANSLATE_NOOP("vocab", "同期"),
    QT_TRANSLATE_NOOP("vocab", "パッケージ"),
    # SKILL_ROLES
    QT_TRANSLATE_NOOP("vocab", "プロデューサー（CIO補佐官等）"),
    QT_TRANSLATE_NOOP("vocab", "プロジェクトマネージャー"),
    QT_TRANSLATE_NOOP("vocab", "サービスデザイナー"),
    QT_TRANSLATE_NOOP("vocab", "エンジニア"),
    # SPECIFIC_SUPPORT_REASON
    QT_TRANSLATE_NOOP("vocab", "未選択"),
    QT_TRANSLATE_NOOP("vocab", "メインフレーム"),
    QT_TRANSLATE_NOOP("vocab", "個別開発"),
    QT_TRANSLATE_NOOP("vocab", "標準準拠システムが開発されず代替の見込みなし"),
    QT_TRANSLATE_NOOP("vocab", "事業者のリソースひっ迫"),
    # TALENT_APPROACH
    QT_TRANSLATE_NOOP("vocab", "都道府県の人材プール"),
    QT_TRANSLATE_NOOP("vocab", "採用（任用）"),
    QT_TRANSLATE_NOOP("vocab", "職員の育成"),
    QT_TRANSLATE_NOOP("vocab", "業務委託"),
)
