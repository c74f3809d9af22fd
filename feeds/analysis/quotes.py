"""Direct quotes and their speakers.

Quote marks are paired by type (never by simple alternation); a quote left open at the end of a
paragraph continues when the next paragraph opens again. Names and scare quotes are dropped.
Speakers come from cue-verb patterns around the quote and resolve, most precise first, to a
gazetteer leader (by alias or resolved title), a pronoun's nearest leader, a capitalised name as
written, or the speaker of the quote paragraph just before; otherwise None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from feeds.analysis.leaders import gazetteer
from feeds.analysis.text import load_lines, paragraphs
from feeds.models import Quote

# Opening mark → acceptable closing marks.
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‘": "’", '"': '"'}
_OPENERS = re.compile(r"[“«„‘\"]")
_OPEN_CTX = " \t([{—–-/:\u00a0"
_SCARE_BEFORE = re.compile(
    r"(?:so-called|dubbed|named|called|titled|entitled|known as|the term|the word|slogan|"
    r"так называем\w*|под названием)\s*$",
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
_PRONOUNS = frozenset(["he", "she", "он", "она"])
_NAME_STOP = frozenset(
    [
        "The",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "But",
        "And",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "In",
        "On",
        "At",
        "As",
        "A",
        "An",
        "When",
        "While",
        "After",
        "Before",
        "Last",
        "Earlier",
        "Later",
        "Meanwhile",
        "However",
        "Also",
        "Our",
        "Its",
    ]
)
_CAPSEQ = re.compile(
    r"[A-ZА-ЯЁ][\w'’.-]*(?:\s+(?:(?:of|the|for|de|van|von|der|al|bin|da)\s+)*[A-ZА-ЯЁ][\w'’.-]*)*"
)
_ROLE_PHRASE = re.compile(
    r"(?:an?\s+|the\s+)?(?:spokes(?:man|woman|person)|representative|official|press secretary|"
    r"statement|source)\s+(?:for|of|from|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
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
_HONORIFIC = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?|Sir|Lord|Lady|Senator|Governor|President|"
    r"Judge|Justice|Ambassador|Secretary|Chancellor|Deputy Prime Minister|Prime Minister|"
    r"Minister)\s+"
)


@cache
def _cue_re() -> re.Pattern[str]:
    words = sorted(set(load_lines("cue_verbs.txt")) | set(_EXTRA_CUES), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?P<cue>{alt})(?![\w-])")


@dataclass
class _Raw:
    start: int
    end: int
    text: str
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark
    para: int
    last_para: int


def _find_closer(body: str, j: int, pe: int, opener: str) -> int:
    """Offset of the mark closing the quote opened at ``j``, or -1 within the paragraph."""
    closers = _PAIRS[opener]
    depth = 0
    k = j + 1
    while k < pe:
        ch = body[k]
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
    out: list[_Raw] = []
    pending: tuple[int, int, str, list[str]] | None = None  # (start, para, opener, pieces)
    for pi, (ps, pe) in enumerate(paras):
        i = ps
        if pending is not None:
            start, p0, opener, pieces = pending
            pending = None
            if body[ps] == opener or (opener in "“„" and body[ps] in "“„"):
                k = _find_closer(body, ps, pe, opener)
                if k < 0:
                    pending = (start, p0, opener, [*pieces, body[ps + 1 : pe]])
                    continue
                pieces = [*pieces, body[ps + 1 : k]]
                out.append(_Raw(start, k, "\n\n".join(pieces), start - 1, k, p0, pi))
                i = k + 1
        while i < pe:
            m = _OPENERS.search(body, i, pe)
            if m is None:
                break
            j = m.start()
            ch = body[j]
            if ch in '"‘' and not (j == ps or body[j - 1] in _OPEN_CTX):
                i = j + 1
                continue
            if j + 1 >= pe or body[j + 1].isspace():
                i = j + 1
                continue
            k = _find_closer(body, j, pe, ch)
            if k < 0:
                if ch != "‘":
                    pending = (j + 1, pi, ch, [body[j + 1 : pe]])
                break
            out.append(_Raw(j + 1, k, body[j + 1 : k], j, k, pi, pi))
            i = k + 1
    return out


def _is_scare(body: str, q: _Raw) -> bool:
    words = q.text.split()
    if len(words) < 4:
        return True
    content = [w for w in re.findall(r"[^\W\d_][\w'’-]*", q.text) if w.lower() not in _SMALL]
    if content and all(w[0].isupper() for w in content):
        return True
    before = body[max(0, q.open_at - 30) : q.open_at]
    return bool(_SCARE_BEFORE.search(before)) and len(words) <= 12


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding whitespace and the trailing comma of `“Q,” he said`."""
    while s < e and body[s].isspace():
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] == ","):
        e -= 1
    return s, e


