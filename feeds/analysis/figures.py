"""Figures: money, percentages, quantities, counts and dates, by a small grammar of our own.

NUM accepts ``1,234.56``, ``1.234,56``, ``1 234,56`` (NBSP/thin space) and ``14,5``; SCALE words
multiply (million, bn, млрд ...); currencies are recognised before or after the number. Values
are normalised ("$41 billion" → 41e9 USD). A range ("$40-50 billion") keeps its full text and
the value of its first number. Never raises on odd input: unparsable numbers are skipped.
"""

from __future__ import annotations

import datetime as dt
import re

from feeds.analysis.text import sentences
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
_RANGE = rf"(?:\s?(?:-|–|—|to|до)\s?(?:{_PRE})?\s?(?P<num2>{NUM}))?"
_B = r"(?<![\w.,/])(?<![A-Za-z]-)"  # not inside a word, a number or "COVID-19"

_MONEY_PRE = re.compile(
    rf"(?<![\w$€£¥])(?P<cur>{_PRE})\s?(?P<num>{NUM}){_RANGE}"
    rf"(?:\s?(?P<scale>{_SCALE_CUR})(?![\w]))?(?:\s(?P<cur2>{_SUF})(?![\w]))?",
    re.IGNORECASE,
)
_MONEY_SUF = re.compile(
    rf"{_B}(?P<num>{NUM}){_RANGE}(?:\s?(?P<scale>{_SCALE})(?!\w))?\s(?P<cur2>{_SUF})(?![\w])",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"{_B}(?P<num>{NUM}){_RANGE}\s?(?P<unit>%|percentage\s+points?|pp|п\.\s?п\.|"
    r"per\s?cent|percent|pct|процент\w*)(?![\w])",
    re.IGNORECASE,
)
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
_QUANTITY = re.compile(
    rf"{_B}(?P<num>{NUM}){_RANGE}(?:\s?(?P<scale>{_SCALE})(?!\w))?\s?"
    rf"(?P<unit>{_UNIT_ALT})(?![\w])",
    re.IGNORECASE,
)
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
    out: list[tuple[int, int]] = []
    n = len(body)
    for m in _DIGITS.finditer(body):
        s, e = max(0, m.start() - 12), min(n, m.end() + 70)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _scan(rx: re.Pattern[str], body: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    return [m for ws, we in windows for m in rx.finditer(body, ws, we)]


def find_figures(body: str) -> list[Figure]:
    """All figures in ``body``, in text order, without overlaps."""
    windows = _windows(body)
    if not windows:
        return []
    cands: list[tuple[int, int, int, FigureKind, float, str]] = []  # prio, s, e, ...

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

    for rx in (_DATE_DMY, _DATE_MDY):
        for m in _scan(rx, body, windows):
            add(0, m, "date", _date(m["y"], _MONTHS[m["mon"].lower()], m["d"]), "date")
    for rx in (_DATE_NUM, _DATE_ISO):
        for m in _scan(rx, body, windows):
            mo = int(m["m"])
            add(0, m, "date", _date(m["y"], mo, m["d"]) if 1 <= mo <= 12 else None, "date")
    for m in _scan(_MONEY_PRE, body, windows):
        cur = _CUR_PRE.get(m["cur"]) or _CUR_PRE.get(m["cur"].upper(), "")
        if m["cur2"]:
            cur = _CUR_SUF.get(" ".join(m["cur2"].lower().split()), cur)
        add(1, m, "money", _scaled(m), cur)
    for m in _scan(_MONEY_SUF, body, windows):
        add(1, m, "money", _scaled(m), _CUR_SUF.get(" ".join(m["cur2"].lower().split()), ""))
    for m in _scan(_PERCENT, body, windows):
        u = m["unit"].lower()
        unit = "pp" if u.startswith(("percentage", "pp", "п")) else "%"
        add(2, m, "percent", parse_number(m["num"]), unit)
    for m in _scan(_QUANTITY, body, windows):
        unit = _UNITS.get(" ".join(m["unit"].lower().split()), m["unit"])
        add(3, m, "quantity", _scaled(m), unit)
    for m in _scan(_COUNT, body, windows):
        raw = m["num"]
        if re.fullmatch(r"(1[89]|20)\d\d", raw) and not m["scale"]:
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
        tail = re.match(rf"(?:\s[a-z][a-z-]*){{{len(phrase)}}}", body[base:])
        end = base + (tail.end() if tail else 0)
        add(4, m, "count", _scaled(m), " ".join(phrase), end)
    cands.sort(key=lambda c: (c[0], c[1], -(c[2] - c[1])))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        if any(c[1] < e and s < c[2] for s, e in taken):
            continue
        taken.append((c[1], c[2]))
        chosen.append(c)
    chosen.sort(key=lambda c: c[1])
    records = _record_positions(body, [(c[1], c[2]) for c in chosen])
    return [
        Figure(s, e, body[s:e], kind, value, unit, (s, e) in records)
        for _, s, e, kind, value, unit in chosen
    ]


def _record_positions(body: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Figures called a record: the one nearest each record word in its sentence."""
    out: set[tuple[int, int]] = set()
    if not spans or not _RECORD.search(body):
        return out
    for ss, se in sentences(body):
        inside = [sp for sp in spans if ss <= sp[0] and sp[1] <= se]
        if not inside:
            continue
        for m in _RECORD.finditer(body, ss, se):
            near = min(inside, key=lambda sp: min(abs(sp[0] - m.end()), abs(m.start() - sp[1])))
            out.add(near)
    return out
