"""Figures: money, percentages, quantities, counts and dates, by a small grammar of our own.

NUM accepts ``1,234.56``, ``1.234,56``, ``1 234,56`` (NBSP/thin space) and ``14,5``; SCALE words
multiply (million, bn, млрд ...); currencies are recognised before or after the number. Values
are normalised ("$41 billion" → 41e9 USD). A range ("$40-50 billion") keeps its full text and
the value of its first number. Never raises on odd input: unparsable numbers are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from functools import cache

from feeds.analysis.text import ascii_view, fold, sentences
from feeds.models import Figure, FigureKind

_SP = "\u00a0\u202f\u2009"
NUM = (
    rf"(?:\d{{1,3}}(?:[,{_SP}]\d{{3}})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?"
    rf"|\d{{1,3}}(?:[{_SP}]\d{{3}})+(?:,\d+)?"
    r"|\d+(?:[.,]\d+)?)"
)
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "тыс": 1e3,
    "тыс.": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "млн": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "млрд": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "трлн": 1e12,
    # Indian English: "₹9,000 crore" (9e10), "₹50 lakh" (5e6), "₹1.5 lakh crore" (1.5e12).
    "lakh crore": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
}
_INDIAN = r"lakh crores?|crores?|lakhs?"
_SCALE = rf"(?:thousand|millions?|billions?|trillion|bn|mn|mln|tn|{_INDIAN}|тыс\.?|млн|млрд|трлн)"
_SCALE_CUR = (
    rf"(?:thousand|millions?|billions?|trillion|bn|mn|mln|tn|{_INDIAN}|m|k|тыс\.?|млн|млрд|трлн)"
)
_CUR_PRE = {
    "US$": "USD",
    "$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₸": "KZT",
    "₽": "RUB",
    "₹": "INR",
    "USD": "USD",
    "EUR": "EUR",
    "CNY": "CNY",
    "RMB": "CNY",
    "KZT": "KZT",
    "RUB": "RUB",
    "GBP": "GBP",
    "JPY": "JPY",
    "CHF": "CHF",
    "INR": "INR",
}
_CUR_SUF = {
    "dollars": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "tenge": "KZT",
    "rubles": "RUB",
    "roubles": "RUB",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "yen": "JPY",
    "rupees": "INR",
    "rupiah": "IDR",
    "won": "KRW",
    "lira": "TRY",
    "rand": "ZAR",
    "naira": "NGN",
    "ringgit": "MYR",
    "baht": "THB",
    "hryvnias": "UAH",
    "swiss francs": "CHF",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "долларов": "USD",
    "доллара": "USD",
    "доллар": "USD",
    "евро": "EUR",
    "юаней": "CNY",
    "юаня": "CNY",
    "тенге": "KZT",
    "рублей": "RUB",
    "рубля": "RUB",
    "usd": "USD",
    "eur": "EUR",
    "cny": "CNY",
    "kzt": "KZT",
    "rub": "RUB",
    "gbp": "GBP",
    # ISO codes after a "$" amount name the dollar: "$229 CAD".
    "cad": "CAD",
    "aud": "AUD",
    "hkd": "HKD",
    "jpy": "JPY",
    "chf": "CHF",
    "inr": "INR",
}


def _alt(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


_PRE = _alt(list(_CUR_PRE))
_SUF = _alt(list(_CUR_SUF)).replace(r"\ ", r"\s+")
# Currency words written before the number, as BBC copy does ("dollars 600,000", "pounds 64m").
_WORD_PRE = {
    "dollars": "USD",
    "us dollars": "USD",
    "pounds": "GBP",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
}
_WPRE = _alt(list(_WORD_PRE)).replace(r"\ ", r"\s+")
# Sub-units: "15 cents", "274.5 pence", "274.5p".
_SUBUNIT = {"cents": "USD", "cent": "USD", "pence": "GBP", "p": "GBP"}
# A range connector; "and" only counts after "between", checked in `_range_ok`.
_RANGE = rf"(?:\s?(?P<conn>-|–|—|to|and|до)\s?(?P<cur3>{_PRE})?\s?(?P<num2>{NUM}))?"
_B = r"(?<![\w.,/])(?<![A-Za-z]-)"  # not inside a word, a number or "COVID-19"
# "$254-billion Canadian", "$670-billion (U.S.)": the dollar's country written after it.
_QUAL = r"(?:\s(?:(?P<qual>Canadian|Australian|U\.S\.|US)(?![\w.])|\((?:U\.S\.|US)\)))?"


def _money_pre(rng: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w$€£¥])(?P<cur>{_PRE})\s?(?P<num>{NUM}){rng}"
        rf"(?:[\s-]?(?P<scale>{_SCALE_CUR})(?![\w]))?(?:\s(?P<cur2>{_SUF})(?![\w]))?{_QUAL}",
        re.IGNORECASE,
    )


def _money_wpre(rng: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?P<cur>{_WPRE})\s(?P<num>{NUM}){rng}"
        rf"(?:[\s-]?(?P<scale>{_SCALE_CUR})(?![\w]))?(?![\w.,]\d)",
        re.IGNORECASE,
    )


# What follows the last number of a grammar's match (its tail): also tried on its own, right
# after each digit run's last digit, to skip grammars and windows that cannot match.
_SUF_TAIL = rf"(?:[\s-]?(?P<scale>{_SCALE})(?!\w))?\s(?P<cur2>{_SUF})(?![\w])"
_SUB_TAIL = r"(?:\s(?P<unit>cents?|pence)|(?P<unitp>p))(?![\w])"
_AT_TIME = re.compile(r"\b(?:at|until|till|before|after)\s+$", re.IGNORECASE)
# "%" needs no boundary after it: scraped text glues words on ("33%of those").
_PERCENT_TAIL = (
    r"\s?(?P<unit>%|(?:percentage\s+points?|pp|п\.\s?п\.|"
    r"per\s?cent|percent|pct|процент\w*)(?![\w]))"
)


def _money_suf(rng: str) -> re.Pattern[str]:
    return re.compile(rf"{_B}(?P<num>{NUM}){rng}{_SUF_TAIL}", re.IGNORECASE)


def _money_sub(rng: str) -> re.Pattern[str]:
    return re.compile(rf"{_B}(?P<num>{NUM}){rng}{_SUB_TAIL}", re.IGNORECASE)


def _percent(rng: str) -> re.Pattern[str]:
    return re.compile(rf"{_B}(?P<num>{NUM}){rng}{_PERCENT_TAIL}", re.IGNORECASE)


# Each figure grammar twice: with an optional range tail, and without it for when the tail turns
# out not to be a range ("rose by $1 to $8.25" is two amounts, not one range).
_MONEY_PRE = (_money_pre(_RANGE), _money_pre(""))
_MONEY_WPRE = (_money_wpre(_RANGE), _money_wpre(""))
_MONEY_SUF = (_money_suf(_RANGE), _money_suf(""))
_MONEY_SUB = (_money_sub(_RANGE), _money_sub(""))
_PERCENT = (_percent(_RANGE), _percent(""))
_BETWEEN = re.compile(r"\bbetween\s+(?:[$€£¥]|US\$|dollars\s|pounds\s)?$", re.IGNORECASE)
_FROM_BY = re.compile(r"\b(?:from|by)\s+$", re.IGNORECASE)
_UNITS = {
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "tons": "tonnes",
    "ton": "tonnes",
    "metric tons": "tonnes",
    "т": "tonnes",
    "тонн": "tonnes",
    "тонны": "tonnes",
    "barrels": "barrels",
    "barrels per day": "barrels/day",
    "barrels a day": "barrels/day",
    "bpd": "barrels/day",
    "баррелей": "barrels",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "км": "km",
    "miles": "miles",
    "gw": "GW",
    "mw": "MW",
    "kw": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "гвт": "GW",
    "мвт": "MW",
    "teu": "TEU",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "m3": "m3",
    "bcm": "bcm",
    "кубометров": "m3",
    "hectares": "ha",
    "ha": "ha",
    "га": "ha",
    "kg": "kg",
    "litres": "litres",
    "liters": "litres",
    "square metres": "m2",
    "square meters": "m2",
    "sq km": "km2",
    "square kilometres": "km2",
    "square kilometers": "km2",
}
_UNIT_ALT = _alt(list(_UNITS)).replace(r"\ ", r"\s+")


_QUANTITY_TAIL = rf"(?:\s?(?P<scale>{_SCALE})(?!\w))?\s?(?P<unit>{_UNIT_ALT})(?![\w])"


def _quantity(rng: str) -> re.Pattern[str]:
    return re.compile(rf"{_B}(?P<num>{NUM}){rng}{_QUANTITY_TAIL}", re.IGNORECASE)


_QUANTITY = (_quantity(_RANGE), _quantity(""))
_COUNT_TAIL = rf"(?:\s(?P<scale>{_SCALE})(?!\w))?(?P<words>(?:\s[a-z][a-z-]*){{1,4}})"
_COUNT = re.compile(rf"{_B}(?P<num>{NUM}){_COUNT_TAIL}")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "january jan января январь",
            "february feb февраля",
            "march mar марта",
            "april apr апреля",
            "may мая",
            "june jun июня",
            "july jul июля",
            "august aug августа",
            "september sep sept сентября",
            "october oct октября",
            "november nov ноября",
            "december dec декабря",
        ]
    )
    for m in names.split()
}
_MON = _alt(list(_MONTHS))
_DMY_TAIL = rf"\s(?P<mon>{_MON})\.?,?\s(?P<y>\d{{4}})(?!\d)"
_DATE_DMY = re.compile(rf"(?<![\w.])(?P<d>\d{{1,2}}){_DMY_TAIL}", re.IGNORECASE)
_DATE_MDY = re.compile(
    rf"(?<![\w.])(?P<mon>{_MON})\.?\s(?P<d>\d{{1,2}}),?\s(?P<y>\d{{4}})(?!\d)", re.IGNORECASE
)
_DAY_YEAR = re.compile(r"\d{1,2},?\s\d{4}(?!\d)")
_DATE_NUM = re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\w.]\d)")
_ISO_TAIL = r"-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])"
_DATE_ISO = re.compile(rf"(?<![\w.-])(?P<y>\d{{4}}){_ISO_TAIL}")


def _unnamed(rx: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", rx)


def _firsts(words: list[str]) -> str:
    """A character class of the first characters of ``words``."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


