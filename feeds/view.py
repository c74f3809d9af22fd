"""A paged, random-access window over one filtered ordering of the store.

The headline list asks for row ``i`` as it paints; this class answers from a small cache of
fixed-size pages fetched with keyset queries (never ``OFFSET``). A page is fetched from the key
of a neighbouring cached page; the first and last pages need no neighbour, so ``g``/``G`` are
single queries. Far jumps (scrollbar drags) walk from the nearest cached page.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feeds.query import Query
    from feeds.store import Headline, Store

PAGE_SIZE = 200
MAX_CACHED_PAGES = 64


class HeadlineWindow:
    """Random access to the headlines matching ``query``, newest first."""

    def __init__(self, store: Store, query: Query, *, page_size: int = PAGE_SIZE) -> None:
        self.store = store
        self.query = query
        self.page_size = page_size
        self.total = store.count(query)
        self._pages: OrderedDict[int, list[Headline]] = OrderedDict()

    def __len__(self) -> int:
        return self.total

    @property
    def _last_page(self) -> int:
        return max(0, (self.total - 1) // self.page_size)

    def row(self, index: int) -> Headline | None:
        """The headline at ``index``, or None outside the window."""
        if not 0 <= index < self.total:
            return None
        page_no, offset = divmod(index, self.page_size)
        page = self._page(page_no)
        return page[offset] if offset < len(page) else None

    def replace(self, headline: Headline) -> None:
        """Swap in a fresh copy of a cached headline (after read/star changes)."""
        for page in self._pages.values():
            for offset, cached in enumerate(page):
                if cached.id == headline.id:
                    page[offset] = headline
                    return

    def index_of(self, item_id: int) -> int | None:
        """Row index of an item in this ordering (an indexed count), or None if filtered out."""
        for page_no, page in self._pages.items():
            for offset, cached in enumerate(page):
                if cached.id == item_id:
                    return page_no * self.page_size + offset
        return self.store.position(self.query, item_id)

    def _page(self, page_no: int) -> list[Headline]:
        cached = self._pages.get(page_no)
        if cached is not None:
            self._pages.move_to_end(page_no)
            return cached
        lower = max((p for p in self._pages if p < page_no), default=None)
        upper = min((p for p in self._pages if p > page_no), default=None)
        from_top = page_no - (lower if lower is not None else -1)
        from_bottom = (upper if upper is not None else self._last_page + 1) - page_no
        if from_top <= from_bottom:
            start = lower if lower is not None else -1
            for step in range(start + 1, page_no + 1):
                self._fetch_forward(step)
        else:
            start = upper if upper is not None else self._last_page + 1
            for step in range(start - 1, page_no - 1, -1):
                self._fetch_backward(step)
        return self._pages.get(page_no, [])

    def _fetch_forward(self, page_no: int) -> None:
        after = self._pages[page_no - 1][-1].sort_key if page_no > 0 else None
        rows = self.store.page(self.query, after=after, limit=self.page_size)
        self._remember(page_no, rows)

    def _fetch_backward(self, page_no: int) -> None:
        if page_no == self._last_page:
            size = self.total - page_no * self.page_size
            rows = self.store.page_before(self.query, before=None, limit=size)
        else:
            before = self._pages[page_no + 1][0].sort_key
            rows = self.store.page_before(self.query, before=before, limit=self.page_size)
        self._remember(page_no, rows)

    def _remember(self, page_no: int, rows: list[Headline]) -> None:
        self._pages[page_no] = rows
        self._pages.move_to_end(page_no)
        while len(self._pages) > MAX_CACHED_PAGES:
            # Keep the page we just fetched: walks rely on their previous step being cached.
            oldest = next(iter(self._pages))
            if oldest == page_no:
                break
            del self._pages[oldest]
