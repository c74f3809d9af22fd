"""Quotes: mark pairing, paragraph continuation, scare quotes, speakers and cues."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feeds.analysis import analyze
from feeds.models import Item, Quote

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "analysis"


def _quotes(body: str, year: int = 2024) -> list[Quote]:
    item = Item(title="", body=body, published=dt.datetime(year, 7, 3, tzinfo=dt.UTC))
    return list(analyze(item).quotes)


def test_postposed_name_and_cue() -> None:
    (q,) = _quotes("“We will build more roads next year,” Vladimir Putin said on Monday.")
    assert (q.text, q.speaker, q.cue, q.speaker_id) == (
        "We will build more roads next year",
        "Vladimir Putin",
        "said",
        "vladimir-putin",
    )


def test_cue_before_name_and_unknown_speaker_as_written() -> None:
    (q,) = _quotes('"Prices will keep rising this winter," said Anna Petrova, an analyst.')
    assert (q.speaker, q.cue, q.speaker_id) == ("Anna Petrova", "said", None)


def test_preposed_colon_pattern() -> None:
    (q,) = _quotes("Olaf Scholz told reporters: “Germany stands by its partners in Europe.”")
    assert q.speaker == "Olaf Scholz"
    assert q.cue == "told reporters"


def test_partial_quote_after_cue() -> None:
    (q,) = _quotes("Emmanuel Macron said the deal was “a good step for all of us” on Friday.")
    assert (q.speaker, q.cue) == ("Emmanuel Macron", "said")


def test_title_speaker_resolved_by_date() -> None:
    body = "“Our ties have never been stronger than they are today,” the Chinese leader said."
    assert _quotes(body, 2010)[0].speaker == "Hu Jintao"
    assert _quotes(body, 2024)[0].speaker == "Xi Jinping"


def test_pronoun_speaker_is_nearest_leader() -> None:
    body = "Narendra Modi arrived in Delhi.\n\n“India is ready to invest in new ports,” he said."
    (q,) = _quotes(body)
    assert (q.speaker, q.speaker_id) == ("Narendra Modi", "narendra-modi")


def test_guillemets_with_dash_cue_in_russian() -> None:
    body = (FIX / "ru_talks.txt").read_text(encoding="utf-8")
    (q,) = _quotes(body)
    assert q.text.startswith("Товарооборот между нашими странами")
    assert (q.speaker, q.cue) == ("Kassym-Jomart Tokayev", "заявил")
    assert body[q.start : q.end] == q.text


def test_paragraph_continuation_and_scare_quote() -> None:
    body = (FIX / "speech.txt").read_text(encoding="utf-8")
    quotes = _quotes(body)
    assert len(quotes) == 1  # "a bold promise" is a scare quote
    q = quotes[0]
    assert q.text.startswith("We will rebuild the network")
    assert q.text.endswith("arrive on time")
    assert "\n\n" in q.text and '"' not in q.text
    assert (q.speaker, q.cue) == ("Keir Starmer", "said")


def test_names_and_title_case_are_not_quotes() -> None:
    body = (
        'He backed the "Belt and Road Initiative For Shared Growth" and the "one China" '
        'policy, the so-called "peace through strength and unity plan" too.'
    )
    assert _quotes(body) == []


def test_unattributed_follow_up_paragraph_inherits_speaker() -> None:
    body = (
        '"We have signed twelve agreements today," Shavkat Mirziyoyev said.\n\n'
        '"More will follow before the end of the year."'
    )
    quotes = _quotes(body)
    assert [q.speaker for q in quotes] == ["Shavkat Mirziyoyev"] * 2


def test_unresolvable_speaker_is_none_and_unclosed_quote_dropped() -> None:
    quotes = _quotes("“This is all going according to the plan,” it was said.\n\nNext “open")
    assert len(quotes) == 1 and quotes[0].speaker is None


def test_apostrophes_do_not_open_quotes() -> None:
    assert _quotes("Xi’s plan and the workers’ union don’t matter ‘here’ at all.") == []


def test_surname_and_honorific_expand_to_the_full_name() -> None:
    body = (
        "Former Defense Secretary Robert Gates spoke on Sunday.\n\n"
        "“You can be friendly without being friends,” Gates said.\n\n"
        "“We were adversaries for many years,” Mr. Gates added."
    )
    assert [q.speaker for q in _quotes(body)] == ["Robert Gates", "Robert Gates"]


def test_pronoun_refers_to_the_person_named_last() -> None:
    body = (
        "“Prices will keep rising all year,” said Anna Petrova, an analyst.\n\n"
        "Later Petrova met traders. “The winter will be hard for everyone,” she said."
    )
    assert [q.speaker for q in _quotes(body)] == ["Anna Petrova", "Anna Petrova"]


def test_description_is_not_a_name() -> None:
    body = "“Has corruption become what holds everything together?” one Western official asks."
    assert _quotes(body)[0].speaker is None


def test_feature_cue_verbs() -> None:
    (q,) = _quotes("“Do you want to listen to this cassette?” Matiullah Matie asks.")
    assert (q.speaker, q.cue) == ("Matiullah Matie", "asks")
