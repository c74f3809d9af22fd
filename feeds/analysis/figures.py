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

from feeds.analysis.text import is_word_char, sentences
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
}
_SCALE = r"(?:thousand|millions?|billions?|trillion|bn|mn|mln|tn|тыс\.?|млн|млрд|трлн)"
_SCALE_CUR = r"(?:thousand|millions?|billions?|trillion|bn|mn|mln|tn|m|k|тыс\.?|млн|млрд|трлн)"
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


def _money_suf(rng: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_B}(?P<num>{NUM}){rng}(?:[\s-]?(?P<scale>{_SCALE})(?!\w))?\s(?P<cur2>{_SUF})(?![\w])",
        re.IGNORECASE,
    )


def _money_sub(rng: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_B}(?P<num>{NUM}){rng}(?:\s(?P<unit>cents?|pence)|(?P<unitp>p))(?![\w])",
        re.IGNORECASE,
    )


def _percent(rng: str) -> re.Pattern[str]:
    return re.compile(
        # "%" needs no boundary after it: scraped text glues words on ("33%of those").
        rf"{_B}(?P<num>{NUM}){rng}\s?(?P<unit>%|(?:percentage\s+points?|pp|п\.\s?п\.|"
        r"per\s?cent|percent|pct|процент\w*)(?![\w]))",
        re.IGNORECASE,
    )


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


def _quantity(rng: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_B}(?P<num>{NUM}){rng}(?:\s?(?P<scale>{_SCALE})(?!\w))?\s?"
        rf"(?P<unit>{_UNIT_ALT})(?![\w])",
        re.IGNORECASE,
    )


_QUANTITY = (_quantity(_RANGE), _quantity(""))
_COUNT = re.compile(
    rf"{_B}(?P<num>{NUM})(?:\s(?P<scale>{_SCALE})(?!\w))?(?P<words>(?:\s[a-z][a-z-]*){{1,4}})"
)
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
_DATE_DMY = re.compile(
    rf"(?<![\w.])(?P<d>\d{{1,2}})\s(?P<mon>{_MON})\.?,?\s(?P<y>\d{{4}})(?!\d)", re.IGNORECASE
)
_DATE_MDY = re.compile(
    rf"(?<![\w.])(?P<mon>{_MON})\.?\s(?P<d>\d{{1,2}}),?\s(?P<y>\d{{4}})(?!\d)", re.IGNORECASE
)
_DAY_YEAR = re.compile(r"\d{1,2},?\s\d{4}(?!\d)")
_DATE_NUM = re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\w.]\d)")
_DATE_ISO = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")
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


def parse_number(s: str) -> float | None:
    """Value of a NUM token in any of the accepted formats, or None."""
    t = "".join(c for c in s if c not in _SP + " ")
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
    scale = m.groupdict().get("scale")
    if scale:
        v *= _SCALES.get(
            scale.lower().rstrip("s") if scale.lower() not in _SCALES else scale.lower(), 1.0
        )
    return v


def _date(y: str, mo: int, d: str) -> float | None:
    try:
        day = dt.date(int(y), mo, int(d))
    except ValueError:
        return None
    return float(day.year * 10000 + day.month * 100 + day.day)


_DIGITS = re.compile(r"\d[\d.,\s\u00a0\u202f\u2009]*")


def _windows(body: str) -> list[tuple[int, int]]:
    """Merged spans around digit runs: the regexes only run there (most text has none)."""
    return _windows_and_starts(body)[0]


def _windows_and_starts(body: str) -> tuple[list[tuple[int, int]], list[int]]:
    """:func:`_windows` and the offsets where a number may start (see ``_NUM_START``)."""
    out, starts, _runs = _windows_starts_runs(body)
    return out, starts


def _windows_starts_runs(body: str) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """:func:`_windows_and_starts` and the start of every ``_DIGITS`` run."""
    out: list[tuple[int, int]] = []
    starts: list[int] = []
    runs: list[int] = []
    n = len(body)
    for m in _DIGITS.finditer(body):
        runs.append(m.start())
        s, e = max(0, m.start() - 12), min(n, m.end() + 70)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
        # Every digit is inside a match; one starts a number when no word character or "."
        # comes right before it (inside the match: after a comma or a space).
        p = m.start()
        if p == 0 or not (is_word_char(body[p - 1]) or body[p - 1] == "."):
            starts.append(p)
        run = m.group()
        for i in range(1, len(run)):
            if run[i].isdecimal() and not run[i - 1].isdecimal() and run[i - 1] != ".":
                starts.append(p + i)
    return out, starts, runs