_SCALE_WORDS = re.sub(r"[()?:\\.]", "", _SCALE).split("|")


def _heads(words: list[str]) -> str:
    """A pattern of the first two characters of ``words`` (classes of the first and of the
    second characters; a one-character word by its first alone): a necessary condition of any
    of them starting there, far cheaper to fail than the alternation of the words."""
    long = [w for w in words if len(w) > 1]
    assert all(not w[1].isspace() for w in long)  # a space stands for ``\s+`` in the patterns
    pair = _firsts(long) + "[" + "".join(sorted({re.escape(w[1]) for w in long})) + "]"
    short = [w for w in words if len(w) == 1]
    return f"(?:{pair}|{_firsts(short)})" if short else pair


# Each grammar's tail, tried on its own after a run's last digit, behind a guard that checks the
# characters a tail opens with (character classes: the alternations of words are slow to fail;
# a word's first two characters let far fewer runs through than its first alone, which " the"
# passes). The count grammar is case-sensitive.
_TAILS = ("suf", "sub", "percent", "quantity", "dmy", "count", "iso")
_GUARDED_TAILS = tuple(
    (re.compile(guard, re.IGNORECASE), re.compile(_unnamed(tail), re.IGNORECASE))
    for guard, tail in (
        (rf"[\s-]?{_heads(_SCALE_WORDS)}|\s{_heads(list(_CUR_SUF))}", _SUF_TAIL),
        (r"\s[cp]|p", _SUB_TAIL),
        (r"\s?[%pп]", _PERCENT_TAIL),
        (rf"\s?{_heads(_SCALE_WORDS + list(_UNITS))}", _QUANTITY_TAIL),
        (rf"\s{_heads(list(_MONTHS))}", _DMY_TAIL),
        (rf"(?-i:\s[a-z]|\s{_firsts(_SCALE_WORDS)})", f"(?-i:{_COUNT_TAIL})"),
        ("-", _ISO_TAIL),
    )
)
_GUARD_WIDTH = 3
"""The characters a guard above reads at most (it has no lookaround): which guards pass after a
digit run depends on those characters alone."""
_OPENINGS: dict[str, tuple[int, ...]] = {}
"""The first ``_GUARD_WIDTH`` characters after a run → the indexes of the tails whose guard
passes (a cache: most runs are followed by one of a few openings, such as " the")."""


