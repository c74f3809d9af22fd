"""Titles that name a leader: "President of Kazakhstan", "Chinese President", "the president".

A title resolves to the office holder on the article date ("President of Kazakhstan" in 2005 is
Nazarbayev, in 2024 Tokayev). Bare titles ("the president", "глава государства") resolve to the
most recent person already mentioned in the article who holds that title.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from feeds.analysis.leaders import Gazetteer, Person, gazetteer
from feeds.analysis.lexmatch import matches
from feeds.analysis.text import fold, is_word_char, load_json

# Role phrase (folded) → (title keys, role). An empty title set means "by role".
_ROLES: dict[str, tuple[frozenset[str], str | None]] = {
    "president": (frozenset({"president"}), None),
    "prime minister": (frozenset({"prime_minister"}), None),
    "premier": (frozenset({"prime_minister"}), None),
    "chancellor": (frozenset({"chancellor"}), None),
    "king": (frozenset({"monarch"}), None),
    "queen": (frozenset({"monarch"}), None),
    "emir": (frozenset({"monarch"}), None),
    "supreme leader": (frozenset({"supreme_leader"}), None),
    "head of state": (frozenset(), "head_of_state"),
    "head of government": (frozenset(), "head_of_government"),
    "head": (frozenset(), "leader"),
    "leader": (frozenset(), "leader"),
    "chief": (frozenset(), "leader"),
    "secretary-general": (frozenset({"secretary_general"}), None),
    "secretary general": (frozenset({"secretary_general"}), None),
    "managing director": (frozenset({"managing_director"}), None),
    "director-general": (frozenset({"director_general"}), None),
    "director general": (frozenset({"director_general"}), None),
    "chair": (frozenset({"chair"}), None),
    "chairman": (frozenset({"chair"}), None),
    "chairwoman": (frozenset({"chair"}), None),
    # Russian (stems; case endings are allowed by the pattern)
    "президент": (frozenset({"president"}), None),
    "премьер-министр": (frozenset({"prime_minister"}), None),
    "председател": (frozenset({"president"}), None),
    "глав": (frozenset(), "leader"),
    "лидер": (frozenset(), "leader"),
}
_ROLE_RE = re.compile(
    r"(?<![\w-])(?:(?P<the>[Tt]he)\s+)?(?P<role>"
    r"[Pp]resident|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor|King|Queen|Emir|"
    r"[Ss]upreme [Ll]eader|[Hh]ead of [Ss]tate|[Hh]ead of [Gg]overnment|[Hh]ead|[Ll]eader|"
    r"[Cc]hief|[Ss]ecretary[- ][Gg]eneral|[Mm]anaging [Dd]irector|[Dd]irector[- ][Gg]eneral|"
    r"[Cc]hair(?:man|woman)?|"
    r"[Пп]резидент(?:а|у|ом|е)?|[Пп]ремьер-министр(?:а|у|ом|е)?|[Пп]редседател(?:ь|я|ю|ем|е)|"
    r"[Гг]лав(?:а|ы|е|у|ой)|[Лл]идер(?:а|у|ом|е)?)(?![\w-])"
)
# "глава государства" / "the president": bare titles resolved against earlier mentions.
_BARE_RU = re.compile(r"\s+(государства|правительства)\b")
_SKIP_BEFORE = frozenset(
    [
        "vice",
        "deputy",
        "former",
        "ex",
        "acting",
        "late",
        "first",
        "then",
        "future",
        "outgoing",
        "incoming",
        "interim",
    ]
)
# Every alternative of _ROLE_RE's role group starts with one of these (folded): candidate
# offsets found with ``str.find`` on the folded text, where a scan of the regex is slow.
_ROLE_STEMS = (
    "president",
    "prime",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "supreme",
    "head",
    "leader",
    "chief",
    "secretary",
    "managing",
    "director",
    "chair",
    "президент",
    "премьер",
    "председател",
    "глав",
    "лидер",
)


def _role_matches(text: str) -> list[re.Match[str]]:
    """``list(_ROLE_RE.finditer(text))``, trying the regex only where a role word starts.

    A match starts at a role word (no word character or "-" before it) or at "the"/"The" and
    whitespace right before one; the regex is tried at those offsets, left to right.
    """
    # Every occurrence of a stem, from the automaton pass shared with leaders and sectors.
    cands: set[int] = set()
    for i in matches(fold(text), gazetteer()).roles:
        if i == 0 or not (is_word_char(text[i - 1]) or text[i - 1] == "-"):
            cands.add(i)
    out: list[re.Match[str]] = []
    pos = 0
    for r in sorted(cands):
        if r < pos:
            continue
        q = r
        while q > pos and text[q - 1].isspace():
            q -= 1
        if q < r and q - 3 >= pos and text[q - 3 : q] in ("the", "The"):
            m = _ROLE_RE.match(text, q - 3)
            if m is not None:
                out.append(m)
                pos = m.end()
                continue
        m = _ROLE_RE.match(text, r)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


_TOKEN = re.compile(r"[\w.'’-]+")
_POSS_END = re.compile(r"['’]s$")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_THE_END = re.compile(r"(?:^|\s)([Tt]he)\s+$")
_FOLLOW = re.compile(r"[\s,]+")
_CLAUSE_END = re.compile(r"\s*[,.;:!?)\n]")
_FORMER_END = re.compile(r"\b(?:[Ff]ormer|[Ee]x)[\s-]*$")
# A generic role word followed by one of these is another job ("IMF chief economist", "chief
# executive", "head of research", "leader of the opposition"), not the office's holder.
_GENERIC = frozenset(("head", "chief", "leader", "chair", "chairman", "chairwoman"))
_OTHER_JOB = re.compile(
    r"\s+(?:economists?|executives?|executive|negotiators?|spokes(?:man|woman|person)|"
    r"strategists?|scientists?|analysts?|officers?|operating|financial|technology|investment|"
    r"information|correspondents?|editors?|advis[eo]rs?|prosecutors?|justice|judges?|whip|"
    r"engineers?|inspectors?|designers?|coach|rabbi|writers?|researchers?|representatives?|"
    r"of\s+(?:staff|research|the\s+opposition|mission|department|communications|delegation))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Places:
    names: dict[str, str]  # folded place name or adjective → office code
    leader_role: dict[str, str]
    max_tokens: int


@cache
def _places() -> _Places:
    data = load_json("countries.json")
    names: dict[str, str] = {}
    roles: dict[str, str] = {}
    for code, c in data["countries"].items():
        roles[code] = c.get("leader_role", "head_of_state")
        for n in [*c["names"], *c["adjectives"]]:
            names.setdefault(_norm(n), code)
            if n.startswith("the "):
                names.setdefault(_norm(n[4:]), code)
    for code, o in data["orgs"].items():
        roles[code] = "org_head"
        for n in o["names"]:
            names.setdefault(_norm(n), code)
    longest = max(len(k.split()) for k in names)
    return _Places(names, roles, longest)


@lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    return " ".join(fold(s).split())


def _place_after(text: str, pos: int, p: _Places) -> tuple[str, int] | None:
    """Longest place name starting at ``pos``: (code, end offset)."""
    toks: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, pos):
        if toks and text[toks[-1][1] : m.start()].strip():
            break  # punctuation between words ends the name
        toks.append((m.start(), m.end()))
        if len(toks) >= p.max_tokens:
            break
    if not toks or not text[toks[0][0]].isupper():
        return None  # a place name is capitalised
    for k in range(len(toks), 0, -1):
        s, e = toks[0][0], toks[k - 1][1]
        raw = text[s:e]
        for cand in (raw, raw.rstrip(".,'’"), _POSS_END.sub("", raw)):
            code = p.names.get(_norm(cand))
            if code:
                return code, s + len(cand)
    return None


def _place_before(text: str, pos: int, p: _Places) -> tuple[str, int] | None:
    """Longest place name or adjective ending right before ``pos`` (``'s`` allowed)."""
    head = text[max(0, pos - 60) : pos]
    base = pos - len(head)
    toks = list(_TOKEN.finditer(head))
    if not toks or head[toks[-1].end() :].strip():
        return None
    for k in range(min(len(toks), p.max_tokens), 0, -1):
        first, last = toks[-k], toks[-1]
        if not head[first.start()].isupper():
            continue  # a place name is capitalised (checked first: the lookups cost more)
        if k > 1 and head[first.end() : last.start()].count("\n"):
            continue
        raw = _POSS_END.sub("", head[first.start() : last.end()])
        code = p.names.get(_norm(raw)) or p.names.get(_norm(raw.rstrip(".")) + ".")
        if code is None:
            code = p.names.get(_norm(raw.rstrip(".")))
        if code:
            return code, base + first.start()
    return None


def _role_key(role: str) -> str:
    r = " ".join(fold(role).split())
    if r in _ROLES:
        return r
    for stem in ("президент", "премьер-министр", "председател", "глав", "лидер"):
        if r.startswith(stem):
            return stem
    return r


def _resolve(g: Gazetteer, code: str, key: str, day: dt.date, p: _Places) -> Person | None:
    titles, role = _ROLES[key]
    if role == "leader":
        role = p.leader_role.get(code, "head_of_state")
    return g.holder(code, day, titles, role)


def find_titles(
    text: str, day: dt.date, names: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """(start, end, person id) of resolved title mentions.

    ``names`` are the alias mentions (from :func:`feeds.analysis.leaders.find_names`); a title
    directly followed by a name belongs to that person, and bare titles resolve against them.
    """
    g = gazetteer()
    p = _places()
    name_at = {s: (e, pid) for s, e, pid in names}
    out: list[tuple[int, int, str]] = []
    mentions = sorted(names)
    for m in _role_matches(text):
        rs, re_ = m.span("role")
        key = _role_key(m.group("role"))
        if key not in _ROLES:
            continue
        start = m.start()
        prev = fold(text[max(0, start - 12) : start]).replace("-", " ").split()
        skip = bool(prev) and prev[-1] in _SKIP_BEFORE
        code: str | None = None
        end = re_
        after = _OF_THE.match(text[re_ : re_ + 12])
        cyr = key in ("президент", "премьер-министр", "председател", "глав", "лидер")
        if cyr:
            bare = _BARE_RU.match(text, re_)
            if key == "глав" and bare:
                end = bare.end()
                want = "head_of_state" if bare.group(1) == "государства" else "head_of_government"
                pid = _recent(g, mentions + out, start, day, frozenset(), want)
                if pid:
                    out.append((start, end, pid))
                continue
            hit = _place_after(text, re_ + 1, p) if text[re_ : re_ + 1] == " " else None
            if hit:
                code, end = hit
        elif after:
            hit = _place_after(text, re_ + after.end(), p)
            if hit:
                code, end = hit
        if code is None and not cyr:
            hit = _place_before(text, start if m.group("the") is None else rs, p)
            if hit and key not in ("head",):
                code, start = hit[0], hit[1]
                # "the Chinese leader": keep the article in the span.
                base = max(0, start - 5)
                art = _THE_END.search(text[base:start])
                if art:
                    start = base + art.start(1)
                prev = fold(text[max(0, start - 12) : start]).replace("-", " ").split()
                skip = bool(prev) and prev[-1] in _SKIP_BEFORE
        if m.group("the") and code is not None and start > m.start():
            start = m.start()
        if key in _GENERIC and _OTHER_JOB.match(text, re_):
            continue
        # A name right after the title settles who it is ("Chinese President Xi Jinping").
        follow = _FOLLOW.match(text[end : end + 3])
        nxt = end + (follow.end() if follow else 0)
        if nxt in name_at and code is not None:
            out.append((start, end, name_at[nxt][1]))
            continue
        if nxt not in name_at and not cyr:
            # "President Clinton": a surname no alias covers (two Clintons) settles it when
            # exactly one person of that surname held this title by the article date.
            pid = _by_title_and_surname(g, text, nxt, key, code, day)
            if pid:
                word = _TOKEN.match(text, nxt)
                out.append((start, word.end() if word else end, pid))
                continue
        if skip:
            former = prev[-1] in ("former", "ex")
            if former and code is None:
                # "Georgia's former president": the place sits before "former".
                fm = _FORMER_END.search(text, max(0, start - 12), start)
                hit = _place_before(text, fm.start(), p) if fm and fm.start() > 0 else None
                if hit:
                    code, start = hit
            if former and code is not None and not _followed_by_name(text, nxt):
                # A former office holder, not named: the latest one before the article date.
                pid = _predecessor(g, code, key, day, p)
                if pid:
                    out.append((start, end, pid))
            continue
        if code is None:
            # Bare "the president": the latest person mentioned who holds that title.
            if m.group("the") and key in _ROLES and not after and key not in ("head", "chief"):
                titles, role = _ROLES[key]
                pid = _recent(
                    g, mentions + out, m.start(), day, titles, None if role == "leader" else role
                )
                if pid:
                    out.append((m.start(), re_, pid))
            continue
        # Another (unlisted) person named right after the title: not our office holder.
        if follow and nxt < len(text) and text[nxt].isupper() and not _ends_clause(text, end):
            word = _TOKEN.match(text, nxt)
            if word and fold(word.group()) not in _NOT_NAMES:
                continue
        person = _resolve(g, code, key, day, p)
        if person:
            out.append((start, end, person.id))
    return out


# Capitalised words that may follow a title without being a person's name.
_NOT_NAMES = frozenset(
    [
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "of",
        "to",
        "for",
        "with",
        "said",
        "says",
        "has",
        "had",
        "is",
        "was",
        "will",
        "would",
    ]
)


def _by_title_and_surname(
    g: Gazetteer, text: str, pos: int, key: str, code: str | None, day: dt.date
) -> str | None:
    """Id of the one person whose surname starts at ``pos`` and who held the title by ``day``."""
    word = _TOKEN.match(text, pos)
    if not word or not word.group()[:1].isupper():
        return None
    cands = g.by_surname.get(fold(word.group()).rstrip(".,'’s"), ())
    if not cands:
        cands = g.by_surname.get(_POSS_END.sub("", fold(word.group())), ())
    titles, _role = _ROLES[key]
    if not titles:
        return None
    hits = {
        pid
        for pid in cands
        for t in g.people[pid].terms
        if t.title in titles
        and (code is None or t.office == code)
        and (t.start is None or t.start <= day)
    }
    return next(iter(hits)) if len(hits) == 1 else None


def _followed_by_name(text: str, pos: int) -> bool:
    """True when a capitalised word that is not a function word starts at ``pos``."""
    word = _TOKEN.match(text, pos)
    return bool(word and word.group()[:1].isupper() and fold(word.group()) not in _NOT_NAMES)


def _predecessor(g: Gazetteer, code: str, key: str, day: dt.date, p: _Places) -> str | None:
    """Id of the last person to leave the office ``key`` of ``code`` before ``day``."""
    titles, role = _ROLES[key]
    if role == "leader":
        role = p.leader_role.get(code, "head_of_state")
    best: tuple[dt.date, str] | None = None
    # Everyone who held an office of ``code``, in gazetteer order.
    for person in g.office_holders(code):
        pid = person.id
        for t in person.terms:
            if t.office != code or t.end is None or t.end > day:
                continue
            matches = (titles and t.title in titles) or (role and t.role == role)
            if matches and (best is None or t.end > best[0]):
                best = (t.end, pid)
    if best is None:
        return None
    # Someone still in office is nobody's "former" (Putin left the presidency in 2008).
    holder = _resolve(g, code, key, day, p)
    return None if holder is not None and holder.id == best[1] else best[1]


def _ends_clause(text: str, end: int) -> bool:
    return bool(_CLAUSE_END.match(text[end : end + 3]))


def _recent(
    g: Gazetteer,
    mentions: list[tuple[int, int, str]],
    before: int,
    day: dt.date,
    titles: frozenset[str],
    role: str | None,
) -> str | None:
    """Id of the latest person mentioned before ``before`` holding a matching office."""
    best: tuple[int, str] | None = None
    for s, _e, pid in mentions:
        if s >= before:
            continue
        person = g.people.get(pid)
        if person is None:
            continue
        ok = any(
            t.covers(day)
            and (
                (titles and t.title in titles)
                or (role and t.role == role)
                or (not titles and not role)
            )
            for t in person.terms
        )
        if ok and (best is None or s > best[0]):
            best = (s, pid)
    return best[1] if best else None


def warm_up() -> None:
    """Load the place names (and their normalised forms)."""
    _places()
