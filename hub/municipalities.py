"""`dxnavi-hub municipalities import`: register the prefecture's towns from a CSV of 団体コード and 団体名."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import Engine, insert, select, update

from desktop.models.errors import ValidationError
from desktop.models.municipal_code import validate as validate_code
from desktop.models.ownership import is_prefecture_code
from hub.schema import municipality

HEADER_WORDS = {"code", "団体コード", "コード"}


def _text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):  # Excel writes either
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        f"{path.name} の文字コードを読み取れません（UTF-8 または Shift_JIS で保存してください）。"
    )


def read_csv(path: Path) -> list[tuple[str, str]]:
    """(code, name) rows; every problem is reported with its line number and nothing is returned."""
    rows: list[tuple[str, str]] = []
    problems: list[str] = []
    for lineno, cells in enumerate(csv.reader(io.StringIO(_text(path))), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if lineno == 1 and cells[0].lower() in HEADER_WORDS:
            continue
        if len(cells) < 2 or not cells[1]:
            problems.append(f"{lineno}行目: 団体コードと団体名の2列が必要です。")
            continue
        try:
            code = validate_code(cells[0])
        except ValidationError as exc:
            problems.append(f"{lineno}行目: {exc}")
            continue
        if is_prefecture_code(code):
            problems.append(
                f"{lineno}行目: 「{code}」は都道府県のコードです。市区町村のコードを入力してください。"
            )
        elif len(cells[1]) > 100:
            problems.append(f"{lineno}行目: 団体名は100文字以内で入力してください。")
        else:
            rows.append((code, cells[1]))
    if problems:
        raise ValidationError("登録しませんでした。\n" + "\n".join(problems))
    if not rows:
        raise ValidationError(f"{path.name} に団体がありません（1列目に団体コード、2列目に団体名）。")
    return rows


def import_csv(engine: Engine, path: Path) -> tuple[int, int]:
    """Register or rename every town of the file in one transaction; (added, updated)."""
    rows = read_csv(path)
    added = updated = 0
    with engine.connect() as conn, conn.begin():
        for code, name in rows:
            known = conn.execute(select(municipality.c.name).where(municipality.c.code == code)).first()
            if known is None:
                conn.execute(insert(municipality).values(code=code, name=name))
                added += 1
            elif known.name != name:
                conn.execute(update(municipality).where(municipality.c.code == code).values(name=name))
                updated += 1
    return added, updated
