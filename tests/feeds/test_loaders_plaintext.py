"""Plain-text article rules: title, photo/date line, source, promotion lines, body shape."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from feeds.errors import ParseError
from feeds.loaders import load_bytes
from feeds.loaders.dates import find_date
from feeds.loaders.plaintext import parse_text
from feeds.models import Item

FIXTURES = Path(__file__).parent.parent / "fixtures" / "loaders"


def _one(text: str) -> Item:
    items = parse_text(text, "test.txt")
    assert len(items) == 1
    return items[0]


def test_seed_article_gives_the_expected_fields() -> None:
    data = (FIXTURES / "seed_elkz.txt").read_bytes()
    [item] = load_bytes(data, "seed_elkz.txt")
    title = "Kassym-Jomart Tokayev and Xi Jinping hold talks in expanded format"
    assert item.title == title
    assert item.source == "El.kz"
    assert item.photo_credit == "Akorda"
    assert item.published == datetime(2024, 7, 3, 14, 3, tzinfo=UTC)
    assert not item.body.startswith(title)
    assert "Subscribe to our Telegram channel" not in item.body
    assert "Фото:" not in item.body
    assert item.body.startswith("President of Kazakhstan Kassym-Jomart Tokayev")
    assert item.body.endswith("strategic partnership between the countries.")
    assert "\n\nTokayev noted" in item.body  # the leading space of that line is stripped


def test_russian_article_with_kazinform_photo_line() -> None:
    [item] = load_bytes((FIXTURES / "ru_kazinform.txt").read_bytes(), "ru.txt")
    assert item.title == "Правительство утвердило план развития транспортной отрасли"
    assert item.photo_credit == "Kazinform"
    assert item.published == datetime(2023, 1, 12, 9, 30, tzinfo=UTC)
    assert item.source == "Kazinform"
    assert item.body == (
        "Правительство утвердило комплексный план развития транспортной отрасли до 2030 года, "
        "сообщает корреспондент Kazinform.\n\n"
        "В документе предусмотрено строительство новых железнодорожных линий "
        "и модернизация аэропортов."
    )


def test_english_article_with_date_line_dateline_and_promotions() -> None:
    [item] = load_bytes((FIXTURES / "en_reuters.txt").read_bytes(), "en.txt")
    assert item.title == "Grain exports rise as new corridor opens"
    assert item.photo_credit == "Reuters"
    # The standalone date line sets the date (no time given: midnight UTC) and leaves the body.
    assert item.published == datetime(2024, 7, 3, tzinfo=UTC)
    # The "(Reuters) -" dateline wins over "according to the Ministry..." later in the lead.
    assert item.source == "Reuters"
    assert item.body == (
        "MOSCOW, July 3 (Reuters) - Grain exports through the new Caspian corridor rose by a "
        "third in June, according to the Ministry of Agriculture.\n\n"
        "Traders said the route cut shipping times to Iran and the Gulf."
    )


@pytest.mark.parametrize(
    ("line", "credit", "published"),
    [
        ("Photo: AP 2024-07-03T14:03", "AP", datetime(2024, 7, 3, 14, 3, tzinfo=UTC)),
        ("Сурет: Akorda 3 July 2024", "Akorda", datetime(2024, 7, 3, tzinfo=UTC)),
        ("Photo credit: John Doe/AFP", "John Doe/AFP", None),
        ("Foto: dpa 05.11.2022 18:45 77", "dpa", datetime(2022, 11, 5, 18, 45, tzinfo=UTC)),
        ("图片: 新华社", "新华社", None),
        ("Image by Getty Images", "Getty Images", None),
    ],
)
def test_photo_lines_in_several_languages(
    line: str, credit: str, published: datetime | None
) -> None:
    text = f"Headline here\n\n{line}\n\nFirst paragraph of the story.\n"
    item = _one(text)
    assert item.photo_credit == credit
    assert item.published == published
    assert item.body == "First paragraph of the story."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03.07.2024 14:03", datetime(2024, 7, 3, 14, 3, tzinfo=UTC)),
        ("3 July 2024, 09:15", datetime(2024, 7, 3, 9, 15, tzinfo=UTC)),
        ("July 3, 2024 at 2:30 pm", datetime(2024, 7, 3, 14, 30, tzinfo=UTC)),
        ("12 января 2023", datetime(2023, 1, 12, tzinfo=UTC)),
        ("2024-07-03T14:03:00+05:00", datetime(2024, 7, 3, 9, 3, tzinfo=UTC)),
        ("Updated 2024-07-03 22:10 GMT", datetime(2024, 7, 3, 22, 10, tzinfo=UTC)),
    ],
)
def test_date_formats_are_parsed_to_aware_utc(text: str, expected: datetime) -> None:
    found = find_date(text)
    assert found is not None
    assert found.value == expected
    assert found.value.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["31.02.2024", "2024-13-01", "no date at all", "version 1.2.3"])
def test_impossible_or_absent_dates_are_not_dates(text: str) -> None:
    assert find_date(text) is None


def test_zone_offsets_are_kept_when_converting() -> None:
    found = find_date("2024-01-01T00:30-02:00")
    assert found is not None
    assert found.value == datetime(2024, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=-2)))


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        ("Oil rose on Monday, Kazinform reports.", "Kazinform"),
        ("WASHINGTON (AP) — Lawmakers met on Monday.", "AP"),
        ("(Reuters) - Oil prices rose on Monday.", "Reuters"),
        ("Exports grew 5%, according to Xinhua.", "Xinhua"),
        ("Exports grew 5%, according to official data.", ""),
        ("The company reports higher profits.", ""),
    ],
)
def test_source_from_the_lead(lead: str, source: str) -> None:
    item = _one(f"A headline\n\n{lead}\n\nSecond paragraph.")
    assert item.source == source


def test_source_line_at_the_end_sets_source_and_leaves_body() -> None:
    item = _one("A headline\n\nBody text, AP reports.\n\nSource: Tengrinews\n")
    assert item.source == "Tengrinews"
    assert item.body == "Body text, AP reports."


def test_source_line_mid_article_is_a_chart_credit_and_stays() -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} of the story." for n in range(10))
    text = f"A headline\n\n{paragraphs}\n\nSource: national statistics office\n\n{paragraphs}"
    item = _one(text)
    assert item.source == ""
    assert "Source: national statistics office" in item.body


def test_promotion_lines_leave_but_mentions_in_sentences_stay() -> None:
    text = (
        "A headline\n\n"
        "The ministry announced on Telegram that the border would reopen.\n\n"
        "Subscribers to the service will pay less.\n\n"
        "Подписывайтесь на наш канал в WhatsApp!\n"
        "Telegram: follow our channel for breaking news\n"
        "Follow us on Facebook"
    )
    item = _one(text)
    assert item.body == (
        "The ministry announced on Telegram that the border would reopen.\n\n"
        "Subscribers to the service will pay less."
    )


def test_body_lines_are_stripped_and_blank_runs_collapsed() -> None:
    text = "\n\n  Title line  \n\n\n   first line  \n  same paragraph \n\n\n\n second  \n\n"
    item = _one(text)
    assert item.title == "Title line"
    assert item.body == "first line\nsame paragraph\n\nsecond"


def test_title_repeated_later_in_the_story_is_kept() -> None:
    filler = "\n\n".join(f"Paragraph {n}." for n in range(12))
    item = _one(f"Big Day\n\n{filler}\n\nBig Day\n")
    assert item.body.endswith("Big Day")


def test_byline_near_the_top_becomes_author() -> None:
    item = _one("A headline\nBy Aigerim Sultanova\n\nThe text.")
    assert item.author == "Aigerim Sultanova"
    assert item.body == "The text."


@pytest.mark.parametrize("text", ["", "   \n\n\t  \n"])
def test_empty_text_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="empty"):
        parse_text(text, "x.txt")
