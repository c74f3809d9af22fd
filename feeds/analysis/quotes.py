"""Direct quotes and their speakers.

Quote marks are paired by type (never by simple alternation); a quote left open at the end of a
paragraph continues when the next paragraph opens again. Names and scare quotes are dropped.
Speakers come from cue-verb patterns around the quote (`“Q,” NAME said`, `“Q,” said NAME, the
ROLE`, `NAME said: “Q”`, `according to NAME`). Names are capitalised runs outside every quote
span, with role and organisation prefixes stripped ("White House press secretary Josh Earnest" →
Josh Earnest) and classified person / organisation; the person closest to the cue wins, objects
of prepositions and possessives never do. A surname or "Mr. X" resolves to the article's full
name (a gazetteer leader's canonical name when there is one). A pronoun or a role description
("the minister") refers to the subject of the last sentence naming a person in the same or the
previous paragraph; "the company" to the organisation last the subject of a sentence. A
description such as "a senior official" gives an explicit None that is not inherited over. A
quote without a cue inherits from an attribution sentence right before it, an earlier or later
quote of its paragraph, or the quote paragraph just before; otherwise None.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from feeds.analysis.leaders import gazetteer
from feeds.analysis.lexmatch import matches
from feeds.analysis.text import ascii_view, fold, load_lines, paragraphs, search_at
from feeds.models import Quote

# Opening mark → acceptable closing marks.
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‘": "’", '"': '"'}
_OPENER_CHARS = '“«„‘"'
_OPEN_CTX = " \t([{—–-/:\u00a0"
_CLOSE_CTX = ("", " ", "\n", "\t", ",", ".", ";", ":", ")", "\u00a0")
# Phrases that make the quote right after them a scare quote (`so-called "Q"`).
_SCARE_PHRASES = (
    "so-called",
    "dubbed",
    "named",
    "called",
    "titled",
    "entitled",
    "known as",
    "the term",
    "the word",
    "slogan",
    "под названием",
)
# Whole words only: "recalled" or "renamed" before a quote is not "called"/"named".
_SCARE_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, _SCARE_PHRASES)) + r"|так называем\w*)\s*$",
    re.IGNORECASE,
)
# ``_SCARE_BEFORE`` written backwards, matched on the text before a quote reversed: a search
# for a pattern anchored at its end tries every start.
_SCARE_BEFORE_REV = re.compile(
    r"\s*(?:" + "|".join(re.escape(p[::-1]) for p in _SCARE_PHRASES) + r"|\w*меавызан кат)\b",
    re.IGNORECASE,
)
_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "with",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "from",
        "as",
        "de",
        "la",
        "du",
        "von",
        "van",
    ]
)


# Speech verbs that features use around quotes but the shared reporting-verb list lacks.
_EXTRA_CUES = (
    "asks",
    "asked",
    "laughs",
    "laughed",
    "recalls",
    "recalled",
    "complains",
    "complained",
    "shouted",
    "shouts",
    "urged",
    "quipped",
    "responded",
    "continued",
)

# Words of a role or title that precede a name ("Former Defense Secretary Robert Gates"): a name
# expanded from an earlier mention stops at the first of them.
_ROLE_WORDS = frozenset(
    # A word list reads better as one string than as a 70-item literal.
    "former president prime minister secretary senator sen sen. rep rep. gov gov. governor judge "  # noqa: SIM905
    "justice chief executive director chairman chairwoman chair general gen gen. lt lt. col col. "
    "dr dr. mr mr. mrs mrs. ms ms. ambassador spokesman spokeswoman deputy vice foreign finance "
    "treasury state defense defence economist professor mayor attorney minister's premier "
    "chancellor commissioner editor lawyer analyst official officer captain capt. sir lord "
    "lady reverend rev. representative congressman congresswoman adviser advisor".split()
)


@cache
def _cue_words() -> tuple[str, ...]:
    """Cue verbs and phrases, longest first (the order of the ``_cue_re`` alternatives)."""
    return tuple(sorted(set(load_lines("cue_verbs.txt")) | set(_EXTRA_CUES), key=len, reverse=True))


@cache
def _cue_re() -> re.Pattern[str]:
    # The cues grouped by first character, longest first within a group: the regex engine tries
    # alternatives one by one, and only one group can match at an offset (the same match as
    # one flat alternation in ``_cue_words`` order, found after a few tests rather than 300).
    groups: dict[str, list[str]] = {}
    for w in _cue_words():
        groups.setdefault(w[0], []).append(re.escape(w[1:]).replace(r"\ ", r"\s+"))
    alt = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())
    return re.compile(rf"(?<![\w-])(?P<cue>{alt})(?![\w-])")


def cue_heads() -> frozenset[str]:
    """The folded first words of the cues: a ``_cue_re`` match starts where one does (in the
    folded text), so the pattern is tried only there (see ``lexmatch``)."""
    return frozenset(fold(w.split(" ")[0]) for w in _cue_words())


def _cue_starts(body: str) -> list[int]:
    """Offsets where a ``_cue_re`` match may start in ``body``, in order."""
    return sorted(set(matches(fold(body), gazetteer()).cues))


def _cue_finditer(
    rx: re.Pattern[str], body: str, starts: list[int], pos: int, end: int
) -> list[re.Match[str]]:
    """``list(rx.finditer(body, pos, end))`` for ``rx`` the cue pattern, tried at ``starts``."""
    out: list[re.Match[str]] = []
    for i in range(bisect_left(starts, pos), len(starts)):
        p = starts[i]
        if p >= end:
            break
        if p < pos:
            continue
        m = rx.match(body, p, end)
        if m is not None:
            out.append(m)
            pos = m.end()  # never empty: a cue is a word
    return out


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    text: str
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark
    para: int
    last_para: int


_MARKS = '"“”«»’'
_MARKS_DOUBLE = '"“”«»'


def _positions(body: str, chars: str) -> list[int]:
    """Offsets of the characters ``chars`` in ``body``, in order.

    Found with ``str.find`` (a fast scan per character): quote marks are few, and a regex
    search for a character class tests every character of the text.
    """
    out: list[int] = []
    for ch in chars:
        i = body.find(ch)
        while i >= 0:
            out.append(i)
            i = body.find(ch, i + 1)
    out.sort()
    return out


def _next_at(positions: list[int], pos: int, end: int) -> int:
    """The first of ``positions`` in [pos, end), or -1."""
    k = bisect_left(positions, pos)
    if k < len(positions) and positions[k] < end:
        return positions[k]
    return -1


def _find_closer(body: str, j: int, pe: int, opener: str, marks: list[int]) -> int:
    """Offset of the mark closing the quote opened at ``j``, or -1 within the paragraph.

    Typos are tolerated: a quote opened with one kind of double mark may close with the other
    (`“Q," he said`, `"Q.”`, `“Q,“ he said`), and `Q, " said` closes despite the space. A new
    sentence opening again inside a double-quoted span (`"Q1. "Q2."`) is a paragraph break lost
    in flattening: the first quote ends before it. ``marks``: :func:`_positions` of ``_MARKS``.
    """
    closers = _PAIRS[opener]
    depth = 0
    k = j + 1
    while k < pe:
        # Only quote marks matter: jump to the next one (every other character just advances).
        k = _next_at(marks, k, pe)
        if k < 0:
            break
        ch = body[k]
        if opener in '"“' and ch in '"“' and body[k - 1] in " \t":
            if body[k - 2 : k - 1] in (".", "!", "?") and body[k + 1 : k + 2].isupper():
                return k - 1  # `"Q1. "Q2`: Q1 ends, Q2 opens at k
            after = body[k + 1 : k + 2]
            if ch == '"' and body[k - 2 : k - 1] in (",", ".", "?", "!") and after in ("", " "):
                return k  # `Q, " said NAME`
            k += 1
            continue  # a mark after a space opens, it does not close
        if opener == "“" and ch in '"“' and body[k + 1 : k + 2] in _CLOSE_CTX:
            return k  # `“Q," NAME said`, `“Q,“ NAME said`
        if opener == '"' and ch == "”":
            return k
        if opener == "«" and ch == "«":
            depth += 1
        elif ch in closers:
            if opener == '"' and body[k - 1] in " \t":
                k += 1
                continue  # a straight mark after a space opens, it does not close
            if opener == "‘" and k + 1 < len(body) and body[k + 1].isalpha():
                k += 1
                continue  # apostrophe inside a word ("don’t")
            if depth == 0:
                return k
            depth -= 1
        k += 1
    return -1


def _raw_quotes(body: str) -> list[_Raw]:
    paras = paragraphs(body)
    opens = _positions(body, _OPENER_CHARS)
    # "’" closes only a quote opened with "‘" (elsewhere it is an apostrophe, often frequent).
    marks = _positions(body, _MARKS if "‘" in body else _MARKS_DOUBLE)
    out: list[_Raw] = []
    pending: tuple[int, int, str, list[str]] | None = None  # (start, para, opener, pieces)
    for pi, (ps, pe) in enumerate(paras):
        i = ps
        if pending is not None:
            start, p0, opener, pieces = pending
            pending = None
            if body[ps] == opener or (opener in "“„" and body[ps] in "“„"):
                k = _find_closer(body, ps, pe, opener, marks)
                if k < 0:
                    pending = (start, p0, opener, [*pieces, body[ps + 1 : pe]])
                    continue
                pieces = [*pieces, body[ps + 1 : k]]
                out.append(_Raw(start, k, "\n\n".join(pieces), start - 1, k, p0, pi))
                i = k + 1
        while i < pe:
            j = _next_at(opens, i, pe)
            if j < 0:
                break
            ch = body[j]
            if ch in '"‘' and not (j == ps or body[j - 1] in _OPEN_CTX):
                i = j + 1
                continue
            if j + 1 >= pe or body[j + 1].isspace():
                i = j + 1
                continue
            if ch == "“" and body[j + 1] == "”" and body[j + 2 : j + 3].isalpha():
                j += 1  # `“”Q”`: a doubled opening mark
            k = _find_closer(body, j, pe, ch, marks)
            if k < 0:
                if ch != "‘":
                    pending = (j + 1, pi, ch, [body[j + 1 : pe]])
                break
            out.append(_Raw(j + 1, k, body[j + 1 : k], j, k, pi, pi))
            i = k + 1
    return out


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _is_scare(body: str, q: _Raw) -> bool:
    words = q.text.split(maxsplit=13)  # the word count matters up to 13
    if len(words) < 4:
        return True
    # All content words capitalised (a title or a name): stop at the first that is not.
    content = False
    for m in _WORD_RE.finditer(q.text):
        w = m.group()
        if w.lower() in _SMALL:
            continue
        if not w[0].isupper():
            break
        content = True
    else:
        if content:
            return True
    if len(words) > 12:
        return False
    before = body[max(0, q.open_at - 30) : q.open_at].rstrip()
    # Every ``_SCARE_BEFORE`` phrase ends in a word character, right before trailing whitespace
    # and the end (most quotes follow ":" or ","): the pattern only runs after one.
    if not before or not (before[-1].isalnum() or before[-1] == "_"):
        return False
    return _SCARE_BEFORE_REV.match(before[::-1]) is not None


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding whitespace and the trailing comma of `“Q,” he said`."""
    while s < e and body[s].isspace():
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] == ","):
        e -= 1
    return s, e


