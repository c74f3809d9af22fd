"""Feed actions of the main screen: refresh (r/R, auto), background analysis, the feeds
screen and full-article text. Kept apart so main.py stays about reading and filtering."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from feeds.errors import FeedError
from feeds.subscriptions import Subscription
from tui.screens.feeds import FeedsScreen
from tui.widgets.insights import InsightsPanel

if TYPE_CHECKING:
    from feeds.refresh import FeedProgress
    from feeds.store import Headline, Store
    from tui.widgets.article_view import ArticleView


class FeedActions:
    """Mixed into :class:`~tui.screens.main.MainScreen`, which provides these attributes."""

    store: Store
    current: Headline | None
    activity: str
    load_subscriptions: Callable[[], list[Subscription]]
    _reload_pending: bool

    if TYPE_CHECKING:
        # Provided by MainScreen / Textual's Screen.
        article_view: ArticleView
        app: Any

        def notify(self, message: str, **kwargs: Any) -> None: ...
        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...
        def set_timer(self, delay: float, callback: Callable[[], None]) -> Any: ...
        def _update_status(self, index: int | None = None, total: int | None = None) -> None: ...
        def reload_keeping_place(self) -> None: ...
        def _show_current_article(self) -> None: ...

    def _subscriptions(self) -> list[Subscription] | None:
        try:
            return self.load_subscriptions()
        except FeedError as error:
            self.notify(str(error), title="Subscriptions", severity="error", markup=False)
            return None

    def action_refresh_all(self) -> None:
        subscriptions = self._subscriptions()
        if subscriptions is None:
            return
        enabled = [s for s in subscriptions if s.enabled]
        if not enabled:
            self.notify(
                "No subscriptions yet. Add one with: newsdesk add URL "
                "(or newsdesk starter --enable).",
                markup=False,
            )
            return
        self.run_refresh(enabled)

    def _auto_refresh(self) -> None:
        subscriptions = self._subscriptions() or []
        enabled = [s for s in subscriptions if s.enabled]
        if enabled:
            self.run_refresh(enabled, due_only=True)

    def action_refresh_current(self) -> None:
        if self.current is None:
            return
        feed_url = self.store.get_article(self.current.id).item.feed_url
        if not feed_url:
            self.notify("This item came from a file, not a feed.", markup=False)
            return
        subscriptions = self._subscriptions() or []
        matching = [s for s in subscriptions if s.url == feed_url]
        self.run_refresh(matching or [Subscription(feed_url)])

    @work(exclusive=True, group="refresh")
    async def run_refresh(self, subscriptions: list[Subscription], due_only: bool = False) -> None:
        """Refresh in the background; the list stays usable and keeps its place."""
        from feeds.refresh import refresh_feeds

        total = len(subscriptions)
        self.activity = f"refreshing 0/{total} feeds"
        self._update_status()

        def progress(update: FeedProgress) -> None:
            self.activity = (
                f"refreshing {update.done}/{update.total} feeds · {update.new_items} new"
                + (f" · {update.errors} errors" if update.errors else "")
            )
            if update.result.new_items:
                self._schedule_reload()
            self._update_status()

        # Items are listed as soon as they are stored; analysis (leaders, sectors, same story)
        # follows in a thread so the list never waits for it.
        summary = await refresh_feeds(
            self.store, subscriptions, on_progress=progress, due_only=due_only, analyse=False
        )
        self.activity = ""
        self.reload_keeping_place()
        if summary.new_items:
            self.analyse_in_background()
        failed = summary.failed
        message = f"{summary.new_items} new items from {total} feed(s)"
        if failed:
            message += f"; {len(failed)} failed: " + "; ".join(
                f"{r.name}: {r.error}" for r in failed[:3]
            )
        self.notify(
            message, title="Refresh", severity="warning" if failed else "information", markup=False
        )
        if isinstance(self.app.screen, FeedsScreen):
            self._fill_feeds_screen(self.app.screen)

    @work(thread=True, exclusive=True, group="analysis")
    def analyse_in_background(self) -> None:
        """Analyse stored-but-unanalysed items; the view refreshes when they become filterable."""
        from feeds.ingest import analyse_pending

        worker = get_current_worker()
        pending = self.store.pending_count()
        if not pending and not self.store.unclustered_count():
            return

        def on_batch(done: int) -> None:
            self.app.call_from_thread(self._show_analysis_progress, done, pending)

        analyse_pending(self.store, should_stop=lambda: worker.is_cancelled, on_batch=on_batch)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._analysis_finished)

    def _show_analysis_progress(self, done: int, pending: int) -> None:
        self.activity = f"analysing {done}/{pending} new items"
        self._update_status()

    def _analysis_finished(self) -> None:
        self.activity = ""
        self.reload_keeping_place()
        if self.current is not None:
            self.article_view.article = None  # re-read: the analysis just arrived
            self._show_current_article()

    def _schedule_reload(self) -> None:
        # Coalesce: many feeds finishing together cause one re-read, not one each.
        if not self._reload_pending:
            self._reload_pending = True

            def reload() -> None:
                self._reload_pending = False
                self.reload_keeping_place()

            self.set_timer(0.5, reload)

    def action_show_feeds(self) -> None:
        subscriptions = self._subscriptions()
        if subscriptions is None:
            return
        screen = FeedsScreen(subscriptions, {}, {}, self._feed_request)
        self.app.push_screen(screen)
        self._fill_feeds_screen(screen)

    def _fill_feeds_screen(self, screen: FeedsScreen) -> None:
        from feeds.store import feedstate

        subscriptions = self._subscriptions() or []
        screen.subscriptions = subscriptions
        screen.states = feedstate.all_states(self.store)
        screen.counts = feedstate.item_counts(self.store)
        if screen.is_mounted:
            screen.update_data(screen.subscriptions, screen.states, screen.counts)

    def _feed_request(self, action: str, url: str) -> None:
        from dataclasses import replace

        from feeds.subscriptions import remove_subscription, save_subscriptions

        subscriptions = self._subscriptions()
        if subscriptions is None:
            return
        try:
            if action == "refresh":
                self.run_refresh([s for s in subscriptions if s.url == url])
                return
            if action == "toggle":
                subscriptions = [
                    replace(s, enabled=not s.enabled) if s.url == url else s for s in subscriptions
                ]
                save_subscriptions(subscriptions)
            elif action == "remove":
                subscriptions, removed = remove_subscription(subscriptions, url)
                save_subscriptions(subscriptions)
                if removed is not None:
                    self.notify(
                        f"Unsubscribed from {removed.name}; its stored items stay.", markup=False
                    )
        except FeedError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if isinstance(self.app.screen, FeedsScreen):
            self._fill_feeds_screen(self.app.screen)

    def action_full_text(self) -> None:
        if self.current is None:
            return
        if not self.current.url:
            self.notify("This item has no link to fetch.", severity="warning", markup=False)
            return
        self.fetch_full_text(self.current.id, self.current.url)

    @work(exclusive=True, group="full-text")
    async def fetch_full_text(self, item_id: int, url: str) -> None:
        """Download the article page, store its main text and re-analyse it."""
        import asyncio

        from feeds.fulltext import fetch_full_text
        from feeds.ingest import replace_body
        from feeds.net.fetch import make_client

        self.activity = "fetching the full article"
        self._update_status()
        try:
            async with make_client() as client:
                body = await fetch_full_text(client, url)
            await asyncio.to_thread(replace_body, self.store, item_id, body)
        except FeedError as error:
            self.notify(str(error), title="Full text", severity="error", markup=False)
            return
        finally:
            self.activity = ""
            self._update_status()
        if self.current is not None and self.current.id == item_id:
            article = self.store.get_article(item_id)
            self.article_view.show(article)
            self.query_one(InsightsPanel).show(article.analysis)
        self.notify("Full article text stored and analysed.", markup=False)
