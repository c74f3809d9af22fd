"""Regenerate the SVG screenshots in screenshots/ from the real app, headless.

Usage: python scripts/make_screenshots.py [OUT_DIR]

Runs the app under Textual's ``run_test`` on a temporary store filled with the bundled samples,
with a frozen clock so the pictures only change when the interface does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from feeds.ingest import import_bundled_samples  # noqa: E402
from feeds.leader_lookup import resolve_leader_term  # noqa: E402
from feeds.store import Store  # noqa: E402
from tui.app import make_app  # noqa: E402

FROZEN_NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SEED_TITLE = "Kassym-Jomart Tokayev and Xi Jinping hold talks"


async def _shoot(db: Path, out: Path, name: str, size: tuple[int, int], keys: list[str]) -> None:
    store = Store.open(db, leader_resolver=resolve_leader_term)
    app = make_app(store=store, clock=lambda: FROZEN_NOW)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            if key.startswith("type:"):
                for char in key[5:]:
                    await pilot.press(char)
            else:
                await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        app.save_screenshot(filename=f"{name}.svg", path=str(out))
    print(out / f"{name}.svg")


def _seed_row(db: Path) -> int:
    """Keys that put the cursor on the seed article, wherever its date sorts it."""
    from feeds.query import parse_query
    from feeds.view import HeadlineWindow

    with Store.open(db, leader_resolver=resolve_leader_term) as store:
        window = HeadlineWindow(store, parse_query(""))
        for index in range(len(window)):
            row = window.row(index)
            if row is not None and row.title.startswith(SEED_TITLE):
                return index
    return 0


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screens.db"
        with Store.open(db, leader_resolver=resolve_leader_term) as store:
            import_bundled_samples(store)
        seed_keys = ["j"] * _seed_row(db)
        await _shoot(db, out, "seed-article", (120, 36), seed_keys)
        await _shoot(db, out, "leader-filter", (120, 36), ["slash", "type:leader:tokayev", "enter"])
        await _shoot(db, out, "narrow-80x24", (80, 24), seed_keys)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
