"""Leaders gazetteer: name/alias matching with Aho-Corasick over folded text.

The gazetteer ships as ``data/leaders.json`` (built by ``scripts/build_gazetteer.py``) and is
loaded once, lazily. Matching runs on :func:`feeds.analysis.text.fold` of the body, which keeps
every offset, so spans index straight into the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from feeds.analysis.text import fold, is_word_char, load_json

# Russian case endings allowed after a Cyrillic alias ("Токаеву", "Си Цзиньпином").
_RU_ENDINGS = ("ом", "ым", "ой", "ем", "а", "у", "е", "ы", "я", "ю")
# Words that may precede a bare surname without making it someone else's name.
_OK_BEFORE = frozenset(
    [
        "president",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lady",
        "lord",
        "leader",
        "secretary",
        "general",
        "the",
        "but",
        "and",
        "when",
        "as",
        "if",
        "while",
        "after",
        "before",
        "then",
        "so",
        "yet",
        "for",
        "during",
        "under",
        "with",
        "without",
        "by",
        "from",
        "on",
        "in",
        "at",
        "to",
        "of",
        "that",
        "said",
        "says",
        "told",
        "according",
        "emir",
        "sultan",
        "supreme",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "managing",
        "madam",
        "senator",
        "governor",
        "former",
        "mayor",
        "vice",
        "late",
        "yesterday",
        "today",
        "meanwhile",
        "however",
        "also",
        "now",
        "here",
        "there",
        "last",
        "this",
        "earlier",
        "later",
        "finally",
        "still",
        "indeed",
        "instead",
        "while",
        "although",
        "though",
        "because",
    ]
)
_CYR = re.compile(r"[\u0400-\u04ff]")
_CJK = re.compile(r"[\u3040-\u9fff]")


@dataclass(frozen=True, slots=True)
class Term:
    """One period in one office."""

    office: str
    title: str
    role: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls in ``[start, end)``."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A gazetteer entry."""

    id: str
    name: str
    country: str
    terms: tuple[Term, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Alias:
    pid: str
    text: str
    length: int
    kind: str  # "latin", "cs" (case-sensitive short), "cyr", "cjk"
    weak: bool
    single: bool  # one token: a surname, guarded against other people's first names


@dataclass
class Gazetteer:
    """People by id plus the alias automaton."""

    people: dict[str, Person]
    automaton: ahocorasick.Automaton
    by_alias: dict[str, set[str]] = field(default_factory=dict)

    def holder(
        self, office: str, day: dt.date, titles: Iterable[str] = (), role: str | None = None
    ) -> Person | None:
        """Who held ``office`` with one of ``titles`` (or ``role``) on ``day``."""
        titles = set(titles)
        best: tuple[dt.date, Person] | None = None
        for p in self._by_office().get(office, ()):
            for t in p.terms:
                if t.office != office or not t.covers(day):
                    continue
                if (titles and t.title in titles) or (role and t.role == role):
                    start = t.start or dt.date.min
                    if best is None or start > best[0]:
                        best = (start, p)
        return best[1] if best else None

    @cache  # noqa: B019 - one gazetteer per process, the cache lives as long as it
    def _by_office(self) -> dict[str, list[Person]]:
        out: dict[str, list[Person]] = {}
        for p in self.people.values():
            for o in {t.office for t in p.terms}:
                out.setdefault(o, []).append(p)
        return out

    def __hash__(self) -> int:
        return id(self)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _kind(alias: str) -> str:
    if _CJK.search(alias):
        return "cjk"
    if _CYR.search(alias):
        return "cs" if len(alias) <= 3 else "cyr"
    return "cs" if len(alias) <= 3 else "latin"


@cache
def gazetteer() -> Gazetteer:
    """Load ``leaders.json`` once and build the automaton."""
    data = load_json("leaders.json")
    people: dict[str, Person] = {}
    auto = ahocorasick.Automaton()
    entries: dict[str, list[_Alias]] = {}
    by_alias: dict[str, set[str]] = {}
    for p in data["people"]:
        terms = tuple(
            Term(t["office"], t["title"], t["role"], _date(t["start"]), _date(t["end"]))
            for t in p["terms"]
        )
        aliases = (p["name"], *p["aliases"])
        people[p["id"]] = Person(p["id"], p["name"], p["country"], terms, aliases)
        for text, weak in [(a, False) for a in aliases] + [(a, True) for a in p["weak_aliases"]]:
            key = fold(text)
            by_alias.setdefault(key, set()).add(p["id"])
            entries.setdefault(key, []).append(
                _Alias(p["id"], text, len(text), _kind(text), weak, " " not in text.strip())
            )
    for key, lst in entries.items():
        auto.add_word(key, tuple(lst))
    auto.make_automaton()
    return Gazetteer(people, auto, by_alias)


def match_leader_term(term: str) -> frozenset[str]:
    """Leader ids whose name or any alias equals ``term`` (case/accent-insensitive)."""
    key = " ".join(fold(term).split())
    if not key:
        return frozenset()
    g = gazetteer()
    hits = set(g.by_alias.get(key, ()))
    if not hits:
        # Cyrillic filter terms may be typed inflected ("Токаеву").
        for end in _RU_ENDINGS:
            if key.endswith(end) and len(key) > len(end) + 2:
                hits |= g.by_alias.get(key[: -len(end)], set())
    if key in g.people:
        hits.add(key)
    return frozenset(hits)


def all_leaders() -> list[tuple[str, str, str]]:
    """(id, display name, country) for every gazetteer person, sorted by name."""
    return sorted(
        ((p.id, p.name, p.country) for p in gazetteer().people.values()), key=lambda x: fold(x[1])
    )


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word ending right before ``pos`` (skipping spaces) and its start offset."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (is_word_char(text[j - 1]) or text[j - 1] in ".-'’"):
        j -= 1
    return text[j:i], j


def _sentence_initial(text: str, pos: int) -> bool:
    """True when only spaces and opening punctuation separate ``pos`` from a sentence end."""
    i = pos
    while i > 0 and text[i - 1] in ' \t"“«‘(':
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n:;"


def find_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, person id) of alias mentions, longest-leftmost, no overlaps."""
    if not text:
        return []
    g = gazetteer()
    folded = fold(text)
    n = len(text)
    raw: list[tuple[int, int, _Alias]] = []
    for end_idx, lst in g.automaton.iter(folded):
        for a in lst:
            s, e = end_idx - a.length + 1, end_idx + 1
            if a.kind != "cjk":
                if s > 0 and is_word_char(folded[s - 1]):
                    continue
                if a.kind == "cyr" and e < n and is_word_char(folded[e]):
                    for ending in _RU_ENDINGS:
                        k = e + len(ending)
                        if folded.startswith(ending, e) and (k >= n or not is_word_char(folded[k])):
                            e = k
                            break
                if e < n and is_word_char(folded[e]):
                    continue
                if a.kind == "cs" and text[s : s + a.length] != a.text:
                    continue
                # Names are capitalised: "may" or "brown" in running text are words.
                if a.text[:1].isupper() and not text[s].isupper():
                    continue
            raw.append((s, e, a))
    raw.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    chosen: list[tuple[int, int, _Alias]] = []
    last_end = -1
    for s, e, a in raw:
        if s >= last_end:
            chosen.append((s, e, a))
            last_end = e
    strong = {a.pid for _, _, a in chosen if not a.weak}
    out: list[tuple[int, int, str]] = []
    for s, e, a in chosen:
        if a.weak and a.pid not in strong:
            continue
        if a.single and a.kind == "latin":
            # "Jeb Bush", "Hillary Clinton": a capitalised unknown word right before a
            # surname is someone else's first name.
            w, _ = _prev_word(text, s)
            if w and w[:1].isupper() and fold(w).strip(".") not in _OK_BEFORE:
                continue
        out.append((s, e, a.pid))
    return out
