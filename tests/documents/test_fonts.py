"""Font discovery: BIZ UD first, then IPAex, a user file before both, CID only as a visible last resort;
every font in a PDF is embedded as a subset."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents.data import DocMeta
from desktop.documents.fonts import CID_WARNING, default_search_dirs, find_fonts
from desktop.documents.glyphs import MissingGlyphsError, check_glyphs, missing_glyphs
from desktop.documents.pages import write_pdf
from desktop.documents.styles import make_styles
from desktop.documents.text import para

BIZ_MINCHO = shutil.which("fc-list") and next(
    (p for d in default_search_dirs() if d.is_dir() for p in d.rglob("BIZUDMincho-Regular.ttf")), None
)
IPAEX = next((p for d in default_search_dirs() if d.is_dir() for p in d.rglob("ipaexm.ttf")), None)
needs_biz = pytest.mark.skipif(not BIZ_MINCHO, reason="BIZ UD明朝 is not installed")
needs_ipaex = pytest.mark.skipif(IPAEX is None, reason="IPAex fonts are not installed")


def pdf_fonts(path: Path) -> dict[str, dict]:
    """BaseFont → font dictionary of every font used on any page."""
    fonts = {}
    for page in PdfReader(str(path)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def render(tmp_path: Path, fonts, name="f.pdf"):
    st = make_styles(fonts)
    out = tmp_path / name
    meta = DocMeta("鯖江市", "フォント確認", date(2026, 4, 1))
    result = write_pdf(out, meta, fonts, [para("本文は明朝体で組みます。", st.body), para("見出し", st.h1)])
    return out, result


@needs_biz
def test_biz_ud_is_preferred_and_embedded_as_subsets(tmp_path):
    fonts = find_fonts()
    assert (fonts.body_family, fonts.heading_family) == ("BIZ UD明朝", "BIZ UDゴシック")
    assert fonts.embedded and not fonts.warnings
    assert all(f.is_file() for f in fonts.files)
    out, result = render(tmp_path, fonts)
    assert result.warnings == []
    used = pdf_fonts(out)
    assert {re.sub(r"^/[A-Z]{6}\+", "/", n) for n in used} == {"/BIZUDMincho-Regular", "/BIZUDGothic-Bold"}
    for name, font in used.items():
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name), f"{name} is not a subset"
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"


@needs_ipaex
def test_ipaex_is_used_when_biz_ud_is_missing(tmp_path):
    fonts = find_fonts(search_dirs=[IPAEX.parent.parent])
    assert (fonts.body_family, fonts.heading_family) == ("IPAex明朝", "IPAexゴシック")
    out, _ = render(tmp_path, fonts)
    assert all("/FontFile2" in f["/FontDescriptor"] for f in pdf_fonts(out).values())


@needs_ipaex
def test_a_font_file_from_the_settings_comes_first(tmp_path):
    fonts = find_fonts(IPAEX.with_name("ipaexm.ttf"))
    assert fonts.body_family == fonts.heading_family == "IPAex明朝"
    assert fonts.files == (IPAEX,)


def test_a_missing_settings_file_falls_back_with_a_warning(tmp_path):
    fonts = find_fonts(tmp_path / "nai.ttf")
    assert any("nai.ttf" in w and "見つかりません" in w for w in fonts.warnings)


def test_an_unreadable_font_file_falls_back_with_a_warning(tmp_path):
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font")
    fonts = find_fonts(bad, search_dirs=[tmp_path / "empty"])
    assert any("broken.ttf" in w and "読み込めません" in w for w in fonts.warnings)
    assert not fonts.embedded


def test_without_japanese_fonts_the_cid_fallback_warns_visibly(tmp_path):
    fonts = find_fonts(search_dirs=[tmp_path])
    assert not fonts.embedded and fonts.files == ()
    assert CID_WARNING in fonts.warnings
    assert CID_WARNING.startswith("日本語フォントが見つからないため、フォントを埋め込まずに出力しました")
    out, result = render(tmp_path, fonts)
    assert CID_WARNING in result.warnings
    names = set(pdf_fonts(out))
    assert any("HeiseiMin" in n for n in names)
    for font in pdf_fonts(out).values():
        descriptors = [d.get_object() for d in font.get("/DescendantFonts", [])]
        assert all("/FontFile2" not in d.get("/FontDescriptor", {}) for d in descriptors)


@needs_biz
def test_glyphs_missing_from_the_font_are_named_with_their_field():
    fonts = find_fonts()
    assert missing_glyphs(fonts, [("氏名", "髙橋 𠮷男"), ("備考", "問題なし")]) == {"氏名": "𠮷"}
    with pytest.raises(MissingGlyphsError) as err:
        check_glyphs(fonts, [("現状・課題", "絵文字😀と𠮷")])
    assert "「現状・課題」" in str(err.value) and "𠮷" in str(err.value) and "😀" in str(err.value)


@needs_biz
def test_invisible_unsupported_characters_are_shown_by_code_point():
    fonts = find_fonts()
    with pytest.raises(MissingGlyphsError, match="U\\+E0100"):
        check_glyphs(fonts, [("概要", "葛\U000e0100城市")])


def test_windows_font_folders_are_searched(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    dirs = default_search_dirs()
    assert dirs == [tmp_path / "Windows" / "Fonts", tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts"]


@needs_biz
def test_the_windows_file_names_of_biz_ud_are_recognised(tmp_path):
    gothic = next(p for d in default_search_dirs() if d.is_dir() for p in d.rglob("BIZUDGothic-Bold.ttf"))
    (tmp_path / "BIZ-UDMinchoM.ttc").symlink_to(BIZ_MINCHO)
    (tmp_path / "BIZ-UDGothicB.ttc").symlink_to(gothic)
    fonts = find_fonts(search_dirs=[tmp_path])
    assert (fonts.body_family, fonts.heading_family) == ("BIZ UD明朝", "BIZ UDゴシック")
    assert fonts.files == (tmp_path / "BIZ-UDMinchoM.ttc", tmp_path / "BIZ-UDGothicB.ttc")
