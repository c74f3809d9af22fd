"""Pilot tests: behaviour through the real app on a real store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from feeds.store import Store
from tests.tui.conftest import FROZEN_NOW, HOSTILE_TITLES, hostile_items
from tui.app import NewsdeskApp, make_app
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.picker import PickerScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.filter_bar import Chip
from tui.widgets.headline_list import HeadlineList
from tui.widgets.insights import InsightsPanel
from tui.widgets.status_line import StatusLine


def status(app: NewsdeskApp) -> str:
    return app.screen.query_one(StatusLine).text


def article_plain(app: NewsdeskApp) -> str:
    return str(app.screen.query_one("#article-body", Static).render())


async def test_first_row_is_newest_and_status_counts(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        headlines = app.screen.query_one(HeadlineList)
        assert headlines.current is not None
        assert headlines.current.title == "Tokayev and Xi hold talks in Astana"
        assert status(app).startswith("row 1/8")


async def test_navigation_keys(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        headlines = app.screen.query_one(HeadlineList)
        await pilot.press("j", "j", "down")
        assert headlines.cursor == 3 and status(app).startswith("row 4/8")
        await pilot.press("k")
        assert headlines.cursor == 2
        await pilot.press("G")
        assert headlines.cursor == 7 and status(app).startswith("row 8/8")
        await pilot.press("g")
        assert headlines.cursor == 0
        await pilot.press("k")  # stays at the top, never wraps
        assert headlines.cursor == 0


async def test_article_pane_follows_cursor(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = article_plain(app)
        assert "Tokayev and Xi hold talks in Astana" in text
        assert "El.kz" in text and "Photo: Akorda" in text
        # The quote carries its speaker.
        assert "Tokayev said.\n  — Kassym-Jomart Tokayev" in text
        await pilot.press("j")
        await pilot.pause(0.3)  # the article follows once the cursor rests
        assert "Market update number 1" in article_plain(app)


async def test_article_styles_quote_and_figure_where_they_start(
    app_factory: Callable[[], NewsdeskApp],
):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        rendered = view.text
        plain = str(rendered)
        styles = view.styles_for_spans()
        figure_at = plain.index("$41 billion")
        quote_at = plain.index("Last year, mutual trade")
        figure_styles = [s.style for s in rendered.spans if s.start <= figure_at < s.end]
        quote_styles = [s.style for s in rendered.spans if s.start <= quote_at < s.end]
        assert styles.figure in figure_styles
        assert styles.quote in quote_styles
        assert styles.figure not in quote_styles
        sector_at = plain.index("energy")
        assert styles.sector in [s.style for s in rendered.spans if s.start <= sector_at < s.end]
        leader_at = plain.index("Kassym-Jomart Tokayev met")
        assert styles.leader in [s.style for s in rendered.spans if s.start <= leader_at < s.end]


async def test_filter_by_leader_keeps_match_and_shows_chip(
    app_factory: Callable[[], NewsdeskApp],
):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.press("slash")
        await pilot.press(*"leader:tokayev")
        await pilot.press("enter")
        await pilot.pause()
        headlines = app.screen.query_one(HeadlineList)
        assert headlines.total == 1
        assert headlines.cursor == 0  # the cursor lands on the first match
        assert headlines.current is not None and headlines.current.title.startswith("Tokayev")
        assert headlines.has_focus
        chips = list(app.screen.query(Chip))
        assert [(c.kind, c.value) for c in chips] == [("leader", "tokayev")]
        assert "filter: leader:tokayev" in status(app)


async def test_escape_in_filter_clears_and_returns_to_list(
    app_factory: Callable[[], NewsdeskApp],
):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"sector:finance", "enter")
        await pilot.pause()
        assert app.screen.query_one(HeadlineList).total == 7
        await pilot.press("slash", "escape")
        await pilot.pause()
        headlines = app.screen.query_one(HeadlineList)
        assert headlines.total == 8 and headlines.has_focus
        assert list(app.screen.query(Chip)) == []


async def test_removing_a_chip_widens_the_filter(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"sector:finance market", "enter")
        await pilot.pause()
        assert app.screen.query_one(HeadlineList).total == 7
        await pilot.click(Chip)
        await pilot.pause()
        assert list(app.screen.query(Chip)) == []
        assert "filter: market" in status(app)  # the text part stays


async def test_bad_filter_reports_and_keeps_view(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"sector:nonsense", "enter")
        await pilot.pause()
        assert app.screen.query_one(HeadlineList).total == 8
        assert any("nonsense" in str(n.message) for n in app._notifications)


async def test_star_and_read_persist_across_restart(db_path: Path):
    app = make_app(store=Store.open(db_path), clock=lambda: FROZEN_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "s", "m")
        await pilot.pause()
        current = app.screen.query_one(HeadlineList).current
        assert current is not None and current.starred and current.read
        starred_id = current.id
    again = make_app(store=Store.open(db_path), clock=lambda: FROZEN_NOW)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        current = again.screen.query_one(HeadlineList).current
        assert current is not None and current.id == starred_id
        assert current.starred and current.read
        await pilot.press("s", "m")
        current = again.screen.query_one(HeadlineList).current
        assert current is not None and not current.starred and not current.read


async def test_next_and_previous_unread(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        headlines = app.screen.query_one(HeadlineList)
        await pilot.press("j", "m", "j", "m", "g")  # rows 1 and 2 read
        await pilot.press("n")
        assert headlines.cursor == 3
        await pilot.press("p")
        assert headlines.cursor == 0


async def test_copy_link_uses_clipboard_and_notifies(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "y")
        await pilot.pause()
        assert app.clipboard == "https://example.org/update/1"
        assert any("https://example.org/update/1" in str(n.message) for n in app._notifications)


async def test_open_link_uses_browser_argv_for_http_only(
    app_factory: Callable[[], NewsdeskApp], monkeypatch: pytest.MonkeyPatch
):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: opened.append(url))
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert opened == ["https://example.org/talks"]


async def test_help_lists_every_binding(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {label for _keys, label in app.screen.rows}
        for needed in (
            "Star",
            "Read/unread",
            "Next unread",
            "Open",
            "Copy link",
            "Filter",
            "Leaders",
            "Sectors",
            "Quit",
            "Down",
            "First",
            "Last",
            "Help",
        ):
            assert needed in described
        keys = {label: k for k, label in app.screen.rows}
        assert "j" in keys["Down"] and "s" in keys["Star"]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_leader_picker_applies_a_chip(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        labels = [label for _v, label, _c in app.screen.choices]
        assert "Kassym-Jomart Tokayev" in labels and "Xi Jinping" in labels
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(HeadlineList).total == 1
        assert len(list(app.screen.query(Chip))) == 1


async def test_narrow_terminal_stacks_panes(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("narrow")
        headlines = app.screen.query_one(HeadlineList)
        article = app.screen.query_one(ArticleView)
        assert article.region.y > headlines.region.y  # stacked, not side by side
    wide = app_factory()
    async with wide.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert not wide.screen.has_class("narrow")
        headlines = wide.screen.query_one(HeadlineList)
        article = wide.screen.query_one(ArticleView)
        assert article.region.x > headlines.region.x


async def test_hostile_titles_render_literally_without_crash(tmp_path: Path):
    path = tmp_path / "evil.db"
    with Store.open(path) as store:
        store.import_items(hostile_items())
    app = make_app(store=Store.open(path), clock=lambda: FROZEN_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        headlines = app.screen.query_one(HeadlineList)
        seen = []
        for _ in HOSTILE_TITLES:
            await pilot.pause(0.3)
            seen.append(article_plain(app))
            lines = [headlines.render_line(y).text for y in range(len(HOSTILE_TITLES))]
            await pilot.press("j")
        assert app.is_running  # [@click=app.quit] did not become an action
        joined = "\n".join(seen + lines)
        assert "Results [/] for arr[0]" in joined
        assert "[@click=app.quit]Read more[/]" in joined
        assert "Price [$5] and [Video] clip $var" in joined
        assert "\x1b" not in joined
        assert "\ufffd]2;PWNED\ufffd retitled [red]x[/red]" in joined
        await pilot.press("y")
        await pilot.pause()


async def test_copy_quote_with_attribution_and_link(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == (
            "“Last year, mutual trade exceeded $41 billion, which is a record figure,” "
            "— Kassym-Jomart Tokayev, El.kz, 26 November 2026, https://example.org/talks"
        )
        await pilot.press("j")
        await pilot.pause(0.3)
        await pilot.press("Y")  # an article without quotes says so, clipboard unchanged
        await pilot.pause()
        assert app.clipboard.startswith("“Last year")


async def test_insights_panel_lists_quotes_and_figures(app_factory: Callable[[], NewsdeskApp]):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(InsightsPanel)
        assert panel.display and panel.option_count == 2
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert prompts[0].startswith("“Last year, mutual trade") and "Tokayev" in prompts[0]
        assert prompts[1].startswith("$41 billion") and "record" in prompts[1]
        await pilot.press("i")
        assert panel.has_focus
        await pilot.press("j")  # another article: no quotes, no figures, panel hides
        await pilot.press("escape", "j")
        await pilot.pause(0.3)
        assert not panel.display


async def test_choosing_a_quote_scrolls_the_article_to_it(tmp_path: Path):
    from feeds.models import Analysis, Item, Quote

    filler = "\n\n".join(f"Paragraph {n} of background reporting." for n in range(60))
    said = "We will double exports of grain within three years"
    body = f'{filler}\n\n"{said}," the minister said.'
    start = body.index(said)
    item = Item(title="Long read", body=body, source="Desk", published=FROZEN_NOW)
    analysis = Analysis(quotes=(Quote(start, start + len(said), said, "A Minister", "said"),))
    path = tmp_path / "long.db"
    with Store.open(path) as store:
        store.import_items([(item, analysis)])
    app = make_app(store=Store.open(path), clock=lambda: FROZEN_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert article.scroll_y == 0
        await pilot.press("i", "enter")
        await pilot.pause()
        assert article.scroll_y > 50
        top = int(article.scroll_y)
        width = app.screen.query_one("#article-body", Static).content_region.width
        visible = article.text.wrap(app.console, width)[top : top + article.size.height]
        assert any(said[:20] in line.plain for line in visible)


async def test_user_keymap_remaps_by_binding_id(db_path: Path):
    from feeds.config import Config

    config = Config(keymap={"main.toggle_star": "f"})
    app = make_app(store=Store.open(db_path), clock=lambda: FROZEN_NOW, config=config)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        current = app.screen.query_one(HeadlineList).current
        assert current is not None and current.starred


async def test_filter_completion_offers_leaders_and_sectors(
    app_factory: Callable[[], NewsdeskApp],
):
    from textual.widgets import Input

    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"leader:toka")
        await pilot.pause(0.2)
        field = app.screen.query_one("#filter-input", Input)
        assert field._suggestion == "leader:tokayev"
        await pilot.press("right", "space", *"sector:ene")
        await pilot.pause(0.2)
        assert field._suggestion == "leader:tokayev sector:energy"
        await pilot.press("right", "enter")
        await pilot.pause()
        assert app.screen.query_one(HeadlineList).total == 1


async def test_same_story_from_three_outlets_is_one_row_and_expands(tmp_path: Path):
    from datetime import timedelta

    from feeds.models import Analysis, Item

    body = (
        "The central bank of Kazakhstan raised its base rate to 16.5 percent on Friday, "
        "citing persistent inflation in food and services and a weaker tenge. The regulator "
        "said further tightening was possible if price growth did not slow in the coming "
        "months, and analysts expect the rate to stay high until the end of next year."
    )
    items = [
        (
            Item(
                title="Kazakhstan raises base rate to 16.5%",
                body=body + f" Reported by {source}.",
                source=source,
                url=f"https://example.org/{n}",
                published=FROZEN_NOW - timedelta(hours=n),
            ),
            Analysis(),
        )
        for n, source in enumerate(["Kazinform", "Tengrinews", "Trend"], start=1)
    ]
    path = tmp_path / "copies.db"
    with Store.open(path) as store:
        store.import_items(items)
    app = make_app(store=Store.open(path), clock=lambda: FROZEN_NOW)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        headlines = app.screen.query_one(HeadlineList)
        assert headlines.total == 1
        assert headlines.current is not None and headlines.current.outlets == 2
        assert "Kazinform +2" in headlines.render_line(0).text
        await pilot.press("c")
        await pilot.pause()
        assert headlines.total == 3 and "cluster:" in status(app)
        await pilot.press("enter")  # reading one copy marks the whole story read
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert headlines.total == 1
        assert headlines.current is not None and headlines.current.read


async def test_holding_j_paints_the_article_once_the_cursor_rests(
    app_factory: Callable[[], NewsdeskApp],
):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        shown: list[int] = []
        original = view.show

        def spy(article):  # type: ignore[no-untyped-def]
            shown.append(article.id if article else -1)
            original(article)

        view.show = spy  # type: ignore[method-assign]
        headlines = app.screen.query_one(HeadlineList)
        for _ in range(5):  # a key-repeat burst: five moves before the app is idle again
            headlines.action_cursor_down()
        await pilot.pause(0.3)
        assert headlines.current is not None
        assert shown == [headlines.current.id]  # one paint, of the row the cursor rests on


async def test_notifications_are_sanitised_and_never_markup(
    app_factory: Callable[[], NewsdeskApp],
):
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.notify(
            "Feed \x1b]2;PWNED\x07 failed [/] [@click=app.quit]x[/]", title="E\x1b[6n"
        )
        await pilot.pause()
        [note] = list(app._notifications)
        assert "\x1b" not in note.message and "\x07" not in note.message
        assert "[/] [@click=app.quit]x[/]" in note.message and note.markup is False
        assert "\x1b" not in note.title
        assert app.is_running
