"""Refreshing from the app against a real feed server on 127.0.0.1: the UI never blocks and
the cursor stays on the item the reader was looking at."""

from __future__ import annotations

from pathlib import Path

from feeds.store import Store
from feeds.subscriptions import Subscription
from tests.feeds.http_servers import LoopbackServer, respond
from tests.tui.conftest import FROZEN_NOW
from tui.app import make_app
from tui.screens.feeds import FeedsScreen
from tui.widgets.headline_list import HeadlineList

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback Wire</title><link>http://example.org/</link>
<item><title>Tokayev opens new rail terminal</title><link>http://example.org/a</link>
<guid>loop-a</guid><pubDate>Thu, 26 Nov 2026 11:00:00 +0000</pubDate>
<description>President Kassym-Jomart Tokayev opened a rail terminal worth $300 million.
</description></item>
<item><title>Wheat harvest beats forecasts</title><link>http://example.org/b</link>
<guid>loop-b</guid><pubDate>Thu, 26 Nov 2026 11:30:00 +0000</pubDate>
<description>Farmers gathered 17 million tonnes of wheat, up 12 percent on last year.
</description></item>
</channel></rss>"""


async def test_refresh_all_adds_items_and_keeps_the_cursor(db_path: Path) -> None:
    with LoopbackServer() as server:
        server.route("/feed.xml", respond(200, RSS, [("Content-Type", "application/rss+xml")]))
        server.route("/broken.xml", respond(500, b"oops"))
        subscriptions = [
            Subscription(server.url("/feed.xml"), title="Loopback"),
            Subscription(server.url("/broken.xml"), title="Broken"),
        ]
        app = make_app(
            store=Store.open(db_path),
            clock=lambda: FROZEN_NOW,
            subscriptions=lambda: list(subscriptions),
        )
        async with app.run_test(size=(120, 36)) as pilot:
            headlines = app.screen.query_one(HeadlineList)
            await pilot.press("j", "j")
            before = headlines.current
            assert before is not None and headlines.total == 8
            await pilot.press("R")
            await app.workers.wait_for_complete()  # the refresh: items stored and listed
            await pilot.pause()
            assert headlines.total == 10
            await app.workers.wait_for_complete()  # then the background analysis
            await pilot.pause()
            assert app.store.pending_count() == 0
            assert headlines.current is not None and headlines.current.id == before.id
            messages = " ".join(str(n.message) for n in app._notifications)
            assert "2 new items" in messages and "Broken" in messages and "500" in messages
            await pilot.press("slash", *"leader:tokayev", "enter")
            await pilot.pause()
            assert headlines.total == 2  # the fetched item is analysed and filterable at once
            await pilot.press("F")
            await pilot.pause()
            assert isinstance(app.screen, FeedsScreen)
            feeds_screen = app.screen
            assert feeds_screen.counts.get(server.url("/feed.xml")) == 2
            assert "500" in feeds_screen.states[server.url("/broken.xml")].last_error or (
                feeds_screen.states[server.url("/broken.xml")].last_status == 500
            )


async def test_refresh_without_subscriptions_explains(db_path: Path) -> None:
    app = make_app(store=Store.open(db_path), clock=lambda: FROZEN_NOW, subscriptions=list)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert any("newsdesk add" in str(n.message) for n in app._notifications)


async def test_full_text_from_a_feed_link_never_reaches_loopback(tmp_path: Path) -> None:
    from feeds.models import Analysis, Item

    with LoopbackServer() as server:
        server.route("/article", respond(200, b"<html><body><p>secret</p></body></html>"))
        item = Item(
            title="Summary only",
            body="Short summary.",
            source="Wire",
            url=server.url("/article"),
            published=FROZEN_NOW,
        )
        path = tmp_path / "ft.db"
        with Store.open(path) as store:
            store.import_items([(item, Analysis())])
        app = make_app(store=Store.open(path), clock=lambda: FROZEN_NOW, subscriptions=list)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("e")
            await app.workers.wait_for_complete()
            await pilot.pause()
            errors = [n for n in app._notifications if n.severity == "error"]
            assert errors and errors[0].title == "Full text"
            assert server.paths == []  # no request reached the loopback server
            assert app.store.get_article(headlines_id(app)).item.body == "Short summary."


def headlines_id(app) -> int:  # type: ignore[no-untyped-def]
    current = app.screen.query_one(HeadlineList).current
    assert current is not None
    return current.id
