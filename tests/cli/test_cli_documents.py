"""`dxnavi pdf …` and `dxnavi export xlsx|docx …`: a file and exit 0, or a Japanese message, exit 1, no file."""

import docx
import pytest
from pypdf import PdfReader

from desktop.services import settings


@pytest.fixture
def demo_dir(dx, tmp_path):
    data = tmp_path / "demo-data"
    assert dx(data, "demo") == 0
    return data


@pytest.fixture
def out_dir(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    return d


def test_pdf_plan_after_demo_writes_the_plan(dx, demo_dir, out_dir, capsys):
    capsys.readouterr()
    out = out_dir / "plan.pdf"
    assert dx(demo_dir, "pdf", "plan", "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert "DX推進計画" in captured.out and str(out) in captured.out
    pages = PdfReader(str(out)).pages
    assert len(pages) > 5
    assert "DX推進計画" in pages[0].extract_text()
    assert "第5章" in "".join(p.extract_text() for p in pages)


def test_pdf_progress_and_docx_plan_after_demo(dx, demo_dir, out_dir):
    assert dx(demo_dir, "pdf", "progress", "--out", str(out_dir / "progress.pdf")) == 0
    assert "進捗報告" in PdfReader(str(out_dir / "progress.pdf")).pages[0].extract_text()
    assert dx(demo_dir, "export", "docx", "plan", "--out", str(out_dir / "plan.docx")) == 0
    assert docx.Document(str(out_dir / "plan.docx")).paragraphs


def test_without_a_municipality_it_exits_1_in_japanese_and_writes_nothing(dx, tmp_path, out_dir, capsys):
    assert dx(tmp_path / "empty", "pdf", "plan", "--out", str(out_dir / "plan.pdf")) == 1
    err = capsys.readouterr().err
    assert "団体がまだ登録されていません" in err
    assert list(out_dir.iterdir()) == []


def test_an_unwritable_out_path_exits_1_in_japanese(dx, demo_dir, tmp_path, capsys):
    assert dx(demo_dir, "pdf", "plan", "--out", str(tmp_path / "nai" / "plan.pdf")) == 1
    assert "出力先のフォルダ" in capsys.readouterr().err
    assert not (tmp_path / "nai").exists()


def test_a_record_document_needs_a_known_id(dx, demo_dir, out_dir, capsys):
    capsys.readouterr()
    assert dx(demo_dir, "pdf", "spec", "--out", str(out_dir / "s.pdf")) == 1
    err = capsys.readouterr().err
    assert "--id" in err and "調達仕様書" in err
    assert dx(demo_dir, "pdf", "needs", "--id", "no-such-id", "--out", str(out_dir / "n.pdf")) == 1
    assert "見つかりません" in capsys.readouterr().err
    assert list(out_dir.iterdir()) == []


def test_an_empty_plan_exits_1_with_the_no_data_message(dx, tmp_path, out_dir, capsys):
    data = tmp_path / "fresh"
    assert dx(data, "init", "--code", "182079", "--name", "鯖江市") == 0
    assert dx(data, "pdf", "plan", "--out", str(out_dir / "plan.pdf")) == 1
    assert "計画の内容がまだ入力されていません" in capsys.readouterr().err
    assert list(out_dir.iterdir()) == []


def test_a_wrong_format_for_a_kind_is_a_usage_error(dx, demo_dir, out_dir):
    assert dx(demo_dir, "export", "docx", "progress", "--out", str(out_dir / "x.docx")) == 2
    assert list(out_dir.iterdir()) == []


def test_font_warnings_go_to_stderr(dx, open_store, demo_dir, out_dir, capsys, tmp_path):
    with open_store(demo_dir) as store:
        settings.put(store, "pdf_font_file", str(tmp_path / "nai.ttf"))
    capsys.readouterr()
    assert dx(demo_dir, "pdf", "progress", "--out", str(out_dir / "p.pdf")) == 0
    captured = capsys.readouterr()
    assert "警告:" in captured.err and "nai.ttf" in captured.err
    assert "警告" not in captured.out


def test_a_character_missing_from_the_font_exits_1_naming_it(dx, open_store, demo_dir, out_dir, capsys):
    from desktop.models import Plan
    from desktop.services import plan, records
    from desktop.services.workspace import Workspace

    with open_store(demo_dir) as store:
        ws = Workspace(store)
        records.update(ws, Plan, plan.get_or_create_plan(ws).id, vision="𠮷野地区から始めるDX")
    capsys.readouterr()
    assert dx(demo_dir, "pdf", "plan", "--out", str(out_dir / "plan.pdf")) == 1
    err = capsys.readouterr().err
    assert "ビジョン" in err and "𠮷" in err
    assert list(out_dir.iterdir()) == []


def test_pdf_needs_without_an_id_lists_every_need_in_one_report(dx, demo_dir, out_dir):
    out = out_dir / "needs.pdf"
    assert dx(demo_dir, "pdf", "needs", "--out", str(out)) == 0
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "支援ニーズ調書" in text
    assert "プロジェクトマネージャー" in text and "共同調達" in text
