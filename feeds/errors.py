"""One exception family for everything the core can raise on bad input or I/O."""

from __future__ import annotations


class FeedError(Exception):
    """Root of newsdesk's errors; ``str()`` is a one-line message fit for a user."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        cause = self.__cause__
        text = f"{self.source}: {self.message}" if self.source else self.message
        if cause is not None and str(cause) and str(cause) not in text:
            text = f"{text} ({cause})"
        return text


class ParseError(FeedError):
    """Input bytes could not be turned into items."""


class LoadError(FeedError):
    """A local file or directory could not be read."""


class FetchError(FeedError):
    """A network fetch failed (DNS, refused, TLS, timeout, HTTP status, size cap...)."""


class StoreError(FeedError):
    """The SQLite store could not be opened, migrated or written."""


class QueryError(FeedError):
    """A filter query could not be understood."""
