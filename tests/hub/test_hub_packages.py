"""dxnavi-hub package import/export: a town's package is applied at the hub exactly as the same changes pushed by a
token of that town would be (ownership, validation, three-way merge, idempotence, audit), under §5's reading limits
and the hub's trust in the key; a catalog package for a town comes from the hub's records, signed by the hub."""

import io
import zipfile
from datetime import UTC, datetime

import pytest
from hub_client import FUKUI_CITY, FUKUI_PREF, SABAE, Hub, change
from sqlalchemy import func, select

from desktop.exchange import keys
from desktop.exchange.build import Contents, build_package
from desktop.exchange.manifest import PAYLOAD
from desktop.services import needs, package_keys, packages
from desktop.services.municipality import init_municipality
from desktop.services.workspace import Workspace
from desktop.sync.protocol import Change
from hub import package_keys as hub_keys
from hub.cli import main
from hub.packages import export_catalog, import_package
from hub.schema import audit, batch, package_key, record

LATER = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def town(tmp_path, open_store):
    """鯖江市's desktop with two needs, one of them submitted."""
    store = open_store(tmp_path / "town", auto_backup=False)
    init_municipality(store, SABAE, "鯖江市")
    ws = Workspace(store, actor="町の担当")
    first = needs.create(
        ws,
        title="CIO補佐官の派遣",
        category="talent",
        skill_role="producer",
        purpose="計画づくり",
        days_per_month=2,
    )
    needs.create(ws, title="庁内研修の講師", category="training", purpose="職員の意識づくり")
    needs.submit(ws, first.id)
    yield ws
    store.close()


@pytest.fixture
def hub_db(engine, hub_url):
    """The hub URL for the CLI, its engine, and a snapshot of everything a write would touch."""

    def snapshot():
        with engine.connect() as conn:
            return (
                sorted(
                    conn.execute(select(record.c.kind, record.c.id, record.c.version, record.c.fields)).all()
                ),
                conn.execute(select(func.count()).select_from(audit)).scalar(),
                conn.execute(select(func.count()).select_from(batch)).scalar(),
                conn.execute(select(func.count()).select_from(package_key)).scalar(),
            )

    return hub_url, snapshot


def export(ws: Workspace, tmp_path, name: str = "needs.dxpkg", kind: str = "needs"):
    out = tmp_path / name
    packages.export_package(ws, kind, out, with_documents=False)
    return out


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def hub_needs(engine) -> dict[str, dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(record).where(record.c.kind == "needs_request")).all()
    return {r.id: dict(r.fields) for r in rows}


def test_a_needs_package_is_applied_once_after_the_key_is_approved_and_the_answer_comes_back_in_a_catalog(
    town, tmp_path, capsys, engine, hub_db, token_for
):
    url, snapshot = hub_db
    path = export(town, tmp_path)
    fp = package_keys.device_key(town).fingerprint
    before = snapshot()

    code, out, err = run(capsys, "package", "import", "--db", url, path)
    assert code == 1 and f"--approve-key {fp}" in err and "承認されていません" in err
    assert snapshot() == before

    code, out, _ = run(capsys, "package", "import", "--db", url, path, "--dry-run")
    assert (
        code == 0 and fp in out and "未承認" in out and "追加 3件" in out and "何も書き込んでいません" in out
    )
    assert snapshot() == before

    code, out, _ = run(capsys, "package", "import", "--db", url, path, "--approve-key", keys.grouped(fp))
    assert code == 0 and "取り込みました" in out and "今回承認" in out
    titles = {f["title"] for f in hub_needs(engine).values()}
    assert titles == {"CIO補佐官の派遣", "庁内研修の講師"}
    with engine.connect() as conn:
        entry = conn.execute(select(audit).where(audit.c.action == "package")).one()
    assert entry.code == SABAE and entry.token_id == "package" and len(entry.records) == 3

    applied = snapshot()
    code, out, _ = run(capsys, "package", "import", "--db", url, path)
    assert code == 0 and "取込済み" in out and "信頼済み" in out
    assert snapshot() == applied

    # The prefecture answers the submitted need through the hub, as its desktop's sync would.
    submitted = next(n for n in needs.needs(town) if n.title == "CIO補佐官の派遣")
    pref = Hub(engine, token_for).as_(FUKUI_PREF)
    version = pref.pull()[submitted.id]["version"]
    [result] = pref.push(
        change("needs_request", SABAE, base=version, rid=submitted.id, response_status="matched",
               response_text="県の人材プールから紹介します。")
    )  # fmt: skip
    assert result["outcome"] == "applied"

    out_path = tmp_path / "catalog.dxpkg"
    code, out, _ = run(capsys, "package", "export", "--db", url, "--code", SABAE, "--out", out_path)
    assert code == 0 and "#1（1件）" in out
    hub_fp = hub_keys.hub_key(engine, LATER).fingerprint
    assert hub_fp in out

    opened = packages.open_for_import(town, out_path)
    assert opened.manifest.sender_code == FUKUI_PREF and opened.key_status == "new"
    assert opened.fingerprint == hub_fp
    packages.apply_package(town, out_path, approve_key=hub_fp)
    answered = needs.get(town, submitted.id)
    assert (
        answered.response_status == "matched" and answered.response_text == "県の人材プールから紹介します。"
    )
    assert answered.title == "CIO補佐官の派遣"


