"""Sectors an article is about, from multilingual phrase lexicons (``data/sectors.json``).

Hits weigh 3 in the title, 2 in the lead paragraph and 1 in the rest of the body; the sum is
normalised by length. A sector has *evidence* when its score passes a threshold with at least
two distinct terms (or one term up front that keeps coming back), when a strong (specific)
phrase hits, or when it is one item of an enumeration of sectors in one sentence ("cooperation
in e-commerce, transport, logistics, energy and finance"). It is assigned when the article is
also *about* it: it is in the headline or lead, enumerated, or mentioned in at least one
sentence in 25 and then dense in the body, specific (a strong phrase), or close to the
strongest sector's score. Institutions named in passing ("Ministry of Culture") do not count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from feeds.analysis.leaders import gazetteer
from feeds.analysis.lexmatch import matches
from feeds.analysis.lexmatch import warm_up as warm_lexmatch
from feeds.analysis.text import (
    fold,
    load_json,
    paragraphs,
    sentences,
    word_count,
)
from feeds.models import SectorScore, Span

_THRESHOLD = 0.4
_LEAD_SENTENCES = 3
"""Sentences of the first paragraph that make up the lead."""
_REPEATS = 3
"""Mentions of a single term (one of them up front) that count as varied evidence."""
_SHORT_WORDS = 80
"""Headline and summary shorter than this are a feed item (see ``varied``)."""
# Where things happen rather than what a story is about ("airport shooting", "hotel fire",
# "left in a hot car"): a feed item repeating one of these still needs a second term.
_VENUES = frozenset(
    {
        "airport*",
        "hotel*",
        "гостиниц*",
        "отел*",
        "car",
        "cars",
        "vehicle*",
        "farm",
        "school*",
        "student*",
        "teacher*",
        "university",
        "universities",
        "college*",
        "hospital*",
        "port",
        "train",
        "trains",
        "passenger*",
        "museum*",
        "resort*",
    }
)
_DENSITY = 0.1
"""Share of body sentences that makes a sector without a headline/lead mention central."""
_RELATIVE = 0.3
"""Share of the top score that makes such a sector central all the same..."""
_DENSITY_MIN = 0.04
"""... when it is in at least this share of the sentences (one in 25: not a lone aside)."""
_ENUM_GAP = re.compile(r"^[^.;:!?\n]{0,40}$")
_ENUM_GAP_WORDS = 4
"""Words a list separator may carry with it (", the production of")."""
_ENUM_SEP = re.compile(r",|\band\b|&|\bи\b|/|\bor\b")
_ENUM_CUE = re.compile(
    r"\b(?:sectors|areas|fields|industries|spheres|including|such as|co-?operation"
    r"|включая|такие как|сфер\w*|отрасл\w*|област\w*|направлени\w*|сотрудничеств\w*)\b"
)


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
    entries: dict[str, tuple[_Term, ...]]
    """Folded phrase → its terms (the keys and values of :attr:`automaton`)."""


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
    values = {text: tuple(lst) for text, lst in entries.items()}
    for text, value in values.items():
        auto.add_word(text, value)
    auto.make_automaton()
    thresholds = {
        sec["id"]: float(sec["threshold"]) for sec in data["sectors"] if "threshold" in sec
    }
    return _Lexicon(labels, iptc, auto, thresholds, values)


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


@cache
def _wild_heads() -> tuple[tuple[str, str, bool, bool, str], ...]:
    """:func:`_wild_terms` with the first three letters of each (a cheap pre-check)."""
    return tuple((*t, t[1].split()[0].rstrip("*")[:3]) for t in _wild_terms())


@cache
def _headless() -> tuple[tuple[str, str, bool, bool, str], ...]:
    """The entries of :func:`_wild_heads` with an empty head, in the same order."""
    return tuple(t for t in _wild_heads() if not t[4])


_CAP_WORD = re.compile(r"[A-Z][\w'’&.-]*")
_NAME_LINKS = frozenset({"of", "and", "&", "for"})
_NAME_AFTER = re.compile(r"(?: of(?: the)?)? ([A-Z][\w'’.-]*)")
_NAME_BEFORE_LINK = re.compile(r"(?<![.!?\n:;\"“‘(]\s)(?<![.!?\n:;\"“‘(])\b[A-Z][\w'’.-]*\s+$")


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
        if not before and text[k:j] in _NAME_LINKS:
            # "Ministry of Culture", "University of Language and Culture".
            before = bool(_NAME_BEFORE_LINK.search(text, max(k - 40, 0), k))
    return before or _NAME_AFTER.match(text[e : e + 40]) is not None


def _hits(text: str, names_count: bool = True) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, sector, term, strong) in ``text`` after negative phrases are removed.

    ``names_count=False`` drops hits inside proper names (used for bodies; headlines are Title
    Case, so there every word would look like a name).
    """
    folded = fold(text)
    n = len(folded)
    pos: list[tuple[int, int, str, str, bool]] = []
    neg: list[tuple[int, int, str]] = []
    # The lexicon automaton's matches, from the pass shared with the leader aliases.
    found = matches(folded, gazetteer())
    for end_idx, lst in found.sectors:
        # The terms of one phrase share its span and the characters around it: the word
        # boundary tests are made once per phrase found, not once per term.
        end = end_idx + 1
        s = end - lst[0].length
        if s > 0 and ((c := folded[s - 1]).isalnum() or c == "_"):
            continue  # inside a word
        stem_end = plural_end = end
        if end < n and ((c := folded[end]).isalnum() or c == "_"):
            while stem_end < n and ((c := folded[stem_end]).isalnum() or c == "_"):
                stem_end += 1
            # English plural ("cars", "taxes"), else no whole-word match (-1).
            if folded.startswith("es", end) and stem_end == end + 2:
                plural_end = end + 2
            elif stem_end == end + 1 and folded[end] == "s":
                plural_end = end + 1
            else:
                plural_end = -1
        for t in lst:
            e = stem_end if t.stem else plural_end
            if e < 0:
                continue
            if t.negative:
                neg.append((s, e, t.sector))
            elif names_count or not _in_proper_name(text, s, e):
                pos.append((s, e, t.sector, t.term, t.strong))
    # Most texts hold no wildcard head: then only the phrases without one are tried.
    for sid, raw, strong, negative, head in _wild_heads() if found.heads else _headless():
        if head and head not in found.heads:  # (an empty head is in every text)
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
    # Overlapping hits of one sector (a phrase and one of its words, or two phrases sharing a
    # word: "cultural and humanitarian contacts") count once, the strong one if any.
    pos.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, str, bool] | None] = []
    by_sector: dict[str, list[int]] = {}  # sector → indexes into ``kept``
    for h in pos:
        idxs = by_sector.setdefault(h[2], [])
        clash = [i for i in idxs if (o := kept[i]) is not None and o[0] < h[1] and h[0] < o[1]]
        if clash:
            if h[4] and not any(kept[i][4] for i in clash):  # type: ignore[index]
                for i in clash:
                    kept[i] = None
                idxs.append(len(kept))
                kept.append(h)
            continue
        idxs.append(len(kept))
        kept.append(h)
    return [h for h in kept if h is not None]


