"""The main screen: filter bar, headline list, article pane, status line.

The screen owns the state (store, query, window, current article); children get it pushed down
and report back with messages. They never query each other.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from feeds.errors import QueryError
from feeds.query import Query, parse_query
from feeds.store import Headline, Store
from feeds.subscriptions import Subscription, load_subscriptions
from feeds.view import HeadlineWindow
from tui.render import quote_citation
from tui.screens.feed_actions import FeedActions
from tui.screens.help import HelpScreen
from tui.screens.picker import PickerScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.filter_bar import FilterBar
from tui.widgets.headline_list import HeadlineList
from tui.widgets.insights import InsightsPanel
from tui.widgets.status_line import StatusLine, status_text

if TYPE_CHECKING:
    pass

NARROW_WIDTH = 100
ARTICLE_DELAY_S = 0.06


def _leader_names() -> list[str]:
    from feeds.analysis.leaders import all_leaders

    return [name for _id, name, _country in all_leaders()]


def _sector_ids() -> list[str]:
    # The query module's copy of the ids: importing the analysis engine here would cost
    # ~80 ms of start-up for a list of 17 words.
    from feeds.query import SECTOR_IDS

    return list(SECTOR_IDS)


class MainScreen(FeedActions, Screen[None]):
    """Three panes at once: filter bar above, list and article side by side (stacked if narrow)."""

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="main.filter"),
        Binding("n", "next_unread", "Next unread", id="main.next_unread"),
        Binding("p", "previous_unread", "Prev unread", show=False, id="main.previous_unread"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="main.toggle_read"),
        Binding("s", "toggle_star", "Star", id="main.toggle_star"),
        Binding("o", "open_link", "Open", show=False, id="main.open_link"),
        Binding("y", "copy_link", "Copy link", show=False, id="main.copy_link"),
        Binding("Y", "copy_quote", "Copy quote", show=False, id="main.copy_quote"),
        Binding("i", "focus_insights", "Quotes", id="main.focus_insights"),
        Binding("c", "toggle_cluster", "Outlets", show=False, id="main.toggle_cluster"),
        Binding("l", "pick_leader", "Leaders", id="main.pick_leader"),
        Binding("t", "pick_sector", "Sectors", id="main.pick_sector"),
        Binding("space", "article_down", "Scroll article", show=False, id="main.article_down"),
        Binding("shift+space", "article_up", "Scroll back", show=False, id="main.article_up"),
        Binding("enter", "read_article", "Read", show=False, id="main.read_article"),
        Binding("escape", "back_to_list", "Back", show=False, id="main.back"),
        Binding("r", "refresh_current", "Refresh feed", show=False, id="main.refresh"),
        Binding("R", "refresh_all", "Refresh all", id="main.refresh_all"),
        Binding("F", "show_feeds", "Feeds", show=False, id="main.feeds"),
        Binding("e", "full_text", "Full text", show=False, id="main.full_text"),
        Binding("question_mark", "help", "Help", id="main.help"),
    ]

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        *,
        subscriptions: Callable[[], list[Subscription]] = load_subscriptions,
        auto_refresh_minutes: int = 0,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.load_subscriptions = subscriptions
        self.auto_refresh_minutes = auto_refresh_minutes
        self.query_before_cluster: Query | None = None
        """The filter to return to when leaving a cluster's list of outlets."""
        self.activity = ""
        """Background work shown in the status line ("refreshing 3/20 feeds · 12 new")."""
        self._reload_pending = False
        self._article_timer: Timer | None = None
        self.query_value: Query = parse_query("")
        self.current: Headline | None = None

    def compose(self) -> ComposeResult:
        yield FilterBar(leader_names=_leader_names, sector_ids=_sector_ids(), id="filter-bar")
        with Container(id="panes"):
            yield HeadlineList(clock=self.clock, id="headlines")
            with Vertical(id="reader"):
                yield ArticleView(id="article")
                yield InsightsPanel(id="insights")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def headlines(self) -> HeadlineList:
        return self.query_one(HeadlineList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self.apply_query(self.query_value)
        self.headlines.focus()
        if self.store.pending_count() or self.store.unclustered_count():
            # Left over from `newsdesk fetch --no-analyse` or an interrupted session.
            self.analyse_in_background()
        if self.auto_refresh_minutes > 0:
            self.set_interval(self.auto_refresh_minutes * 60, self._auto_refresh)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "narrow")

    # -- state --------------------------------------------------------------------------------

    def apply_query(self, query: Query, *, keep_item: int | None = None) -> None:
        """Show ``query``'s results; keep the cursor on ``keep_item`` if it still matches."""
        self.query_value = query
        window = HeadlineWindow(self.store, query)
        cursor = 0
        if keep_item is not None:
            index = window.index_of(keep_item)
            cursor = index if index is not None else 0
        self.query_one(FilterBar).show_query(query)
        self.headlines.set_window(window, cursor=cursor)

    def reload_keeping_place(self) -> None:
        """New items arrived: re-read the view with the cursor on the same item, same row."""
        current = self.current
        if current is None:
            self.apply_query(self.query_value)
            return
        on_screen = self.headlines.cursor - int(self.headlines.scroll_offset.y)
        window = HeadlineWindow(self.store, self.query_value)
        index = window.index_of(current.id)
        self.headlines.set_window(
            window, cursor=index if index is not None else 0, screen_row=on_screen
        )

    @on(HeadlineList.Highlighted)
    def _highlighted(self, event: HeadlineList.Highlighted) -> None:
        self.current = event.headline
        self._update_status(event.index, event.total)
        # The list repaints at once; the article follows when the cursor rests, so holding j
        # through a long list costs one article layout, not one per row.
        if self._article_timer is not None:
            self._article_timer.stop()
        shown = self.article_view.article
        if shown is None or event.headline is None:
            self._show_current_article()
        else:
            self._article_timer = self.set_timer(ARTICLE_DELAY_S, self._show_current_article)

    def _show_current_article(self) -> None:
        self._article_timer = None
        insights = self.query_one(InsightsPanel)
        if self.current is None:
            self.article_view.show(None)
            insights.show(None)
            return
        if (
            self.article_view.article is not None
            and self.article_view.article.id == self.current.id
        ):
            return
        article = self.store.get_article(self.current.id)
        self.article_view.show(article)
        insights.show(article.analysis)

    def _update_status(self, index: int | None = None, total: int | None = None) -> None:
        if index is None or total is None:
            index, total = self.headlines.cursor, self.headlines.total
        line = status_text(index, total, self.query_value)
        if self.activity:
            line = f"{line}  ·  {self.activity}"
        self.query_one(StatusLine).text = line

    def _refresh_current(self) -> None:
        if self.current is None:
            return
        fresh = self.store.get_article(self.current.id)
        self.current = fresh
        self.headlines.refresh_headline(fresh)

    # -- filter -------------------------------------------------------------------------------

    @on(FilterBar.Applied)
    def _filter_applied(self, event: FilterBar.Applied) -> None:
        self.apply_query(event.query)
        self.headlines.focus()

    @on(FilterBar.Cleared)
    def _filter_cleared(self) -> None:
        self.apply_query(parse_query(""))
        self.headlines.focus()

    def action_focus_filter(self) -> None:
        self.query_one(FilterBar).input.focus()

    def action_back_to_list(self) -> None:
        if self.headlines.has_focus and self.query_before_cluster is not None:
            self.action_toggle_cluster()
            return
        self.headlines.focus()

    def action_toggle_cluster(self) -> None:
        """Expand the story under the cursor into every outlet's copy, or collapse back."""
        if self.query_before_cluster is not None:
            back, self.query_before_cluster = self.query_before_cluster, None
            self.apply_query(back, keep_item=self.current.id if self.current else None)
            return
        current = self.current
        if current is None or current.cluster_id is None or not current.outlets:
            self.notify("No other outlet carried this story.", markup=False)
            return
        self.query_before_cluster = self.query_value
        self.apply_query(Query(clusters=(current.cluster_id,)), keep_item=current.id)

    def _add_chip(self, kind: str, value: str | None) -> None:
        if not value:
            return
        text = self.query_value.to_text()
        token = f'{kind}:"{value}"' if " " in value else f"{kind}:{value}"
        try:
            query = parse_query(f"{text} {token}".strip())
        except QueryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.apply_query(query)

    def action_pick_leader(self) -> None:
        choices = [
            (leader_id, name, count)
            for leader_id, name, count in self.store.leader_counts(self.query_value)
        ]
        self.app.push_screen(
            PickerScreen("Leaders in this view", choices),
            lambda value: self._add_chip("leader", value),
        )

    def action_pick_sector(self) -> None:
        from feeds.analysis.sectors import SECTORS

        choices = [
            (sector_id, SECTORS.get(sector_id, sector_id), count)
            for sector_id, count in self.store.sector_counts(self.query_value)
        ]
        self.app.push_screen(
            PickerScreen("Sectors in this view", choices),
            lambda value: self._add_chip("sector", value),
        )

    # -- item actions -------------------------------------------------------------------------

    def _jump_unread(self, backwards: bool) -> None:
        current = self.current
        found = self.store.next_unread(
            self.query_value, current.sort_key if current else None, backwards=backwards
        )
        if found is None:
            self.notify("No more unread items in this view.", markup=False)
            return
        index = self.headlines.window.index_of(found.id) if self.headlines.window else None
        if index is not None:
            self.headlines.cursor = index

    def action_next_unread(self) -> None:
        self._jump_unread(backwards=False)

    def action_previous_unread(self) -> None:
        self._jump_unread(backwards=True)

    def action_toggle_read(self) -> None:
        if self.current is not None:
            self.store.toggle_read(self.current.id)
            self._refresh_current()

    def action_toggle_star(self) -> None:
        if self.current is not None:
            self.store.toggle_starred(self.current.id)
            self._refresh_current()

    def _mark_read(self) -> None:
        if self.current is not None and not self.current.read:
            self.store.set_read([self.current.id], True)
            self._refresh_current()

    def action_read_article(self) -> None:
        self._mark_read()
        self.article_view.focus()

    def action_article_down(self) -> None:
        self._mark_read()
        self.article_view.page_down_article()

    def action_article_up(self) -> None:
        self.article_view.page_up_article()

    def _current_url(self) -> str | None:
        if self.current is None or not self.current.url:
            self.notify("This item has no link.", severity="warning", markup=False)
            return None
        return self.current.url

    def action_open_link(self) -> None:
        url = self._current_url()
        if url is None:
            return
        if not url.lower().startswith(("http://", "https://")):
            self.notify(f"Not opening a non-web link: {url}", severity="error", markup=False)
            return
        self.notify(f"Opening {url}", markup=False)
        self._open_in_browser(url)

    @work(thread=True, exclusive=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        # webbrowser runs the browser with an argv list, never through a shell.
        webbrowser.open(url, new=2)

    def action_copy_link(self) -> None:
        url = self._current_url()
        if url is None:
            return
        self.app.copy_to_clipboard(url)
        self.notify(f"Copied {url}", title="Link copied", markup=False)

    def action_focus_insights(self) -> None:
        panel = self.query_one(InsightsPanel)
        if panel.display:
            panel.focus()

    @on(InsightsPanel.QuoteChosen)
    def _quote_chosen(self, event: InsightsPanel.QuoteChosen) -> None:
        self.article_view.scroll_to_body_offset(event.quote.start)

    def action_copy_quote(self) -> None:
        article = self.article_view.article
        quote = self.query_one(InsightsPanel).selected_quote
        if article is None or quote is None:
            self.notify("This article has no quote to copy.", severity="warning", markup=False)
            return
        text = quote_citation(quote, article)
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Quote copied", markup=False)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.app_binding_rows()))

    def app_binding_rows(self) -> list[tuple[str, str]]:
        """(keys, description) for every binding of the app, this screen and its widgets."""
        grouped: dict[tuple[str, str], list[str]] = {}
        sources = [
            self.app,
            self,
            self.headlines,
            self.article_view,
            self.query_one(FilterBar),
            self.query_one(InsightsPanel),
        ]
        for source in sources:
            for key, bindings in source._bindings.key_to_bindings.items():
                for binding in bindings:
                    if binding.system and binding.action != "command_palette":
                        continue
                    label = binding.description or binding.action.replace("_", " ")
                    keys = grouped.setdefault((binding.action, label), [])
                    display = self.app.get_key_display(Binding(key, binding.action))
                    if display not in keys:
                        keys.append(display)
        return [(" ".join(keys), label) for (_action, label), keys in grouped.items()]
