"""`dxnavi-hub backup` (a consistent copy of the running hub's database) and `after-restore`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import make_url

from desktop.models.errors import DomainError
from hub import db
from hub.schema import restore

# After a restore the counter jumps this far, so every new version is above any cursor a PC may hold
# (the PCs' sanity check then finds what the restore lost and repairs itself).
RESTORE_GAP = 10**12


def _prune(out_dir: Path, keep: int) -> None:
    copies = sorted(
        p for p in out_dir.iterdir() if p.name.startswith("hub-") and p.suffix in (".sqlite3", ".dump")
    )
    for old in copies[: max(len(copies) - keep, 0)]:
        old.unlink()


def backup(url: str, out_dir: Path, keep: int, now: datetime) -> Path:
    """Write a consistent copy of the hub database into `out_dir` and keep the newest `keep` copies."""
    if keep < 1:
        raise DomainError("--keep は1以上で指定してください。")
    url = db.normalise_url(url)
    parsed = make_url(url)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    if parsed.get_backend_name() == "sqlite":
        source = Path(parsed.database or "").resolve()
        if not source.is_file():
            raise DomainError(f"ハブのデータベース {source} が見つかりません。")
        target = out_dir / f"hub-{stamp}.sqlite3"
        if out_dir.resolve() == source.parent:
            raise DomainError("バックアップはデータベースと別のフォルダに作成してください。")
        partial = target.with_suffix(".partial")
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # SQLite's online backup: a consistent copy while the hub keeps serving
        finally:
            dst.close()
            src.close()
    else:
        target = out_dir / f"hub-{stamp}.dump"
        partial = target.with_suffix(".partial")
        env = {**os.environ, "PGPASSWORD": parsed.password or ""}  # never on the command line (ps shows it)
        plain = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
        result = subprocess.run(
            ["pg_dump", "--format=custom", f"--file={partial}", f"--dbname={plain}"],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            raise DomainError(f"pg_dump が失敗しました: {result.stderr.strip()[:300]}")
    partial.replace(target)
    _prune(out_dir, keep)
    return target


def after_restore(engine: Engine, now: datetime) -> int:
    """Move the version counter past every version the lost writes may have used, and remember the restore
    point (the versions handed out before the restore and lost by it); returns the new head.

    PCs learn the restore points from /v1/status and send again what they hold at a lost version; the hub
    merges it against the backup's copy, so nothing written after the restore is overwritten (hub/merge.py)."""
    with engine.connect().execution_options(**db.WRITE) as conn, conn.begin():
        lost_after = db.lock_counter(conn)
        head = lost_after + RESTORE_GAP
        conn.execute(text("UPDATE hub_counter SET value = :v WHERE id = 1"), {"v": head})
        conn.execute(insert(restore).values(lost_after=lost_after, resumed_at=head, at=now))
    return head
