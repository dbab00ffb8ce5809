"""Reading a .dxpkg ZIP in memory under the limits of DESIGN.md §5; nothing is ever extracted to disk.

Every refusal raises :class:`PackageRefused` with a Japanese reason. Sizes are counted on the bytes actually
decompressed, never taken from the ZIP headers, and the expansion ratio is checked as the data comes out, so a
bomb is stopped after at most one chunk past a limit.
"""

from __future__ import annotations

import io
import json
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.exchange.manifest import DOCUMENT_NAME, MANIFEST, PAYLOAD, SUMMARY
from desktop.models.errors import DomainError

MAX_PACKAGE_BYTES = 256 * 1024 * 1024  # the .dxpkg file itself
MAX_ENTRIES = 1000
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all entries, decompressed
MAX_ENTRY_BYTES = {MANIFEST: 1024 * 1024, PAYLOAD: 128 * 1024 * 1024, SUMMARY: 32 * 1024 * 1024}
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
FREE_EXPANSION = 100 * 1024  # the ratio is checked only after this many bytes of an entry
MAX_EXPANSION = 100
MAX_JSON_DEPTH = 32
CHUNK = 256 * 1024

# An .xlsx is a ZIP too: what a summary workbook may contain (no macros, no embedded objects).
XLSX_MAX_ENTRIES = 200
XLSX_FORBIDDEN = ("vbaproject.bin", "/embeddings/", "/activex/", "vbadata")


class PackageRefused(DomainError):
    """The package was not read or applied; the message says why (Japanese)."""


@dataclass(frozen=True)
class Entries:
    """The allowlisted entries of a package, name → bytes, in archive order."""

    files: dict[str, bytes]

    @property
    def documents(self) -> list[str]:
        return [n for n in self.files if DOCUMENT_NAME.match(n)]


def allowed_name(name: str) -> bool:
    return name in (MANIFEST, PAYLOAD, SUMMARY) or bool(DOCUMENT_NAME.match(name))


def _name_problem(name: str) -> str | None:
    if "\\" in name:
        return f"「{name[:80]}」はバックスラッシュを含む名前です"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return f"「{name[:80]}」は絶対パスです"
    if ".." in name.split("/"):
        return f"「{name[:80]}」は上位フォルダ（..）を指しています"
    if name.endswith("/"):
        return f"「{name[:80]}」はフォルダです"
    if "\x00" in name or any(ord(c) < 0x20 for c in name):
        return "名前に制御文字を含む項目があります"
    return None


def _entry_limit(name: str) -> int:
    return MAX_ENTRY_BYTES.get(name, MAX_DOCUMENT_BYTES)


def _check_info(info: zipfile.ZipInfo) -> None:
    problem = _name_problem(info.filename)
    if problem:
        raise PackageRefused(f"パッケージに安全でない項目があります: {problem}。")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackageRefused(f"パッケージにリンク（{info.filename[:80]}）が含まれています。")
    if mode and stat.S_ISDIR(mode) or info.is_dir():
        raise PackageRefused(f"パッケージにフォルダ（{info.filename[:80]}）が含まれています。")
    if info.flag_bits & 0x1:
        raise PackageRefused(f"パッケージに暗号化された項目（{info.filename[:80]}）があります。")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageRefused(f"項目「{info.filename[:80]}」は対応していない圧縮方式です。")
    if not allowed_name(info.filename):
        raise PackageRefused(
            f"パッケージに想定外のファイル「{info.filename[:80]}」があります"
            "（manifest.json、payload.json、summary.xlsx、documents/*.pdf のみ使えます）。"
        )


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The entry's bytes, counting as they come out: per-entry cap, total budget, expansion ratio."""
    limit = min(_entry_limit(info.filename), budget)
    compressed = max(info.compress_size, 1)
    out = bytearray()
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > limit:
                raise PackageRefused(f"項目「{info.filename}」が大きすぎます（上限を超えました）。")
            if len(out) > FREE_EXPANSION and len(out) > MAX_EXPANSION * compressed:
                raise PackageRefused(
                    f"項目「{info.filename}」の圧縮率が異常です（{MAX_EXPANSION}倍を超えて展開されます）。"
                    "圧縮爆弾の可能性があるため取り込みません。"
                )
    return bytes(out)


