"""Writing a document file atomically: a temp file in the target folder, renamed when complete.

A cancelled or failed build leaves nothing behind (no half-written PDF the user might send to the council),
and an existing file of the same name stays untouched until the new one is complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop.models.errors import DomainError


class OutputError(DomainError):
    """The output file cannot be written (missing folder, no permission, disk full)."""


def check_target(out: Path) -> Path:
    """Resolve `out` and make sure its folder exists and is writable; raise OutputError (Japanese) if not."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise OutputError(f"出力先「{out}」はフォルダです。ファイル名まで指定してください。")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"出力先のフォルダ「{folder}」がありません。")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"出力先のフォルダ「{folder}」に書き込む権限がありません。")
    return out


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temp path next to `out`; on success it replaces `out`, on any error it is removed.

    An OSError (a full disk, a read-only folder) is re-raised as it is: the service that asked for the file
    words it for the user (desktop.services.output_paths.writing).
    """
    out = check_target(out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix + ".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