# "." after an initial or a short title ("Robert M. Smith", "Mr. Li") does not end a sentence.
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bSt|\bJr|\bSen|\bRep|\bGen|\bGov)$")
_AFTER_END = re.compile(r"[.!?;](?=\s|$)|[“«\"]|\n")


def _sentence_after(body: str, pos: int, limit: int) -> tuple[int, int]:
    for m in _AFTER_END.finditer(body, pos, limit):
        if m.group() == "." and _ABBREV.search(body, max(0, m.start() - 4), m.start()):
            continue
        return pos, m.start()
    return pos, limit


def _sentence_before(body: str, pos: int, floor: int) -> tuple[int, int]:
    i = pos
    while i > floor:
        ch = body[i - 1]
        if ch in "\n":
            break
        at_space = i >= len(body) or body[i].isspace()
        abbrev = ch == "." and _ABBREV.search(body, max(0, i - 5), i - 1)
        if ch in ".!?" and at_space and not abbrev:
            break
        i -= 1
    return i, pos


class _Resolver:
    """Turns the words around a cue into a speaker name (and leader id)."""

    def __init__(self, body: str, mentions: list[tuple[int, int, str]]) -> None:
        self.body = body
        self.mentions = sorted(mentions)
        self.people = gazetteer().people
        self.known = {}

    def leader_in(self, s: int, e: int) -> str | None:
        inside = [m for m in self.mentions if m[0] >= s and m[1] <= e]
        return inside[0][2] if inside else None

    def nearest_before(self, pos: int, floor: int) -> str | None:
        before = [m for m in self.mentions if floor <= m[0] < pos]
        return before[-1][2] if before else None

    # The last named speaker: (offset of their quote, name, leader id). A pronoun ("he said")
    # refers to them or to the nearest leader mention, whichever came later.
    last: tuple[int, str, str | None] | None = None

    def who(self, s: int, e: int, quote_at: int, floor: int) -> tuple[str | None, str | None]:
        """(speaker, leader id) for the phrase ``body[s:e]``."""
        text = self.body[s:e]
        if not text.strip() or len(text.split()) > 10:
            return None, None
        pid = self.leader_in(s, e)
        if pid:
            return self.people[pid].name, pid
        if text.strip().lower() in _PRONOUNS:
            return self.pronoun(quote_at, floor)
        m = _ROLE_PHRASE.search(text)
        if m:
            return m.group().strip(), None
        if re.match(r"\s*(?:an?|one|some|another|the same)\s", text, re.IGNORECASE):
            return None, None  # a description ("a senior Afghan official"), not a name
        for m in _CAPSEQ.finditer(text):
            words = m.group().split()
            while words and words[0] in _NAME_STOP:
                words = words[1:]
            name = " ".join(words).rstrip(".'’")
            if name:
                return self.full_name(name, m.start() + s), None
        return None, None

    # Speakers named so far, by surname: a pronoun refers to whoever of them (or of the leaders)
    # the text mentioned last before the quote.
    known: dict[str, tuple[str, str | None]]

    def remember(self, name: str, pid: str | None) -> None:
        words = name.split()
        if words and words[-1][:1].isupper():
            self.known[words[-1]] = (name, pid)

    def pronoun(self, quote_at: int, floor: int) -> tuple[str | None, str | None]:
        before = [m for m in self.mentions if floor <= m[0] < quote_at]
        best: tuple[int, str | None, str | None] = (-1, None, None)
        if before:
            lid = before[-1][2]
            best = (before[-1][0], self.people[lid].name, lid)
        for surname, (name, kid) in self.known.items():
            k = self.body.rfind(surname, floor, quote_at)
            if k > best[0]:
                best = (k, name, kid)
        if best[1] is None and self.last is not None:
            return self.last[1], self.last[2]
        return best[1], best[2]

    def full_name(self, name: str, at: int) -> str:
        """A surname or "Mr. Reeves" as the fullest earlier mention ("Eric Reeves")."""
        bare = _HONORIFIC.sub("", name)
        parts = bare.split()
        if len(parts) != 1 or len(bare) < 2:
            return bare if parts else name
        surname = parts[0]
        rx = re.compile(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])")
        for m in rx.finditer(self.body, 0, at):
            head = self.body[max(0, m.start() - 60) : m.start()]
            seq = re.search(r"((?:[A-Z][\w'’.-]*\s+){1,3})$", head)
            if not seq:
                continue
            words: list[str] = []
            for w in reversed(seq.group(1).split()):
                if w.lower().rstrip(",") in _ROLE_WORDS or w in _NAME_STOP or w.endswith(","):
                    break
                words.insert(0, w)
            if words:
                return " ".join([*words, surname])
        # Family name first ("spokesperson Geng Shuang ... Geng said").
        for m in rx.finditer(self.body, 0, at):
            after = re.match(r"\s([A-Z][a-z'’-]+)(?![\w.])", self.body[m.end() : m.end() + 30])
            if after and after.group(1) not in _NAME_STOP:
                return f"{surname} {after.group(1)}"
        return bare