def _enumerated(body: str, hits: list[tuple[int, int, str, str, bool]]) -> set[str]:
    """Sectors named as items of a list of sectors within one sentence.

    Items are separated by a comma, "and", "or", "&" or "/" with at most a few words between
    ("e-commerce, the production of cars and auto parts, transit and transport"); two terms of
    different sectors side by side are a compound ("technology manufacturing"), not a list.
    Three sectors make a list when the sentence says it lists areas ("cooperation in", "sectors
    such as", "including"); four or more make one on their own — "inflation, interest rates,
    war and energy shocks" is a list of worries, not of the story's sectors.
    """
    out: set[str] = set()
    if len({h[2] for h in hits}) < 3:
        return out  # no sentence holds three sectors
    # The hits of each sentence (those lying within it), in order: a few hits are placed in
    # the sentences by bisection rather than every sentence searched for its hits.
    sents = sentences(body)
    firsts = [ss for ss, _se in sents]
    by_sentence: dict[int, list[tuple[int, int, str, str, bool]]] = {}
    for hit in sorted(hits):
        k = bisect_right(firsts, hit[0]) - 1
        if k >= 0 and hit[1] <= sents[k][1]:
            by_sentence.setdefault(k, []).append(hit)
    for k, inside in by_sentence.items():
        if len({h[2] for h in inside}) < 3:
            continue
        ss, se = sents[k]
        folded = fold(body)[ss:se]  # the body's folding is cached; a slice of it is the same
        cluster: list[tuple[int, int, str, str, bool]] = []
        for h in [*inside, None]:
            if h is not None and cluster:
                gap = body[cluster[-1][1] : h[0]]
                if (
                    _ENUM_GAP.match(gap)
                    and len(gap.split()) <= _ENUM_GAP_WORDS
                    and (_ENUM_SEP.search(gap) or (not gap.strip() and h[2] == cluster[-1][2]))
                ):
                    cluster.append(h)
                    continue
            n = len({c[2] for c in cluster})
            if n >= 4 or (n >= 3 and _ENUM_CUE.search(folded, 0, cluster[0][0] - ss)):
                out |= {c[2] for c in cluster}
            cluster = [h] if h is not None else []
    return out