def _opening(key: str) -> tuple[int, ...]:
    """The tails whose guard passes on ``key`` (cached in ``_OPENINGS``, kept small)."""
    if len(_OPENINGS) >= 4096:
        _OPENINGS.clear()
    ok = _OPENINGS[key] = tuple(
        i for i, (guard, _tail) in enumerate(_GUARDED_TAILS) if guard.match(key)
    )
    return ok


_RECORD = re.compile(
    r"\brecord\b|all-time high|historic high|highest ever|ever recorded|рекорд", re.IGNORECASE
)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "that",
        "which",
        "who",
        "this",
        "these",
        "those",
        "per",
        "than",
        "more",
        "less",
        "its",
        "their",
        "his",
        "her",
        "our",
        "over",
        "under",
        "about",
        "into",
        "between",
        "after",
        "before",
        "during",
        "since",
        "until",
        "each",
        "every",
        "other",
        "such",
        "were",
        "also",
        "not",
        "no",
    ]
)
_TIME = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "centuries",
        "times",
        "percent",
    ]
)
_IRREGULAR = frozenset(
    ["people", "children", "men", "women", "staff", "personnel", "cattle", "police"]
)


_Cand = tuple[int, int, int, FigureKind, float, str]  # priority, start, end, kind, value, unit
_Tries = list[tuple[int, list[int]]]
"""Where a grammar may match: the end of each window, with the offsets to try in it."""


# Group separators a NUM token may hold, dropped in one C call (not a generator per character).
_NO_SP = str.maketrans("", "", _SP + " ")


def parse_number(s: str) -> float | None:
    """Value of a NUM token in any of the accepted formats, or None."""
    t = s.translate(_NO_SP)
    try:
        if "," in t and "." in t:
            if t.rfind(",") > t.rfind("."):
                return float(t.replace(".", "").replace(",", "."))
            return float(t.replace(",", ""))
        if "," in t:
            parts = t.split(",")
            if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3 and parts[0] != "0"):
                return float(t.replace(",", ""))
            return float(t.replace(",", "."))
        if t.count(".") > 1:
            return float(t.replace(".", ""))
        return float(t)
    except ValueError:
        return None