def find_quotes(body: str, mentions: list[tuple[int, int, str]]) -> list[Quote]:
    """Direct quotes in ``body``; ``mentions`` are leader (start, end, id) spans."""
    if not any(c in body for c in '“«„‘"'):
        return []
    cue_re = _cue_re()
    paras = paragraphs(body)
    res = _Resolver(body, mentions)
    found: list[tuple[_Raw, str | None, str | None, str | None]] = []
    for q in _raw_quotes(body):
        if _is_scare(body, q):
            continue
        ps = paras[q.para][0]
        pe_last = paras[q.last_para][1]
        floor = paras[max(0, q.para - 1)][0]
        speaker: str | None = None
        pid: str | None = None
        cue: str | None = None
        # After the closing mark: `“Q,” NAME said` / `“Q,” said NAME` / `«Q», — заявил NAME`.
        a0, a1 = _sentence_after(body, q.close_at + 1, pe_last)
        after = body[a0:a1]
        lead = re.match(r"\s*[,.]?\s*(?:[—–-]+\s*)?", after)
        off = a0 + (lead.end() if lead else 0)
        cm = cue_re.search(body, off, a1)
        if cm and cm.start() - off <= 80:
            cue = cm.group("cue")
            if cm.start() == off:  # cue first: "said Xi Jinping"
                ws, we = cm.end(), a1
                sub = re.match(r"[^,;]*", body[ws:we])
                we = ws + (sub.end() if sub else 0)
            else:
                ws, we = off, cm.start()
            speaker, pid = res.who(ws, we, q.start, floor)
            if speaker is None and pid is None and not body[ws:we].strip():
                cue = None
        if speaker is None:
            # Before the opening mark: `NAME said: “Q”`, `NAME said ... “partial Q”`,
            # `according to NAME, “Q”`.
            b0, b1 = _sentence_before(body, q.open_at, ps)
            cues = list(cue_re.finditer(body, b0, b1))
            if cues:
                cm = cues[-1]
                c = fold_cue(cm.group("cue"))
                if c in ("according to", "по словам"):
                    ws, we = cm.end(), b1
                    sub = re.match(r"[^,:;]*", body[ws:we])
                    we = ws + (sub.end() if sub else 0)
                else:
                    ws, we = b0, cm.start()
                    # Keep the clause right before the cue ("..., Tokayev said").
                    cut = max(body.rfind(",", ws, we), body.rfind(";", ws, we))
                    if cut >= 0:
                        ws = cut + 1
                s2, p2 = res.who(ws, we, q.start, floor)
                if s2 is not None:
                    speaker, pid, cue = s2, p2, cm.group("cue")
        if speaker is not None:
            res.last = (q.start, speaker, pid)
            res.remember(speaker, pid)
        found.append((q, speaker, pid, cue))
    # Unattributed quotes inherit from an attributed one in the same paragraph, or from the
    # quote paragraph right before (a speech running over several paragraphs).
    out: list[Quote] = []
    for idx, (q, speaker, pid, cue) in enumerate(found):
        if speaker is None:
            for q2, s2, p2, c2 in found:
                if q2 is not q and q2.para == q.para and s2 is not None:
                    speaker, pid, cue = s2, p2, c2
                    break
        if speaker is None and idx > 0:
            # An unattributed quote in the paragraph right after another quote continues it.
            last_q = out[-1]
            prev = found[idx - 1][0]
            if last_q.speaker is not None and q.para - prev.last_para <= 1:
                speaker, pid, cue = last_q.speaker, last_q.speaker_id, last_q.cue
        s, e = _trim(body, q.start, q.end)
        text = q.text.strip().rstrip(",").rstrip() if q.para != q.last_para else q.text.strip()
        if q.para == q.last_para:
            text = body[s:e]
        out.append(Quote(s, e, text, speaker, " ".join(cue.split()) if cue else None, pid))
    return out


def fold_cue(cue: str) -> str:
    """Cue phrase with collapsed whitespace, lowercase."""
    return " ".join(cue.lower().split())