# Where a grammar starting with a number (after a lookbehind that excludes a word character or
# "." before it) can match: a digit with no word character or "." right before it. Trying the
# grammar only there finds what a scan of the window finds (lookbehinds see before ``pos``).
_NUM_START = re.compile(r"(?<![\w.])\d")


def _starts(body: str) -> list[int]:
    """Offsets matching ``_NUM_START`` (the reference for :func:`_windows_and_starts`)."""
    return [m.start() for m in _NUM_START.finditer(body)]


def _search(
    rx: re.Pattern[str], body: str, pos: int, end: int, starts: list[int] | None
) -> re.Match[str] | None:
    """``rx.search(body, pos, end)``; with ``starts``, tried only at those offsets."""
    if starts is None:
        return rx.search(body, pos, end)
    for i in range(bisect_left(starts, pos), len(starts)):
        p = starts[i]
        if p >= end:
            break
        m = rx.match(body, p, end)
        if m is not None:
            return m
    return None


def _scan(
    rx: re.Pattern[str],
    body: str,
    windows: list[tuple[int, int]],
    starts: list[int] | None = None,
) -> list[re.Match[str]]:
    if starts is None:
        return [m for ws, we in windows for m in rx.finditer(body, ws, we)]
    out: list[re.Match[str]] = []
    for ws, we in windows:
        pos = ws
        while (m := _search(rx, body, pos, we, starts)) is not None:
            out.append(m)
            pos = m.end()  # never empty: a grammar starts with a digit
    return out


# Non-ASCII characters that match an ASCII letter under IGNORECASE ("İ", "ı", "ſ", Kelvin "K"):
# where one is near, the literal pre-checks below give up (keep every offset).
_CASE_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
# Lower-cased currencies written before a number (`_MONEY_PRE`), and currency words
# (`_MONEY_WPRE`; "us dollars" ends in "dollars").
_PRE_TOKENS = tuple(k.lower() for k in _CUR_PRE)
_WPRE_WORDS = tuple(sorted({k.split()[-1] for k in _WORD_PRE}))


def _currency_starts(body: str, runs: list[int]) -> list[int] | None:
    """Offsets where ``_MONEY_PRE`` may match (a superset), from the digit runs; None when the
    body holds a `_CASE_ODD` character (the grammar then scans its windows).

    Its number starts a ``_DIGITS`` run (the currency or one whitespace character comes right
    before, neither of which a run holds), so the currency ends there or one character before.
    """
    if any(c in body for c in _CASE_ODD):
        return None
    out: list[int] = []
    for d in runs:
        for end in (d, d - 1):
            if end < d and not (end >= 0 and body[end].isspace()):
                continue
            seg = body[max(0, end - 3) : end].lower()
            if seg.endswith(_PRE_TOKENS):
                out.extend(end - len(t) for t in _PRE_TOKENS if seg.endswith(t))
    return sorted(set(out))


def _currency_word_before(body: str, runs: list[int]) -> bool:
    """Whether ``_MONEY_WPRE`` may match: a currency word and one whitespace character right
    before a digit run (its number starts one)."""
    if any(c in body for c in _CASE_ODD):
        return True
    for d in runs:
        if (
            d >= 2
            and body[d - 1].isspace()
            and body[max(0, d - 8) : d - 1].lower().endswith(_WPRE_WORDS)
        ):
            return True
    return False


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
    pair: tuple[re.Pattern[str], re.Pattern[str]],
    body: str,
    windows: list[tuple[int, int]],
    starts: list[int] | None = None,
) -> list[re.Match[str]]:
    """Matches of a grammar whose range tails are checked; a false range is re-read plain."""
    ranged, plain = pair
    out: list[re.Match[str]] = []
    for ws, we in windows:
        pos = ws
        while pos < we:
            m = _search(ranged, body, pos, we, starts)
            if m is None:
                break
            if not _range_ok(body, m):
                # Keep the first amount if it stands alone; rescan from the second either way.
                first = plain.match(body, m.start(), we)
                if first is not None:
                    out.append(first)
                second = m.start("cur3") if m["cur3"] else m.start("num2")
                pos = max(second, first.end() if first else 0)
                continue
            out.append(m)
            pos = max(m.end(), m.start() + 1)
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
            gap = body[p[2] : c[1]]
            if (
                not _IS_RANGE.search(body, p[1], p[2])  # a range is not extended again
                and p[3] == c[3]
                and p[5] == c[5]
                and p[3] in ("money", "percent")
                and _JOIN.fullmatch(gap)
            ):
                conn = gap.strip().lower()
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


