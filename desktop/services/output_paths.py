"""The one check every writer makes before it writes a file the user named (documents, exports, copies).

Backups make the same store-layer check themselves (desktop.store.protected), so no output path, whatever
writes it, can replace the live database, its companions, the lock file or a backup.
"""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.documents.output import OutputError, atomic_output, check_target
from desktop.store import diagnosis
from desktop.store.protected import refuse_protected


def check_output(data_dir: Path, out: Path | str) -> Path:
    """`out`, once it is known not to be a file of the store in `data_dir` and its folder is writable."""
    refuse_protected(Path(out), Path(data_dir))
    return check_target(Path(out))


def precheck_out(args: Any) -> None:
    """A command's `--out` (args.out, beside args.data_dir) checked by check_output before the data dir is
    opened: every command that writes a file refuses a bad one the same way."""
    check_output(args.data_dir, args.out)


@contextmanager
def writing(out: Path) -> Iterator[None]:
    """Word a failed write of `out` for the user: a full disk, a read-only folder, or what the system said."""
    try:
        yield
    except OSError as err:
        failed = f"「{out.name}」を保存できませんでした"
        known = diagnosis.explain(err, out.parent, failed)
        raise known or OutputError(f"{failed}（{err.strerror or err}）。") from err


def save_copy(data_dir: Path, source: Path, target: Path | str) -> Path:
    """Copy a built document to where the user chose, whole or not at all."""
    out = check_output(data_dir, target)
    with writing(out), atomic_output(out) as tmp:
        shutil.copyfile(source, tmp)
    return out
