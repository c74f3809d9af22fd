"""Every file of the shared public feed corpus loads, or fails with one clear ParseError.

The corpus lives next to the repository (``../shared/corpus/feeds``) and may be absent (CI): the
tests are then skipped. ``*.src`` files are provenance notes, not feeds. Files named ``*INVALID*``
are broken on purpose and must be refused with a message, never turned into an empty success.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feeds.errors import ParseError
from feeds.loaders import load_bytes
from feeds.models import Item

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds"


def _corpus_params() -> list[object]:
    if not CORPUS.is_dir():
        return [pytest.param(None, id="corpus-absent", marks=pytest.mark.skip(f"no {CORPUS}"))]
    files = sorted(
        p
        for p in CORPUS.iterdir()
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".src")
    )
    if not files:
        return [pytest.param(None, id="corpus-empty", marks=pytest.mark.skip(f"{CORPUS} empty"))]
    return [pytest.param(p, id=p.name) for p in files]


@pytest.mark.parametrize("path", _corpus_params())
def test_corpus_file_loads_or_fails_clearly(path: Path) -> None:
    data = path.read_bytes()
    try:
        items = load_bytes(data, path.name)
    except ParseError as exc:
        message = str(exc)
        assert message.strip(), "a ParseError must carry a message"
        assert "\n" not in message, f"the message must be one line: {message!r}"
        assert "Traceback" not in message
        assert "INVALID" in path.name, f"a valid corpus feed was refused: {message}"
        return
    assert "INVALID" not in path.name, f"a broken feed loaded as {len(items)} items, no error"
    assert items, "a valid feed yielded no items"
    for item in items:
        assert isinstance(item, Item)
        assert item.title or item.body
        assert "\n" not in item.title
        assert item.published is None or item.published.tzinfo is not None