def _plural(w: str) -> bool:
    if w in _IRREGULAR:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def _scaled(m: re.Match[str]) -> float | None:
    v = parse_number(m.group("num"))
    if v is None:
        return None
    # Not every grammar has a scale; ``groupdict`` would build a dict of all its groups.
    scale = m["scale"] if "scale" in m.re.groupindex else None
    if scale:
        low = scale.lower()
        v *= _SCALES.get(low.rstrip("s") if low not in _SCALES else low, 1.0)
    return v


def _date(y: str, mo: int, d: str) -> float | None:
    try:
        day = dt.date(int(y), mo, int(d))
    except ValueError:
        return None
    return float(day.year * 10000 + day.month * 100 + day.day)


_DIGITS = re.compile(r"\d[\d.,\s\u00a0\u202f\u2009]*")
# ASCII digits to "0" (bytes.translate): one ``bytes.find`` then finds the next digit, much
# faster than the regex's scan for its first character.
_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")


def _digit_runs(body: str) -> list[re.Match[str]]:
    """``list(_DIGITS.finditer(body))``.

    A run starts at the first digit at or after the previous run's end. ASCII digits are found
    with ``bytes.find``; a non-ASCII decimal digit ("٣", "３"; ``\\d`` matches those too) is
    rare, and a body with one (or with too many non-ASCII characters to check) is scanned by
    the regex.
    """
    q, odd = ascii_view(body)
    if odd is None or any(c.isdecimal() for c in odd):
        return list(_DIGITS.finditer(body))
    marks = q.translate(_TO_ZERO)
    out: list[re.Match[str]] = []
    match = _DIGITS.match
    i = marks.find(b"0")
    while i >= 0:
        m = match(body, i)
        if m is None:  # never: body[i] is a digit
            break
        out.append(m)
        i = marks.find(b"0", m.end())
    return out


class _Digits:
    """Where the numbers of a body are: windows, number starts, digit runs, and where each
    grammar may match (see :meth:`tries`)."""

    __slots__ = ("windows", "starts", "runs", "currency_runs", "_window_starts", "_tails")

    def __init__(self, body: str) -> None:
        windows: list[tuple[int, int]] = []
        window_starts: list[list[int]] = []
        runs: list[int] = []
        lasts: list[int] = []
        window_of: list[int] = []
        starts: list[int] = []
        here: list[int] = []  # the starts in the current window
        currency_runs: list[int] = []
        before = _BEFORE
        # Windows that may hold "5.3.2024" (a run with two "." or more) and "5, 2024" (a run
        # with a space or a comma between its digits), matches lying within one run.
        dotted: list[int] = []
        spaced: list[int] = []
        n = len(body)
        ws = we = -1
        for m in _digit_runs(body):
            rs, re_ = m.span()
            runs.append(rs)
            s, e = rs - 12 if rs > 12 else 0, re_ + 70 if re_ + 70 < n else n
            if ws >= 0 and s <= we:
                if e > we:
                    we = e
            else:
                if ws >= 0:
                    windows.append((ws, we))
                    window_starts.append(here)
                    here = []
                ws, we = s, e
            w = len(windows)
            window_of.append(w)
            # What the characters before a run say (cached: a few openings, such as "in ",
            # come back again and again).
            key = body[rs - 3 if rs > 3 else 0 : rs]
            flags = _before(key) if (f := before.get(key)) is None else f
            if flags & _NUMBER_START:
                starts.append(rs)
                here.append(rs)
            if flags & _AFTER_CURRENCY:
                currency_runs.append(rs)
            if re_ - rs == 1:
                lasts.append(re_)
            else:
                run = m.group()
                core = run.rstrip().rstrip(".,")
                if core.count(".") >= 2 and (not dotted or dotted[-1] != w):
                    dotted.append(w)
                if core.replace(".", "").isdecimal():
                    # Digits and "." up to the last digit: no number starts inside.
                    lasts.append(rs + len(core))
                else:
                    if not spaced or spaced[-1] != w:
                        spaced.append(w)
                    for i in range(1, len(run)):
                        if run[i].isdecimal() and not run[i - 1].isdecimal() and run[i - 1] != ".":
                            starts.append(rs + i)
                            here.append(rs + i)
                    e = re_
                    while not run[e - rs - 1].isdecimal():
                        e -= 1
                    lasts.append(e)
        if ws >= 0:
            windows.append((ws, we))
            window_starts.append(here)
        self.windows = windows
        self.runs = runs
        """Start of every ``_DIGITS`` run."""
        self.starts = starts
        self.currency_runs = currency_runs
        """The runs a currency may come right before (see :func:`_before`)."""
        self._window_starts = window_starts
        # The last number of a grammar's match ends at a digit with no digit after it, and no
        # tail starts with a digit, "." or "," — nothing but what a digit run holds: a tail
        # follows the last digit of a run. Tried there, bounded by the run's window as the
        # grammar's search is; a window holds a match only when one of its runs passes.
        tails: list[list[int]] = [[] for _ in _TAILS]
        openings = _OPENINGS
        for k, last in enumerate(lasts):
            w = window_of[k]
            we = windows[w][1]
            key = body[last : last + _GUARD_WIDTH if last + _GUARD_WIDTH < we else we]
            for i in _opening(key) if (ok := openings.get(key)) is None else ok:
                if (not tails[i] or tails[i][-1] != w) and _GUARDED_TAILS[i][1].match(
                    body, last, we
                ):
                    tails[i].append(w)
        self._tails = dict(zip(_TAILS, tails, strict=True))
        self._tails["dotted"] = dotted
        self._tails["spaced"] = spaced

    def tries(self, grammar: str) -> _Tries:
        """Where ``grammar`` (one of ``_TAILS``, or "dotted" for ``_DATE_NUM``, "spaced" for
        ``_DAY_YEAR``) may match: the end of each window it may match in, with the number
        starts in that window."""
        windows, at = self.windows, self._window_starts
        return [(windows[w][1], at[w]) for w in self._tails[grammar]]

    def tail_windows(self, grammar: str) -> list[tuple[int, int]]:
        """The windows where ``grammar`` (as for :meth:`tries`) may match."""
        return [self.windows[w] for w in self._tails[grammar]]

    def spread(self, offsets: list[int]) -> _Tries:
        """``offsets`` (sorted) by window, as :meth:`tries` gives them (only windows holding
        one)."""
        out: _Tries = []
        for ws, we in self.windows:
            lo, hi = bisect_left(offsets, ws), bisect_left(offsets, we)
            if lo < hi:
                out.append((we, offsets[lo:hi]))
        return out