@dataclass(slots=True)
class _Evidence:
    """What the hits of one sector add up to."""

    raw: float = 0.0  # title ×3, lead ×2, body ×1
    mentions: int = 0
    terms: set[str] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)  # body sentences with a hit
    prominent: bool = False  # a hit in the headline or the lead
    strong: bool = False  # a strong (specific) phrase hit
    headline: bool = False  # a hit in the headline


def find_sectors(title: str, body: str) -> list[SectorScore]:
    """Sectors of an article, best first.

    Two steps. *Evidence*: enough weight with two distinct terms (or one term repeated with a
    mention up front), a strong phrase, or an enumeration of sectors. *Aboutness*: a sector
    with evidence is kept only when it is supported in the headline or lead, is dense in the
    body (a share of its sentences), is enumerated, or scores close enough to the strongest
    sector — a story about an IMF meeting that mentions the war and oil prices in passing is a
    finance story, not a defence or energy one.
    """
    lex = _lexicon()
    paras = paragraphs(body)
    sents = sentences(body) if body else []
    # The lead is the first paragraph, at most a few sentences (a body without paragraph
    # breaks would otherwise be all lead).
    lead_end = min(paras[0][1], sents[min(_LEAD_SENTENCES, len(sents)) - 1][1]) if paras else 0
    body_hits = _hits(body, names_count=False) if body else []
    starts = [a for a, _b in sents]
    ev: dict[str, _Evidence] = {}
    for s, _e, sid, term, is_strong in body_hits:
        if (x := ev.get(sid)) is None:  # (``setdefault`` would build an _Evidence per hit)
            x = ev[sid] = _Evidence()
        lead = s < lead_end
        x.raw += 2.0 if lead else 1.0
        x.mentions += 1
        x.terms.add(term)
        x.sentences.add(bisect_right(starts, s))
        x.prominent |= lead
        x.strong |= is_strong
    for _s, _e, sid, term, is_strong in _hits(title) if title else []:
        if (x := ev.get(sid)) is None:
            x = ev[sid] = _Evidence()
        x.raw += 3.0
        x.mentions += 1
        x.terms.add(term)
        x.prominent = True
        x.headline = True
        x.strong |= is_strong
    enum = _enumerated(body, body_hits)
    words = word_count(body) + len(title.split())
    scores = {sid: x.raw * 100.0 / (words + 100.0) for sid, x in ev.items()}
    candidates: list[str] = []
    for sid, x in ev.items():
        score = scores[sid]
        need = lex.threshold.get(sid, _THRESHOLD)
        # One term suffices when it is up front and keeps coming back ("trade" in the lead and
        # three more times); otherwise two distinct terms, so one word in passing never does.
        varied = len(x.terms) >= 2 or (x.prominent and x.mentions >= _REPEATS)
        # A feed item is a headline and a sentence or two: its headline's term taken up again
        # in that summary ("Tariff Ruling …" / "… 'Tariff Man' …") is all the repetition there is.
        varied = varied or (
            words < _SHORT_WORDS and x.headline and x.mentions >= 2 and bool(x.terms - _VENUES)
        )
        # A strong (specific) phrase is evidence on its own; whether it is more than an aside
        # is for the aboutness test below.
        if (score >= need and varied) or x.strong or sid in enum:
            candidates.append(sid)
    top = max((scores[sid] for sid in candidates), default=0.0)
    n_sents = max(len(sents), 1)
    out = []
    for sid in candidates:
        x = ev[sid]
        density = len(x.sentences) / n_sents
        about = (
            sid in enum
            or x.prominent
            or (
                density >= _DENSITY_MIN
                and (x.strong or density >= _DENSITY or scores[sid] >= _RELATIVE * top)
            )
        )
        if about:
            mentions = tuple(Span(s, e) for s, e, hit_sid, _t, _st in body_hits if hit_sid == sid)
            out.append(SectorScore(sid, lex.labels[sid], round(scores[sid], 3), mentions))
    out.sort(key=lambda x: (-x.score, SECTOR_IDS.index(x.id)))
    return out


def warm_up() -> None:
    """Build the lexicon automaton and compile the wildcard phrase patterns."""
    _lexicon()
    warm_lexmatch(gazetteer())
    for _sid, raw, _strong, _negative, _head in _wild_heads():
        _wild(raw)
