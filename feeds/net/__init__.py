"""Network access for newsdesk: one bounded, polite, SSRF-aware fetch (see ``fetch``)."""

from feeds.net.fetch import (
    USER_AGENT,
    FailureKind,
    FetchClient,
    Fetched,
    FetchFailure,
    FetchLimits,
    NotModified,
    fetch,
    fetch_many,
    make_client,
    parse_retry_after,
)

__all__ = [
    "USER_AGENT",
    "FailureKind",
    "FetchFailure",
    "FetchLimits",
    "FetchClient",
    "Fetched",
    "NotModified",
    "fetch",
    "fetch_many",
    "make_client",
    "parse_retry_after",
]
