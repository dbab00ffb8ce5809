"""Packages and the hub together (issue 8): a town's needs package reaches a real `dxnavi-hub` by file, the
prefecture answers through the hub as its desktop does (sync), and the answer reaches the town both by sync and by
a catalog package the hub exports. A PC that synced once is trusted both ways without approval."""

import subprocess
import sys

from desktop.exchange.keys import grouped
from desktop.models import NeedsRequest
from desktop.services import needs, package_keys, packages, sync_status
from desktop.services.prefecture import needs as prefecture_needs
from tests.e2e.conftest import REPO, SABAE

FUKUI_PREF, FUKUI_PREF_NAME = "180009", "福井県"
ANSWER = "県の人材プールから2名を紹介します。"


def hub_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hub.cli", *map(str, args)], capture_output=True, text=True, encoding="utf-8",
        cwd=REPO,
    )  # fmt: skip


def test_a_need_sent_by_file_is_answered_through_the_hub_and_the_answer_arrives_by_sync_and_by_file(
    make_pc, live_hub, tmp_path
):
    # 鯖江市's PC without a network: its need goes to the hub in a package the administrator imports.
    offline = make_pc("town-offline")
    need = needs.create(
        offline.ws, title="CIO補佐官の派遣", category="talent", skill_role="producer", purpose="計画づくり",
        days_per_month=2,
    )  # fmt: skip
    needs.submit(offline.ws, need.id)
    sent = tmp_path / "needs.dxpkg"
    packages.export_package(offline.ws, "needs", sent, with_documents=False)
    fp = package_keys.device_key(offline.ws).fingerprint

    refused = hub_cli("package", "import", "--db", live_hub.db, sent)
    assert refused.returncode == 1 and f"--approve-key {fp}" in refused.stderr
    dry = hub_cli("package", "import", "--db", live_hub.db, sent, "--dry-run")
    assert dry.returncode == 0 and fp in dry.stdout and "追加 2件" in dry.stdout
    done = hub_cli("package", "import", "--db", live_hub.db, sent, "--approve-key", fp)
    assert done.returncode == 0 and "取り込みました" in done.stdout, done.stderr

    # The prefecture's desktop sees the need by sync, answers it, and sends the answer by sync.
    prefecture = make_pc("pref", FUKUI_PREF, FUKUI_PREF_NAME)
    prefecture.sync()
    prefecture_needs.respond(prefecture.ws, need.id, "matched", ANSWER)
    assert prefecture.sync().pushed == 1

    # By file: the hub's catalog package for 鯖江市, approved once by the hub key's fingerprint.
    catalog = tmp_path / "catalog.dxpkg"
    made = hub_cli("package", "export", "--db", live_hub.db, "--code", "182079", "--out", catalog)
    assert made.returncode == 0, made.stderr
    opened = packages.open_for_import(offline.ws, catalog)
    assert opened.key_status == "new" and opened.manifest.sender_code == FUKUI_PREF
    assert opened.fingerprint in made.stdout
    packages.apply_package(offline.ws, catalog, approve_key=grouped(opened.fingerprint))
    arrived = needs.get(offline.ws, need.id)
    assert (arrived.response_status, arrived.response_text) == ("matched", ANSWER)

    # By sync: the town's other PC gets the need and its answer, registers its key and pins the hub's.
    online = make_pc("town-online")
    online.sync()
    synced = needs.get(online.ws, need.id)
    assert (synced.response_status, synced.response_text) == ("matched", ANSWER)
    assert packages.open_for_import(online.ws, catalog).key_status == "pinned"

    # A package from the synced PC is trusted at the hub without approval; importing it changes nothing new.
    needs.update(online.ws, need.id, purpose="計画づくりと庁内体制の整備")
    from_online = tmp_path / "online.dxpkg"
    packages.export_package(online.ws, "needs", from_online, with_documents=False)
    trusted = hub_cli("package", "import", "--db", live_hub.db, from_online)
    assert trusted.returncode == 0 and "信頼済み" in trusted.stdout, trusted.stderr
    again = hub_cli("package", "import", "--db", live_hub.db, from_online)
    assert again.returncode == 0 and "取込済み" in again.stdout
    prefecture.sync()
    with prefecture.ws.store.read() as s:
        assert s.get(NeedsRequest, need.id).purpose == "計画づくりと庁内体制の整備"


def _answer_by_file_only(prefecture, town, need_id, tmp_path) -> None:
    """The prefecture answers a need and sends the answer to the town in a catalog package; the hub never gets it."""
    prefecture_needs.respond(prefecture.ws, need_id, "matched", ANSWER)
    catalog = tmp_path / "catalog.dxpkg"
    packages.export_package(prefecture.ws, "catalog", catalog, to=SABAE, with_documents=False)
    opened = packages.open_for_import(town.ws, catalog)
    packages.apply_package(town.ws, catalog, approve_key=grouped(opened.fingerprint))
    assert needs.get(town.ws, need_id).response_text == ANSWER


def _submitted_need(town) -> str:
    need = needs.create(
        town.ws, title="CIO補佐官の派遣", category="talent", skill_role="producer", purpose="計画づくり",
        days_per_month=2,
    )  # fmt: skip
    needs.submit(town.ws, need.id)
    town.sync()
    return need.id


