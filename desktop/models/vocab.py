"""Controlled vocabularies: stored keys and their Japanese labels (UI and documents share them)."""

CHECK_STATUS = {"todo": "未着手", "doing": "対応中", "done": "完了", "na": "対象外"}

# 首長の職名: 市長, 町長, 村長, and 区長 of the 特別区 (東京23区); "" while not set.
HEAD_TITLE = {"": "（未設定）", "市長": "市長", "町長": "町長", "村長": "村長", "区長": "区長"}

# Where the plan stands: a new plan being drafted, a plan in force, or a plan in force being revised.
PLAN_STATUS = {"draft": "策定中（案）", "approved": "策定済（計画期間中）", "revising": "改定中（改定案）"}

PDCA_PHASE = {"plan": "Plan（計画）", "do": "Do（実行）", "check": "Check（評価）", "act": "Act（改善）"}

INITIATIVE_STATUS = {"planned": "計画中", "active": "実施中", "done": "完了", "paused": "休止"}

# 自治体DX推進のための外部人材スキル標準 (総務省, 2022) の4人材像.
SKILL_ROLES = {
    "producer": "プロデューサー（CIO補佐官等）",
    "project_manager": "プロジェクトマネージャー",
    "service_designer": "サービスデザイナー",
    "engineer": "エンジニア",
}

NEEDS_CATEGORY = {
    "talent": "人材派遣（人材プール）",
    "advisor": "アドバイザー派遣・伴走支援",
    "training": "研修・講師派遣",
    "joint_procurement": "共同調達への参加意向",
    "consultation": "相談（よろず相談）",
    "standardization": "標準化・ガバメントクラウド移行支援",
    "security": "情報セキュリティ",
    "funding": "財源活用",
}

# 特定移行支援システム の該当理由: the four categories デジタル庁 counts (DOMAIN.md §2.3, 2025-07 集計).
SPECIFIC_SUPPORT_REASON = {
    "": "未選択",
    "mainframe": "メインフレーム",
    "custom_built": "個別開発",
    "no_product": "標準準拠システムが開発されず代替の見込みなし",
    "vendor_capacity": "事業者のリソースひっ迫",
}

ENGAGEMENT = {"resident": "常駐", "on_call": "随時"}

PRIORITY = {"high": "高", "medium": "中", "low": "低"}

# How a missing skill is to be filled (ステップ2 人材の不足).
TALENT_APPROACH = {
    "pool": "都道府県の人材プール",
    "hire": "採用（任用）",
    "train": "職員の育成",
    "outsourcing": "業務委託",
}

NEEDS_STATUS = {"draft": "作成中", "submitted": "提出済", "answered": "回答済", "closed": "完了"}

# Where a submitted need stands on its way to the prefecture (before any answer).
NEEDS_DELIVERY = {"waiting": "送信待ち", "sent": "送信済"}

# The prefecture's answer to a need (DESIGN.md §4: 受付 → 調整中 → マッチ済, or 対応不可).
RESPONSE_STATUS = {
    "": "未回答",
    "received": "受付",
    "coordinating": "調整中",
    "matched": "マッチ済",
    "declined": "対応不可",
}

# 人材プール: whether a listed person can take on a new town.
POOL_AVAILABILITY = {"available": "派遣可能", "limited": "一部可能", "assigned": "派遣中（空きなし）"}

OFFER_STATUS = {"open": "参加意向を募集中", "closed": "募集締切", "contracted": "契約済"}

# A town's 参加意向 on a joint-procurement offer.
INTENT = {"join": "参加する", "considering": "検討中", "decline": "参加しない"}

# How a town's data last arrived at the prefecture.
CONTACT_CHANNEL = {"sync": "同期", "package": "パッケージ"}

FUNDING = {
    "": "未定",
    "special_grant": "特別交付税",
    "ordinary_grant": "普通交付税",
    "digital_bond": "デジタル活用推進事業債",
    "den_en_grant": "デジタル田園都市国家構想交付金",
    "own": "一般財源",
}

PROCUREMENT_MODE = {"single": "単独調達", "joint": "共同調達"}

# How the contractor is chosen (地方自治法第234条; a プロポーザル is legally a form of 随意契約: DOMAIN.md §6.3).
PROCUREMENT_METHOD = {
    "general": "一般競争入札",
    "designated": "指名競争入札",
    "proposal": "公募型プロポーザル方式",
    "negotiated": "随意契約",
}

REQUIREMENT_KIND = {"functional": "機能要件", "non_functional": "非機能要件"}

COST_SPLIT = {"equal": "均等割", "population": "人口割", "usage": "利用量割", "mixed": "均等割＋人口割"}

DOC_STATUS = {"draft": "案", "final": "確定"}

ACTIVITY_KIND = {
    "top_seminar": "首長・幹部向け研修（トップセミナー）",
    "staff_training": "全職員向けDX研修",
    "leader_training": "DX推進リーダー研修",
    "principles": "デジタル原則の共有",
    "council": "議会への説明",
    "residents": "住民への周知",
    "other": "その他",
}

# Record kinds (the change-format names) as a person reads them (conflicts, sync messages).
RECORD_KINDS = {
    "municipality": "団体情報",
    "awareness_activity": "ステップ0の実施記録",
    "checklist_state": "チェック項目",
    "plan": "DX推進計画",
    "plan_priority": "重点取組事項",
    "kpi": "評価指標（KPI）",
    "kpi_value": "KPIの目標・実績",
    "org_role": "推進体制の役職",
    "talent_gap": "不足する人材",
    "initiative": "取組",
    "pdca_review": "PDCAの振り返り",
    "standardization_system": "標準化（20業務）",
    "needs_request": "支援ニーズ",
    "job_description": "募集要項",
    "procurement_spec": "調達仕様書",
    "procurement_requirement": "要件",
    "procurement_participant": "共同調達の参加団体",
}
