"""Lazy gazetteer lookup for ``leader:`` filters.

The analysis engine takes ~80 ms to import; the app only needs it once a leader filter is
typed, so the store is given this function instead of the engine's.
"""

from __future__ import annotations


def resolve_leader_term(term: str) -> frozenset[str]:
    """Leader ids for a filter term (any alias, case- and accent-insensitive)."""
    from feeds.analysis.leaders import match_leader_term

    return match_leader_term(term)