def test_a_newer_package_updates_and_an_older_one_after_it_rolls_nothing_back(town, tmp_path, engine):
    need = next(n for n in needs.needs(town) if n.title == "庁内研修の講師")
    first = export(town, tmp_path, "first.dxpkg")
    needs.update(town, need.id, title="庁内研修の講師（全職員向け）")
    second = export(town, tmp_path, "second.dxpkg")
    needs.update(town, need.id, title="庁内研修の講師（管理職向け）")
    third = export(town, tmp_path, "third.dxpkg")
    fp = package_keys.device_key(town).fingerprint

    import_package(engine, first.read_bytes(), LATER, approve_key=fp)
    done = import_package(engine, third.read_bytes(), LATER)
    assert done.counts["changed"] == 1 and done.counts["conflict"] == 0 and done.counts["unchanged"] == 2
    assert hub_needs(engine)[need.id]["title"] == "庁内研修の講師（管理職向け）"

    older = import_package(engine, second.read_bytes(), LATER)  # never imported, but older than the third
    assert older.counts["older"] == 3 and older.counts["changed"] == 0
    assert import_package(engine, third.read_bytes(), LATER).already_imported
    assert hub_needs(engine)[need.id]["title"] == "庁内研修の講師（管理職向け）"


def test_a_package_merges_with_what_the_town_pushed_from_another_pc(town, tmp_path, engine, token_for):
    path = export(town, tmp_path)
    need = next(n for n in needs.needs(town) if n.title == "庁内研修の講師")
    sabae = Hub(engine, token_for).as_(SABAE).device_named("pc2")
    [pushed] = sabae.push(change("needs_request", SABAE, rid=need.id, title="研修の講師"))
    assert pushed["outcome"] == "applied"

    done = import_package(
        engine, path.read_bytes(), LATER, approve_key=package_keys.device_key(town).fingerprint
    )
    # The same field changed on both sides since their common base (none): a conflict, the hub keeps its value.
    assert done.counts["conflict"] == 1 and ("needs_request", need.id, ("title",)) in done.conflicts
    assert hub_needs(engine)[need.id]["title"] == "研修の講師"


def _signed(ws: Workspace, changes: list[Change], sender: str = SABAE, name: str = "鯖江市") -> bytes:
    contents = Contents("needs", sender, name, changes)
    return build_package(
        contents, package_keys.device_key(ws), sequence=99, created_at=LATER, app_version="t"
    )[1]