def find_figures(body: str) -> list[Figure]:
    """All figures in ``body``, in text order, without overlaps."""
    windows, starts, runs = _windows_starts_runs(body)
    if not windows:
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
    mdy = [(ws, we) for ws, we in windows if _search(_DAY_YEAR, body, ws, we, starts) is not None]
    for rx, wins, at in ((_DATE_DMY, windows, starts), (_DATE_MDY, mdy, None)):
        for m in _scan(rx, body, wins, at):
            add(0, m, "date", _date(m["y"], _MONTHS[m["mon"].lower()], m["d"]), "date")
    for rx in (_DATE_NUM, _DATE_ISO):
        for m in _scan(rx, body, windows, starts):
            mo = int(m["m"])
            add(0, m, "date", _date(m["y"], mo, m["d"]) if 1 <= mo <= 12 else None, "date")
    for m in _scan_ranged(_MONEY_PRE, body, windows, _currency_starts(body, runs)):
        cur = _CUR_PRE.get(m["cur"]) or _CUR_PRE.get(m["cur"].upper(), "")
        if m["cur2"]:
            cur = _CUR_SUF.get(" ".join(m["cur2"].lower().split()), cur)
        elif m["qual"] and cur == "USD":
            cur = {"canadian": "CAD", "australian": "AUD"}.get(m["qual"].lower(), cur)
        add(1, m, "money", _scaled(m), cur)
    wpre = windows if _currency_word_before(body, runs) else []
    for m in _scan_ranged(_MONEY_WPRE, body, wpre):
        add(1, m, "money", _scaled(m), _WORD_PRE.get(" ".join(m["cur"].lower().split()), ""))
    for m in _scan_ranged(_MONEY_SUF, body, windows, starts):
        add(1, m, "money", _scaled(m), _CUR_SUF.get(" ".join(m["cur2"].lower().split()), ""))
    for m in _scan_ranged(_MONEY_SUB, body, windows, starts):
        v = parse_number(m["num"])
        cur = _SUBUNIT[(m["unit"] or m["unitp"]).lower()]
        add(1, m, "money", None if v is None else v / 100, cur)
    for m in _scan_ranged(_PERCENT, body, windows, starts):
        u = m["unit"].lower()
        unit = "pp" if u.startswith(("percentage", "pp", "п")) else "%"
        add(2, m, "percent", parse_number(m["num"]), unit)
    for m in _scan_ranged(_QUANTITY, body, windows, starts):
        unit = _UNITS.get(" ".join(m["unit"].lower().split()), m["unit"])
        add(3, m, "quantity", _scaled(m), unit)
    for m in _scan(_COUNT, body, windows, starts):
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


# Pieces every _RECORD match holds, lower-cased, with no letter that matches another character
# under IGNORECASE ("i" matches "İ", "k" the Kelvin sign, "s" "ſ"): a cheap exact pre-check.
_RECORD_PIECES = ("record", "t ever", "all-t", "c h", "рек")


def _may_be_record(body: str) -> bool:
    low = body.lower()
    return any(x in low for x in _RECORD_PIECES)


def _record_positions(body: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Figures called a record: the one nearest each record word in its sentence."""
    out: set[tuple[int, int]] = set()
    if not spans or not _may_be_record(body):
        return out
    # One scan of the body: a record phrase holds no sentence-ending mark, so each match lies
    # in one sentence (the one starting last at or before it).
    found = list(_RECORD.finditer(body))
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