def _scan(rx: re.Pattern[str], body: str, tries: _Tries) -> list[re.Match[str]]:
    """Matches of ``rx`` tried at the given starts, each bounded by its window's end: what a
    search of the windows finds (lookbehinds see before the offset a match is tried at)."""
    out: list[re.Match[str]] = []
    for we, at in tries:
        pos = 0
        for p in at:
            if p >= pos and (m := rx.match(body, p, we)) is not None:
                out.append(m)
                pos = m.end()
    return out


# Non-ASCII characters that match an ASCII letter under IGNORECASE ("İ", "ı", "ſ", Kelvin "K"):
# where one is near, the literal pre-checks below give up (keep every offset).
_CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
# Lower-cased currencies written before a number (`_MONEY_PRE`), and currency words
# (`_MONEY_WPRE`; "us dollars" ends in "dollars").
_PRE_TOKENS = tuple(k.lower() for k in _CUR_PRE)
_PRE_LAST = frozenset(t[-1] for t in _PRE_TOKENS)
_WPRE_WORDS = tuple(sorted({k.split()[-1] for k in _WORD_PRE}))
# A currency's one-character form, and the last two characters of the others in every ASCII
# case (a body with a non-ASCII character matching an ASCII letter under IGNORECASE is handled
# apart): what must come right before a digit run, or before the one whitespace character
# there, when a currency does.
_CURRENCY_SIGNS = frozenset(t for t in _PRE_TOKENS if len(t) == 1)
_CURRENCY_ENDS = frozenset(
    a + b
    for t in _PRE_TOKENS + _WPRE_WORDS
    if len(t) > 1
    for a in {t[-2].lower(), t[-2].upper()}
    for b in {t[-1].lower(), t[-1].upper()}
)
# The first characters of each kind of currency: where one may start in a body holding a
# `_CASE_ODD` character (matched under IGNORECASE, as the grammars match them).
_PRE_FIRST = re.compile(_firsts(list(_CUR_PRE)), re.IGNORECASE)
_WPRE_FIRST = re.compile(_firsts(list(_WORD_PRE)), re.IGNORECASE)


_NUMBER_START = 1
_AFTER_CURRENCY = 2
_BEFORE: dict[str, int] = {}
"""The (up to three) characters before a digit run → what :func:`_before` says of them."""


def _before(key: str) -> int:
    """Flags of a digit run from ``key``, the (up to three) characters before it (cached in
    ``_BEFORE``, kept small).

    ``_NUMBER_START``: the run starts a number, with no word character or "." right before
    it. ``_AFTER_CURRENCY``: a currency (``_MONEY_PRE``'s or ``_MONEY_WPRE``'s) may come right
    before it, or before the one whitespace character there, in a body without a `_CASE_ODD`
    character (a superset, by the last characters of currencies): what
    :func:`_currency_starts` and :func:`_currency_word_starts` need look at.
    """
    if len(_BEFORE) >= 4096:
        _BEFORE.clear()
    last = key[-1:]
    flags = 0 if last and (last.isalnum() or last in "_.") else _NUMBER_START
    if last and (
        last in _CURRENCY_SIGNS
        or key[-2:] in _CURRENCY_ENDS
        or (
            len(key) > 1
            and last.isspace()
            and (key[-2] in _CURRENCY_SIGNS or key[-3:-1] in _CURRENCY_ENDS)
        )
    ):
        flags |= _AFTER_CURRENCY
    _BEFORE[key] = flags
    return flags