def test_an_answer_that_came_only_by_file_survives_a_newer_copy_of_the_need_from_the_hub(make_pc, tmp_path):
    town = make_pc("town")
    need_id = _submitted_need(town)
    prefecture = make_pc("pref", FUKUI_PREF, FUKUI_PREF_NAME)
    prefecture.sync()
    _answer_by_file_only(prefecture, town, need_id, tmp_path)

    # The town's other PC, which never saw the answer, edits another field: the hub's newer copy lacks the answer.
    other = make_pc("town-other")
    other.sync()
    needs.update(other.ws, need_id, purpose="計画づくりと庁内体制の整備")
    assert other.sync().pushed == 1
    report = town.sync()

    arrived = needs.get(town.ws, need_id)
    assert (arrived.purpose, arrived.response_status, arrived.response_text) == (
        "計画づくりと庁内体制の整備",
        "matched",
        ANSWER,
    )
    # Nothing to ask anybody, and nothing the town could send is counted as unsent.
    assert (report.new_conflicts, report.open_conflicts, sync_status.pending_changes(town.ws)) == (0, 0, 0)

    # A later edit on this PC goes out alone; the answer stays until the prefecture's own sync brings it.
    needs.update(town.ws, need_id, detail="月2日の派遣を希望します。")
    assert town.sync().pushed == 1
    assert needs.get(town.ws, need_id).response_text == ANSWER
    assert sync_status.pending_changes(town.ws) == 0
    prefecture.sync()
    other.sync()
    town.sync()
    for pc in (town, other):
        need = needs.get(pc.ws, need_id)
        assert (need.purpose, need.detail, need.response_text) == (
            "計画づくりと庁内体制の整備",
            "月2日の派遣を希望します。",
            ANSWER,
        )
    assert sync_status.pending_changes(town.ws) == 0


def test_a_catalog_package_does_not_stand_for_the_hubs_copy_the_prefecture_had(make_pc, tmp_path):
    town = make_pc("town")
    need_id = _submitted_need(town)
    # The other PC's edit reaches the hub and the prefecture, but not this PC.
    other = make_pc("town-other")
    other.sync()
    needs.update(other.ws, need_id, purpose="計画づくりと庁内体制の整備")
    other.sync()
    prefecture = make_pc("pref", FUKUI_PREF, FUKUI_PREF_NAME)
    prefecture.sync()
    _answer_by_file_only(prefecture, town, need_id, tmp_path)

    town.sync()
    arrived = needs.get(town.ws, need_id)
    assert (arrived.purpose, arrived.response_text) == ("計画づくりと庁内体制の整備", ANSWER)


def _answered_need_in_a_full_package(make_pc, tmp_path):
    """鯖江市's PC has a need the prefecture answered through the hub, and writes a `full` package of it: the
    package carries the town's fields only, at the hub version the PC holds (the answer's)."""
    town = make_pc("town")
    need_id = _submitted_need(town)
    prefecture = make_pc("pref", FUKUI_PREF, FUKUI_PREF_NAME)
    prefecture.sync()
    prefecture_needs.respond(prefecture.ws, need_id, "matched", ANSWER)
    prefecture.sync()
    town.sync()
    full = tmp_path / "full.dxpkg"
    packages.export_package(town.ws, "full", full, with_documents=False)
    return town, need_id, full


def test_a_pc_set_up_by_a_package_gets_the_hubs_copy_at_the_version_the_package_stood_on(make_pc, tmp_path):
    town, need_id, full = _answered_need_in_a_full_package(make_pc, tmp_path)
    second = make_pc("town-second")
    packages.apply_package(second.ws, full, approve_key=package_keys.device_key(town.ws).fingerprint)
    # The package carries no answer: only the town's own fields travel in it.
    assert needs.get(second.ws, need_id).response_text == ""

    first = second.sync()

    arrived = needs.get(second.ws, need_id)
    assert (arrived.purpose, arrived.response_status, arrived.response_text) == (
        "計画づくり",
        "matched",
        ANSWER,
    )
    assert first.repaired == [] and first.open_conflicts == 0
    again = second.sync()  # the sanity check agreed: nothing to pull, push or repair
    assert (again.pulled, again.pushed, again.repaired) == (0, 0, [])
    assert sync_status.pending_changes(second.ws) == 0


def test_an_edit_on_a_pc_set_up_by_a_package_goes_to_the_hub_as_an_edit_not_a_conflict(make_pc, tmp_path):
    town, need_id, full = _answered_need_in_a_full_package(make_pc, tmp_path)
    second = make_pc("town-second")
    packages.apply_package(second.ws, full, approve_key=package_keys.device_key(town.ws).fingerprint)
    needs.update(second.ws, need_id, purpose="計画づくりと庁内体制の整備")

    report = second.sync()

    assert (report.new_conflicts, report.open_conflicts, report.repaired) == (0, 0, [])
    town.sync()
    for pc in (town, second):
        need = needs.get(pc.ws, need_id)
        assert (need.purpose, need.response_text) == ("計画づくりと庁内体制の整備", ANSWER)
    assert sync_status.pending_changes(second.ws) == 0
