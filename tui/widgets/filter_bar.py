"""The filter bar: leader/sector chips (removable) and the rest of the query as text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static

from feeds.errors import QueryError
from feeds.query import Query, complete, parse_query
from feeds.sanitize import clean_line


class QuerySuggester(Suggester):
    """Completes the token under the cursor: filter keys, leader names, sector ids."""

    def __init__(self, leader_names: Callable[[], Sequence[str]], sector_ids: Sequence[str]):
        super().__init__(use_cache=False, case_sensitive=True)
        self._leader_names = leader_names
        self._sector_ids = sector_ids

    async def get_suggestion(self, value: str) -> str | None:
        if not value or value.endswith(" "):
            return None
        token_start = value.rfind(" ") + 1
        token = value[token_start:]
        for option in complete(value, len(value), self._leader_names(), self._sector_ids):
            completed = _extend(token, option)
            if completed is not None and completed != token:
                return value[:token_start] + completed
        return None


def _extend(token: str, option: str) -> str | None:
    """``option`` written so it starts with what was typed, or None.

    Inline suggestions can only append: ``leader:toka`` cannot become
    ``leader:"Kassym-Jomart Tokayev"``, so it becomes ``leader:tokayev`` (any alias matches).
    """
    if option.lower().startswith(token.lower()):
        return token + option[len(token) :]
    key, _, typed = token.partition(":")
    if not typed:
        return None
    name = option.partition(":")[2].strip('"')
    for word in re.split(r"[\s\-]+", name):
        if word.lower().startswith(typed.lower()):
            return f"{key}:{typed}{word[len(typed) :].lower()}"
    return None


class Chip(Static):
    """One active leader or sector filter; click it (or Delete on it) to remove it."""

    can_focus = True
    BINDINGS = [
        Binding("delete,backspace,x", "remove", "Remove filter", id="chip.remove"),
    ]

    class Removed(Message):
        def __init__(self, kind: str, value: str) -> None:
            super().__init__()
            self.kind = kind
            self.value = value

    def __init__(self, kind: str, value: str) -> None:
        label = Text(f"{kind}:{clean_line(value)} ✕", end="")
        super().__init__(label, classes=f"chip chip-{kind}")
        self.kind = kind
        self.value = value

    def on_click(self) -> None:
        self.action_remove()

    def action_remove(self) -> None:
        self.post_message(self.Removed(self.kind, self.value))


class FilterBar(Horizontal):
    """Always visible above the list. Enter applies, Esc clears and returns to the list."""

    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        dock: top;
        background: $panel;
        padding: 0 1;
        #chips { width: auto; height: 1; }
        .chip {
            width: auto;
            height: 1;
            margin: 0 1 0 0;
            padding: 0 1;
            background: $accent 30%;
            color: $text;
            &:focus { background: $accent; }
        }
        .chip-sector { background: $secondary 30%; }
        #filter-input { width: 1fr; height: 1; border: none; padding: 0 1; background: $panel; }
        #filter-input:focus { background: $boost; }
    }
    """

    BINDINGS = [Binding("escape", "clear", "Clear filter", id="filter.clear")]

    class Applied(Message):
        """The user pressed Enter (or removed a chip): apply this query."""

        def __init__(self, query: Query) -> None:
            super().__init__()
            self.query = query

    class Cleared(Message):
        """Esc: the filter was emptied; focus goes back to the list."""

    def __init__(
        self,
        *,
        leader_names: Callable[[], Sequence[str]],
        sector_ids: Sequence[str],
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._suggester = QuerySuggester(leader_names, sector_ids)
        self.query_value: Query = parse_query("")

    def compose(self) -> ComposeResult:
        yield Horizontal(id="chips")
        yield Input(
            placeholder='/ filter: leader:tokayev sector:energy is:unread since:7d "phrase" -word',
            suggester=self._suggester,
            id="filter-input",
            select_on_focus=False,
        )

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    def show_query(self, query: Query) -> None:
        """Render ``query``: leaders and sectors as chips, everything else as editable text."""
        self.query_value = query
        chips = self.query_one("#chips", Horizontal)
        chips.remove_children()
        chips.mount_all(
            [Chip("leader", v) for v in query.leaders] + [Chip("sector", v) for v in query.sectors]
        )
        self.input.value = replace(query, leaders=(), sectors=()).to_text()

    def current_query(self) -> Query:
        """Chips plus whatever is typed (raises QueryError on bad input)."""
        typed = parse_query(self.input.value)
        return replace(
            typed,
            leaders=_merge(self.query_value.leaders, typed.leaders),
            sectors=_merge(self.query_value.sectors, typed.sectors),
        )

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            query = self.current_query()
        except QueryError as error:
            self.app.notify(str(error), title="Filter", severity="error", markup=False)
            return
        self.post_message(self.Applied(query))

    @on(Chip.Removed)
    def _chip_removed(self, event: Chip.Removed) -> None:
        event.stop()
        kind = "leaders" if event.kind == "leader" else "sectors"
        self.post_message(self.Applied(self.query_value.without(kind, event.value)))

    def action_clear(self) -> None:
        self.input.value = ""
        self.post_message(self.Cleared())


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """Both tuples' values in order, without repeats."""
    return tuple(dict.fromkeys(first + second))
