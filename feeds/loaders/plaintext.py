"""Plain-text articles as journalists save them: headline, photo/date line, lead, body, promo.

The rules are general (several languages and date styles), not tuned to one sample:

* the first non-empty line is the title; a repeat of it right after is dropped;
* ``Фото: Akorda 03.07.2024 14:03 279`` gives the photo credit and the publication time, and
  leaves the body; so does a standalone date line or a ``By Name`` byline near the top;
* the outlet comes from a ``Source: X`` line, a ``(Reuters) -`` dateline, ``X reports ...`` or
  ``according to X`` in the lead;
* promotion lines (``Subscribe to our Telegram channel...``, ``Read more:``) leave the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from feeds.errors import ParseError
from feeds.loaders.dates import find_date
from feeds.loaders.textutil import normalize_paragraphs
from feeds.models import Item

HEAD_LINES = 8
"""How many non-empty lines after the title may carry metadata (date, byline, repeated title)."""
TAIL_LINES = 3
"""How many non-empty lines at the end may carry a "Source:" line."""

_PHOTO_WORDS = (
    "photo credits?",
    "photos?",
    "photograph",
    "picture",
    "image",
    "credits?",
    "фото",
    "фотография",
    "сурет",
    "foto",
    "fotó",
    "fotografie",
    "zdjęcie",
    "bild",
    "图片",
    "照片",
)
_PHOTO = re.compile(
    r"^(?:" + "|".join(_PHOTO_WORDS) + r")(?:\s*[:：|/—–-]+|\s+by\b)\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^(?:source|sources|источник|дереккөз|quelle|fuente|fonte)\s*[:：]\s*(?P<src>\S.{0,80})$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:[Bb]y|[Аа]втор|[Aa]uthor)\s*:?\s+(?P<name>[A-ZА-ЯЁ][\w.'\-]*(?:\s+[\w.'\-]+){0,4})$"
)
_DATE_FILLER = frozenset(
    [
        "published",
        "updated",
        "posted",
        "modified",
        "last",
        "on",
        "at",
        "date",
        "time",
        "utc",
        "gmt",
        "am",
        "pm",
        "views",
        "view",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "опубликовано",
        "обновлено",
        "дата",
        "просмотров",
        "просмотра",
        "просмотры",
        "в",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ]
)
_ALNUM = re.compile(r"[^\W_]")
_WORDS = re.compile(r"[^\W\d_]+")

# Spaces but not newlines: an outlet name never runs across a paragraph break.
_SP = r"[^\S\n]+"
_NAME = r"[A-Z][\w.&\-]*(?:" + _SP + r"(?:(?:of|the|for)" + _SP + r")?[A-Z][\w.&\-]*){0,4}"
_NAME_RU = r"[A-ZА-ЯЁ«\"][\w.&\-»\"]*(?:" + _SP + r"[A-ZА-ЯЁ«][\w.&\-»\"]*){0,2}"
_RU_OUTLET = r"(?:(?:корреспондент|агентство|ИА|портал|издание|сайт)" + _SP + ")?"
_LEAD_SOURCES: tuple[re.Pattern[str], ...] = (
    # "MOSCOW, July 3 (Reuters) -", "(Reuters) -", "WASHINGTON (AP) —"
    re.compile(r"^[^()\n]{0,80}?\((?P<src>[A-Z][\w.&' \-]{1,30})\)[^\S\n]*[-–—]+\s"),
    re.compile(
        r"\b(?P<src>" + _NAME + r"),?" + _SP + "reports?" + _SP + "with" + _SP + r"reference\b"
    ),
    re.compile(r"\b(?P<src>" + _NAME + r"),?" + _SP + r"(?:reports|reported|writes|informs)\b"),
    re.compile(
        r"(?:сообща(?:ет|ют)|переда[её]т|пишет|информирует)"
        + _SP
        + _RU_OUTLET
        + "(?P<src>"
        + _NAME_RU
        + ")"
    ),
    re.compile(
        r"\b(?:according"
        + _SP
        + "to|as"
        + _SP
        + "reported"
        + _SP
        + "by)"
        + _SP
        + r"(?:the"
        + _SP
        + ")?(?P<src>"
        + _NAME
        + ")"
    ),
)
_NOT_SOURCES = frozenset(
    [
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "The",
        "This",
        "That",
        "His",
        "Her",
        "Their",
        "Our",
    ]
)

_SOCIAL = r"(?:telegram|whatsapp|facebook|twitter|instagram|youtube|viber|vk|vkontakte|tiktok|x)"
_PROMO = re.compile(
    r"""^(?:
        """
    + _SOCIAL
    + r"""\b.{0,60}?(?:\bsubscribe\b|\bfollow\b|\bjoin\b|\bchannel\b|подпис|канал|присоедин)
      | subscribe\b | follow\s+us\b | join\s+(?:us|our)\b | read\s+(?:more|also)\b
      | also\s+read\b | see\s+also\b | share\s+(?:this|on)\b | sign\s+up\b | click\s+here\b
      | download\s+our\b | like\s+us\b
      | подписывайтесь | подпишитесь | читайте\s+(?:также|нас|больше) | следите\s+за
      | присоединяйтесь | смотрите\s+также | больше\s+новостей | жазылыңыз
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SOCIAL_ONLY = re.compile(r"^" + _SOCIAL + r"[.!:]?$", re.IGNORECASE)
_PROMO_MAX = 200
_TITLE_MAX = 200


@dataclass(slots=True)
class Fields:
    """What the text rules found; loaders fill the gaps from their own metadata."""

    title: str = ""
    body: str = ""
    source: str = ""
    published: datetime | None = None
    photo_credit: str = ""
    author: str = ""


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _photo_credit(rest: str) -> tuple[str, datetime | None]:
    """Split ``Akorda 03.07.2024 14:03 279`` into the credit and the date."""
    found = find_date(rest)
    if found is None:
        credit = rest
        published = None
    else:
        published = found.value
        credit = rest[: found.start] or rest[found.end :]
    # Drop view counters, times and separators left around the credit.
    credit = re.sub(r"(?:^|\s)\d{1,2}:\d{2}(?=\s|$)|(?:^|\s)\d+(?=\s*$)", " ", credit)
    credit = credit.strip(" \t,;|/©-–—")
    return credit[:120], published


def _date_line(line: str) -> datetime | None:
    """The date when ``line`` is only a date (with filler such as "Updated:" or a weekday)."""
    if len(line) > 80:
        return None
    found = find_date(line)
    if found is None:
        return None
    rest = line[: found.start] + " " + line[found.end :]
    words = _WORDS.findall(rest)
    if all(word.casefold() in _DATE_FILLER for word in words):
        return found.value
    return None


def _is_promo(line: str) -> bool:
    return len(line) <= _PROMO_MAX and bool(_PROMO.match(line) or _SOCIAL_ONLY.match(line))


def lead_source(body: str) -> str:
    """The outlet named in the first paragraphs: a dateline, "X reports", "according to X"."""
    lead = "\n".join(body.split("\n\n")[:2])
    for pattern in _LEAD_SOURCES:
        for match in pattern.finditer(lead):
            source = match.group("src").strip().rstrip(".,:;")
            if source and source.split()[0] not in _NOT_SOURCES:
                return source
    return ""


def _short_title(line: str) -> str:
    if len(line) <= _TITLE_MAX:
        return line
    cut = line[:_TITLE_MAX].rsplit(" ", 1)[0]
    return cut + "…"


def extract(text: str, *, title: str | None = None) -> Fields:
    """Apply the plain-text rules to ``text``; a given ``title`` replaces the first-line rule."""
    lines = [line.strip() for line in text.splitlines()]
    fields = Fields()
    start = 0
    if title is None:
        for index, line in enumerate(lines):
            if line:
                fields.title = _short_title(line)
                # A long first line is a paragraph too: it stays in the body.
                start = index + 1 if len(line) <= _TITLE_MAX else index
                break
    else:
        fields.title = title

    kept: list[str] = []
    total = sum(1 for line in lines[start:] if line)
    seen = 0
    for line in lines[start:]:
        if not _ALNUM.search(line):
            # Blank lines and separators such as "-" or "* * *" only end paragraphs.
            kept.append("")
            continue
        seen += 1
        near_top = seen <= HEAD_LINES
        near_end = seen > total - TAIL_LINES
        if near_top and fields.title and _same(line, fields.title):
            continue
        photo = _PHOTO.match(line) if len(line) <= _PROMO_MAX else None
        if photo:
            credit, when = _photo_credit(photo.group("rest"))
            fields.photo_credit = fields.photo_credit or credit
            fields.published = fields.published or when
            continue
        # "Source: X" names the outlet at the top or bottom; mid-text it credits a chart.
        source = _SOURCE_LINE.match(line) if near_top or near_end else None
        if source:
            fields.source = fields.source or source.group("src").strip().rstrip(".")
            continue
        if near_top:
            when = _date_line(line)
            if when is not None:
                fields.published = fields.published or when
                continue
            byline = _BYLINE.match(line)
            if byline:
                fields.author = fields.author or byline.group("name")
                continue
        if _is_promo(line):
            continue
        kept.append(line)

    fields.body = normalize_paragraphs("\n".join(kept))
    if not fields.source:
        fields.source = lead_source(fields.body)
    return fields


def parse_text(text: str, origin: str) -> list[Item]:
    """Parse one plain-text article.

    Raises:
        ParseError: the text is empty.
    """
    if not text.strip():
        raise ParseError("empty file: no text")
    fields = extract(text)
    return [
        Item(
            title=fields.title,
            body=fields.body,
            source=fields.source,
            published=fields.published,
            photo_credit=fields.photo_credit,
            author=fields.author,
            origin=origin,
        )
    ]