# "." after an initial or a short title ("Robert M. Smith", "Mr. Li") does not end a sentence.
_ABBREV = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sen|Rep|Gen|Gov)$")
# Characters that may end the sentence after a position: ".", "!", "?" and ";" before
# whitespace or the limit, an opening mark, a line break.
_AFTER_CHARS = '.!?;“«"\n'
# Characters that may end the sentence before a position (checked right to left).
_BEFORE_CHARS = '\n.!?”"»'
# Marks no ``_RUN`` match holds (none is a word character, "'", "’", ".", "-", a space, a tab or
# a no-break space): a scan of the runs of a paragraph started right after one finds the runs of
# a scan of the whole paragraph from there on, so a paragraph is built a piece at a time.
_PIECE_CHARS = ',;:()"“”«»—–!?'
# Byte → "#" for the ASCII characters of the three sets and for "?" (which ``ascii_view`` also
# writes for every non-ASCII character), " " for every other byte.
_STOP_TABLE = bytes(
    35 if chr(b) in _AFTER_CHARS + _BEFORE_CHARS + _PIECE_CHARS else 32 for b in range(256)
)


@lru_cache(maxsize=4)
def _stop_view(body: str) -> bytes:
    """``body`` as bytes with "#" where a character of ``_AFTER_CHARS``, ``_BEFORE_CHARS`` or
    ``_PIECE_CHARS`` may be (offsets kept), " " elsewhere.

    Sentence bounds and index pieces look for those characters with ``bytes.find`` and
    ``rfind`` and check each "#" found; a regex scan tests every character (many times over
    for the sentence around each quote).
    """
    return ascii_view(body)[0].translate(_STOP_TABLE)


def _sentence_after(body: str, pos: int, limit: int) -> tuple[int, int]:
    view = _stop_view(body)
    i = view.find(35, pos, limit)
    while i >= 0:
        ch = body[i]
        if ch in _AFTER_CHARS and not (
            ch in ".!?;"
            and (
                (i + 1 < limit and not body[i + 1].isspace())
                or (ch == "." and _ABBREV.search(body, max(0, i - 4), i))
            )
        ):
            return pos, i
        i = view.find(35, i + 1, limit)
    return pos, limit


def _sentence_before(body: str, pos: int, floor: int) -> tuple[int, int]:
    if pos <= floor:
        return min(pos, floor), pos
    n = len(body)
    view = _stop_view(body)
    j = view.rfind(35, floor, pos)
    while j >= 0:
        ch = body[j]
        if ch in _BEFORE_CHARS:
            i = j + 1
            if ch == "\n":
                return i, pos
            if i >= n or body[i].isspace():
                if ch in ".!?":
                    if ch != "." or not _ABBREV.search(body, max(0, i - 5), i - 1):
                        return i, pos
                elif i >= 2 and body[i - 2] in ".!?":
                    return i, pos  # `… passed.” In 2009, he …`
        j = view.rfind(35, floor, j)
    return floor, pos


