"""GET /v1/digest: what a token reads, per kind, and the newest version it covers; kept while that is unchanged."""

from hub_client import NOW, SABAE, Hub, change

from desktop.sync.protocol import record_digest
from hub import db, tokens
from hub.schema import municipality


def _hub(path) -> Hub:
    engine = db.open_database(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(municipality.insert(), [{"code": SABAE, "name": "鯖江市"}])
    return Hub(engine, lambda code, label="": tokens.issue(engine, code, label, NOW))


def test_each_hub_answers_with_its_own_records_even_at_the_same_version(tmp_path):
    one, two = _hub(tmp_path / "one.sqlite3"), _hub(tmp_path / "two.sqlite3")
    [first] = one.as_(SABAE).push(change("initiative", SABAE, title="一つ目のハブ"))
    [second] = two.as_(SABAE).push(change("initiative", SABAE, title="二つ目のハブ"))
    assert first["version"] == second["version"] == 1
    for hub, result in ((one, first), (two, second)):
        digest = hub.as_(SABAE).get("/v1/digest").json()
        assert digest["head"] == 1
        assert digest["kinds"]["initiative"] == {
            "count": 1, "digest": record_digest([(result["id"], 1)]), "version_sum": 1, "after": []
        }  # fmt: skip
    one.engine.dispose()
    two.engine.dispose()


def test_the_digest_follows_every_new_version(hub):
    town = hub.as_(SABAE)
    [made] = town.push(change("initiative", SABAE, title="取組"))
    assert town.get("/v1/digest").json()["kinds"]["initiative"]["count"] == 1
    [edited] = town.push(
        change("initiative", SABAE, base=made["version"], rid=made["id"], title="取組（改）")
    )
    digest = town.get("/v1/digest").json()
    assert digest["head"] == edited["version"]
    assert digest["kinds"]["initiative"]["digest"] == record_digest([(made["id"], edited["version"])])


def test_the_digest_as_of_a_version_lists_what_changed_after_it_instead_of_counting_it(hub):
    town = hub.as_(SABAE)
    [kept] = town.push(change("initiative", SABAE, title="照合の前から"))
    [made] = town.push(change("initiative", SABAE, title="取組"))
    cursor = made["version"]
    [edited] = town.push(
        change("initiative", SABAE, base=made["version"], rid=made["id"], title="取組（改）")
    )
    [new] = town.push(change("initiative", SABAE, title="照合の後に"))

    digest = town.get("/v1/digest", at=cursor).json()

    assert digest["head"] == new["version"]
    assert digest["kinds"]["initiative"] == {
        "count": 1, "digest": record_digest([(kept["id"], kept["version"])]),
        "version_sum": kept["version"], "after": sorted([edited["id"], new["id"]]),
    }  # fmt: skip
    whole = town.get("/v1/digest", at=new["version"]).json()
    assert whole == town.get("/v1/digest").json()
    assert whole["kinds"]["initiative"]["count"] == 3 and whole["kinds"]["initiative"]["after"] == []
