"""The one place that finds and registers the Japanese fonts of the PDFs (DESIGN.md §6).

Order: a font file named in the settings, BIZ UD明朝 / BIZ UDゴシック (Windows 10+ ships them; Debian:
fonts-morisawa-bizud-*), then IPAex明朝 / IPAexゴシック. These are TrueType and reportlab embeds them as
subsets, so the PDF prints the same everywhere. Only when none is found do we fall back to reportlab's CID
fonts (HeiseiMin-W3 / HeiseiKakuGo-W5), which are NOT embedded: the reader's PDF viewer substitutes a font,
so the user is told with a visible warning.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

CID_WARNING = (
    "日本語フォントが見つからないため、フォントを埋め込まずに出力しました。"
    "閲覧する環境によって文字の形が変わることがあります。BIZ UD明朝・BIZ UDゴシック（Windows 10 以降に標準搭載）"
    "または IPAex フォントを導入するか、設定で日本語フォントのファイルを指定してください。"
)

# Candidate file names per role, best first. Windows ships TTC collections holding the fixed-pitch face and
# the proportional (UDP) one; we want the fixed-pitch face, which suits 公用文 layout.
BODY_FILES = ("BIZ-UDMinchoM.ttc", "BIZUDMincho-Regular.ttf", "BIZUDMincho-Medium.ttf")
HEADING_FILES = (
    "BIZ-UDGothicB.ttc",
    "BIZUDGothic-Bold.ttf",
    "BIZ-UDGothicR.ttc",
    "BIZUDGothic-Regular.ttf",
)
IPAEX_BODY_FILES = ("ipaexm.ttf",)
IPAEX_HEADING_FILES = ("ipaexg.ttf",)

CID_BODY = "HeiseiMin-W3"
CID_HEADING = "HeiseiKakuGo-W5"


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names for body text (明朝) and headings (ゴシック).

    `files` are the TrueType files embedded (empty for the CID fallback); `warnings` are shown to the user.
    """

    body: str
    heading: str
    warnings: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()
    embedded: bool = True
    body_family: str = ""  # human name, e.g. 「BIZ UD明朝」 (used in messages and by the DOCX exporter)
    heading_family: str = ""

    def covers(self, font_name: str, char: str) -> bool:
        """True if the registered font has a glyph for `char` (always True for the CID fallback)."""
        font = pdfmetrics.getFont(font_name)
        face = getattr(font, "face", None)
        if face is None or getattr(face, "charToGlyph", None) is None:
            return True
        return ord(char) in face.charToGlyph


