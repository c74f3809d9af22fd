"""Leaders gazetteer: name/alias matching with Aho-Corasick over folded text.

The gazetteer ships as ``data/leaders.json`` (built by ``scripts/build_gazetteer.py``) and is
loaded once, lazily. Matching runs on :func:`feeds.analysis.text.fold` of the body, which keeps
every offset, so spans index straight into the original text.

People the user configured (``[[people]]`` in ``config.toml``: ministers, CEOs) are merged into
the same gazetteer under ids ``person:<slug>``, so they match, highlight and filter like leaders.
Tests inject them with :func:`set_extra_people` instead of reading the real configuration.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from feeds.analysis.lexmatch import matches
from feeds.analysis.text import fold, is_word_char, load_json
from feeds.config import Person as ConfigPerson

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
    role: str = ""
    """Free-text role of a configured person ("Prime Minister"); empty for gazetteer leaders."""
    short: str = ""
    """Compact tag for headline rows ("Tokayev", "von der Leyen", "Lula"); empty: from name."""

    def first_start(self) -> dt.date | None:
        """Start of the earliest term; None when a term has no known start or there are none."""
        return _first_start(self.terms)

    def rank(self, day: dt.date) -> tuple[int, dt.date]:
        """Sort key for people sharing an alias: in office on ``day`` first, then the latest
        to have left office before it, then the earliest to come (``max`` picks the best)."""
        if not self.terms or any(t.covers(day) for t in self.terms):
            return (2, dt.date.max)
        past = [t.end for t in self.terms if t.end is not None and t.end <= day]
        if past:
            return (1, max(past))
        first = self.first_start() or dt.date.max
        return (0, dt.date.max - (first - dt.date.min))


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
    surname: dict[str, str] = field(default_factory=dict)
    """Person id → folded last token of the canonical name ("bush")."""
    given: dict[str, frozenset[str]] = field(default_factory=dict)
    """Person id → folded tokens of their names other than the surname ("george", "w.")."""
    by_surname: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Folded surname → ids of everyone with that surname (for "President Clinton")."""
    first: dict[str, dt.date | None] = field(default_factory=dict)
    """Person id → start of their first term (asked for every alias hit, so precomputed)."""
    aliases: dict[str, tuple[_Alias, ...]] = field(default_factory=dict)
    """Folded alias → its entries (the keys and values of :attr:`automaton`)."""

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

    def office_holders(self, office: str) -> list[Person]:
        """Everyone with a term in ``office``, in gazetteer order (do not mutate)."""
        return self._by_office().get(office, [])

    @cache  # noqa: B019 - one gazetteer per process, the cache lives as long as it
    def _by_office(self) -> dict[str, list[Person]]:
        out: dict[str, list[Person]] = {}
        for p in self.people.values():
            for o in {t.office for t in p.terms}:
                out.setdefault(o, []).append(p)
        return out

    def __hash__(self) -> int:
        return id(self)


def _first_start(terms: tuple[Term, ...]) -> dt.date | None:
    starts = [t.start for t in terms]
    if not starts or any(s is None for s in starts):
        return None
    return min(s for s in starts if s is not None)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _kind(alias: str) -> str:
    if _CJK.search(alias):
        return "cjk"
    if _CYR.search(alias):
        return "cs" if len(alias) <= 3 else "cyr"
    return "cs" if len(alias) <= 3 else "latin"


_extra_people: tuple[ConfigPerson, ...] | None = None


def set_extra_people(people: Iterable[ConfigPerson] | None) -> None:
    """Use ``people`` as the configured people (None: read ``config.toml`` again).

    The gazetteer is rebuilt on next use. Tests call this so they never read the real
    configuration directory; the app may call it after the user edits their config.
    """
    global _extra_people
    _extra_people = None if people is None else tuple(people)
    gazetteer.cache_clear()


