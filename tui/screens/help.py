"""The `?` screen: every key binding, generated from the live bindings so it never drifts."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

FILTER_HELP = (
    ("leader:tokayev", "leader by any alias, case- and accent-insensitive"),
    ("sector:energy", "one of the 17 sector ids"),
    ("source:el.kz", "outlet"),
    ("is:unread is:read is:starred", "read state and stars"),
    ("since:7d since:12h since:2024-07-01", "published since"),
    ('"exact phrase"  words  -excluded', "full-text search over title and body"),
)


class HelpScreen(ModalScreen[None]):
    """Lists (key, action, description) rows; Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help { width: 90%; max-width: 96; height: 90%; border: round $accent;
                background: $panel; padding: 0 1; }
    }
    """

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        keys = Table.grid(padding=(0, 2))
        keys.add_column(style="bold")
        keys.add_column()
        for key, description in self.rows:
            keys.add_row(Text(key), Text(description))
        filters = Table.grid(padding=(0, 2))
        filters.add_column(style="bold")
        filters.add_column()
        for example, meaning in FILTER_HELP:
            filters.add_row(Text(example), Text(meaning))
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold underline"))
            yield Static(keys)
            yield Static(Text("\nFilter language (press / )", style="bold underline"))
            yield Static(filters)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
