"""SQLite storage of items, analysis and reading state, with fast filtered keyset paging."""

from feeds.store.store import Article, Headline, PageKey, Store

__all__ = ["Article", "Headline", "PageKey", "Store"]
