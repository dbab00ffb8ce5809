"""The hub keeps a 好事例's GIF fields as the prefecture wrote them, checks them like a form, and refuses a town."""

import json

from hub_client import FUKUI_PREF, SABAE, change


def test_the_prefecture_writes_the_gif_fields_and_a_town_that_tries_is_refused(hub):
    pref, sabae = hub.as_(FUKUI_PREF), hub.as_(SABAE)
    media = json.dumps([{"license": "CC BY 4.0", "title": "予約画面", "url": "https://example.jp/a.png"}])
    [case] = pref.push(
        change("good_practice", FUKUI_PREF, title="窓口予約", carried_out_year=2025, images=media,
               keywords=json.dumps(["窓口", "予約"]), contact_url="https://example.jp/midori")
    )  # fmt: skip
    assert case["outcome"] == "applied"
    fields = sabae.pull()[case["id"]]["fields"]
    assert (fields["carried_out_year"], json.loads(fields["keywords"])) == (2025, ["窓口", "予約"])
    assert json.loads(fields["images"])[0]["url"] == "https://example.jp/a.png"

    [town_edit] = sabae.push(
        change("good_practice", FUKUI_PREF, base=case["version"], rid=case["id"], keywords=json.dumps(["x"]))
    )
    assert town_edit["outcome"] == "rejected"
    assert "都道府県の記録です" in town_edit["reason"]
    [bad_url] = pref.push(
        change("good_practice", FUKUI_PREF, base=case["version"], rid=case["id"],
               related_urls=json.dumps(["javascript:alert(1)"]))
    )  # fmt: skip
    assert bad_url["outcome"] == "rejected" and "「関連URL」" in bad_url["reason"]
    assert json.loads(sabae.pull()[case["id"]]["fields"]["keywords"]) == ["窓口", "予約"]
