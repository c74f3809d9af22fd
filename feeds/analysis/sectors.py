"""Sectors an article is about, from multilingual phrase lexicons (``data/sectors.json``).

Hits weigh 3 in the title, 2 in the lead paragraph and 1 in the rest of the body; the sum is
normalised by length. A sector is assigned when its score passes a threshold with at least two
distinct terms, when a strong (specific) phrase hits, or when it is one item of an enumeration
of sectors in one sentence ("in e-commerce, transport, logistics, energy and finance") — a list
of sector terms is strong evidence for each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from feeds.analysis.text import fold, is_word_char, load_json, paragraphs, sentences
from feeds.models import SectorScore, Span

_THRESHOLD = 0.4
_ENUM_GAP = re.compile(r"^[^.;:!?\n]{0,40}$")
_ENUM_SEP = re.compile(r",|\band\b|&|\bи\b|/|\bor\b")


@dataclass(frozen=True, slots=True)
class _Term:
    sector: str
    term: str
    length: int
    stem: bool
    strong: bool
    negative: bool


@dataclass(frozen=True, slots=True)
class _Lexicon:
    labels: dict[str, str]
    iptc: dict[str, str]
    automaton: ahocorasick.Automaton
    threshold: dict[str, float]
    """Per-sector score threshold where the default is too low (words used in passing)."""


@cache
def _lexicon() -> _Lexicon:
    data = load_json("sectors.json")
    auto = ahocorasick.Automaton()
    entries: dict[str, list[_Term]] = {}
    labels: dict[str, str] = {}
    iptc: dict[str, str] = {}
    for sec in data["sectors"]:
        sid = sec["id"]
        labels[sid] = sec["label"]
        iptc[sid] = sec["iptc"]
        groups = (("terms", False, False), ("strong", True, False), ("negative", False, True))
        for key, strong, negative in groups:
            for raw in sec[key]:
                stem = raw.endswith("*")
                # A "*" inside a phrase ("сельск* хозяйств*") is approximated by the stem
                # of each word: we index the phrase with its inner stars removed.
                text = fold(raw.rstrip("*"))
                if "*" in text:
                    continue  # inner wildcards are handled by the variants below
                entries.setdefault(text, []).append(
                    _Term(sid, raw, len(text), stem, strong, negative)
                )
        # Inner-wildcard phrases: index the first word's stem and check the rest by regex.
    for text, lst in entries.items():
        auto.add_word(text, tuple(lst))
    auto.make_automaton()
    thresholds = {
        sec["id"]: float(sec["threshold"]) for sec in data["sectors"] if "threshold" in sec
    }
    return _Lexicon(labels, iptc, auto, thresholds)


SECTORS: dict[str, str] = {s["id"]: s["label"] for s in load_json("sectors.json")["sectors"]}
"""Sector id → label, in the fixed order of the guide."""
SECTOR_IDS: tuple[str, ...] = tuple(SECTORS)


def iptc_code(sector_id: str) -> str:
    """IPTC Media Topic code of a sector id."""
    return _lexicon().iptc[sector_id]


@cache
def _wild(raw: str) -> re.Pattern[str]:
    parts = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in raw.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


@cache
def _wild_terms() -> tuple[tuple[str, str, bool, bool], ...]:
    out = []
    for sec in load_json("sectors.json")["sectors"]:
        for key, strong, negative in (
            ("terms", False, False),
            ("strong", True, False),
            ("negative", False, True),
        ):
            for raw in sec[key]:
                if "*" in raw.rstrip("*"):
                    out.append((sec["id"], fold(raw), strong, negative))
    return tuple(out)


_CAP_WORD = re.compile(r"[A-Z][\w'’&.-]*")


def _in_proper_name(text: str, s: int, e: int) -> bool:
    """True when a capitalised hit mid-sentence is part of a name ("Georgetown University",
    "Bank of England", "Department of Defense"): an institution named in passing says little
    about what the story is about."""
    if not text[s : s + 1].isupper():
        return False
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] in '.!?\n:;"“‘(':
        before = False  # sentence start: capitalised anyway
    else:
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’.-&"):
            k -= 1
        before = bool(_CAP_WORD.fullmatch(text[k:j]))
    after = re.match(r"(?: of(?: the)?)? ([A-Z][\w'’.-]*)", text[e : e + 40])
    return before or bool(after)


def _hits(text: str, names_count: bool = True) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, sector, term, strong) in ``text`` after negative phrases are removed.

    ``names_count=False`` drops hits inside proper names (used for bodies; headlines are Title
    Case, so there every word would look like a name).
    """
    folded = fold(text)
    n = len(folded)
    pos: list[tuple[int, int, str, str, bool]] = []
    neg: list[tuple[int, int, str]] = []
    for end_idx, lst in _lexicon().automaton.iter(folded):
        for t in lst:
            s, e = end_idx - t.length + 1, end_idx + 1
            if s > 0 and is_word_char(folded[s - 1]):
                continue
            if t.stem:
                while e < n and is_word_char(folded[e]):
                    e += 1
            elif e < n and is_word_char(folded[e]):
                # English plural ("cars", "taxes").
                if folded.startswith("es", e) and (e + 2 >= n or not is_word_char(folded[e + 2])):
                    e += 2
                elif folded[e] == "s" and (e + 1 >= n or not is_word_char(folded[e + 1])):
                    e += 1
                else:
                    continue
            if t.negative:
                neg.append((s, e, t.sector))
            elif names_count or not _in_proper_name(text, s, e):
                pos.append((s, e, t.sector, t.term, t.strong))
    for sid, raw, strong, negative in _wild_terms():
        if raw.split()[0].rstrip("*")[:3] not in folded:
            continue
        for m in _wild(raw).finditer(folded):
            if negative:
                neg.append((m.start(), m.end(), sid))
            else:
                pos.append((m.start(), m.end(), sid, raw, strong))
    if neg:
        pos = [
            h
            for h in pos
            if not any(h[2] == ns and h[0] < ne and ns_ < h[1] for ns_, ne, ns in neg)
        ]
    # The same text hit by a phrase and by one of its words counts once per sector.
    pos.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str, str, bool]] = []
    for h in pos:
        if any(o[2] == h[2] and o[0] <= h[0] and h[1] <= o[1] for o in out):
            if h[4]:
                out = [o for o in out if not (o[2] == h[2] and o[0] <= h[0] and h[1] <= o[1])]
                out.append(h)
            continue
        out.append(h)
    return out