def _currency_starts(body: str, runs: list[int]) -> list[int]:
    """Offsets where ``_MONEY_PRE`` may match (a superset) in a body without a `_CASE_ODD`
    character, from the digit runs.

    Its number starts a ``_DIGITS`` run (the currency or one whitespace character comes right
    before, neither of which a run holds), so the currency ends there or one character before.
    """
    out: list[int] = []
    for d in runs:
        for end in (d, d - 1):
            if end < d and not (end >= 0 and body[end].isspace()):
                continue
            if end < 1 or body[end - 1].lower() not in _PRE_LAST:
                continue  # no currency ends there (its last character, lower-cased)
            seg = body[max(0, end - 3) : end].lower()
            if seg.endswith(_PRE_TOKENS):
                out.extend(end - len(t) for t in _PRE_TOKENS if seg.endswith(t))
    return sorted(set(out))


def _currency_word_starts(body: str, runs: list[int]) -> list[int]:
    """Offsets where ``_MONEY_WPRE`` may match (a superset) in a body without a `_CASE_ODD`
    character, from the digit runs.

    Its number starts a digit run with one whitespace character right before it, after a
    currency word; "us dollars" may also start at its "us". Trying only these offsets spares a
    search of the whole window at every character.
    """
    out: list[int] = []
    for d in runs:
        if d < 2 or not body[d - 1].isspace():
            continue
        low = body[max(0, d - 8) : d - 1].lower()
        if not low.endswith(_WPRE_WORDS):
            continue  # one call for the common case: no currency word
        for w in _WPRE_WORDS:
            if low.endswith(w):
                p = d - 1 - len(w)
                out.append(p)
                if w == "dollars":
                    j = p
                    while j > 0 and body[j - 1].isspace():
                        j -= 1
                    if j < p and j >= 2 and body[j - 2 : j].lower() == "us":
                        out.append(j - 2)
    return sorted(set(out))


def _first_chars(rx: re.Pattern[str], body: str, digits: _Digits) -> _Tries:
    """The offsets of each window where ``rx`` (one character) matches."""
    return [(we, [m.start() for m in rx.finditer(body, ws, we)]) for ws, we in digits.windows]


def _currency_tries(body: str, digits: _Digits) -> tuple[_Tries, _Tries]:
    """Where ``_MONEY_PRE`` and ``_MONEY_WPRE`` may match, as :meth:`_Digits.tries` gives it.

    A body holding a `_CASE_ODD` character (checked in its non-ASCII characters when there are
    few) is tried wherever a currency's first character is.
    """
    few = ascii_view(body)[1]
    if few != "" and any(c in (body if few is None else few) for c in _CASE_ODD):
        return _first_chars(_PRE_FIRST, body, digits), _first_chars(_WPRE_FIRST, body, digits)
    runs = digits.currency_runs
    if not runs:
        return [], []
    return (
        digits.spread(_currency_starts(body, runs)),
        digits.spread(_currency_word_starts(body, runs)),
    )


def _range_ok(body: str, m: re.Match[str]) -> bool:
    """Whether a matched range tail really is a range, not two amounts."""
    conn = m["conn"]
    if conn is None:
        return True
    lo, hi = parse_number(m["num"]), parse_number(m["num2"])
    if lo is None or hi is None or hi < lo:
        return False  # ranges run upwards; "48% to 38%" is two figures
    before = body[max(0, m.start() - 16) : m.start()]
    if conn.lower() == "and":
        return bool(_BETWEEN.search(before))  # "between 50 and 70 percent"; else a list
    if conn.lower() == "to":
        # "rose from $1 to $8.25", "by 2 to 5 percent": a change, not a range.
        return not _FROM_BY.search(before) and not m["cur3"]
    return True


def _scan_ranged(
    pair: tuple[re.Pattern[str], re.Pattern[str]], body: str, tries: _Tries
) -> list[re.Match[str]]:
    """Matches of a grammar whose range tails are checked; a false range is re-read plain."""
    ranged, plain = pair
    out: list[re.Match[str]] = []
    for we, at in tries:
        pos = 0
        for p in at:
            if p < pos or (m := ranged.match(body, p, we)) is None:
                continue
            if not _range_ok(body, m):
                # Keep the first amount if it stands alone; rescan from the second either way.
                first = plain.match(body, p, we)
                if first is not None:
                    out.append(first)
                second = m.start("cur3") if m["cur3"] else m.start("num2")
                pos = max(second, first.end() if first else 0)
                continue
            out.append(m)
            pos = max(m.end(), p + 1)
    return out


