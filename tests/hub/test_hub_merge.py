"""Push and pull as desktop/sync/protocol.py specifies: versions, idempotent batches, the per-field three-way
merge, edit-vs-delete conflicts, tombstones and natural-key records made on two PCs offline."""

import uuid

from hub_client import SABAE, change

from desktop.sync.protocol import PushResponse, record_digest


def test_a_new_record_is_applied_with_the_next_version_and_pulled_back(hub):
    pc = hub.as_(SABAE)
    [result] = pc.push(
        change("needs_request", SABAE, title="AI議事録", days_per_month=2, period_start="2026-04-01")
    )
    assert result["outcome"] == "applied" and result["version"] == 1
    assert result["record"]["fields"] == {
        "title": "AI議事録",
        "days_per_month": 2.0,
        "period_start": "2026-04-01",
    }
    assert result["record"]["updated_at"] == "2026-06-01T09:00:00+00:00"
    page = pc.get("/v1/changes", since=0).json()
    assert page["head"] == 1 and page["next"] == 1 and page["more"] is False
    assert page["changes"] == [result["record"]]
    assert pc.get("/v1/status").json()["head"] == 1


def test_a_replayed_batch_gets_the_stored_answer_and_changes_nothing(hub):
    pc = hub.as_(SABAE)
    batch = str(uuid.uuid4())
    first = pc.push_raw([change("needs_request", SABAE, title="一回目")], batch_id=batch).json()
    replay = pc.push_raw([change("needs_request", SABAE, title="中身が違っても")], batch_id=batch).json()
    assert replay == first
    assert PushResponse.model_validate(replay).results[0].version == 1
    assert pc.get("/v1/status").json()["head"] == 1
    assert [r["fields"]["title"] for r in pc.pull().values()] == ["一回目"]


def test_every_write_takes_a_new_unique_increasing_version(hub):
    pc = hub.as_(SABAE)
    rid = str(uuid.uuid4())
    versions = [pc.push(change("needs_request", SABAE, rid=rid, title="初版"))[0]["version"]]
    for n in range(5):
        versions.append(
            pc.push(change("needs_request", SABAE, base=versions[-1], rid=rid, detail=f"{n}"))[0]["version"]
        )
    versions.append(pc.push(change("initiative", SABAE, title="取組"))[0]["version"])
    assert versions == sorted(set(versions)) == list(range(1, 8))


def test_edits_of_different_fields_on_two_pcs_merge_without_a_conflict(hub):
    pc1, pc2 = hub.as_(SABAE), hub.as_(SABAE).device_named("pc2")
    rid = str(uuid.uuid4())
    v1 = pc1.push(change("needs_request", SABAE, rid=rid, title="AI議事録", detail="初稿"))[0]["version"]
    pc1.push(change("needs_request", SABAE, base=v1, rid=rid, detail="会議録の作成時間を半分に"))
    [result] = pc2.push(change("needs_request", SABAE, base=v1, rid=rid, priority="high"))
    assert result["outcome"] == "merged"
    assert result["record"]["fields"] == {
        "title": "AI議事録",
        "detail": "会議録の作成時間を半分に",
        "priority": "high",
    }


def test_the_same_field_changed_on_both_sides_is_a_conflict_and_the_hub_keeps_its_value(hub):
    pc1, pc2 = hub.as_(SABAE), hub.as_(SABAE).device_named("pc2")
    rid = str(uuid.uuid4())
    v1 = pc1.push(change("needs_request", SABAE, rid=rid, title="AI議事録"))[0]["version"]
    v2 = pc1.push(change("needs_request", SABAE, base=v1, rid=rid, title="AI議事録システム"))[0]["version"]
    [result] = pc2.push(change("needs_request", SABAE, base=v1, rid=rid, title="議事録AI", priority="high"))
    assert result["outcome"] == "conflict" and result["conflict_fields"] == ["title"]
    assert result["record"]["fields"]["title"] == "AI議事録システム"
    assert result["record"]["fields"]["priority"] == "high"  # the rest is taken
    assert result["version"] == v2 + 1
    # The person resolves it (keep mine) against the hub's copy: now it applies.
    [resolved] = pc2.push(change("needs_request", SABAE, base=result["version"], rid=rid, title="議事録AI"))
    assert resolved["outcome"] == "applied" and resolved["record"]["fields"]["title"] == "議事録AI"


def test_the_same_value_set_on_both_sides_is_no_conflict(hub):
    pc1, pc2 = hub.as_(SABAE), hub.as_(SABAE).device_named("pc2")
    rid = str(uuid.uuid4())
    v1 = pc1.push(change("needs_request", SABAE, rid=rid, title="AI議事録"))[0]["version"]
    pc1.push(change("needs_request", SABAE, base=v1, rid=rid, status="submitted"))
    [result] = pc2.push(change("needs_request", SABAE, base=v1, rid=rid, status="submitted"))
    assert result["outcome"] == "applied" and result["conflict_fields"] == []


