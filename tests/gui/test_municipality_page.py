"""団体情報: reachable from the menu and the home page, autosaved, validated beside each field, and printed."""

from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.services import document_parts, documents, needs
from desktop.services.municipality import get_municipality
from desktop.views.municipality_page import MunicipalityPage

WAIT_MS = 5000


def finish_typing(field, text: str) -> None:
    """Text typed through an IME, then the user leaves the field."""
    field.setFocus()
    field.setText(text)
    field.editingFinished.emit()


def details_page(qtbot, window) -> MunicipalityPage:
    page = window.pages["municipality"]
    qtbot.waitUntil(lambda: page.details.record_id is not None, timeout=WAIT_MS)
    return page


def test_the_menu_and_the_home_page_open_the_details(qtbot, ws, main_window):
    window = main_window(ws.store)
    home = window.pages["home"]
    qtbot.waitUntil(lambda: home.name_label.text() == "鯖江市", timeout=WAIT_MS)

    qtbot.mouseClick(home.details_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.pages["municipality"]

    window.show_page("home")
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("ファイル"))
    next(a for a in file_menu.actions() if a.text() == "団体情報(&I)").trigger()
    assert window.stack.currentWidget() is window.pages["municipality"]
    page = details_page(qtbot, window)
    assert "182079" in page.code_label.text() and "福井県" in page.code_label.text()
    assert page.widgets["head_title"].value() == "市長"  # what 鯖江市 implies, until changed


def test_details_are_saved_as_typed_and_every_document_gets_them(qtbot, ws, tmp_path, main_window):
    window = main_window(ws.store)
    window.show_page("municipality")
    page = details_page(qtbot, window)
    w = page.widgets

    finish_typing(w["population"], "68,302")
    finish_typing(w["staff_count"], "520")
    finish_typing(w["department"], "総務部 情報統計課")
    finish_typing(w["contact_person"], "山田 花子")
    finish_typing(w["contact_phone"], "0778-53-2200（内線215）")
    finish_typing(w["contact_email"], "dx@city.sabae.lg.jp")
    w["head_title"].setCurrentIndex(w["head_title"].findData("町長"))

    def stored():
        m = get_municipality(ws)
        return (m.population, m.staff_count, m.department, m.contact_person, m.contact_phone, m.contact_email)

    qtbot.waitUntil(
        lambda: (
            stored()
            == (
                68302,
                520,
                "総務部 情報統計課",
                "山田 花子",
                "0778-53-2200（内線215）",
                "dx@city.sabae.lg.jp",
            )
            and get_municipality(ws).head_title == "町長"
        ),
        timeout=WAIT_MS,
    )
    assert window.saved_label.text().startswith("保存済")
    assert window.errors == []

    meta = document_parts.doc_meta(ws, "支援ニーズ調書")
    assert (
        meta.head_title,
        meta.department,
        meta.contact_person,
        meta.contact_phone,
        meta.contact_email,
    ) == (
        "町長",
        "総務部 情報統計課",
        "山田 花子",
        "0778-53-2200（内線215）",
        "dx@city.sabae.lg.jp",
    )
    need = needs.create(
        ws,
        "CIO補佐官の派遣",
        purpose="計画の見直しに助言を受けたい。",
        skill_role="producer",
        days_per_month=2,
    )
    needs.submit(ws, need.id)  # only what was submitted goes on the 調書
    out = tmp_path / "needs.pdf"
    documents.build_document(ws, "needs", "pdf", out)
    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    for printed in (
        "68,302人",
        "520人",
        "総務部 情報統計課",
        "山田 花子",
        "0778-53-2200",
        "dx@city.sabae.lg.jp",
    ):
        assert printed in text


def test_a_wrong_email_or_phone_is_explained_beside_the_field_and_not_stored(qtbot, ws, main_window):
    window = main_window(ws.store)
    window.show_page("municipality")
    page = details_page(qtbot, window)
    email, phone, population = (page.widgets[k] for k in ("contact_email", "contact_phone", "population"))

    finish_typing(email, "dx@city")
    finish_typing(phone, "53-2200")
    finish_typing(population, "約6万8千人")

    qtbot.waitUntil(lambda: email.note.isVisible() and phone.note.isVisible(), timeout=WAIT_MS)
    assert "dx@city.example.lg.jp" in email.note.text()  # an example of what is expected
    assert "市外局番" in phone.note.text() and "0778-53-2200" in phone.note.text()
    assert population.note.isVisible() and "例: 68000" in population.note.text()
    assert (email.text(), phone.text(), population.text()) == ("dx@city", "53-2200", "約6万8千人")
    muni = get_municipality(ws)
    assert (muni.contact_email, muni.contact_phone, muni.population) == ("", "", None)
    assert window.errors == []