# Two whole figures joined into one range: "20% and 30%" (after "between"), "3% to 3.5%",
# "$5 billion to $8 billion", "2%-3%".
_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_IS_RANGE = re.compile(r"\d\s*(?:[-–—]|\bto\b|\band\b)\s*\D{0,4}\d", re.IGNORECASE)


def _join_ranges(body: str, chosen: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    for c in chosen:
        if out:
            p = out[-1]
            # The cheap tests first: most neighbours differ in kind or are far apart.
            if (
                p[3] == c[3]
                and p[5] == c[5]
                and p[3] in ("money", "percent")
                and _JOIN.fullmatch(body, p[2], c[1])
                and not _IS_RANGE.search(body, p[1], p[2])  # a range is not extended again
            ):
                conn = body[p[2] : c[1]].strip().lower()
                before = body[max(0, p[1] - 16) : p[1]]
                ok = (
                    bool(_BETWEEN.search(before))
                    if conn == "and"
                    else not (conn == "to" and _FROM_BY.search(before))
                )
                if ok and c[4] >= p[4]:
                    out[-1] = (p[0], p[1], c[2], p[3], p[4], p[5])
                    continue
        out.append(c)
    return out


_YEAR = re.compile(r"(1[89]|20)\d\d")


@cache
def _words_re(n: int) -> re.Pattern[str]:
    """``n`` lower-case words, each after one whitespace character."""
    return re.compile(rf"(?:\s[a-z][a-z-]*){{{n}}}")


_MONTH_LENGTHS = range(min(map(len, _MONTHS)), max(map(len, _MONTHS)) + 1)


def _month_day_year(body: str, window: tuple[int, int], at: list[int]) -> list[re.Match[str]]:
    """``_DATE_MDY``'s matches in ``window``, whose number starts are ``at``.

    A match's day is a number start followed by a year (``_DAY_YEAR``), and its month ends one
    whitespace character, or a "." and one, before the day: the pattern is tried only where a
    month of some length would start (a scan of the window tries its many month names at every
    character).
    """
    ws, we = window
    cands = sorted(
        {
            p - gap - n
            for p in at
            if _DAY_YEAR.match(body, p, we)
            for gap in (1, 2)
            for n in _MONTH_LENGTHS
            if p - gap - n >= ws
        }
    )
    out: list[re.Match[str]] = []
    pos = ws
    for c in cands:
        if c >= pos and (m := _DATE_MDY.match(body, c, we)) is not None:
            out.append(m)
            pos = m.end()
    return out


def find_figures(body: str) -> list[Figure]:
    """All figures in ``body``, in text order, without overlaps."""
    digits = _Digits(body)
    if not digits.windows:
        return []
    cands: list[_Cand] = []

    def add(
        prio: int,
        m: re.Match[str],
        kind: FigureKind,
        value: float | None,
        unit: str,
        end: int | None = None,
    ) -> None:
        if value is not None and value == value:  # skip NaN
            cands.append((prio, m.start(), m.end() if end is None else end, kind, value, unit))

    # "March 5, 2024": only windows holding a day and a year (both start a number) can match.
    mdy = [
        m
        for window, (_we, at) in zip(
            digits.tail_windows("spaced"), digits.tries("spaced"), strict=True
        )
        for m in _month_day_year(body, window, at)
    ]
    for m in _scan(_DATE_DMY, body, digits.tries("dmy")) + mdy:
        # casefold, not lower: the patterns match case-insensitively, where "ſ" is an "s".
        month = _MONTHS.get(m["mon"].casefold())
        add(0, m, "date", None if month is None else _date(m["y"], month, m["d"]), "date")
    for rx, grammar in ((_DATE_NUM, "dotted"), (_DATE_ISO, "iso")):
        for m in _scan(rx, body, digits.tries(grammar)):
            mo = int(m["m"])
            add(0, m, "date", _date(m["y"], mo, m["d"]) if 1 <= mo <= 12 else None, "date")
    pre, wpre = _currency_tries(body, digits)
    for m in _scan_ranged(_MONEY_PRE, body, pre):
        cur = _CUR_PRE.get(m["cur"]) or _CUR_PRE.get(m["cur"].upper(), "")
        if m["cur2"]:
            cur = _CUR_SUF.get(" ".join(m["cur2"].lower().split()), cur)
        elif m["qual"] and cur == "USD":
            cur = {"canadian": "CAD", "australian": "AUD"}.get(m["qual"].lower(), cur)
        add(1, m, "money", _scaled(m), cur)
    for m in _scan_ranged(_MONEY_WPRE, body, wpre):
        add(1, m, "money", _scaled(m), _WORD_PRE.get(" ".join(m["cur"].lower().split()), ""))
    for m in _scan_ranged(_MONEY_SUF, body, digits.tries("suf")):
        add(1, m, "money", _scaled(m), _CUR_SUF.get(" ".join(m["cur2"].lower().split()), ""))
    for m in _scan_ranged(_MONEY_SUB, body, digits.tries("sub")):
        v = parse_number(m["num"])
        subunit = _SUBUNIT.get((m["unit"] or m["unitp"]).casefold())
        if (
            m["unitp"]
            and m["num"].isdigit()
            and 1 <= int(m["num"]) <= 12
            and _AT_TIME.search(body, max(0, m.start() - 8), m.start())
        ):
            continue  # "Doors open at 6p": a time ("closed at 274.5p" is a price)
        if subunit is not None:
            add(1, m, "money", None if v is None else v / 100, subunit)
    for m in _scan_ranged(_PERCENT, body, digits.tries("percent")):
        u = m["unit"].lower()
        unit = "pp" if u.startswith(("percentage", "pp", "п")) else "%"
        add(2, m, "percent", parse_number(m["num"]), unit)
    for m in _scan_ranged(_QUANTITY, body, digits.tries("quantity")):
        unit = _UNITS.get(" ".join(m["unit"].lower().split()), m["unit"])
        add(3, m, "quantity", _scaled(m), unit)
    for m in _scan(_COUNT, body, digits.tries("count")):
        raw = m["num"]
        if _YEAR.fullmatch(raw) and not m["scale"]:
            continue  # a year ("in 2024 companies ..."), not a count
        words = m["words"].split()
        keep: list[str] = []
        for w in words:
            if w in _STOP:
                break
            keep.append(w)
        best = max((i for i, w in enumerate(keep) if _plural(w)), default=-1)
        if best < 0 or keep[best] in _TIME:
            continue
        phrase = keep[: best + 1]
        base = m.end("scale") if m["scale"] else m.end("num")
        tail = _words_re(len(phrase)).match(body, base)
        end = tail.end() if tail else base
        add(4, m, "count", _scaled(m), " ".join(phrase), end)
    cands.sort(key=lambda c: (c[0], c[1], -(c[2] - c[1])))
    taken: list[tuple[int, int]] = []
    chosen: list[_Cand] = []
    for c in cands:
        if any(c[1] < e and s < c[2] for s, e in taken):
            continue
        taken.append((c[1], c[2]))
        chosen.append(c)
    chosen.sort(key=lambda c: c[1])
    chosen = _join_ranges(body, chosen)
    records = _record_positions(body, [(c[1], c[2]) for c in chosen])
    return [
        Figure(s, e, body[s:e], kind, value, unit, (s, e) in records)
        for _, s, e, kind, value, unit in chosen
    ]


# Pieces every _RECORD match holds, folded, with no letter that matches another character under
# IGNORECASE ("i" matches "İ", "k" the Kelvin sign, "s" "ſ"), each with its offsets in the
# _RECORD alternatives holding it ("ever recorded" holds "record" 5 characters in, "historic
# high" holds "c h" 7 in, "highest ever" "t ever" 6 in): a cheap exact pre-check.
_RECORD_AT = (("record", (0, 5)), ("t ever", (6,)), ("all-t", (0,)), ("c h", (7,)), ("рек", (0,)))


def _record_matches(body: str) -> list[re.Match[str]]:
    """``list(_RECORD.finditer(body))``, trying the pattern only where a piece puts a match.

    The pieces are looked for in the folded body (cached, as other steps fold it too; folding
    keeps every offset): a character matching a piece's under IGNORECASE folds to it.
    """
    low = fold(body)
    cands: set[int] = set()
    for piece, backs in _RECORD_AT:
        i = low.find(piece)
        while i >= 0:
            cands.update(i - b for b in backs if i >= b)
            i = low.find(piece, i + 1)
    out: list[re.Match[str]] = []
    pos = 0
    for p in sorted(cands):
        if p < pos:
            continue
        m = _RECORD.match(body, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _record_positions(body: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Figures called a record: the one nearest each record word in its sentence."""
    out: set[tuple[int, int]] = set()
    if not spans:
        return out
    # One scan of the body: a record phrase holds no sentence-ending mark, so each match lies
    # in one sentence (the one starting last at or before it).
    found = _record_matches(body)
    if not found:
        return out
    sents = sentences(body)
    firsts = [ss for ss, _se in sents]
    for m in found:
        k = bisect_right(firsts, m.start()) - 1
        if k < 0:
            continue
        ss, se = sents[k]
        if m.end() > se:
            continue
        inside = [sp for sp in spans if ss <= sp[0] and sp[1] <= se]
        if inside:
            near = min(inside, key=lambda sp: min(abs(sp[0] - m.end()), abs(m.start() - sp[1])))
            out.add(near)
    return out


def warm_up() -> None:
    """Compile the patterns built on first use."""
    for n in range(1, 5):
        _words_re(n)