def test_two_pcs_set_up_offline_make_one_natural_key_record(hub):
    pc1, pc2 = hub.as_(SABAE), hub.as_(SABAE).device_named("pc2")
    rid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{SABAE}/checklist_state/s0-01"))
    pc1.push(change("checklist_state", SABAE, rid=rid, item_key="s0-01", status="done"))
    [result] = pc2.push(
        change("checklist_state", SABAE, rid=rid, item_key="s0-01", status="done", note="首長と共有")
    )
    assert result["outcome"] == "applied" and result["conflict_fields"] == []
    assert list(pc1.pull()) == [rid]
    assert pc1.pull()[rid]["fields"] == {"item_key": "s0-01", "status": "done", "note": "首長と共有"}


def test_a_delete_without_concurrent_edits_leaves_a_tombstone_every_pc_pulls(hub):
    pc1, pc2 = hub.as_(SABAE), hub.as_(SABAE).device_named("pc2")
    rid = str(uuid.uuid4())
    v1 = pc1.push(change("initiative", SABAE, rid=rid, title="電子申請"))[0]["version"]
    [result] = pc2.push(change("initiative", SABAE, base=v1, rid=rid, deleted=True))
    assert result["outcome"] == "applied" and result["record"]["deleted"] is True
    tombstone = pc1.pull(since=v1)[rid]
    assert tombstone["deleted"] is True and tombstone["version"] == v1 + 1


def test_a_delete_against_an_edit_is_a_conflict_and_the_edit_is_kept(hub):
    pc1, pc2 = hub.as_(SABAE), hub.as_(SABAE).device_named("pc2")
    rid = str(uuid.uuid4())
    v1 = pc1.push(change("initiative", SABAE, rid=rid, title="電子申請"))[0]["version"]
    pc1.push(change("initiative", SABAE, base=v1, rid=rid, title="電子申請の拡大"))
    [result] = pc2.push(change("initiative", SABAE, base=v1, rid=rid, deleted=True))
    assert result["outcome"] == "conflict" and result["conflict_fields"] == ["deleted"]
    assert result["record"]["deleted"] is False and result["record"]["fields"]["title"] == "電子申請の拡大"


def test_an_edit_against_a_delete_is_a_conflict_and_the_tombstone_stays(hub):
    pc1, pc2 = hub.as_(SABAE), hub.as_(SABAE).device_named("pc2")
    rid = str(uuid.uuid4())
    v1 = pc1.push(change("initiative", SABAE, rid=rid, title="電子申請"))[0]["version"]
    pc1.push(change("initiative", SABAE, base=v1, rid=rid, deleted=True))
    [result] = pc2.push(change("initiative", SABAE, base=v1, rid=rid, title="電子申請の拡大"))
    assert result["outcome"] == "conflict" and result["conflict_fields"] == ["deleted"]
    assert result["record"]["deleted"] is True


def test_a_pc_that_saw_the_delete_may_restore_the_record(hub):
    pc = hub.as_(SABAE)
    rid = str(uuid.uuid4())
    v1 = pc.push(change("initiative", SABAE, rid=rid, title="電子申請"))[0]["version"]
    v2 = pc.push(change("initiative", SABAE, base=v1, rid=rid, deleted=True))[0]["version"]
    [result] = pc.push(change("initiative", SABAE, base=v2, rid=rid, deleted=False))
    assert result["outcome"] == "applied" and result["record"]["deleted"] is False


def test_pages_follow_the_version_order_with_next_and_more(hub):
    pc = hub.as_(SABAE)
    pc.push(*[change("awareness_activity", SABAE, title=f"指標{n}") for n in range(7)])
    pages, since = [], 0
    while True:
        page = pc.get("/v1/changes", since=since, limit=3).json()
        pages.append([r["version"] for r in page["changes"]])
        since = page["next"]
        if not page["more"]:
            break
    assert pages == [[1, 2, 3], [4, 5, 6], [7]]
    assert pc.get("/v1/changes", since=7).json() == {"changes": [], "next": 7, "more": False, "head": 7}


def test_the_digest_is_the_per_kind_count_and_digest_of_id_and_version(hub):
    pc = hub.as_(SABAE)
    results = pc.push(
        change("awareness_activity", SABAE, title="指標"), change("initiative", SABAE, title="取組")
    )
    rid = results[1]["id"]
    pc.push(change("initiative", SABAE, base=2, rid=rid, deleted=True))
    digest = pc.get("/v1/digest").json()
    assert digest["head"] == 3
    assert digest["kinds"] == {
        "initiative": {"count": 1, "digest": record_digest([(rid, 3)]), "version_sum": 3, "after": []},
        "awareness_activity": {
            "count": 1, "digest": record_digest([(results[0]["id"], 1)]), "version_sum": 1, "after": []
        },
    }  # fmt: skip


def test_a_push_that_changes_no_stored_value_keeps_the_version(hub):
    pc = hub.as_(SABAE)
    [first] = pc.push(change("initiative", SABAE, title="電子申請"))
    [again] = pc.push(change("initiative", SABAE, base=first["version"], rid=first["id"], title="電子申請"))
    assert again["outcome"] == "applied" and again["version"] == first["version"]
    assert pc.get("/v1/status").json()["head"] == first["version"]
