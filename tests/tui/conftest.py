"""Fixtures for Pilot and snapshot tests: a real SQLite store with hand-analysed items.

Analyses are written out here rather than computed, so interface tests do not move when the
analysis engine improves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feeds.models import Analysis, Figure, Item, LeaderHit, Quote, SectorScore, Span
from feeds.store import Store
from tui.app import NewsdeskApp, make_app

FROZEN_NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)

TALKS_BODY = (
    "President of Kazakhstan Kassym-Jomart Tokayev met the Chinese President in Astana.\n\n"
    '"Last year, mutual trade exceeded $41 billion, which is a record figure," '
    "Tokayev said.\n\n"
    "The leaders discussed energy, logistics and agriculture."
)


def _span(body: str, text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    return Span(start, start + len(text))


def talks_item() -> tuple[Item, Analysis]:
    body = TALKS_BODY
    quote_text = "Last year, mutual trade exceeded $41 billion, which is a record figure,"
    q = _span(body, quote_text)
    money = _span(body, "$41 billion")
    item = Item(
        title="Tokayev and Xi hold talks in Astana",
        body=body,
        source="El.kz",
        url="https://example.org/talks",
        published=FROZEN_NOW - timedelta(hours=2),
        photo_credit="Akorda",
    )
    analysis = Analysis(
        leaders=(
            LeaderHit(
                "kassym-jomart-tokayev",
                "Kassym-Jomart Tokayev",
                "KZ",
                (_span(body, "Kassym-Jomart Tokayev"), _span(body, "Tokayev", 1)),
            ),
            LeaderHit("xi-jinping", "Xi Jinping", "CN", (_span(body, "Chinese President"),)),
        ),
        quotes=(Quote(q.start, q.end, quote_text, "Kassym-Jomart Tokayev", "said"),),
        figures=(Figure(money.start, money.end, "$41 billion", "money", 41e9, "USD", record=True),),
        sectors=(
            SectorScore("trade", "Trade", 3.0, (_span(body, "trade"),)),
            SectorScore("energy", "Energy", 1.0, (_span(body, "energy"),)),
        ),
    )
    return item, analysis


TOPICS = [
    "Copper miners extend rally as smelter output slows in Chile",
    "Regional airline orders twelve turboprops for northern routes",
    "Grain exporters weigh new rail tariffs ahead of harvest season",
    "Central bank keeps benchmark rate on hold citing sticky inflation",
    "Port operator opens container terminal on the Caspian coast",
    "Telecom group sells tower portfolio to infrastructure fund",
    "Fertiliser plant restarts after month-long maintenance shutdown",
]


def plain_item(n: int, *, hours_ago: float, source: str = "Desk Wire") -> tuple[Item, Analysis]:
    # Distinct texts: near-identical bodies would rightly collapse into one same-story row.
    topic = TOPICS[(n - 1) % len(TOPICS)]
    item = Item(
        title=f"Market update number {n}",
        body=f"{topic}, according to company filings seen on day {n}. Shares rose {n} percent.",
        source=source,
        url=f"https://example.org/update/{n}",
        published=FROZEN_NOW - timedelta(hours=hours_ago),
    )
    return item, Analysis(sectors=(SectorScore("finance", "Finance", 1.0),))


HOSTILE_TITLES = [
    "Results [/] for arr[0]",
    "[@click=app.quit]Read more[/]",
    "AT&T [/ Verizon [b]bold",
    "\x1b]2;PWNED\x07 retitled [red]x[/red]",
    "Price [$5] and [Video] clip $var",
]


def hostile_items() -> list[tuple[Item, Analysis]]:
    return [
        (
            Item(
                title=title,
                body=f"Body with {title} and \x1b[6n inside.",
                source="Evil [/] Feed",
                url=f"https://example.org/evil/{i}",
                published=FROZEN_NOW - timedelta(days=3, minutes=i),
            ),
            Analysis(),
        )
        for i, title in enumerate(HOSTILE_TITLES)
    ]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.import_items([talks_item()] + [plain_item(n, hours_ago=n * 5) for n in range(1, 8)])
    return path


@pytest.fixture
def app_factory(db_path: Path) -> Callable[[], NewsdeskApp]:
    def build() -> NewsdeskApp:
        return make_app(store=Store.open(db_path), clock=lambda: FROZEN_NOW)

    return build