# ---------------------------------------------------------------------------------------------
# Names in the body: capitalised runs outside quotes, classified as person / organisation.


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one string (reads better than a long literal)."""
    return frozenset(text.split())


_RUN = re.compile(
    r"[A-ZА-ЯЁ][\w'’.-]*(?:[ \t\u00a0]+(?:(?:of|the|for|de|del|della|di|da|dos|van|von|der|den|al|"
    r"bin|ibn|le|la|du)[ \t\u00a0]+)*[A-ZА-ЯЁ][\w'’.-]*)*"
)
# The first character of a ``_RUN`` match, hence of every name (a name's first word is a run
# token that is no connecting word).
_CAP = re.compile(r"[A-ZА-ЯЁ]")
_CONNECT = _wordset("of the for de del della di da dos van von der den al bin ibn le la du")
# Capitalised words that cannot start a name (sentence-initial function words, dates).
_STOP = _wordset(
    "The A An He She It They We I You His Her Their Our Its My Your But And Or So Yet This "
    "That These Those There Here In On At As By For From With Without To Of If When While After "
    "Before Since Until Although Though Because Last Next Earlier Later Meanwhile However Also "
    "Still Now Then Yesterday Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday January February March April May June July August September October November "
    "December According Speaking Asked Like Unlike Despite During Under Over About Among Both "
    "Some Many Most Other Another Every Each All No Not Only Even Just What Who Why How Where "
    "Which Whether Once Instead Indeed Already Yes Well Oh Dear Read See Photo Image Video "
    "Getty AFP Reuters AP Close Share Advertisement Sign Click Follow Subscribe "
    # Sentence adverbs and an inverted cue ("Says Shih: …", "Right now, they think …").
    "Says Said Adds Added Right Perhaps Maybe Actually Finally Again Often Sometimes Never "
    "Always Hopefully Unfortunately Fortunately Clearly Obviously Certainly Recently Currently "
    "Together Otherwise Thus Therefore Nevertheless Nonetheless Overall Anyway Besides"
)
_HONORIFICS = _wordset("mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady prof prof.")
_ROLES = _ROLE_WORDS | _wordset(
    "mayor mp leader spokesperson head president vice resident envoy ceo cfo coo founder "
    "co-founder chief economist strategist chair council-member councilman councilwoman "
    "sheriff king queen prince princess emperor pope rabbi imam bishop cardinal archbishop "
    "speaker whip correspondent reporter columnist host anchor author researcher scientist "
    "counterpart coach manager candidate nominee president-elect secretary-general "
    "commander colonel major sergeant lieutenant admiral marshal inspector detective "
    "superintendent principal dean provost trustee partner founder owner co-owner "
    "businessman businesswoman activist campaigner conservative labour democrat democratic "
    "republican liberal tory socialist independent"
)
# Honorifics and roles: a word in neither (nor without its trailing dots) is no name prefix.
_PREFIX_WORDS = _HONORIFICS | _ROLES
_ORG_WORDS = _wordset(
    "House Department Ministry Bureau Office Bank Committee Commission Council Institute "
    "University College School Party Group Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC plc "
    "Agency Association Federation Union Fund Board Court Senate Congress Parliament Government "
    "Administration Times Post News Journal Analytics Research Center Centre Foundation "
    "Organisation Organization Service Services Forum Society Authority Reserve Treasury "
    "Capital Partners Securities Airlines Airways Motors Company Industries Network Tribune "
    "Club Trust Alliance Coalition Campaign Program Programme Project Exchange Chamber Chambers "
    "Embassy Army Navy Force Forces Police Media Television Radio Channel Magazine Daily Street "
    "City State States County Island Islands River Valley Republic Kingdom Nations Union "
    "Commons Lords Assembly Cabinet Kremlin Pentagon Intel Global International Holdings "
    "Energy Oil Gas Airport Hospital Church Museum Review Weekly Herald Guardian Telegraph "
    "Standard Monitor Watch Initiative Institution Systems Technologies Group Bloc Front "
    "Movement Team League Democrats Republicans Conservatives Liberals Labour Tories"
)
# "the Virginia Democrat", "an Oklahoma Republican": a description, not a name.
_AFFILIATION = _wordset(
    "democrat republican conservative liberal socialist independent tory progressive "
    "moderate libertarian"
)
_ORG_SUFFIX = ("tion", "ment", "ity", "ism", "ance", "ence", "ship", "ics", "ists")
_PLACE_FIRST = _wordset(
    "New Los Las San Santa Saint St. Hong North South East West Upper Lower Central Greater "
    "Northern Southern Eastern Western Middle"
)
_ABBR_TOKENS = _wordset("mr. mrs. ms. dr. st. jr. sr. sen. rep. gov. gen. prof. u.s. u.k.")
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(slots=True)
class _Name:
    start: int
    end: int
    words: tuple[str, ...]  # name words, role and honorific prefix stripped
    kind: str  # "person" | "org" | "other"
    pid: str | None  # gazetteer id when the run is a leader mention
    possessive: bool
    honorific: bool
    subject: bool | None = None  # may be a sentence subject (see ``_Speakers._may_be_subject``)
    modifier: bool | None = None  # used as a modifier (see ``_Speakers.modifier``)


def _start_of(n: _Name) -> int:
    return n.start  # a sort key


_NONSPACE = re.compile(r"\S+")


# A company named with a possessive: "Moody’s Analytics", "McDonald’s Corp.".
_FIRM_AFTER_POSSESSIVE = _wordset(
    "Analytics Investors Inc Inc. Corp Corp. Co Co. Company Ltd Ltd. LLC PLC plc"
)


def _split_tokens(text: str, base: int) -> list[list[tuple[int, int, str]]]:
    """Tokens of one capitalised run, split where a token ends a sentence or is possessive."""
    groups: list[list[tuple[int, int, str]]] = []
    group: list[tuple[int, int, str]] = []
    for m in _NONSPACE.finditer(text):
        tok = m.group()
        s = base + m.start()
        group.append((s, s + len(tok), tok))
        last = tok[-1]
        if last == ".":
            # A sentence's full stop (not an abbreviation or initials).
            if len(tok) > 2 and tok.count(".") == 1 and tok.lower() not in _ABBR_TOKENS:
                groups.append(group)
                group = []
        elif last in "s’'" and tok.endswith(_POSSESSIVE):
            following = _NONSPACE.match(text, m.end() + 1)
            if following is None or following.group().rstrip(",;:’'") not in _FIRM_AFTER_POSSESSIVE:
                groups.append(group)
                group = []
    if group:
        groups.append(group)
    return groups


_RUN_NEXT = re.compile(
    r"[ \t\u00a0]+(?:(?:of|the|for|de|del|della|di|da|dos|van|von|der|den|al|bin|ibn|le|la|du)"
    r"[ \t\u00a0]+)*[A-ZА-ЯЁ]"
)
_RUN_TAIL = re.compile(r"[\w'’.-]*\Z")
_RUN_SEP = " \t\u00a0"


def _may_join_run(body: str, i: int) -> bool:
    """False when the token at ``i`` cannot be one of several tokens of a ``_RUN`` match.

    Tokens of one run are separated by spaces, tabs or no-break spaces: the next one is a
    connecting word or starts upper-case (``_RUN_NEXT``); the one before is a connecting word or
    ends in a capitalised stretch of word characters, "'", "’", "." and "-" (``_RUN_TAIL``). A
    one-token run names nobody in full.
    """
    tok = _NONSPACE.match(body, i)  # the rest of the token (a regex, not a loop per character)
    j = i if tok is None else tok.end()
    if _RUN_NEXT.match(body, j):
        return True
    k = i
    while k > 0 and not body[k - 1].isspace():
        k -= 1
    if k == 0 or body[k - 1] not in _RUN_SEP:
        return False
    while k > 0 and body[k - 1] in _RUN_SEP:
        k -= 1
    h = k
    while h > 0 and not body[h - 1].isspace():
        h -= 1
    prev = body[h:k]
    if prev in _CONNECT:
        return True
    tail = _RUN_TAIL.search(prev)
    return tail is not None and any(c.isupper() for c in tail.group())


class _Index:
    """Capitalised names of one body (outside quotes), with leader ids where known.

    Built lazily, a piece of a paragraph at a time: a lookup builds the pieces it looks at
    (names never cross a paragraph, nor a mark a ``_RUN`` cannot hold: see ``_PIECE_CHARS``),
    :attr:`full` and acronyms build them all. The result is the index a build of the whole body
    gives.
    """

    def __init__(
        self,
        body: str,
        mentions: list[tuple[int, int, str]],
        quoted: list[tuple[int, int]],
        paras: list[tuple[int, int]],
    ) -> None:
        self.body = body
        self.people = gazetteer().people
        self.mentions = sorted(mentions)
        self.quoted = quoted
        self._quote_ends = [qe for _qs, qe in quoted]  # increasing: quotes do not overlap
        self.paras = paras
        self._para_starts = [ps for ps, _pe in paras]
        self._built = [False] * len(paras)
        self._left = len(paras)
        # Per paragraph, once first looked at: the offsets cutting it into pieces (its start,
        # one after each ``_PIECE_CHARS`` mark, its end) and which pieces are built.
        self._cuts: list[list[int] | None] = [None] * len(paras)
        # (A shared empty list until ``_cut`` sets the paragraph's own: it is never changed.)
        self._piece_built: list[list[bool]] = [[]] * len(paras)
        self._pieces_left = [0] * len(paras)
        self.names: list[_Name] = []
        self.starts: list[int] = []
        self._new: list[_Name] = []
        self._full: list[_Name] | None = None
        self._full_by_word: dict[str, list[_Name]] = {}
        self._canon: dict[str, tuple[str, str | None]] = {}

    def _ensure(self, s: int, e: int) -> None:
        """Build the pieces of paragraphs overlapping [s, e)."""
        if not self._left:
            return
        lo = max(0, bisect_right(self._para_starts, s) - 1)
        hi = bisect_left(self._para_starts, e)
        for pi in range(lo, hi):
            if self._built[pi]:
                continue
            cuts = self._cuts[pi]
            if cuts is None:
                cuts = self._cut(pi, s, e)
                if cuts is None:
                    continue
            built = self._piece_built[pi]
            first = max(0, bisect_right(cuts, s) - 1)
            last = min(bisect_left(cuts, e), len(built))
            if False not in built[first:last]:
                continue  # all built already (most lookups)
            # Consecutive pieces to build are built as one stretch (one scan, one insertion):
            # no run crosses a piece's end, so the names are those of the pieces one by one.
            k = first
            while k < last:
                if built[k]:
                    k += 1
                    continue
                j = k
                while j < last and not built[j]:
                    built[j] = True
                    j += 1
                self._build(cuts[k], cuts[j])
                self._pieces_left[pi] -= j - k
                k = j
            if not self._pieces_left[pi]:
                self._built[pi] = True
                self._left -= 1

    def _ensure_all(self) -> None:
        if self._left:
            self._ensure(0, len(self.body) + 1)

    def _cut(self, pi: int, s: int, e: int) -> list[int] | None:
        """Cut paragraph ``pi`` into pieces; None (and built) when it is no prose or [s, e)
        covers it (then built whole, never cut)."""
        body = self.body
        ps, pe = self.paras[pi]
        prose = pe - ps >= 60 or body[pe - 1 : pe] in '.?!"”»:'  # else a heading or a caption
        if not prose or (s <= ps and pe <= e):
            if prose:
                self._build(ps, pe)
            self._built[pi] = True
            self._left -= 1
            return None
        view = _stop_view(body)
        cuts = [ps]
        j = view.find(35, ps, pe - 1)
        while j >= 0:
            if body[j] in _PIECE_CHARS:
                cuts.append(j + 1)
            j = view.find(35, j + 1, pe - 1)
        cuts.append(pe)
        self._cuts[pi] = cuts
        self._piece_built[pi] = [False] * (len(cuts) - 1)
        self._pieces_left[pi] = len(cuts) - 1
        return cuts

    def _build(self, ps: int, pe: int) -> None:
        """Add the names of the pieces [ps, pe) (a ``_RUN`` match cannot cross their ends)."""
        body, quoted = self.body, self.quoted
        self._new = []
        quote_ends = self._quote_ends
        # Quotes overlapping the piece: quotes ``qi0`` to ``qi1 - 1`` (none when equal).
        qi0 = bisect_right(quote_ends, ps)
        qi1 = bisect_left(quoted, (pe, -1), qi0)
        for m in _RUN.finditer(body, ps, pe):
            s = m.start()
            if qi0 < qi1:
                qi = bisect_right(quote_ends, s, qi0, qi1)  # the first quote ending after s
                if qi < qi1 and quoted[qi][0] <= s:
                    continue
            run = m.group()
            if run in _STOP:
                continue  # one word ("The", "He"), naming nobody
            if " " in run or "\t" in run or "\u00a0" in run:
                for group in _split_tokens(run, s):
                    self._add(group)
            elif run.lower() not in _CONNECT:
                # One word (most runs: "The", "He", "Kazakhstan"); stop words name nobody.
                self._add_word(s, m.end(), run)
        if not self._new:
            return
        new = self._new
        if len(new) > 1:
            new.sort(key=_start_of)
        at = bisect_left(self.starts, ps)  # the piece's names go in as one block
        self.names[at:at] = new
        self.starts[at:at] = [n.start for n in new]
        self._new = []

    @property
    def full(self) -> list[_Name]:
        """Persons named with two words or more, in text order."""
        if self._full is None:
            self._ensure_all()
            self._full = [n for n in self.names if n.kind == "person" and len(n.words) >= 2]
        return self._full

    def full_with(self, w: str) -> list[_Name]:
        """The names of :attr:`full` holding the word ``w``, in text order.

        A name's words are prefixes of its tokens, so such a name covers an occurrence of
        ``w`` in the body: only the paragraphs holding one are built (not the whole index).
        """
        hit = self._full_by_word.get(w)
        if hit is not None:
            return hit
        if self._full is not None or not w:
            hit = [f for f in self.full if w in f.words]
        else:
            body = self.body
            i = body.find(w)
            while i >= 0 and self._left:
                if _may_join_run(body, i):
                    self._ensure(i, i + 1)
                i = body.find(w, i + 1)
            hit = [
                n for n in self.names if n.kind == "person" and len(n.words) >= 2 and w in n.words
            ]
        self._full_by_word[w] = hit
        return hit

    def _pid_at(self, s: int, e: int) -> str | None:
        """Id of the first leader mention overlapping [s, e)."""
        # Mentions are short: one starting more than 80 characters before the run cannot reach it.
        mentions = self.mentions
        for k in range(bisect_left(mentions, (s - 80, -1, "")), len(mentions)):
            ms, me, mid = mentions[k]
            if ms < e and s < me:
                return mid
            if ms >= e:
                break
        return None

    def _add_word(self, s: int, e: int, tok: str) -> None:
        """:meth:`_add` of a one-token group whose token is no stop or connecting word."""
        w = tok if tok.isalpha() else _clean(tok)  # a plain word has nothing to clean
        if not w or w.lower() in _CONNECT:
            return
        if tok.startswith(w):
            e = s + len(w)  # without a sentence's full stop or a "’s"
        if _orgish(w):
            kind, pid = "org", None
        else:
            pid = self._pid_at(s, e) if self.mentions else None
            kind = "other" if pid is None else "person"
        possessive = tok.endswith(_POSSESSIVE)
        self._new.append(_Name(s, e, (w,), kind, pid, possessive, False))

    def _add(self, group: list[tuple[int, int, str]]) -> None:
        toks = group  # only ever sliced (never changed in place)
        last = toks[-1][2]
        possessive = last.endswith(_POSSESSIVE)
        while toks and (toks[0][2] in _STOP or toks[0][2].lower() in _CONNECT):
            toks = toks[1:]
        while toks and toks[-1][2].lower() in _CONNECT:
            toks = toks[:-1]
        if not toks:
            return
        # A plain word has nothing to clean (most words): no call for it.
        words = [t[2] if t[2].isalpha() else _clean(t[2]) for t in toks]
        for i in range(len(toks) - 1):  # "Moody’s Analytics": the possessive is in the name
            if toks[i][2].endswith(("’s", "'s")):
                words[i] = toks[i][2]
        # "Nick Van den Brul of BNP Paribas", "Mitch McConnell of Kentucky": a person, then a place.
        for i in range(2, len(words) if "of" in words or "for" in words else 0):
            if words[i] not in ("of", "for"):
                continue
            left = words[:i]
            if not any(x in _ORG_WORDS for x in left) and all(
                x[:1].isupper() or x in _CONNECT for x in left
            ):
                self._add(toks[i + 1 :])
                toks, words = toks[:i], words[:i]
                break
        # Drop a role or title prefix ("Foreign Secretary Jack Straw", "Mr. Gates").
        honorific = False
        cut = -1
        for i, w in enumerate(words[:-1]):
            low = w.lower()
            if low not in _PREFIX_WORDS and (
                low[-1:] != "." or low.rstrip(".") not in _PREFIX_WORDS
            ):
                continue  # neither an honorific nor a role (most words): one set lookup
            if low in _HONORIFICS or low.rstrip(".") in _HONORIFICS:
                honorific = True
                cut = i
            elif low in _ROLES or low.rstrip(".") in _ROLES:
                cut = i
        if cut >= 0:
            toks, words = toks[cut + 1 :], words[cut + 1 :]
        while toks and words[0].lower() in _CONNECT:
            toks, words = toks[1:], words[1:]
        if not toks or not words[0]:
            return
        s, e = toks[0][0], toks[-1][1]
        if toks[-1][2].startswith(words[-1]):
            e = toks[-1][0] + len(words[-1])  # without a sentence's full stop or a "’s"
        pid = None
        orgish = False
        for w in words:
            if _orgish(w):
                orgish = True
                break
        if not orgish and self.mentions:
            pid = self._pid_at(s, e)
        if pid is not None:
            kind = "person"
        elif orgish:
            kind = "org"
        elif honorific or (
            len(words) >= 2
            and words[0] not in _PLACE_FIRST
            and words[-1].lower() not in _AFFILIATION
            and _capitalised(words)
        ):
            kind = "person"
        else:
            kind = "other"
        self._new.append(_Name(s, e, tuple(words), kind, pid, possessive, honorific))

    # -- lookups -------------------------------------------------------------------------------

    def within(self, s: int, e: int) -> list[_Name]:
        if _CAP.search(self.body, s, e) is None:
            return []  # a name starts with a capital letter (see ``_RUN``): none is in [s, e)
        self._ensure(s, e)
        starts = self.starts
        i = bisect_left(starts, s)
        return [n for n in self.names[i : bisect_left(starts, e, i)] if n.end <= e]

    def leader_within(self, s: int, e: int) -> tuple[int, str] | None:
        """A leader mention in [s, e) that no capitalised run covers ("the Chinese leader")."""
        best = None
        for ms, me, mid in self.mentions:
            if ms >= e:
                break
            if ms >= s and me <= e and not self.in_quote(ms):
                best = (ms, mid)
        return best

    def covered(self, pos: int) -> bool:
        self._ensure(pos, pos + 1)
        i = bisect_left(self.starts, pos + 1) - 1
        if i < 0:
            return False
        n = self.names[i]
        return n.start <= pos < n.end and n.kind == "person"

    def in_quote(self, pos: int) -> bool:
        i = bisect_left(self.quoted, (pos + 1, -1)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def canonical(self, n: _Name) -> tuple[str, str | None]:
        """(canonical name, leader id) of a name mention."""
        if n.pid is not None:
            return self.people[n.pid].name, n.pid
        if n.kind == "org":
            return self.expand_acronym(" ".join(n.words)), None
        if len(n.words) >= 2:
            # "Mr Baez Silva" after "Carlos Baez Silva": the longer name that ends with it.
            k = len(n.words)
            for f in self.full_with(n.words[-1]):
                if len(f.words) > k and f.words[-k:] == n.words and f.start < n.start:
                    return (self.people[f.pid].name, f.pid) if f.pid else (" ".join(f.words), None)
            return " ".join(n.words), None
        w = n.words[0]
        hit = self._canon.get(w)
        if hit is None:
            hit = self._resolve_single(w, n.start)
            self._canon[w] = hit
        return hit

    def _resolve_single(self, w: str, at: int) -> tuple[str, str | None]:
        for _ms, _me, mid in self.mentions:
            if self.people[mid].name.split()[-1] == w:
                return self.people[mid].name, mid
        for test in (lambda f: f.words[-1] == w, lambda f: f.words[0] == w, lambda f: w in f.words):
            cands = [f for f in self.full_with(w) if test(f)]
            if cands:
                before = [f for f in cands if f.start < at]
                f = before[0] if before else cands[0]
                if f.pid is not None:
                    return self.people[f.pid].name, f.pid
                return " ".join(f.words), None
        for _ms, _me, mid in self.mentions:
            name = self.people[mid].name
            if name.split()[-1] == w:
                return name, mid
        return w, None

    def is_known_single(self, n: _Name) -> bool:
        if n.pid is not None or len(n.words) != 1:
            return n.pid is not None
        w = n.words[0]
        if self.full_with(w):
            return True
        # "Lee, the party leader, said": a one-word name with an apposition.
        return bool(_APPOSITION.match(self.body[n.end : n.end + 6]))

    def expand_acronym(self, name: str) -> str:
        if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
            return name
        # The words of a name but its first start tokens after a space, tab or no-break space
        # (they are tokens of its run): only a paragraph with such a token for each later
        # letter can hold the name spelled out, and only those are built (not the body).
        body = self.body
        for ps, pe in self.paras:
            for c in name[1:]:
                if (
                    body.find(" " + c, ps, pe) < 0
                    and body.find("\t" + c, ps, pe) < 0
                    and body.find("\u00a0" + c, ps, pe) < 0
                ):
                    break
            else:
                self._ensure(ps, pe)
        for f in self.names:
            caps = [x for x in f.words if x.lower() not in _CONNECT and x.lower() != "and"]
            if len(caps) == len(name) and "".join(x[0] for x in caps) == name:
                return " ".join(f.words)
        return name


def _orgish(w: str) -> bool:
    """An organisation word: a known one, an abstract-noun ending, or an acronym ("IMF",
    "U.S.", "AT&T": two letters or more, all upper-case; "." and "&" are uncased, so
    ``w.isupper()`` is what the same test on ``w`` without them gives)."""
    return (
        w in _ORG_WORDS
        or w.lower().endswith(_ORG_SUFFIX)
        or (w.isupper() and len(w) - w.count(".") >= 2)
    )


def _capitalised(words: list[str]) -> bool:
    """Every word capitalised or a connecting word ("Nick Van den Brul")."""
    # A loop, not ``all()`` over a generator: no generator to create and resume per word.
    for w in words:  # noqa: SIM110
        if not (w[:1].isupper() or w.lower() in _CONNECT):
            return False
    return True


_APPOSITION = re.compile(r",\s+(?:the|a|an)\s")
# From a name to its verb, past an apposition (", a Lagos intelligence firm,").
_TO_VERB = re.compile(r"(?:,\s+(?:the|a|an)\s[^,.;:“”\"]{1,80},)?\s+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.")


def _clean(word: str) -> str:
    if word.isalpha():
        return word  # no possessive ending, no "." or "," to strip (most words)
    for suf in _POSSESSIVE:
        if word.endswith(suf) and len(word) > len(suf):
            word = word[: -len(suf)]
            break
    return word.rstrip(".,") if not _INITIALS.fullmatch(word) else word


# ---------------------------------------------------------------------------------------------
# Speaker of one attribution phrase.

_PRONOUN_RE = re.compile(
    r"(?:(?:earlier|later|then|previously|once|\w+ly)\s+)?(?:he|she|он|она)"
    r"(?:\s+(?:\w+ly|also|later|then|had|has|once))?",
    re.I,
)
_INDEF_RE = re.compile(r"(?:an?|one|some|another|the same|several|other|two|three|many)\s", re.I)
_DEF_RE = re.compile(r"(?:the|this|that|these|its|their)\s", re.I)
_ORG_HEADS = _wordset(
    "company firm group bank agency ministry department organisation organization institute "
    "fund committee party government union association board campaign network airline carrier "
    "manufacturer maker retailer lender insurer regulator council commission office statement "
    "report study survey newspaper paper agency think-tank center centre court"
)
_OPENING_SUBJECT = re.compile(
    r"\s*(?:(?:But|And|Yet|So)\s+)?(?:(He|She)(?:[’']s)?(?![\w’'])|(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?=[A-ZА-ЯЁ]))"
)
_CLAUSE_LEAD = re.compile(r"[\s,;—–()-]*(?:(?:but|and|yet|so|then)\s+)?", re.I)
_ADVERBS = _wordset("meanwhile also later then too however earlier again")
_CONJ = re.compile(r"(?:but|and|yet|so|then|while)\s+", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r"[,;—–(]|\s-\s")
_IT_RE = re.compile(r"(?:it|they)(?:\s+(?:\w+ly|also|later|then|had|has|once))?", re.I)
_MODIFIED = _wordset(
    "administration campaign government era camp aides team family adviser advisers "
    "spokesman spokeswoman spokesperson allies supporters presidency years poll polls survey "
    "report statement plan"
)
# The word before a name, past an honorific: ``(\w+)\W+(?:(?:Mr|…|Lord)\.?\s+)?$`` on the text
# before it, written backwards and matched on that text reversed (a search for a pattern
# anchored at its end tries, and backtracks from, every start).
_OBJ_BEFORE_REV = re.compile(r"(?:\s+\.?(?:rM|srM|sM|rD|riS|ydaL|droL))?\W+(\w+)")
_PREPS = _wordset("to of by with at for from under than about against on in into")
_ANON_HEADS = _wordset(
    "official officials source sources person people diplomat aide insider spokesman "
    "spokeswoman spokesperson observer observers resident residents witness witnesses guy man "
    "woman men women someone"
)

_HEAD_END = _wordset("with of from in at on who familiar close briefed involved")


def _anonymous_head(clause: str) -> bool:
    """Whether the noun phrase opening ``clause`` (up to a preposition or relative pronoun)
    ends in an anonymous head such as "official" or "person"."""
    words = clause.lower().split()
    head = words[-1]
    for i, word in enumerate(words[1:], 1):
        if word in _HEAD_END:
            head = words[i - 1]
            break
    return head.strip(",.;:") in _ANON_HEADS


# Outcome of reading an attribution phrase: a speaker, an explicit "nobody named" (a
# description such as "a senior official"), or nothing usable.
_NONE = ("", None)


_WORDS_DASH = re.compile(r"[\w-]+")
_HONORIFIC_END = re.compile(r"\s*(?:mr|mrs|ms|dr)\.?$")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_TO_PUNCT = re.compile(r"[^,;:(—–]*")
_AFTER_LEAD = re.compile(r"\s*[,.]?\s*(?:[—–-]+\s*)?")


class _Speakers:
    def __init__(self, body: str, ix: _Index, paras: list[tuple[int, int]]) -> None:
        self.body = body
        self.ix = ix
        self.paras = paras
        self.last: tuple[str, str | None] | None = None
        self.cue_re = _cue_re()
        self.cue_starts = _cue_starts(body)

    def cue_search(self, pos: int, end: int) -> re.Match[str] | None:
        """``self.cue_re.search(self.body, pos, end)``."""
        return search_at(self.cue_re, self.body, self.cue_starts, pos, end)

    def cue_finditer(self, pos: int, end: int) -> list[re.Match[str]]:
        """``list(self.cue_re.finditer(self.body, pos, end))``."""
        return _cue_finditer(self.cue_re, self.body, self.cue_starts, pos, end)

    def subject_before(self, pos: int, floor: int) -> tuple[int, tuple[str, str | None]] | None:
        """Subject of the last sentence in [floor, pos) naming a person: its first person."""
        ix = self.ix
        # A name's canonical form is worked out for the one returned only (it is a pure
        # function of the name), and whether a name may be a subject once per name.
        cands: list[tuple[int, int, _Name | tuple[str, str | None]]] = []
        for ms, me, mid in ix.mentions:
            if ms >= pos:
                break
            if ms >= floor and not ix.covered(ms) and not ix.in_quote(ms):
                cands.append((ms, me, (ix.people[mid].name, mid)))
        # The last candidate: the last mention or a later name (whether a name may be a subject
        # is looked at from the end, and only for the names of the last candidate's sentence).
        names = ix.within(floor, pos)
        top = cands[-1][0] if cands else -1
        for n in reversed(names):
            if n.start < top:
                break
            if self._may_be_subject(n):
                top = n.start
                break
        if top < 0:
            return None
        s0, _ = _sentence_before(self.body, top, floor)
        last: list[tuple[int, int, _Name | tuple[str, str | None]]] = [
            (n.start, n.end, n)
            for n in names[bisect_left(names, s0, key=_start_of) :]
            if self._may_be_subject(n)
        ]
        last += [c for c in cands if c[0] >= s0]
        last.sort(key=lambda c: c[0])
        # "Referring to Modi’s talks with Xi, Geng said: …": the name right before a cue verb.
        pick = last[0]
        for c in last:
            if len(last) > 1 and self.cue_re.match(self.body, c[1] + 1) and self.body[c[1]] == " ":
                pick = c
                break
        who = pick[2]
        return pick[0], ix.canonical(who) if isinstance(who, _Name) else who

    def _may_be_subject(self, n: _Name) -> bool:
        """A person (or a one-word name known from a full mention), not possessive or a
        modifier: a candidate for :meth:`subject_before` (cached on the name)."""
        if n.subject is None:
            n.subject = (
                (n.kind == "person" or (n.kind == "other" and self.ix.is_known_single(n)))
                and not n.possessive
                and not self.modifier(n)
            )
        return n.subject

    def pronoun(self, pos: int, floor: int, depth: int = 0) -> tuple[str, str | None] | None:
        """Who "he"/"she" at ``pos`` is: the subject of the last sentence naming a person."""
        s0, _ = _sentence_before(self.body, pos, floor)
        hit = self.subject_before(s0, floor)
        if hit is not None:
            if depth < 3:
                # "Warren … She compares him to Trump. … “Q,” she said": that sentence's subject
                # is its opening pronoun, so the antecedent is further back (not Trump).
                hs, _ = _sentence_before(self.body, hit[0], floor)
                opening = _OPENING_SUBJECT.match(self.body, hs, hit[0])
                if opening is not None and opening.group(1):
                    earlier = self.pronoun(hs, floor, depth + 1)
                    if earlier is not None:
                        return earlier
            return hit[1]
        return self.last

    def sentence_subject(
        self, s: int, e: int, pos: int, floor: int
    ) -> tuple[str, str | None] | None:
        """The person opening the sentence body[s:e] ("He …", "Mr. Lee …"), if any."""
        m = _OPENING_SUBJECT.match(self.body, s, e)
        if m is None:
            return None
        if m.group(1):
            return self.pronoun(s, floor)
        names = self.ix.within(s, e)
        n0 = names[0] if names else None
        if n0 and n0.start == m.end() and n0.kind == "person" and not n0.possessive:
            return self.ix.canonical(n0)
        return None

    def org_subject(self, pos: int, floor: int) -> tuple[str, str | None] | None:
        """The organisation that was last the subject of a sentence ("..., the company said")."""
        for n in reversed(self.ix.within(max(0, floor - 2000), pos)):
            if n.kind in ("org", "other") and not n.possessive and len(n.words[0]) > 1:
                s0, _ = _sentence_before(self.body, n.start, 0)
                first = self.ix.within(s0, n.end)
                if first and first[0] is n:
                    return self.ix.canonical(n)
                # "In its analysis of …, SBM Intel, a Lagos intelligence firm, says …": the
                # subject is the name right before the verb, not the sentence's first name.
                gap = _TO_VERB.match(self.body, n.end)
                if gap is not None and self.cue_re.match(self.body, gap.end()):
                    return self.ix.canonical(n)
        return None

    def description(self, clause: str, pos: int, floor: int) -> tuple[str, str | None] | None:
        words = _WORDS_DASH.findall(clause.lower())
        for i, w in enumerate(words):
            if i > 0 and w in _SMALL:
                words = words[:i]
                break
        while len(words) > 2 and (words[-1] in _ADVERBS or words[-1].endswith("ly")):
            words = words[:-1]  # "the foreign secretary meanwhile"
        head = words[-1] if words else ""
        if len(words) >= 2 and head in _ROLES and words[0] == "the":
            titled = self.titled(" ".join(words[1:]), pos)
            if titled is not None:
                return titled
        if head in _ORG_HEADS:
            return self.org_subject(pos, floor) or _NONE
        if head in _ANON_HEADS or "same" in words:
            return _NONE
        return self.pronoun(pos, floor)

    def titled(self, role: str, pos: int) -> tuple[str, str | None] | None:
        """The person introduced with ``role`` before ``pos`` ("Foreign Secretary Jack Straw",
        "Jack Straw, the foreign secretary")."""
        body = self.body
        n_role = len(role)
        for n in reversed(self.ix.within(0, pos)):
            if n.kind != "person":
                continue
            pre = " ".join(body[max(0, n.start - n_role - 8) : n.start].lower().split())
            pre = _HONORIFIC_END.sub("", pre)
            post = " ".join(body[n.end : n.end + n_role + 10].lower().split())
            if pre.endswith(role) or post.startswith((", the " + role, ", " + role)):
                return self.ix.canonical(n)
        return None

    def from_clauses(self, s: int, e: int, pos: int, floor: int) -> tuple[str, str | None] | None:
        """Speaker named in the subject phrase body[s:e] right before a cue verb."""
        text = self.body[s:e]
        if len(text.split()) > 30:
            s = e - len(" ".join(text.split()[-30:]))
            text = self.body[s:e]
        cuts = [s, *[s + m.end() for m in _CLAUSE_CUT.finditer(text)]]
        bounds = list(zip(cuts, [*cuts[1:], e], strict=True))
        described: str | None = None
        k = 0
        for cs, ce in reversed(bounds):
            clause = self.body[cs:ce].strip(" ,;—–()-\t\n")
            conj = _CONJ.match(clause)  # (``sub`` would try the anchored pattern at every offset)
            if conj is not None:
                clause = clause[conj.end() :]
            if not clause:
                continue
            k += 1
            # Only the clause next to the cue may be a description; an earlier clause starting
            # in lower case is an apposition whose names are objects ("seated next to X").
            if k > 1 and clause[:1].islower():
                continue
            hit = self.clause_speaker(clause, cs, ce, pos, floor, last=k == 1)
            if hit is not None:
                return hit
            if k == 1:
                if _DEF_RE.match(clause + " "):
                    described = clause
                elif _INDEF_RE.match(clause + " "):
                    # "NAME, an analyst, said" is an apposition; "…, but an official told" is not
                    if cs == bounds[0][0] or conj is not None:
                        return _NONE
                    continue
                elif len(clause.split()) > 4 and not clause[:1].islower():
                    break
        if described is not None:
            return self.description(described, pos, floor)
        return None

    def clause_speaker(
        self, clause: str, cs: int, ce: int, pos: int, floor: int, last: bool
    ) -> tuple[str, str | None] | None:
        names = [n for n in self.ix.within(cs, ce) if not n.possessive and not self.modifier(n)]
        persons = [n for n in names if n.kind == "person" and not self.object_of(n)]
        if persons:
            return self.ix.canonical(persons[-1])
        lead = self.ix.leader_within(cs, ce)
        if lead is not None and not self.ix.covered(lead[0]):
            return self.ix.people[lead[1]].name, lead[1]
        # A one-word name known from a full mention opening the clause ("Clinton can be heard",
        # "Lee, the party leader,"): the subject.
        singles = [n for n in names if n.kind == "other" and len(n.words) == 1]
        if (
            singles
            and _CLAUSE_LEAD.fullmatch(self.body, cs, singles[0].start)
            and self.ix.is_known_single(singles[0])
        ):
            return self.ix.canonical(singles[0])
        if last and _PRONOUN_RE.fullmatch(clause):
            return self.pronoun(pos, floor)
        if last and _IT_RE.fullmatch(clause):
            return self.org_subject(pos, floor)
        others = [n for n in names if n.kind in ("other", "org")]
        determiner = _DEF_RE.match(clause)  # a leading one only: not "the" inside a word
        bare = (clause[determiner.end() :] if determiner else clause).strip()
        if (
            last
            and others
            and others[-1].end >= ce - 1
            and bare == " ".join(others[-1].words)
            and others[-1].words[-1].lower() not in _AFFILIATION
        ):
            return self.ix.canonical(others[-1])
        return None

    def object_of(self, n: _Name) -> bool:
        """A name right after a preposition ("seated next to Mr. Trump") is not a subject."""
        m = _OBJ_BEFORE_REV.match(self.body[max(0, n.start - 30) : n.start][::-1])
        return bool(m and m.group(1)[::-1] in _PREPS)

    def modifier(self, n: _Name) -> bool:
        """A name used as a modifier ("the Obama administration"; cached on the name)."""
        if n.modifier is None:
            m = _NEXT_WORD.match(self.body, n.end, n.end + 20)  # no anchor: as on the slice
            n.modifier = m is not None and m.group(1) in _MODIFIED
        return n.modifier

    def after_cue(self, s: int, e: int, pos: int, floor: int) -> tuple[str, str | None] | None:
        """Speaker named right after a cue ("said NAME, the ROLE", "according to NAME")."""
        sub = _TO_PUNCT.match(self.body[s:e])
        ce = s + (sub.end() if sub else 0)
        clause = self.body[s:ce].strip()
        if not clause:
            return None
        names = [n for n in self.ix.within(s, ce) if not self.modifier(n)]
        persons = [n for n in names if n.kind == "person" and not n.possessive]
        if persons:
            return self.ix.canonical(persons[0])
        lead = self.ix.leader_within(s, ce)
        if lead is not None and not self.ix.covered(lead[0]):
            return self.ix.people[lead[1]].name, lead[1]
        if _PRONOUN_RE.match(clause) and len(clause.split()) <= 3:
            return self.pronoun(pos, floor)
        indef = _INDEF_RE.match(clause + " ")
        if indef and _anonymous_head(clause):
            # "says a senior Afghan official", "said one person with direct knowledge of the
            # talks with the DOJ": a description, not the name in it
            return _NONE
        if names and (names[0].start - s <= 1 or indef):
            return self.ix.canonical(names[0])
        if _INDEF_RE.match(clause + " "):
            return _NONE
        if _DEF_RE.match(clause + " "):
            return self.description(clause, pos, floor)
        return None


_CALL_RE = re.compile(
    r"(?<![\w-])(?:called|calls|call|described|describes|describe|dubbed|dubs|branded|brands|"
    r"termed|terms|labell?ed)(?![\w-])"
)
# What every ``_CALL_RE`` match holds.
_CALL_STEMS = ("call", "describ", "dub", "brand", "term", "label")
# Between a naming verb and the quote: its object (a few words, no clause break).
_CALL_GAP = re.compile(r"[^,;:.!?—–\n]{0,60}?\s(?:as\s+)?|\s*", re.S)


def _attribute(
    body: str, q: _Raw, paras: list[tuple[int, int]], sp: _Speakers
) -> tuple[tuple[str, str | None] | None, str | None, bool]:
    """(speaker or _NONE or None, cue, strong) for one quote from its own sentence."""
    ix = sp.ix
    ps = paras[q.para][0]
    pe_last = paras[q.last_para][1]
    floor = paras[max(0, q.para - 1)][0]
    # After the closing mark: `“Q,” NAME said` / `“Q,” said NAME` / `«Q», — заявил NAME`.
    after: tuple[tuple[str, str | None] | None, str | None] = (None, None)
    a0, a1 = _sentence_after(body, q.close_at + 1, pe_last)
    lead = _AFTER_LEAD.match(body[a0:a1])
    off = a0 + (lead.end() if lead else 0)
    cm = sp.cue_search(off, a1)
    tail = q.text.rstrip().rstrip("’'\"”")[-1:]  # `“‘Q,’” NAME said` ends with the comma
    new_sentence = tail in ".!?" and body[off : off + 1].isupper()
    if new_sentence and cm and len(body[off : cm.start()].split()) > 3:
        cm = None  # `“Q.” The BBC’s correspondent, X, told …` starts another sentence
    if cm and cm.start() - off <= 130 and not ix.in_quote(cm.start()):
        rest = body[cm.end() : cm.end() + 3].lstrip()
        if not rest.startswith(":"):
            if cm.start() == off:
                who = sp.after_cue(cm.end(), a1, q.start, floor)
            else:
                who = sp.from_clauses(off, cm.start(), q.start, floor)
                if who is None and body[off : cm.start()].rstrip().endswith(","):
                    who = sp.after_cue(cm.end(), a1, q.start, floor)
            after = (who, cm.group("cue"))
    comma_end = tail in ",?!—–-" or body[q.close_at + 1 : q.close_at + 2] == ","
    if after[0] is not None and comma_end:
        return after[0], after[1], True
    # Before the opening mark: `NAME said: “Q”`, `NAME said ... “partial Q”`,
    # `according to NAME, “Q”`, `WSJ’s NAME: “Q”`.
    before: tuple[tuple[str, str | None] | None, str | None] = (None, None)
    b0, b1 = _sentence_before(body, q.open_at, ps)
    cues = [c for c in sp.cue_finditer(b0, b1) if not ix.in_quote(c.start())]
    if cues:
        cm = cues[-1]
        c = fold_cue(cm.group("cue"))
        if c in ("according to", "по словам"):
            who = sp.after_cue(cm.end(), b1, q.start, floor)
        else:
            ws = b0
            for _qs, qe in ix.quoted:
                if ws < qe <= cm.start():
                    ws = qe  # the subject phrase starts after the last quote before the cue
            who = sp.from_clauses(ws, cm.start(), q.start, floor)
            if who is None and body[ws : cm.start()].rstrip().endswith(","):
                who = sp.after_cue(cm.end(), b1, q.start, floor)
        before = (who, cm.group("cue"))
    elif body[b0:b1].rstrip().endswith(":"):
        seg = body[b0:b1].rstrip()[:-1]
        cut = max(seg.rfind("—"), seg.rfind("–"), seg.rfind(" - "))
        s = b0 + cut + 1 if cut >= 0 else b0
        names = [n for n in ix.within(s, b0 + len(seg)) if not n.possessive]
        if names and len(body[s : b0 + len(seg)].split()) <= 6:
            before = (ix.canonical(names[-1]), None)
        elif cut < 0 and len(seg.split()) <= 25:
            # `He’s philosophical about it: “Q”`: the subject of the introducing sentence.
            before = (sp.sentence_subject(b0, b0 + len(seg), q.start, floor), None)
    if before[0] is None:
        # `NAME called the bill “Q”`, `he described it as “Q”`: a naming verb, object, quote.
        ws = b0
        for _qs, qe in ix.quoted:
            if ws < qe <= q.open_at:
                ws = qe
        cm = None
        if any(stem in body[ws:b1] for stem in _CALL_STEMS):  # else the slow scan finds none
            for m in _CALL_RE.finditer(body, ws, b1):
                cm = m
        if cm is not None and _CALL_GAP.fullmatch(body, cm.end(), b1):
            who = sp.from_clauses(ws, cm.start(), q.start, floor)
            if who is not None and who[0]:
                before = (who, cm.group())
    if before[0] is not None:
        return before[0], before[1], body[b0:b1].rstrip()[-1:] in ":,"
    return after[0], after[1], False


def find_quotes(body: str, mentions: list[tuple[int, int, str]]) -> list[Quote]:
    """Direct quotes in ``body``; ``mentions`` are leader (start, end, id) spans."""
    if not ('"' in body or "“" in body or "«" in body or "„" in body or "‘" in body):
        return []
    raws = _raw_quotes(body)
    if not raws:
        return []  # no quote: the name index is not needed
    paras = paragraphs(body)
    quoted = sorted((q.open_at, q.close_at + 1) for q in raws)
    ix = _Index(body, mentions, quoted, paras)
    sp = _Speakers(body, ix, paras)
    # (quote, speaker or _NONE or None, cue, is a real quote)
    found: list[tuple[_Raw, tuple[str, str | None] | None, str | None, bool]] = []
    for q in raws:
        real = not _is_scare(body, q)
        who, cue, _ = _attribute(body, q, paras, sp)
        if who is not None and who[0]:
            sp.last = who
        found.append((q, who, cue, real))
    out: list[Quote] = []
    prev_real: tuple[_Raw, tuple[str, str | None] | None, str | None] | None = None
    for idx, (q, who, cue, real) in enumerate(found):
        if who is None:
            who, cue = _inherit(body, idx, found, sp, paras, prev_real)
        if not real:
            continue
        prev_real = (q, who, cue)
        s, e = _trim(body, q.start, q.end)
        text = q.text.strip().rstrip(",").rstrip() if q.para != q.last_para else q.text.strip()
        if q.para == q.last_para:
            text = body[s:e]
        name, pid = who if who is not None and who[0] else (None, None)
        out.append(Quote(s, e, text, name, " ".join(cue.split()) if cue and name else None, pid))
        found[idx] = (q, who, cue, real)
    return out


_SUBJECT_START = re.compile(
    r"\s*(?:But\s+|And\s+|Yet\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(He|She|[A-ZА-ЯЁ])"
)


def _inherit(
    body: str,
    idx: int,
    found: list[tuple[_Raw, tuple[str, str | None] | None, str | None, bool]],
    sp: _Speakers,
    paras: list[tuple[int, int]],
    prev_real: tuple[_Raw, tuple[str, str | None] | None, str | None] | None,
) -> tuple[tuple[str, str | None] | None, str | None]:
    """Speaker of a quote with no attribution in its own sentence."""
    q = found[idx][0]
    ps = paras[q.para][0]
    # The nearest earlier quote in the same paragraph, unless a person is named after it.
    prev = None
    for j in range(idx - 1, -1, -1):
        q2, w2, c2, _r = found[j]
        if q2.last_para != q.para:
            break
        if w2 is not None:
            prev = (q2, w2, c2)
            break
    # A quote opening a sentence right after one whose subject is a person ("Mr Straw
    # insisted there was nothing to fear. “Q”") is theirs.
    start = prev[0].close_at + 1 if prev else ps
    s1, _ = _sentence_before(body, q.open_at, ps)
    if not body[s1 : q.open_at].strip() and s1 > start:
        s0, _ = _sentence_before(body, s1 - 1, start)
        cues = [c for c in sp.cue_finditer(s0, s1) if not sp.ix.in_quote(c.start())]
        if cues:
            who = sp.from_clauses(s0, cues[-1].start(), q.start, paras[max(0, q.para - 1)][0])
            if who is None and body[s0 : cues[-1].start()].rstrip().endswith(","):
                who = sp.after_cue(cues[-1].end(), s1, q.start, paras[max(0, q.para - 1)][0])
            if who is not None:
                return who, cues[-1].group("cue")
        first = _SUBJECT_START.match(body, s0, s1)
        if first is not None:
            if _PRONOUN_RE.fullmatch(first.group(1)):
                who = sp.pronoun(s0, paras[max(0, q.para - 1)][0])
                if who is not None:
                    return who, None
            else:
                names = sp.ix.within(s0, s1)
                n0 = names[0] if names else None
                if n0 and n0.start == first.start(1) and n0.kind == "person" and not n0.possessive:
                    return sp.ix.canonical(n0), None
    if prev is not None:
        return prev[1], prev[2]
    # A later quote of the same paragraph (`“Q1.” “Q2,” he said.`).
    for j in range(idx + 1, len(found)):
        q2, w2, c2, _r = found[j]
        if q2.para != q.para:
            break
        if w2 is not None:
            return w2, c2
    # A quote paragraph right after another quote's paragraph continues that speech.
    if prev_real is not None and q.open_at == ps and q.para - prev_real[0].last_para <= 1:
        return prev_real[1], prev_real[2]
    return None, None


def fold_cue(cue: str) -> str:
    """Cue phrase with collapsed whitespace, lowercase."""
    return " ".join(cue.lower().split())


def warm_up() -> None:
    """Compile the cue-verb pattern (built from the shipped list on first use)."""
    _cue_re()
