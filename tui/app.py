"""The Textual application and the one factory used by the CLI, the tests and the screenshots."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from feeds.config import Config
from feeds.sanitize import clean_line
from feeds.store import Store
from feeds.subscriptions import Subscription, load_subscriptions
from tui.screens.main import MainScreen


def _now() -> datetime:
    return datetime.now(UTC)


class NewsdeskApp(App[None]):
    """Keyboard-driven news triage over one store."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, id="app.quit_ctrl_c"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = _now,
        config: Config | None = None,
        subscriptions: Callable[[], list[Subscription]] = load_subscriptions,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.config = config or Config()
        self.subscriptions = subscriptions

    def on_mount(self) -> None:
        if self.config.keymap:
            # Users remap by binding id (see `?`), e.g. "main.toggle_star" = "f".
            self.set_keymap(self.config.keymap)
        self.push_screen(
            MainScreen(
                self.store,
                self.clock,
                subscriptions=self.subscriptions,
                auto_refresh_minutes=self.config.auto_refresh_minutes,
            )
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield SystemCommand(
                "Filter news", "Focus the filter bar (/)", screen.action_focus_filter
            )
            yield SystemCommand(
                "Pick a leader", "Leaders in this view (l)", screen.action_pick_leader
            )
            yield SystemCommand(
                "Pick a sector", "Sectors in this view (t)", screen.action_pick_sector
            )
            yield SystemCommand(
                "Next unread", "Jump to the next unread item (n)", screen.action_next_unread
            )
            yield SystemCommand("Toggle read", "Mark read or unread (m)", screen.action_toggle_read)
            yield SystemCommand("Toggle star", "Star or unstar (s)", screen.action_toggle_star)
            yield SystemCommand("Copy link", "Copy the item's link (y)", screen.action_copy_link)
            yield SystemCommand("Keys", "Show every key binding (?)", screen.action_help)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification passes the display sanitiser and is never parsed as markup.

        Messages quote feed titles, server errors and file names (SECURITY.md §1–§2); this is the
        one door they all go through (widgets' ``notify`` calls land here too).
        """
        super().notify(
            clean_line(message),
            title=clean_line(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_unmount(self) -> None:
        self.store.close()


def make_app(
    *,
    db_path: Path | None = None,
    store: Store | None = None,
    clock: Callable[[], datetime] = _now,
    config: Config | None = None,
    subscriptions: Callable[[], list[Subscription]] = load_subscriptions,
) -> NewsdeskApp:
    """Build the app on ``store`` (or the store at ``db_path``, or the default store)."""
    if store is None:
        from feeds.leader_lookup import resolve_leader_term
        from feeds.paths import default_db_path

        store = Store.open(db_path or default_db_path(), leader_resolver=resolve_leader_term)
    return NewsdeskApp(store, clock=clock, config=config, subscriptions=subscriptions)