def _configured_people() -> tuple[ConfigPerson, ...]:
    if _extra_people is not None:
        return _extra_people
    # Imported here: the config module pulls in platformdirs, not needed by most callers.
    from feeds.config import ConfigError, load_config

    try:
        return load_config().people
    except ConfigError:
        return ()  # a broken config must not break analysis; the app reports it elsewhere


def person_slug(name: str) -> str:
    """ "Olzhas Bektenov" → "olzhas-bektenov" (the id suffix of a configured person)."""
    return re.sub(r"[^\w]+", "-", fold(name)).strip("-")


@cache
def gazetteer() -> Gazetteer:
    """Load ``leaders.json`` once, merge the configured people, build the automaton."""
    data = load_json("leaders.json")
    people: dict[str, Person] = {}
    entries: dict[str, list[_Alias]] = {}
    by_alias: dict[str, set[str]] = {}

    def add(person: Person, strong: Iterable[str], weak: Iterable[str]) -> None:
        people[person.id] = person
        for text, is_weak in [(a, False) for a in strong] + [(a, True) for a in weak]:
            key = fold(text)
            if not key.strip():
                continue
            by_alias.setdefault(key, set()).add(person.id)
            entries.setdefault(key, []).append(
                _Alias(person.id, text, len(text), _kind(text), is_weak, " " not in text.strip())
            )

    for p in data["people"]:
        terms = tuple(
            Term(t["office"], t["title"], t["role"], _date(t["start"]), _date(t["end"]))
            for t in p["terms"]
        )
        aliases = (p["name"], *p["aliases"])
        person = Person(p["id"], p["name"], p["country"], terms, aliases, short=p.get("short", ""))
        add(person, aliases, p["weak_aliases"])
    for cp in _configured_people():
        names = [n for n in dict.fromkeys((cp.name, *cp.aliases)) if n.strip()]
        if not names:
            continue
        known = set().union(*(by_alias.get(fold(n), set()) for n in names))
        gaz = [pid for pid in known if not pid.startswith("person:")]
        if len(gaz) == 1 and fold(cp.name) in {fold(a) for a in people[gaz[0]].aliases}:
            # Already a leader: the user's spellings become extra aliases of that entry, so
            # one person never shows up twice.
            add(people[gaz[0]], names, ())
            continue
        pid = "person:" + person_slug(cp.name)
        add(Person(pid, cp.name, cp.country, (), tuple(names), cp.role), names, ())

    auto = ahocorasick.Automaton()
    values = {key: tuple(lst) for key, lst in entries.items()}
    for key, value in values.items():
        auto.add_word(key, value)
    auto.make_automaton()
    surname: dict[str, str] = {}
    given: dict[str, frozenset[str]] = {}
    by_surname: dict[str, list[str]] = {}
    for pid, person in people.items():
        toks = fold(person.name).split()
        if len(toks) < 2:
            continue
        surname[pid] = toks[-1]
        by_surname.setdefault(toks[-1], []).append(pid)
        own = {t for a in person.aliases if len(a.split()) > 1 for t in fold(a).split()}
        given[pid] = frozenset(own - {toks[-1]})
    return Gazetteer(
        people,
        auto,
        by_alias,
        surname,
        given,
        {k: tuple(v) for k, v in by_surname.items()},
        {pid: person.first_start() for pid, person in people.items()},
        values,
    )


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


# A weak surname followed by one of these names a government, hence that leader ("the Carter
# administration", "Brown's government").
_WEAK_OK_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:administration|government|presidency|premiership|cabinet|era)\b"
)
# "Ronald Reagan Washington National Airport", "the Nelson Mandela Foundation", "JFK airport",
# "USS Harry S. Truman": places, bodies and ships named after a leader are not the leader.
_NAMESAKE_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:[Aa]irport|Building|Cent(?:er|re)|Library|Foundation|"
    r"Institute|University|College|Bridge|Square|Street|Avenue|Ave|Boulevard|Blvd|Drive|Road|"
    r"Parkway|Expressway|Highway|Stadium|"
    r"Memorial|School|Hospital|Museum|Station|Prize|Award|Fellowship|Scholarship)\b"
)
_NAMESAKE_BEFORE = ("USS ", "HMS ", "INS ", "RFS ")