def default_search_dirs() -> list[Path]:
    """Font folders of this machine: Windows system and per-user folders, then the usual Linux/macOS ones."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        home = Path.home()
        dirs += [
            Path("/usr/share/fonts/truetype/morisawa"),
            Path("/usr/share/fonts/truetype/bizud-mincho"),
            Path("/usr/share/fonts/truetype/bizud-gothic"),
            Path("/usr/share/fonts/opentype/ipaexfont-mincho"),
            Path("/usr/share/fonts/opentype/ipaexfont-gothic"),
            Path("/usr/share/fonts/truetype"),
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts",
            home / ".fonts",
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return dirs


def _index(dirs: list[Path]) -> dict[str, Path]:
    """File name (lower case) → first path found, walking each folder (Linux packages nest sub-folders)."""
    found: dict[str, Path] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        for root, _subdirs, names in os.walk(d):
            for name in names:
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


_lock = threading.Lock()
_registered: dict[tuple[str, str], str] = {}  # (path, role) → registered font name
_cache: dict[tuple[str, tuple[str, ...] | None], FontSet] = {}


def _family_name(font: TTFont) -> str:
    name = getattr(font.face, "familyName", b"") or getattr(font.face, "name", b"")
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)


def _load_ttf(path: Path) -> TTFont:
    """Load a TrueType file; from a TTC collection take the fixed-pitch face (not the proportional UDP one)."""
    label = f"DXN-{path.stem}"
    if path.suffix.lower() != ".ttc":
        return TTFont(label, str(path))
    font = TTFont(label, str(path), subfontIndex=0)
    if "UDP" in _family_name(font).replace(" ", "").upper() or b"UDP" in bytes(font.face.name):
        with contextlib.suppress(TTFError):
            font = TTFont(label, str(path), subfontIndex=1)
    return font


def register_ttf(path: Path) -> str:
    """Register a TrueType/TTC file once per process; returns the reportlab font name."""
    key = (str(path), "ttf")
    with _lock:
        if key in _registered:
            return _registered[key]
        font = _load_ttf(path)
        pdfmetrics.registerFont(font)
        _registered[key] = font.fontName
        return font.fontName


def _try(path: Path | None, warnings: list[str]) -> str | None:
    if path is None:
        return None
    try:
        return register_ttf(path)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as err:
        warnings.append(
            f"フォントファイル「{path}」を読み込めませんでした（{err}）。別のフォントを使用します。"
        )
        return None


def _display_family(path: Path) -> str:
    name = path.name.lower()
    if "mincho" in name:
        return "BIZ UD明朝"
    if "bizud" in name.replace("-", "") and "gothic" in name:
        return "BIZ UDゴシック"
    if name == "ipaexm.ttf":
        return "IPAex明朝"
    if name == "ipaexg.ttf":
        return "IPAexゴシック"
    return path.stem


def find_fonts(user_file: str | Path | None = None, search_dirs: list[Path] | None = None) -> FontSet:
    """Find, register and return the fonts to use; cached per (user file, search dirs)."""
    user = str(user_file).strip() if user_file else ""
    cache_key = (user, tuple(str(d) for d in search_dirs) if search_dirs is not None else None)
    cached = _cache.get(cache_key)
    if cached is not None:
        return cached
    warnings: list[str] = []
    index = _index(search_dirs if search_dirs is not None else default_search_dirs())

    def first(names: tuple[str, ...]) -> Path | None:
        return next((index[n.lower()] for n in names if n.lower() in index), None)

    def first_usable(*candidates: Path | None) -> tuple[str | None, Path | None]:
        """The first candidate that registers, and its file (each one that fails is warned about)."""
        for candidate in candidates:
            name = _try(candidate, warnings)
            if name:
                return name, candidate
        return None, None

    body_path = heading_path = None
    body = heading = None
    if user:
        p = Path(user).expanduser()
        if not p.is_file():
            warnings.append(
                f"設定で指定されたフォントファイル「{p}」が見つかりません。標準のフォントを使用します。"
            )
        else:
            body = heading = _try(p, warnings)
            if body:
                body_path = heading_path = p
    if body is None:
        body, body_path = first_usable(first(BODY_FILES), first(IPAEX_BODY_FILES))
    if heading is None:
        heading, heading_path = first_usable(first(HEADING_FILES), first(IPAEX_HEADING_FILES))
    if body is None and heading is not None:  # only a gothic font: use it for everything
        body, body_path = heading, heading_path
    if heading is None and body is not None:
        heading, heading_path = body, body_path
    if body is None or heading is None or body_path is None or heading_path is None:
        result = _cid_fonts(warnings)
    else:
        files = tuple(dict.fromkeys([body_path, heading_path]))
        result = FontSet(
            body,
            heading,
            tuple(warnings),
            files,
            True,
            _display_family(body_path),
            _display_family(heading_path),
        )
    _register_family(result)
    _cache[cache_key] = result
    return result


def _cid_fonts(warnings: list[str]) -> FontSet:
    """Last resort: the CID fonts every PDF viewer knows, not embedded, with the warning."""
    with _lock:
        for name in (CID_BODY, CID_HEADING):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont(name))
    return FontSet(CID_BODY, CID_HEADING, (*warnings, CID_WARNING), (), False, "平成明朝", "平成角ゴシック")


def _register_family(fonts: FontSet) -> None:
    """Let <b> in paragraph markup switch to the heading (gothic) font, as 公用文 does for emphasis."""
    from reportlab.lib.fonts import addMapping

    for bold, italic, name in (
        (0, 0, fonts.body),
        (1, 0, fonts.heading),
        (0, 1, fonts.body),
        (1, 1, fonts.heading),
    ):
        addMapping(fonts.body, bold, italic, name)
