"""Stable item keys, so importing the same input twice adds nothing."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feeds.models import Item


def item_key(item: Item) -> str:
    """Feed guid, else URL, else a content hash of the whitespace-normalised title and body."""
    if item.guid:
        return f"guid:{item.guid}"
    if item.url:
        return f"url:{item.url}"
    text = " ".join(item.title.split()) + "\n" + " ".join(item.body.split())
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