@cache
def _org_patterns() -> dict[str, re.Pattern[str]]:
    """International organisation code → a pattern for its names ("Fed", "Federal Reserve")."""
    orgs: dict[str, dict[str, list[str]]] = load_json("countries.json")["orgs"]
    return {
        code: re.compile(r"\b(?:" + "|".join(map(re.escape, o["names"])) + r")\b")
        for code, o in orgs.items()
    }


def _org_named(text: str, code: str) -> bool:
    """Whether the article names the organisation ``code`` heads: then its head's ambiguous
    surname is them ("Powell" beside "the Fed" is the Fed's chair, not Colin Powell)."""
    pattern = _org_patterns().get(code)
    return pattern is not None and pattern.search(text) is not None


# "Bill and Hillary Clinton": a first name coordinated with someone else's full name.
# Matched at each " and " found by str.find, which is much cheaper than scanning every word.
_COORD = re.compile(r" (?:and|&) [A-Z][a-z]+ ([A-Z][\w'’-]+)")


def _future(g: Gazetteer, pid: str, day: dt.date) -> bool:
    """True when every term starts after ``day``: not yet a leader when the article appeared."""
    first = g.first.get(pid)
    return first is not None and first > day


def _surname_first(g: Gazetteer, pid: str, text: str, start: int, end: int) -> bool:
    """Whether the surname at ``start:end`` is written first in this person's name and is
    followed by a capitalised word that is not one of their given names."""
    person = g.people.get(pid)
    if person is None or fold(person.name).split()[0] != fold(text[start:end]):
        return False
    i = end
    while i < len(text) and text[i] in " \t":
        i += 1
    j = i
    while j < len(text) and (is_word_char(text[j]) or text[j] in "-'’"):
        j += 1
    word = text[i:j]
    # Only a word spelling Mandarin syllables is another person's given name: a headline's
    # "Xi Says", "Meets Xi In Bali" or "Xi Tuesday" keeps Xi.
    return (
        i > end
        and word[:1].isupper()
        and _PINYIN_NAME.fullmatch(fold(word).replace("-", "")) is not None
        and fold(word) not in g.given.get(pid, frozenset())
    )


# Pinyin syllables (initial + final); a syllable with no initial only at the start, and only
# for finals beginning with a, o or e (others are spelt with y or w).
_PINYIN_FINAL = (
    "(?:iang|iong|uang|ueng|ang|eng|ong|ian|iao|ing|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in"
    "|ua|uo|ui|un|ue|a|o|e|i|u)"
)
_PINYIN_SYLLABLE = rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]){_PINYIN_FINAL}"
_PINYIN_NAME = re.compile(
    rf"(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e|{_PINYIN_SYLLABLE})(?:{_PINYIN_SYLLABLE})*"
)


def _capitalised_run(text: str, pos: int) -> list[str]:
    """Up to three capitalised words (names, initials) right before ``pos``."""
    out: list[str] = []
    for _ in range(3):
        w, start = _prev_word(text, pos)
        if not w or not w[:1].isupper():
            break
        out.append(w)
        pos = start
    return out