def test_refusals_write_nothing_and_say_why(town, tmp_path, capsys, engine, hub_db, token_for):
    url, snapshot = hub_db
    fp = package_keys.device_key(town).fingerprint
    path = export(town, tmp_path)
    before = snapshot()

    tampered = tmp_path / "tampered.dxpkg"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tampered, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            zout.writestr(info, body.replace(b"CIO", b"CEO") if info.filename == PAYLOAD else body)
    code, _, err = run(capsys, "package", "import", "--db", url, tampered, "--approve-key", fp)
    assert code == 1 and "書き換えられた" in err

    foreign = tmp_path / "foreign.dxpkg"
    foreign.write_bytes(
        _signed(town, [Change(kind="needs_request", id="6f1c1d2e-0000-4000-8000-000000000001", owner_code=FUKUI_CITY,
                              base_version=0, fields={"title": "福井市のニーズ", "category": "talent"})])
    )  # fmt: skip
    code, _, err = run(capsys, "package", "import", "--db", url, foreign, "--approve-key", fp)
    assert code == 1 and "以外の団体（182010）の記録" in err

    # A record the hub holds as 福井市's, sent by 鯖江市 under its own code: refused as a push would be.
    fukui = Hub(engine, token_for).as_(FUKUI_CITY)
    [theirs] = fukui.push(change("needs_request", FUKUI_CITY, title="福井市のニーズ", category="talent"))
    before = snapshot()
    hijack = tmp_path / "hijack.dxpkg"
    hijack.write_bytes(
        _signed(town, [Change(kind="needs_request", id=theirs["id"], owner_code=SABAE, base_version=0,
                              fields={"title": "乗っ取り", "category": "talent"})])
    )  # fmt: skip
    code, _, err = run(capsys, "package", "import", "--db", url, hijack, "--approve-key", fp)
    assert code == 1 and "別の団体の記録" in err and "取り込みません" in err

    code, _, err = run(capsys, "package", "import", "--db", url, path, "--approve-key", "0" * 64)
    assert code == 1 and "一致しません" in err
    code, _, err = run(capsys, "package", "import", "--db", url, path, "--approve-key", "xyz")
    assert code == 1 and "64桁" in err
    code, _, err = run(capsys, "package", "import", "--db", url, tmp_path / "missing.dxpkg")
    assert code == 1 and "見つかりません" in err
    assert snapshot() == before

    with pytest.raises(SystemExit) as exited:
        main(["package", "import", "--db", url])
    assert exited.value.code == 2
    code, _, err = run(capsys, "package", "export", "--db", url, "--code", "182078", "--out", tmp_path / "x")
    assert code == 2 and "検査数字" in err


def test_an_unregistered_town_and_a_swapped_key_are_refused(tmp_path, open_store, engine, hub_db, capsys):
    url, snapshot = hub_db
    store = open_store(tmp_path / "obama", auto_backup=False)
    init_municipality(store, "182044", "小浜市")  # not registered at this hub
    ws = Workspace(store, actor="担当")
    needs.create(ws, title="研修", category="training", purpose="意識づくり")
    path = export(ws, tmp_path)
    code, _, err = run(capsys, "package", "import", "--db", url, path)
    assert code == 1 and "182044" in err and "登録されていません" in err
    store.close()

    # Another key under an id the hub already pinned for 鯖江市: refused, whatever is approved.
    with engine.begin() as conn:
        other = keys.device_key(tmp_path / "k1")
        conn.execute(
            package_key.insert().values(
                code=SABAE, key_id=other.key_id, public_key=keys.encode_public(keys.device_key(tmp_path / "k2").public_key),
                fingerprint="0" * 64, source="approved", token_id="", created_at=LATER,
            )
        )  # fmt: skip
    data = build_package(
        Contents("needs", SABAE, "鯖江市", []), other, sequence=1, created_at=LATER, app_version="t"
    )[1]
    before = snapshot()
    with pytest.raises(packages.PackageRefused, match="別の公開鍵"):
        import_package(engine, data, LATER, approve_key=other.fingerprint)
    assert snapshot() == before


def test_the_catalog_holds_what_the_town_reads_from_its_prefecture_and_nothing_else(
    engine, token_for, tmp_path, town
):
    hub = Hub(engine, token_for)
    pref = hub.as_(FUKUI_PREF)
    pref.push(
        change("announcement", FUKUI_PREF, title="研修のご案内", body="参加者を募集します。"),
        change("talent_pool_entry", FUKUI_PREF, listing="登録人材A", skill_role="producer"),
    )
    fukui = hub.as_(FUKUI_CITY)
    [theirs] = fukui.push(change("needs_request", FUKUI_CITY, title="福井市のニーズ", category="talent"))
    pref.push(
        change(
            "needs_request", FUKUI_CITY, base=theirs["version"], rid=theirs["id"], response_status="received"
        )
    )
    [ours] = hub.as_(SABAE).push(change("needs_request", SABAE, title="鯖江市のニーズ", category="talent"))

    manifest, data, count = export_catalog(engine, SABAE, LATER)
    assert (
        manifest.kind == "catalog" and manifest.recipient_code == SABAE and manifest.sender_code == FUKUI_PREF
    )
    assert (
        manifest.sequence == 1 and count == 2
    )  # 鯖江市's need has no answer yet; 福井市's is not for 鯖江市
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        payload = zf.read(PAYLOAD).decode()
    assert "福井市" not in payload and ours["id"] not in payload
    assert export_catalog(engine, SABAE, LATER)[0].sequence == 2
    assert export_catalog(engine, SABAE, LATER)[0].key_id == manifest.key_id  # one key, kept in the database
