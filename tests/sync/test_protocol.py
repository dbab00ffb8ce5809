"""The wire format refuses what no honest client sends, and ownership gives every field one writer."""

import math

import pytest
from pydantic import ValidationError

from desktop.models.ownership import may_read, may_write, prefecture_of
from desktop.sync.protocol import Change, PushRequest, Record, record_digest

TOWN = "182010"  # 福井市
OTHER_TOWN = "182044"  # 敦賀市
PREF = "180009"  # 福井県
OTHER_PREF = "170003"  # 石川県
ID = "0b7f5d2e-3c1a-4e8b-9f60-2a1d5c7e9b10"


def change(**over):
    return {
        "kind": "plan",
        "id": ID,
        "owner_code": TOWN,
        "base_version": 0,
        "fields": {"title": "計画"},
        **over,
    }


def test_a_valid_change_is_accepted():
    assert Change(**change()).fields == {"title": "計画"}


@pytest.mark.parametrize(
    "bad",
    [
        {"owner_code": "182011"},  # wrong check digit
        {"id": "not-a-uuid"},
        {"base_version": -1},
        {"fields": {"title": math.inf}},
        {"fields": {"title": math.nan}},
        {"fields": {"count": 2**70}},
        {"fields": {"Bad-Name": 1}},
        {"fields": {"nested": {"a": 1}}},
        {"fields": {"text": "あ" * 100_001}},
        {"unknown_key": 1},
    ],
)
def test_a_change_that_breaks_the_format_is_refused(bad):
    with pytest.raises(ValidationError):
        Change(**change(**bad))


BAD_FIELDS = [
    {"title": math.inf},
    {"title": math.nan},
    {"count": 2**70},
    {"count": -(2**63)},
    {"Bad-Name": 1},
    {"nested": {"a": 1}},
    {"text": "あ" * 100_001},
    {f"f{n}": n for n in range(101)},  # more fields than a record may have
]


@pytest.mark.parametrize("fields", BAD_FIELDS)
def test_a_change_and_a_pulled_record_with_bad_fields_are_refused_alike(fields):
    with pytest.raises(ValidationError):
        Change(**change(fields=fields))
    record = {k: v for k, v in change(fields=fields).items() if k != "base_version"}
    with pytest.raises(ValidationError):
        Record(**record, version=1, updated_at="2026-11-30T00:00:00+00:00")


def test_a_pulled_record_keeps_each_wire_type():
    fields = {"flag": True, "count": 2**63 - 1, "ratio": 0.5, "text": "あ" * 100_000, "none": None}
    record = Record(kind="plan", id=ID, owner_code=TOWN, version=1, updated_at="2026-11-30T00:00:00+00:00",
                    fields=fields)  # fmt: skip
    assert record.fields == fields
    assert [type(v) for v in record.fields.values()] == [bool, int, float, str, type(None)]


def test_a_push_batch_has_a_size_limit():
    with pytest.raises(ValidationError):
        PushRequest(device_id="pc-1", batch_id=ID, changes=[change()] * 501)


def test_the_prefecture_code_of_a_town():
    assert prefecture_of(TOWN) == PREF and prefecture_of(PREF) == PREF


def test_a_town_reads_its_own_records_and_its_prefectures_catalog_only():
    assert may_read(TOWN, TOWN, "plan")
    assert not may_read(TOWN, OTHER_TOWN, "plan")
    assert may_read(TOWN, PREF, "talent_pool_entry")
    assert not may_read(TOWN, OTHER_PREF, "talent_pool_entry")


def test_the_prefecture_reads_every_town_of_its_own_and_no_other():
    assert may_read(PREF, TOWN, "plan") and may_read(PREF, OTHER_TOWN, "needs_request")
    assert not may_read(PREF, "172014", "plan")  # a town of 石川県


def test_each_field_has_one_writer():
    assert may_write(TOWN, TOWN, "needs_request", "title")
    assert not may_write(TOWN, TOWN, "needs_request", "response_status")
    assert not may_write(TOWN, OTHER_TOWN, "needs_request", "title")
    assert not may_write(TOWN, PREF, "talent_pool_entry", "name")
    assert may_write(PREF, TOWN, "needs_request", "response_status")
    assert not may_write(PREF, TOWN, "needs_request", "title")
    assert not may_write(PREF, TOWN, "needs_request", "deleted")
    assert may_write(PREF, PREF, "talent_pool_entry", "name")
    assert not may_write(OTHER_PREF, TOWN, "needs_request", "response_status")


def test_the_digest_does_not_depend_on_order():
    assert record_digest([("a", 1), ("b", 2)]) == record_digest([("b", 2), ("a", 1)])
    assert record_digest([("a", 1)]) != record_digest([("a", 2)])
    # Many pairs, as a query gives them in id order or in any other order: the same digest.
    pairs = [(f"{i:08x}-{i % 7}", i % 5) for i in range(20_000)]
    assert record_digest(pairs) == record_digest(pairs[::-1]) == record_digest(pairs[1::2] + pairs[::2])


def test_the_prefecture_writes_its_own_records_of_any_kind():
    assert may_write(PREF, PREF, "municipality", "population")
    assert not may_write(PREF, OTHER_PREF, "municipality", "population")
