"""Items cross process boundaries (parse and analysis workers) by pickle."""

from __future__ import annotations

import copy
import pickle
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

import pytest

from feeds.models import Item


def _item_with_every_field_set() -> Item:
    values: dict[str, Any] = {f.name: f"{f.name}-value" for f in fields(Item)}
    values["published"] = datetime(2024, 7, 3, 14, 3, tzinfo=UTC)
    return Item(**values)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_an_item_survives_pickle_with_every_field(protocol: int) -> None:
    # Item.__reduce__ lists the fields by hand: a field it misses comes back wrong here.
    item = _item_with_every_field_set()
    back = pickle.loads(pickle.dumps(item, protocol))
    assert type(back) is Item
    assert [getattr(back, f.name) for f in fields(Item)] == [
        getattr(item, f.name) for f in fields(Item)
    ]


def test_an_item_copies_with_every_field() -> None:
    item = _item_with_every_field_set()
    assert copy.copy(item) == item
    assert copy.deepcopy(item) == item