def find_names(text: str, day: dt.date | None = None) -> list[tuple[int, int, str]]:
    """(start, end, person id) of alias mentions, longest-leftmost, no overlaps.

    With ``day`` (the article date) people whose first term starts later are left out (in 2005
    "Gordon Brown" is a chancellor, not a leader), and an alias several people share
    ("Kirchner", "Aliyev") goes to whoever was in office then, else to the latest before.
    """
    if not text:
        return []
    g = gazetteer()
    folded = fold(text)
    n = len(text)
    raw: list[tuple[int, int, _Alias]] = []
    # The alias automaton's matches, from the pass shared with the sector lexicon.
    for end_idx, lst in matches(folded, g).leaders:
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
            if day is not None and _future(g, a.pid, day):
                continue
            raw.append((s, e, a))
    raw.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    # Longest-leftmost spans; people sharing the exact span compete by date below.
    spans: list[tuple[int, int, list[_Alias]]] = []
    last_end = -1
    for s, e, a in raw:
        if spans and spans[-1][0] == s and spans[-1][1] == e:
            spans[-1][2].append(a)
        elif s >= last_end:
            spans.append((s, e, [a]))
            last_end = e
    when = day or dt.date.today()
    chosen: list[tuple[int, int, _Alias]] = []
    for s, e, alts in spans:
        if len(alts) > 1:
            alts.sort(key=lambda a: (g.people[a.pid].rank(when), not a.weak), reverse=True)
        chosen.append((s, e, alts[0]))
    strong = {a.pid for _, _, a in chosen if not a.weak}
    out: list[tuple[int, int, str]] = []
    for s, e, a in chosen:
        pid = a.pid
        if (
            a.weak
            and pid not in strong
            and not _WEAK_OK_AFTER.match(text, e)
            and not _org_named(text, g.people[pid].country)
        ):
            continue
        if text.startswith(_NAMESAKE_BEFORE, max(0, s - 4), s) or _NAMESAKE_AFTER.match(text, e):
            continue
        if a.single and a.kind in ("latin", "cs") and _surname_first(g, pid, text, s, e):
            # "Xi Mingze", "Xi Zhongxun": a surname written first (Chinese order) followed by
            # another Mandarin given name is someone else (the full "Xi Jinping" is a longer
            # alias and never gets here).
            continue
        if a.kind == "latin" and (a.single or a.text[:1].islower()):
            # "Jeb Bush", "Hillary Clinton", "Isabel dos Santos": a capitalised unknown word
            # right before a surname (with or without its particle) is someone else's first
            # name, unless the run of capitalised words holds this person's own given names
            # ("Nursultan Abish-uly Nazarbayev", "Vladimir V.").
            w, _ = _prev_word(text, s)
            if w and w[:1].isupper() and fold(w).strip(".") not in _OK_BEFORE:
                own = g.given.get(pid, frozenset())
                if not any(fold(x).strip(".,") in own for x in _capitalised_run(text, s)):
                    continue
            # A bare surname after someone of that surname was named in full is that person
            # ("President George H.W. Bush ... Bush said").
            key = fold(text[s:e])
            for _s, _e, other in reversed(out):
                if other != pid and g.surname.get(other) == key and _e - _s > e - s:
                    pid = other
                    break
        out.append((s, e, pid))
    if " and " in text or " & " in text:
        out = _coordinated(text, g, out, day)
    return out


def _coordinated(
    text: str, g: Gazetteer, found: list[tuple[int, int, str]], day: dt.date | None
) -> list[tuple[int, int, str]]:
    """Add "Bill" in "Bill and Hillary Clinton" when "Bill Clinton" is a known name."""
    taken = [(s, e) for s, e, _ in found]
    extra: list[tuple[int, int, str]] = []
    for sep in (" and ", " & "):
        i = text.find(sep)
        while i >= 0:
            m = _COORD.match(text, i)
            at = i
            i = text.find(sep, i + 1)
            if m is None:
                continue
            first, s = _prev_word(text, at)
            if not first.isalpha() or not first[:1].isupper():
                continue
            pids = g.by_alias.get(fold(f"{first} {m.group(1)}"), set())
            pids = {p for p in pids if day is None or not _future(g, p, day)}
            e = s + len(first)
            if len(pids) == 1 and not any(ts < e and s < te for ts, te in taken):
                extra.append((s, e, next(iter(pids))))
    return sorted(found + extra) if extra else found
