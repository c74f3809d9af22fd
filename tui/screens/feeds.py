"""The feeds screen: subscriptions with their status; refresh, disable or remove one."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from feeds.sanitize import clean_line
from feeds.store.feedstate import FeedState
from feeds.subscriptions import Subscription
from tui.render import relative_time


class FeedsScreen(ModalScreen[None]):
    """Lists subscriptions; r refreshes the selected feed, d toggles it, x removes it."""

    DEFAULT_CSS = """
    FeedsScreen {
        align: center middle;
        #feeds-box { width: 95%; height: 85%; border: round $accent; background: $panel; }
        #feeds-help { height: 1; color: $text-muted; padding: 0 1; }
        DataTable { height: 1fr; }
    }
    """

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="feeds.close"),
        Binding("r", "refresh_feed", "Refresh", id="feeds.refresh"),
        Binding("d", "toggle_enabled", "Enable/disable", id="feeds.toggle"),
        Binding("x", "remove_feed", "Remove", id="feeds.remove"),
    ]

    def __init__(
        self,
        subscriptions: list[Subscription],
        states: dict[str, FeedState],
        counts: dict[str, int],
        on_request: Callable[[str, str], None],
    ) -> None:
        """``on_request(action, url)`` is called with "refresh", "toggle" or "remove"."""
        super().__init__()
        self.on_request = on_request
        self.subscriptions = subscriptions
        self.states = states
        self.counts = counts

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-box"):
            yield Static(
                Text("r refresh · d enable/disable · x remove · Esc close", end=""),
                id="feeds-help",
            )
            yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.fill()

    def update_data(
        self,
        subscriptions: list[Subscription],
        states: dict[str, FeedState],
        counts: dict[str, int],
    ) -> None:
        """Show fresh data, keeping the cursor row."""
        self.subscriptions, self.states, self.counts = subscriptions, states, counts
        row = self.query_one(DataTable).cursor_row
        self.fill()
        if self.subscriptions:
            self.query_one(DataTable).move_cursor(row=min(row, len(self.subscriptions) - 1))

    def fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        # Cells are Text, never str: DataTable parses str cells as markup.
        table.add_columns("Feed", "Folder", "Items", "Last success", "Status")
        now = datetime.now(UTC)
        for sub in self.subscriptions:
            state = self.states.get(sub.url)
            success = (
                relative_time(datetime.fromtimestamp(state.last_success_ts, UTC), now)
                if state and state.last_success_ts
                else "never"
            )
            if not sub.enabled:
                status = Text("disabled", style="dim")
            elif state and state.last_error:
                status = Text(clean_line(state.last_error), style="red")
            elif state and state.retry_after_ts and state.retry_after_ts > time.time():
                status = Text("waiting (Retry-After)", style="yellow")
            else:
                status = Text("ok" if state else "not fetched yet", style="green")
            name = sub.title or (state.title if state else "") or sub.url
            table.add_row(
                Text(clean_line(name)),
                Text(clean_line(sub.folder)),
                Text(str(self.counts.get(sub.url, 0))),
                Text(success),
                status,
                key=sub.url,
            )

    def _selected_url(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.subscriptions or table.cursor_row < 0:
            return None
        return self.subscriptions[table.cursor_row].url

    def _request(self, action: str) -> None:
        url = self._selected_url()
        if url is not None:
            self.on_request(action, url)

    def action_refresh_feed(self) -> None:
        self._request("refresh")

    def action_toggle_enabled(self) -> None:
        self._request("toggle")

    def action_remove_feed(self) -> None:
        self._request("remove")

    def action_close(self) -> None:
        self.dismiss(None)
