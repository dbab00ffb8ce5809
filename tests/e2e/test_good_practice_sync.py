"""A 好事例 with every field of the GIF 事例データモデル travels from the prefecture to its towns by sync; the town
cannot edit it (the prefecture owns its catalog; the hub's refusal is in tests/hub/test_good_practice_owner.py)."""

import pytest

from desktop.models import GoodPractice
from desktop.models.errors import DomainError
from desktop.services import records
from desktop.services.prefecture import catalog
from tests.gif_case import FULL_CASE

FUKUI_PREF, FUKUI_PREF_NAME = "180009", "福井県"


def test_every_gif_field_reaches_the_town_which_cannot_edit_them(make_pc):
    prefecture = make_pc("pref", FUKUI_PREF, FUKUI_PREF_NAME)
    case = catalog.create(prefecture.ws, GoodPractice, **FULL_CASE)
    assert not prefecture.sync().rejected
    town = make_pc("town")
    town.sync()

    [arrived] = catalog.entries(town.ws, GoodPractice)
    assert arrived.id == case.id
    assert {key: getattr(arrived, key) for key in FULL_CASE} == FULL_CASE

    with pytest.raises(DomainError):
        catalog.update(town.ws, GoodPractice, case.id, keywords=["書き換え"])
    with pytest.raises(DomainError):
        records.update(town.ws, GoodPractice, case.id, related_urls=["https://example.jp/x"])
    assert not town.sync().rejected  # nothing was written, so nothing is sent
    assert catalog.entries(town.ws, GoodPractice)[0].keywords == FULL_CASE["keywords"]
