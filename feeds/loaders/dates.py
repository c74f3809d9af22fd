"""Dates as journalists write them: 03.07.2024 14:03, 2024-07-03T14:03, 3 July 2024, July 3, 2024.

Every datetime returned is timezone-aware; UTC is assumed when the text names no zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan", "января", "январь"),
        ("february", "feb", "февраля", "февраль"),
        ("march", "mar", "марта", "март"),
        ("april", "apr", "апреля", "апрель"),
        ("may", "мая", "май"),
        ("june", "jun", "июня", "июнь"),
        ("july", "jul", "июля", "июль"),
        ("august", "aug", "августа", "август"),
        ("september", "sep", "sept", "сентября", "сентябрь"),
        ("october", "oct", "октября", "октябрь"),
        ("november", "nov", "ноября", "ноябрь"),
        ("december", "dec", "декабря", "декабрь"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

# Longest names first so "sept" wins over "sep" and "july" over "jul".
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIME = (
    r"(?:,?\s*(?:at\s+|в\s+)?(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<ss>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?)"
)
_ZONE = r"(?:\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})(?![\w]))"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # ISO 8601: 2024-07-03, 2024-07-03T14:03, 2024-07-03 14:03:05+05:00
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
        r"(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?)?" + _ZONE + "?",
        # European numeric: 03.07.2024 [14:03]
        r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\.?\d)"
        + _TIME
        + "?"
        + _ZONE
        + "?",
        # 3 July 2024 [, 14:03]  /  3 июля 2024
        r"(?<!\d)(?P<d>\d{1,2})\s+(?P<mon>"
        + _MONTH_RE
        + r")\.?,?\s+(?P<y>\d{4})(?!\d)"
        + _TIME
        + "?"
        + _ZONE
        + "?",
        # July 3, 2024 [at 2:03 pm]
        r"\b(?P<mon>"
        + _MONTH_RE
        + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)"
        + _TIME
        + "?"
        + _ZONE
        + "?",
    )
)
_LOOSE_TIME = re.compile(r"(?<![\d:.])(?P<hh>\d{1,2}):(?P<mi>\d{2})(?![\d:])")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a line, and where it was."""

    value: datetime
    start: int
    end: int


def _zone(text: str | None) -> timezone:
    if not text or text.upper() in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def _build(match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    hour = int(groups["hh"]) if groups.get("hh") else 0
    minute = int(groups["mi"]) if groups.get("mi") else 0
    second = int(groups["ss"]) if groups.get("ss") else 0
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        value = datetime(
            int(groups["y"]),
            month,
            int(groups["d"]),
            hour,
            minute,
            second,
            tzinfo=_zone(groups.get("zone")),
        )
    except ValueError:  # 31.02.2024, 25:00 and friends are not dates
        return None
    return value.astimezone(UTC)


def find_date(text: str) -> DateMatch | None:
    """Return the earliest plausible date in ``text`` (with its time when one is given)."""
    best: tuple[re.Match[str], datetime] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = _build(match)
            if value is not None:
                if best is None or match.start() < best[0].start():
                    best = (match, value)
                break
    if best is None:
        return None
    match, value = best
    end = match.end()
    if not match.groupdict().get("hh"):
        # "14:03 03.07.2024" or "03.07.2024 | 14:03": take a lone time elsewhere in a short line.
        loose = _LOOSE_TIME.search(text)
        if loose and len(text) <= 120 and int(loose["hh"]) < 24 and int(loose["mi"]) < 60:
            value = value.replace(hour=int(loose["hh"]), minute=int(loose["mi"]))
            end = max(end, loose.end()) if loose.start() >= match.start() else end
    return DateMatch(value, match.start(), end)


def parse_date(text: str) -> datetime | None:
    """Parse a date field (front matter, JSON Feed, HTML meta) into an aware UTC datetime."""
    text = text.strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        found = find_date(text)
        return found.value if found else None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
