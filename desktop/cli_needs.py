"""`dxnavi needs list [--json]` and `dxnavi needs respond ID --status S --message M`, for scripting.

In prefecture mode `list` shows the submitted needs of every town and `respond` writes the prefecture's answer
(only the response fields); in a town's data `list` shows the town's own needs and the answers they got.
desktop.cli calls register() while building its parser; handlers follow the cli contract (see cli_documents).
"""

import argparse
import json
from collections.abc import Sequence

from desktop.models.vocab import NEEDS_CATEGORY, NEEDS_STATUS, PRIORITY, RESPONSE_STATUS, SKILL_ROLES
from desktop.services import needs as town_needs
from desktop.services.prefecture import needs as prefecture_needs
from desktop.services.workspace import Workspace
from desktop.store import Store

EXIT_OK = 0


def register(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]",
    *,
    parents: Sequence[argparse.ArgumentParser],
) -> None:
    """Add `needs list` and `needs respond`."""
    group = commands.add_parser(
        "needs", help="支援ニーズを一覧・回答します", description="支援ニーズを一覧・回答します"
    )
    actions = group.add_subparsers(title="操作", metavar="ACTION", parser_class=type(group), required=True)
    listing = actions.add_parser(
        "list",
        help="支援ニーズの一覧を表示します",
        description="支援ニーズの一覧を表示します",
        parents=list(parents),
    )
    listing.add_argument("--json", action="store_true", help="JSON で出力します")
    listing.set_defaults(run=run_list, store_mode="open")
    respond = actions.add_parser(
        "respond",
        help="支援ニーズに回答します（都道府県モード）",
        description="支援ニーズに回答します（都道府県モード）。回答欄だけを書き込みます。",
        parents=list(parents),
    )
    respond.add_argument("need_id", metavar="ID", help="支援ニーズのID（needs list で確認）")
    statuses = [k for k in RESPONSE_STATUS if k]
    respond.add_argument(
        "--status",
        required=True,
        choices=statuses,
        help="回答状況（" + "、".join(f"{k}={RESPONSE_STATUS[k]}" for k in statuses) + "）",
    )
    respond.add_argument("--message", default="", help="回答内容")
    respond.set_defaults(run=run_respond, store_mode="open")


def _rows(ws: Workspace) -> list[dict]:
    if ws.is_prefecture:
        return [
            {
                "id": n.id,
                "town_code": n.town_code,
                "town_name": n.town_name,
                "title": n.title,
                "category": n.category,
                "skill_role": n.skill_role,
                "priority": n.priority,
                "response_status": n.response_status,
                "response_text": n.response_text,
                "responded_at": n.responded_at.isoformat() if n.responded_at else None,
            }
            for n in prefecture_needs.all_needs(ws)
        ]
    return [
        {
            "id": n.id,
            "town_code": n.owner_code,
            "title": n.title,
            "category": n.category,
            "skill_role": n.skill_role,
            "priority": n.priority,
            "status": n.status,
            "response_status": n.response_status,
            "response_text": n.response_text,
            "responded_at": n.responded_at.isoformat() if n.responded_at else None,
        }
        for n in town_needs.needs(ws)
    ]


def run_list(args: argparse.Namespace, store: Store) -> int:
    """Print the needs (a table, or JSON with --json)."""
    rows = _rows(Workspace(store, actor="cli"))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("支援ニーズはありません。")
    for r in rows:
        who = f"{r['town_code']} {r.get('town_name', '')}".strip()
        state = NEEDS_STATUS.get(r.get("status", ""), "")
        answer = RESPONSE_STATUS.get(r["response_status"], r["response_status"])
        role = SKILL_ROLES.get(r["skill_role"], "")
        print(
            "\t".join(
                x
                for x in (
                    r["id"],
                    who,
                    PRIORITY.get(r["priority"], r["priority"]),
                    NEEDS_CATEGORY.get(r["category"], r["category"]),
                    role,
                    r["title"],
                    state,
                    answer,
                )
                if x
            )
        )
    return EXIT_OK


def run_respond(args: argparse.Namespace, store: Store) -> int:
    """Write the prefecture's response to one need."""
    need = prefecture_needs.respond(Workspace(store, actor="cli"), args.need_id, args.status, args.message)
    print(f"回答しました: {need.title}（{RESPONSE_STATUS[need.response_status]}）")
    return EXIT_OK