def _enumerated(body: str, hits: list[tuple[int, int, str, str, bool]]) -> set[str]:
    """Sectors named as items of a list of ≥ 3 sectors within one sentence."""
    out: set[str] = set()
    for ss, se in sentences(body):
        inside = sorted(h for h in hits if ss <= h[0] and h[1] <= se)
        cluster: list[tuple[int, int, str, str, bool]] = []
        for h in [*inside, None]:
            if h is not None and cluster:
                gap = body[cluster[-1][1] : h[0]]
                if _ENUM_GAP.match(gap) and (_ENUM_SEP.search(gap) or not gap.strip()):
                    cluster.append(h)
                    continue
            if len({c[2] for c in cluster}) >= 3 and _ENUM_SEP.search(
                body[cluster[0][0] : cluster[-1][1]]
            ):
                out |= {c[2] for c in cluster}
            cluster = [h] if h is not None else []
    return out


def find_sectors(title: str, body: str) -> list[SectorScore]:
    """Sectors of an article, best first."""
    lex = _lexicon()
    raw: dict[str, float] = {}
    distinct: dict[str, set[str]] = {}
    strong: set[str] = set()
    paras = paragraphs(body)
    lead_end = paras[0][1] if paras else 0
    body_hits = _hits(body, names_count=False) if body else []
    prominent: set[str] = set()  # a strong phrase in the headline or lead
    strong_phrase: set[str] = set()  # a multi-word strong phrase anywhere
    for s, _e, sid, term, is_strong in body_hits:
        raw[sid] = raw.get(sid, 0.0) + (2.0 if s < lead_end else 1.0)
        distinct.setdefault(sid, set()).add(term)
        if is_strong:
            strong.add(sid)
            if s < lead_end:
                prominent.add(sid)
            if " " in term.strip():
                strong_phrase.add(sid)
    for _s, _e, sid, term, is_strong in _hits(title) if title else []:
        raw[sid] = raw.get(sid, 0.0) + 3.0
        distinct.setdefault(sid, set()).add(term)
        if is_strong:
            strong.add(sid)
            prominent.add(sid)
    enum = _enumerated(body, body_hits)
    words = len(body.split()) + len(title.split())
    out = []
    for sid, r in raw.items():
        score = r * 100.0 / (words + 100.0)
        need = lex.threshold.get(sid, _THRESHOLD)
        # A strong (specific) phrase assigns on its own; a single-word strong term ("university")
        # must be prominent or backed by some weight, as one such word is often an aside.
        by_strong = sid in strong and (
            sid in prominent or score >= need / 2 or sid in strong_phrase
        )
        if (score >= need and len(distinct[sid]) >= 2) or by_strong or sid in enum:
            mentions = tuple(Span(s, e) for s, e, hit_sid, _t, _st in body_hits if hit_sid == sid)
            out.append(SectorScore(sid, lex.labels[sid], round(score, 3), mentions))
    out.sort(key=lambda x: (-x.score, SECTOR_IDS.index(x.id)))
    return out