def read_file(path: Path) -> bytes:
    """A package file's bytes (its size checked before reading it whole), or PackageRefused."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise PackageRefused(
                f"パッケージが大きすぎます（{MAX_PACKAGE_BYTES // (1024 * 1024)} MiB まで）。"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise PackageRefused(f"ファイル「{path}」が見つかりません。") from None
    except IsADirectoryError:
        raise PackageRefused(f"「{path}」はフォルダです。パッケージのファイルを指定してください。") from None
    except OSError as err:
        raise PackageRefused(f"ファイル「{path}」を読めません: {err.strerror or err}") from None


def read_entries(data: bytes) -> Entries:
    """Every entry of the package in memory, or PackageRefused."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageRefused(f"パッケージが大きすぎます（{MAX_PACKAGE_BYTES // (1024 * 1024)} MiB まで）。")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as err:
        raise PackageRefused(
            "パッケージを読めません。ファイルが途中で切れているか、.dxpkg 形式ではありません。"
        ) from err
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise PackageRefused(f"パッケージの項目が多すぎます（{MAX_ENTRIES}件まで）。")
        seen: set[str] = set()
        for info in infos:
            _check_info(info)
            key = info.filename.casefold()
            if key in seen:
                raise PackageRefused(f"パッケージに同じ名前の項目（{info.filename[:80]}）が重複しています。")
            seen.add(key)
        files: dict[str, bytes] = {}
        total = 0
        for info in infos:
            try:
                body = _read_entry(zf, info, MAX_TOTAL_BYTES - total)
            except PackageRefused:
                raise
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as err:
                raise PackageRefused(
                    f"項目「{info.filename}」を読めません（ファイルが壊れているか途中で切れています）。"
                ) from err
            total += len(body)
            files[info.filename] = body
    return Entries(files)


_CONTAINERS = (dict, list)  # what json.loads makes that can nest (exactly these types, never subclasses)


def _depth(obj: Any) -> int:
    """How deeply `obj` nests, level by level (stops counting past MAX_JSON_DEPTH)."""
    depth, level = 0, [obj] if obj.__class__ in _CONTAINERS else []
    while level:
        depth += 1
        if depth > MAX_JSON_DEPTH:
            return depth
        level = [
            v
            for item in level
            for v in (item.values() if item.__class__ is dict else item)
            if v.__class__ in _CONTAINERS
        ]
    return max(depth, 1)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def read_json(name: str, body: bytes, hook: Callable[[list[tuple[str, Any]]], Any] = _no_duplicates) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity, at most MAX_JSON_DEPTH levels."""
    try:
        text = body.decode("utf-8")
        obj = json.loads(text, object_pairs_hook=hook, parse_constant=_no_constant)
    except UnicodeDecodeError as err:
        raise PackageRefused(f"{name} が UTF-8 ではありません。") from err
    except RecursionError as err:
        raise PackageRefused(f"{name} の入れ子が深すぎます（{MAX_JSON_DEPTH}段まで）。") from err
    except ValueError as err:
        raise PackageRefused(f"{name} が正しい JSON ではありません（{str(err)[:80]}）。") from err
    if _depth(obj) > MAX_JSON_DEPTH:
        raise PackageRefused(f"{name} の入れ子が深すぎます（{MAX_JSON_DEPTH}段まで）。")
    return obj


def check_document(name: str, body: bytes) -> None:
    """A PDF must be a PDF (not a renamed ZIP or executable)."""
    if not body.startswith(b"%PDF-"):
        raise PackageRefused(
            f"「{name}」は PDF ではありません。実行形式や別の形式のファイルは取り込みません。"
        )


def check_summary(body: bytes) -> None:
    """summary.xlsx must be a plain workbook: an OOXML ZIP with no macros or embedded objects."""
    refused = PackageRefused(
        "summary.xlsx が通常の Excel ブックではありません（マクロや埋め込みは取り込みません）。"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as inner:
            infos = inner.infolist()
            if len(infos) > XLSX_MAX_ENTRIES:
                raise refused
            names = [i.filename.casefold() for i in infos]
            if "[content_types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise refused
            if any(bad in n for n in names for bad in XLSX_FORBIDDEN):
                raise refused
            total = 0
            for info in infos:
                if (
                    _name_problem(info.filename)
                    or info.flag_bits & 0x1
                    or info.filename.lower().endswith(".zip")
                ):
                    raise refused
                total += len(_read_entry(inner, info, MAX_ENTRY_BYTES[SUMMARY] - total))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as err:
        raise refused from err
