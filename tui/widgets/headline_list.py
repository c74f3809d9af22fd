"""The headline list: a Line-API widget that paints only the visible rows.

Rows come from a :class:`feeds.view.HeadlineWindow` (keyset pages from SQLite), so the cost of a
paint does not depend on how many items the store holds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from feeds.sanitize import clean_line
from feeds.store import Headline
from feeds.view import HeadlineWindow
from tui.render import relative_time

SOURCE_WIDTH = 13
TIME_WIDTH = 7
MAX_TAG_WIDTH = 18


def _fit(text: str, width: int) -> str:
    """Crop ``text`` to ``width`` terminal cells (wide CJK characters count two)."""
    if cell_len(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        w = cell_len(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


class HeadlineList(ScrollView, can_focus=True):
    """Newest-first headlines with unread mark, star, age, source, title and tags."""

    COMPONENT_CLASSES = {
        "headline-list--cursor",
        "headline-list--unread",
        "headline-list--read",
        "headline-list--meta",
        "headline-list--star",
        "headline-list--tags",
    }

    DEFAULT_CSS = """
    HeadlineList {
        background: $surface;
        overflow-x: hidden;
        & > .headline-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .headline-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .headline-list--unread { color: $text; text-style: bold; }
        & > .headline-list--read { color: $text-muted; }
        & > .headline-list--meta { color: $text-muted; }
        & > .headline-list--star { color: $warning; }
        & > .headline-list--tags { color: $accent; }
    }
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("pagedown", "page_down_rows", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up_rows", "Page up", show=False, id="list.page_up"),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    class Highlighted(Message):
        """The cursor moved to a new headline (or the list became empty)."""

        def __init__(self, headline: Headline | None, index: int, total: int) -> None:
            super().__init__()
            self.headline = headline
            self.index = index
            self.total = total

    def __init__(
        self,
        *,
        clock: Callable[[], datetime],
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._clock = clock
        self.window: HeadlineWindow | None = None
        self._strips: LRUCache[tuple[int, int, int, bool, bool], Strip] = LRUCache(1024)

    # -- data ---------------------------------------------------------------------------------

    def set_window(
        self, window: HeadlineWindow, *, cursor: int = 0, screen_row: int | None = None
    ) -> None:
        """Show a new ordering (a new filter or fresh data) with the cursor on row ``cursor``.

        ``screen_row`` keeps the cursor at that line of the widget (so arriving items do not
        move what the reader is looking at); by default it sits a third of the way down.
        """
        self.window = window
        self._strips.clear()
        self.virtual_size = Size(0, len(window))
        index = min(max(cursor, 0), max(len(window) - 1, 0))
        self.set_reactive(HeadlineList.cursor, index)
        offset = self.size.height // 3 if screen_row is None else screen_row
        self.scroll_to(y=max(0, index - offset), animate=False, immediate=True)
        self.refresh()
        self._post_highlight()

    def refresh_headline(self, headline: Headline) -> None:
        """Repaint one row after its read/star state changed."""
        if self.window is None:
            return
        self.window.replace(headline)
        self._strips.clear()
        self.refresh()

    @property
    def current(self) -> Headline | None:
        return self.window.row(self.cursor) if self.window else None

    @property
    def total(self) -> int:
        return len(self.window) if self.window else 0

    # -- cursor -------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return min(max(value, 0), max(self.total - 1, 0))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_cursor_into_view()
        self._post_highlight()

    def _post_highlight(self) -> None:
        self.post_message(self.Highlighted(self.current, self.cursor, self.total))

    def _refresh_row(self, index: int) -> None:
        y = index - int(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh_line(y)

    def _scroll_cursor_into_view(self) -> None:
        top = int(self.scroll_offset.y)
        height = max(self.size.height, 1)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(self.total - 1, 0)

    def action_page_down_rows(self) -> None:
        self.cursor += max(self.size.height - 1, 1)

    def action_page_up_rows(self) -> None:
        self.cursor -= max(self.size.height - 1, 1)

    def on_click(self, event: events.Click) -> None:
        self.cursor = int(self.scroll_offset.y) + event.y
        self.focus()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self) -> None:
        self._strips.clear()

    # -- painting -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        headline = self.window.row(index) if self.window else None
        if headline is None:
            return Strip.blank(width, self.rich_style)
        is_cursor = index == self.cursor
        cache_key = (headline.id, width, index, is_cursor, self.has_focus)
        cached = self._strips.get(cache_key)
        if cached is not None:
            return cached
        strip = self._render_headline(headline, width, is_cursor)
        self._strips[cache_key] = strip
        return strip

    def _render_headline(self, headline: Headline, width: int, is_cursor: bool) -> Strip:
        base = self.get_component_rich_style(
            "headline-list--unread" if not headline.read else "headline-list--read"
        )
        meta = self.get_component_rich_style("headline-list--meta")
        star = self.get_component_rich_style("headline-list--star")
        tags_style = self.get_component_rich_style("headline-list--tags")
        row_bg = self.rich_style
        cursor_style = self.get_component_rich_style("headline-list--cursor") if is_cursor else None

        tags = " ".join(
            [clean_line(t) for t in headline.leader_tags] + [f"#{t}" for t in headline.sector_tags]
        )
        age = relative_time(headline.published, self._clock()).rjust(TIME_WIDTH - 1)
        # "+N": the same story also came from N other outlets (c lists them).
        more = f" +{headline.outlets}" if headline.outlets else ""
        source_room = SOURCE_WIDTH - len(more)
        source = (_fit(clean_line(headline.source) or "—", source_room) + more).ljust(SOURCE_WIDTH)
        fixed = 2 + 2 + TIME_WIDTH + SOURCE_WIDTH + 1
        title_room = max(width - fixed, 0)
        # Tags get what the title can spare: never more than a quarter of the room.
        tag_room = min(cell_len(tags), MAX_TAG_WIDTH, title_room // 4) if tags else 0
        title_width = max(title_room - (tag_room + 1 if tag_room else 0), 0)
        title = _fit(clean_line(headline.title), title_width)

        segments = [
            Segment("● " if not headline.read else "  ", star if not headline.read else meta),
            Segment("★ " if headline.starred else "  ", star),
            Segment(age + " ", meta),
            Segment(source + " ", meta),
            Segment(title + " " * (title_width - cell_len(title)), base),
        ]
        if tag_room:
            segments.append(Segment(" " + _fit(tags, tag_room), tags_style))
        if cursor_style is not None:
            # The cursor's colours win over the per-column ones so the row reads as one bar.
            segments = [Segment(s.text, (s.style or Style()) + cursor_style) for s in segments]
            return Strip(segments).adjust_cell_length(width, cursor_style)
        return Strip(segments).apply_style(row_bg).adjust_cell_length(width, row_bg)
