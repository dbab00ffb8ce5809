"""`dxnavi package export|import`: exit 0 applied, 1 refused (reason on stderr), 2 bad arguments; a refused
import writes nothing at all (not even the daily backup)."""

import hashlib

import pytest

from desktop.cli import main
from desktop.exchange.package import open_package
from desktop.services import needs
from desktop.services.workspace import Workspace
from tests.conftest import NOW, FrozenClock
from tests.exchange.conftest import PREF_CODE, TOWN_CODE, register_prefecture


def dx(data_dir, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args], clock=FrozenClock(NOW))


def tree_digest(folder) -> dict[str, str]:
    """Every file under a data dir with its SHA-256 (the SQLite file, its WAL, backups, keys)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".lock" and not p.name.endswith(("-shm",))
    }


@pytest.fixture
def dirs(tmp_path, open_store):
    """A town with one need and its prefecture, both closed (as between two command runs)."""
    from desktop.services.municipality import init_municipality

    town, pref = tmp_path / "town", tmp_path / "pref"
    with open_store(town, auto_backup=False) as store:
        init_municipality(store, TOWN_CODE, "鯖江市")
        needs.create(Workspace(store), title="CIO補佐官の派遣", purpose="計画づくり")
    with open_store(pref, auto_backup=False) as store:
        register_prefecture(store)
    return town, pref


def test_export_then_dry_run_then_import_with_the_approved_key(dirs, tmp_path, capsys):
    town, pref = dirs
    out = tmp_path / "鯖江市-needs.dxpkg"
    assert dx(town, "package", "export", "--kind", "needs", "--out", str(out), "--no-documents") == 0
    fingerprint = open_package(out.read_bytes()).fingerprint
    assert fingerprint in capsys.readouterr().out

    before = tree_digest(pref)
    assert dx(pref, "package", "import", str(out), "--dry-run") == 0
    shown = capsys.readouterr().out
    assert f"指紋: {fingerprint}" in shown and "未承認" in shown and "追加" in shown
    assert tree_digest(pref) == before

    assert dx(pref, "package", "import", str(out), "--approve-key", fingerprint) == 0
    assert "取り込みました" in capsys.readouterr().out
    assert dx(pref, "package", "import", str(out)) == 0  # pinned now; the same package changes nothing
    assert "取込済み" in capsys.readouterr().out


def test_an_unapproved_key_exits_1_with_the_fingerprint_and_writes_nothing(dirs, tmp_path, capsys):
    town, pref = dirs
    out = tmp_path / "needs.dxpkg"
    dx(town, "package", "export", "--kind", "needs", "--out", str(out), "--no-documents")
    capsys.readouterr()
    before = tree_digest(pref)

    assert dx(pref, "package", "import", str(out)) == 1

    err = capsys.readouterr().err
    assert "まだ承認されていません" in err and open_package(out.read_bytes()).fingerprint in err
    assert tree_digest(pref) == before


def test_a_damaged_file_exits_1_and_writes_nothing(dirs, tmp_path, capsys):
    _, pref = dirs
    bad = tmp_path / "bad.dxpkg"
    bad.write_bytes(b"PK\x03\x04 not really")
    before = tree_digest(pref)

    assert dx(pref, "package", "import", str(bad)) == 1
    assert "読めません" in capsys.readouterr().err
    assert tree_digest(pref) == before


@pytest.mark.parametrize(
    "args",
    [
        ("package", "export", "--kind", "everything", "--out", "x.dxpkg"),
        ("package", "export", "--kind", "needs"),
        ("package", "import"),
        ("package", "import", "x.dxpkg", "--approve-key", "not-hex"),
        ("package",),
    ],
    ids=["unknown kind", "no --out", "no file", "malformed fingerprint", "no action"],
)
def test_bad_arguments_exit_2(dirs, args, capsys):
    town, _ = dirs
    assert dx(town, *args) == 2
    assert "エラー" in capsys.readouterr().err


def test_a_catalog_needs_a_town_of_the_prefecture_as_recipient(dirs, tmp_path, capsys):
    _, pref = dirs
    out = tmp_path / "catalog.dxpkg"
    assert dx(pref, "package", "export", "--kind", "catalog", "--out", str(out)) == 1
    assert "宛先" in capsys.readouterr().err
    assert dx(pref, "package", "export", "--kind", "catalog", "--to", "131041", "--out", str(out)) == 1
    assert not out.exists()
    assert dx(pref, "package", "export", "--kind", "catalog", "--to", TOWN_CODE, "--out", str(out)) == 0
    assert open_package(out.read_bytes()).manifest.sender_code == PREF_CODE


def test_a_town_cannot_export_a_catalog(dirs, tmp_path, capsys):
    town, _ = dirs
    out = tmp_path / "catalog.dxpkg"
    assert dx(town, "package", "export", "--kind", "catalog", "--to", "182010", "--out", str(out)) == 1
    assert not out.exists()


@pytest.mark.parametrize("target", ["dxnavi.sqlite3", "keys/device_ed25519.pem", "backups/x.dxpkg"])
def test_a_package_is_never_written_over_the_stores_own_files(dirs, capsys, target):
    town, _ = dirs
    dx(town, "package", "export", "--kind", "needs", "--out", str(town / "first.dxpkg"), "--no-documents")
    protected = town / target
    protected.parent.mkdir(exist_ok=True)
    before = protected.read_bytes() if protected.exists() else None
    capsys.readouterr()

    assert dx(town, "package", "export", "--kind", "needs", "--out", str(protected), "--no-documents") == 1

    assert "保存できません" in capsys.readouterr().err
    assert (protected.read_bytes() if protected.exists() else None) == before


def contents_line(output: str) -> str:
    """What an import says it does or did: the counts after 「内容: 」 or 「取り込みました: 」."""
    for line in output.splitlines():
        for lead in ("内容: ", "のパッケージを取り込みました: "):
            if lead in line:
                return line.split(lead, 1)[1]
    raise AssertionError(f"no counts in {output!r}")


def test_the_import_does_what_its_dry_run_said_after_edits_on_both_sides(dirs, tmp_path, capsys, open_store):
    from desktop.services.prefecture import needs as pref_needs

    town, pref = dirs
    with open_store(town, auto_backup=False) as store:
        ws = Workspace(store)
        (need,) = needs.needs(ws)
        needs.update(ws, need.id, skill_role="producer", days_per_month=2)
        needs.submit(ws, need.id)
    first = tmp_path / "first.dxpkg"
    dx(town, "package", "export", "--kind", "needs", "--out", str(first), "--no-documents")
    dx(pref, "package", "import", str(first), "--approve-key", open_package(first.read_bytes()).fingerprint)
    with open_store(pref, auto_backup=False) as store:  # the receiver edits the need too: its answer
        pref_needs.respond(Workspace(store), need.id, status="received", message="受け付けました。")
    with open_store(town, auto_backup=False) as store:
        needs.update(Workspace(store), need.id, purpose="推進計画の策定支援")
    second = tmp_path / "second.dxpkg"
    dx(town, "package", "export", "--kind", "needs", "--out", str(second), "--no-documents")
    capsys.readouterr()

    assert dx(pref, "package", "import", str(second), "--dry-run") == 0
    said = contents_line(capsys.readouterr().out)
    assert dx(pref, "package", "import", str(second)) == 0
    did = contents_line(capsys.readouterr().out)

    assert "変更 1件" in said and "追加 0件" in said
    assert did == said


def test_the_dry_run_says_where_to_check_the_fingerprint_by_who_sent_it(dirs, tmp_path, capsys):
    town, pref = dirs
    needs_package, catalog = tmp_path / "needs.dxpkg", tmp_path / "catalog.dxpkg"
    dx(town, "package", "export", "--kind", "needs", "--out", str(needs_package), "--no-documents")
    dx(pref, "package", "export", "--kind", "catalog", "--to", TOWN_CODE, "--out", str(catalog))
    capsys.readouterr()

    dx(pref, "package", "import", str(needs_package), "--dry-run")
    from_town = capsys.readouterr().out
    dx(town, "package", "import", str(catalog), "--dry-run")
    from_prefecture = capsys.readouterr().out
    assert dx(town, "package", "import", str(catalog)) == 1
    refused = capsys.readouterr().err

    assert "鯖江市の支援ニーズ調書に印刷された指紋" in from_town
    assert "福井県の担当者に電話などで確かめた指紋" in from_prefecture
    assert "支援ニーズ調書" not in from_prefecture + refused  # a prefecture prints no 調書
    assert "福井県の担当者" in refused
