"""Sectors: fixed vocabulary, weighting, negative phrases, enumerations."""

from __future__ import annotations

from feeds.analysis.sectors import SECTOR_IDS, SECTORS, find_sectors, iptc_code

ORDER = [
    "agriculture",
    "energy",
    "mining",
    "manufacturing",
    "automotive",
    "transport",
    "logistics",
    "ecommerce",
    "finance",
    "trade",
    "technology",
    "tourism",
    "education",
    "health",
    "construction",
    "defence",
    "culture",
]


def _ids(title: str, body: str) -> list[str]:
    return [s.id for s in find_sectors(title, body)]


def test_vocabulary_and_codes() -> None:
    assert list(SECTORS) == ORDER == list(SECTOR_IDS)
    assert all(SECTORS[i] for i in ORDER)
    assert iptc_code("tourism") == "medtop:20000331"


def test_two_distinct_terms_assign_one_does_not() -> None:
    assert "energy" in _ids("", "Oil output rose while the new refinery opened near the coast.")
    assert "energy" not in _ids("", "Oil was mentioned once in a long story about elections.")


def test_negative_phrases_cancel_hits() -> None:
    body = "Sunflower oil exports and olive oil prices rose as farmers harvested crops."
    ids = _ids("", body)
    assert "energy" not in ids
    assert "agriculture" in ids
    assert "defence" not in _ids("", "The trade war and a price war hit margins.")


def test_enumeration_is_strong_evidence() -> None:
    body = (
        "The ministers discussed cooperation in several areas, including mining, tourism, "
        "health and construction. The meeting lasted an hour and many other topics came up "
        "in a long and friendly conversation between the delegations."
    )
    assert set(_ids("", body)) >= {"mining", "tourism", "health", "construction"}


def test_strong_phrases_and_russian_stems() -> None:
    assert "trade" in _ids("", "Mutual trade grew last year.")
    assert "education" in _ids("", "A branch of the university will open.")
    assert "trade" in _ids("", "Товарооборот вырос.")
    assert "agriculture" in _ids("", "Сельское хозяйство и урожай зерна выросли.")


def test_title_weighs_more_and_output_is_sorted() -> None:
    got = find_sectors("Banks and investors rally", "Steel plants and mining firms also gained.")
    assert got[0].id == "finance"
    assert [s.score for s in got] == sorted((s.score for s in got), reverse=True)


_FILLER = (
    "The minister spoke to reporters after the meeting and answered questions for an hour. "
    "Officials said talks would continue next month in the capital. "
)


def test_asides_in_a_long_story_are_not_tagged() -> None:
    body = (
        "Central banks raised interest rates again as investors sold bonds and shares.\n\n"
        + "Banks tightened lending and the currency fell while the fiscal deficit grew. " * 3
        + _FILLER * 12
        + "Analysts also pointed to the war and to crude prices, and to weapons deliveries.\n\n"
        + _FILLER * 12
    )
    ids = _ids("Markets slide as central banks tighten", body)
    assert ids == ["finance"]


def test_sector_dense_in_the_body_is_kept_next_to_a_dominant_one() -> None:
    body = (
        "Coal plants are closing as natural gas and renewable energy win on price.\n\n"
        + "Coal output fell again and power plants switched to gas and solar electricity. " * 6
        + "Miners lost jobs as mines closed and the mining towns shrank. " * 3
        + _FILLER
    )
    ids = _ids("Coal country loses its power plants", body)
    assert ids[0] == "energy"
    assert "mining" in ids


def test_strong_phrase_is_enough_in_a_short_story_not_as_a_lone_aside() -> None:
    short = "The two leaders met in the capital. Mutual trade grew by a fifth last year."
    assert "trade" in _ids("", short)
    long_body = _FILLER * 20 + "He once worked in real estate. " + _FILLER * 20
    assert "construction" not in _ids("", long_body)


def test_one_term_up_front_that_keeps_coming_back() -> None:
    body = (
        "The government will lift trade sanctions next week.\n\n"
        + _FILLER * 3
        + "Trade with the region was small. Officials expect trade to grow, and trade talks "
        "will follow."
    )
    assert "trade" in _ids("Sanctions to be lifted", body)
    assert "trade" not in _ids("", _FILLER * 3 + "Trade was mentioned once. " + _FILLER * 3)


def test_enumeration_needs_a_real_list() -> None:
    # Two terms side by side are a compound, not list items; three sectors need a cue.
    body = (
        "The state was boosted by technology manufacturing and fast growth in exports. "
        + _FILLER * 6
    )
    assert not {"technology", "trade"} & set(_ids("", body))
    worries = "Risks abound: high inflation, soaring interest rates, war and energy shocks. "
    assert not {"defence", "energy"} & set(_ids("", worries + _FILLER * 6))
    listed = "They agreed to expand cooperation in agriculture, tourism and education. "
    assert {"agriculture", "tourism", "education"} <= set(_ids("", listed + _FILLER * 6))


def test_institution_names_and_figures_of_speech_do_not_count() -> None:
    body = (
        "The Ministry of Culture and the University of Language and Culture sent greetings. "
        "The health of the economy worried him. He threw his energy into the campaign after "
        "the school shooting. " + _FILLER * 2
    )
    ids = _ids("", body)
    assert not {"culture", "health", "energy", "education"} & set(ids)


def test_feed_item_headline_term_taken_up_in_its_summary() -> None:
    # A headline and one sentence: the headline's term repeated is all the evidence there is.
    assert _ids(
        "Tariff Ruling Brings Little Comfort Overseas",
        "Trading partners expect the president's tariffs to stay, whatever the court says.",
    ) == ["trade"]
    assert _ids(
        "Fuel prices are again on the rise",
        "Prices have risen since May 20; diesel is up 73 paise a litre.",
    ) == ["energy"]
    # Where something happened is not what the story is about.
    assert (
        _ids(
            "5 dead in Fort Lauderdale airport shooting",
            "A gunman opened fire at the airport, killing five people.",
        )
        == []
    )
    assert _ids("Hotel fire kills three", "Firefighters found two more bodies in the hotel.") == []


def test_wind_farms_and_investitures_are_not_farming_or_finance() -> None:
    assert "agriculture" not in _ids(
        "Wind farm nearly complete",
        "The wind farm will be the largest; wind farm owners say the wind farm pays.",
    )
    assert "finance" not in _ids(
        "Investiture of Ghana's president",
        "At his investiture he promised reform; the investiture drew crowds.",
    )
