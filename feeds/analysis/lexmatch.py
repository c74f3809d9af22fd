"""One Aho-Corasick pass over a folded text for leader aliases, sector phrases and role words.

Leaders (:mod:`feeds.analysis.leaders`), sectors (:mod:`feeds.analysis.sectors`) and titles
(:mod:`feeds.analysis.titles`) all look up strings in the same folded body (and headline). One
automaton holds the keys of all: leader aliases, sector phrases, the heads of the sector phrases
with inner wildcards and the role-word stems of titles. :func:`matches` runs it once per text
and hands each caller its own matches, in the order its own automaton would report them (every
match ending at an offset, longest first, offset by offset).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick

from feeds.analysis.text import non_ascii

if TYPE_CHECKING:
    from feeds.analysis.leaders import Gazetteer, _Alias
    from feeds.analysis.sectors import _Term


class Matches(NamedTuple):
    """What one pass over a folded text found (shared between callers: do not mutate)."""

    leaders: list[tuple[int, tuple[_Alias, ...]]]
    """(end offset, aliases) of every leader alias key found."""
    sectors: list[tuple[int, tuple[_Term, ...]]]
    """(end offset, terms) of every sector phrase key found."""
    heads: frozenset[str]
    """Heads of wildcard sector phrases found (see ``sectors._wild_heads``)."""
    roles: list[int]
    """Start offset of every occurrence of a role-word stem (see ``titles._ROLE_STEMS``)."""
    cues: list[int]
    """Start offset of every occurrence of a cue verb's first word (see ``quotes.cue_heads``)."""


_Value = tuple["tuple[_Alias, ...]", "tuple[_Term, ...]", str, int, int]


# Characters in order of frequency in English news copy (folded). The automaton looks a
# character up among a node's children one by one, in the order they were added: keys are
# added in this order of their characters, so that common characters are found first.
_ORDER = {c: i for i, c in enumerate(" etaoinsrhldcumfpgwybvk.,'-jxqz0123456789")}


def _key_order(key: str) -> list[int]:
    return [_ORDER.get(c, 1000 + ord(c)) for c in key]


class _Automata(NamedTuple):
    full: ahocorasick.Automaton
    """Every key."""
    ascii: ahocorasick.Automaton
    """The ASCII keys only: about a third of the root's children (whose list is scanned for
    every character that starts no key, such as a space), for texts no other key can be in."""
    key_chars: frozenset[str]
    """The non-ASCII characters of the keys: a text holding none can only match ASCII keys."""


@lru_cache(maxsize=2)
def _automata(g: Gazetteer) -> _Automata:
    """The automata of ``g``'s aliases, the sector lexicon, the wildcard heads, the role stems
    and the cue heads: of all keys, and of the ASCII keys.

    A key's value: (aliases, terms, wildcard head or "", role stem length or 0, cue head
    length or 0). Which keys are found at an offset, and their order (longest first), does
    not depend on the keys a text cannot hold, nor on the order keys are added in.
    """
    # Imported here: these modules import this one.
    from feeds.analysis.quotes import cue_heads
    from feeds.analysis.sectors import _lexicon, _wild_heads
    from feeds.analysis.titles import _ROLE_STEMS

    def slot(key: str) -> list[object]:
        return keys.setdefault(key, [(), (), "", 0, 0])

    keys: dict[str, list[object]] = {}
    for key, aliases in g.aliases.items():
        slot(key)[0] = aliases
    for key, terms in _lexicon().entries.items():
        slot(key)[1] = terms
    for *_t, head in _wild_heads():
        if head:
            slot(head)[2] = head
    for stem in _ROLE_STEMS:
        slot(stem)[3] = len(stem)
    for head in cue_heads():
        if head:
            slot(head)[4] = len(head)
    full = ahocorasick.Automaton()
    ascii = ahocorasick.Automaton()
    for key in sorted(keys, key=_key_order):
        value = tuple(keys[key])
        full.add_word(key, value)
        if key.isascii():
            ascii.add_word(key, value)
    full.make_automaton()
    ascii.make_automaton()
    key_chars = frozenset(c for key in keys for c in key if not c.isascii())
    return _Automata(full, ascii, key_chars)


@lru_cache(maxsize=8)
def matches(folded: str, g: Gazetteer) -> Matches:
    """Leader and sector matches in ``folded`` (a :func:`feeds.analysis.text.fold` output).

    Cached per text: the leader and sector steps of one article share the pass.
    """
    leaders: list[tuple[int, tuple[_Alias, ...]]] = []
    sectors: list[tuple[int, tuple[_Term, ...]]] = []
    heads: set[str] = set()
    roles: list[int] = []
    cues: list[int] = []
    value: _Value
    autos = _automata(g)
    odd = non_ascii(folded)
    auto = autos.ascii if odd is not None and autos.key_chars.isdisjoint(odd) else autos.full
    for end, value in auto.iter(folded):
        aliases, terms, head, role, cue = value
        if aliases:
            leaders.append((end, aliases))
        if terms:
            sectors.append((end, terms))
        if head:
            heads.add(head)
        if role:
            roles.append(end - role + 1)
        if cue:
            cues.append(end - cue + 1)
    return Matches(leaders, sectors, frozenset(heads), roles, cues)


def warm_up(g: Gazetteer) -> None:
    """Build the shared automata for ``g``."""
    _automata(g)
