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


def test_person_closest_to_cue_wins_over_organisation_prefix() -> None:
    body = (
        "“We are deeply concerned about this,” Acme Ministry press secretary Jon Ferris told "
        "reporters.\n\n"
        "“It serves nobody in this country,” Harbor Bureau of Statistics chief Lin Dao said "
        "on Monday."
    )
    assert [q.speaker for q in _quotes(body)] == ["Jon Ferris", "Lin Dao"]


def test_apposition_names_the_speaker_not_the_object() -> None:
    body = (
        "“It was an honour to serve every day,” Ms. Dana Holt, seated next to Mr. Carl Bray, "
        "told reporters.\n\n"
        "“Prices will fall next year,” Omar Reyes, an economist at the Bank of Testland, said."
    )
    assert [q.speaker for q in _quotes(body)] == ["Dana Holt", "Omar Reyes"]


def test_names_inside_quotes_are_not_speakers() -> None:
    body = (
        "Mara Quill spoke after the vote.\n\n“Jon Ferris told us nothing about the plan,” she said."
    )
    assert _quotes(body)[0].speaker == "Mara Quill"


def test_pronoun_prefers_the_subject_of_the_previous_sentence() -> None:
    body = (
        "Lena Ortiz, the party leader, said Victor Hale’s plan was a mistake.\n\n"
        "“Our credibility has been badly damaged by this,” he said."
    )
    assert _quotes(body)[0].speaker == "Lena Ortiz"


def test_scraped_word_before_a_name_is_not_part_of_it() -> None:
    body = (
        "Five states are still short of jobs. Close\n\n"
        "Kevin Dorne has added about 80 jobs.\n\n"
        "“It has been a very slow climb back,” said Dorne, 51, a contractor."
    )
    assert _quotes(body)[0].speaker == "Kevin Dorne"


def test_indefinite_description_is_none_and_not_inherited() -> None:
    body = (
        "“People will shrug when you ask them about it,” says a senior official, who asked "
        "to remain anonymous. “But I can tell you we have many.”"
    )
    assert [q.speaker for q in _quotes(body)] == [None, None]


def test_role_description_refers_to_the_person_introduced() -> None:
    body = (
        "Chris Dalton warned on Monday that the sector faces cuts.\n\n"
        "Speaking in the chamber, the Conservative MP said: “It does not need to be like this "
        "at all.”"
    )
    assert _quotes(body)[0].speaker == "Chris Dalton"


def test_the_company_refers_to_the_organisation() -> None:
    body = (
        "Boeing is in only the early stages of planning.\n\n"
        "“We look forward to working with the Air Force on this,” the company said."
    )
    assert _quotes(body)[0].speaker == "Boeing"


def test_quote_after_an_attribution_sentence_is_the_speakers() -> None:
    body = (
        "That may not last, former vice chair Donald Kell said. “I suspect there will be "
        "more blowback soon.”"
    )
    assert _quotes(body)[0].speaker == "Donald Kell"


def test_colon_after_cue_introduces_the_next_quote() -> None:
    body = (
        "Mr Chaput told reporters: “One can only have a balance if we put it back on the "
        "table.” But a government official responded: “Even with the rebate, we pay more.”"
    )
    assert [q.speaker for q in _quotes(body)] == ["Chaput", None]


def test_mixed_and_doubled_quote_marks_still_pair() -> None:
    body = (
        "After the recess, Anna Reyes spoke up. “”The whole schedule for the bridge is "
        "slipping,” she said.\n\n"
        '“Both towns should sit down and settle the water dispute," spokesman Li Wen said.\n\n'
        'Mara Quist said the ferry closed "because nobody would pay for the fuel.”'
    )
    quotes = _quotes(body)
    assert [q.text[:24] for q in quotes] == [
        "The whole schedule for t",
        "Both towns should sit do",
        "because nobody would pay",
    ]
    assert [q.speaker for q in quotes] == ["Anna Reyes", "Li Wen", "Mara Quist"]


def test_collapsed_paragraphs_split_straight_quotes() -> None:
    body = (
        'Ms Harlow said: "The library already opens on Sundays. "Next spring we will add late '
        'hours on Fridays too." Members have waited about two years for this, said Carl '
        'Moss. "Most readers come after work, " said Moss. "The old hours suited nobody."'
    )
    quotes = _quotes(body)
    assert [q.text[:20] for q in quotes] == [
        "The library already ",
        "Next spring we will ",
        "Most readers come af",
        "The old hours suited",
    ]
    assert [q.speaker for q in quotes] == ["Harlow", "Harlow", "Carl Moss", "Carl Moss"]


def test_naming_verb_introduces_a_partial_quote() -> None:
    body = (
        "In 2011, Senator Mitch Conway of Ohio called the canal “the single best investment "
        "this county ever made.”\n\n"
        "Mr. Dale Warren, the Virginia Democrat, called the toll plan “a tax on people who "
        "drive to work.” In 2015, however, he described it as “a fair way to fund the repairs.”"
    )
    assert [q.speaker for q in _quotes(body)] == ["Mitch Conway", "Dale Warren", "Dale Warren"]


def test_naming_verb_keeps_scare_quotes_out() -> None:
    body = "Olga Brin called the plan “reckless” and the fee a “cash grab” on Monday."
    assert _quotes(body) == []


def test_title_reference_resolves_to_the_person_introduced_with_it() -> None:
    body = (
        "Earlier Transport Secretary Jack Strand said the fares would stay frozen. Shadow "
        'minister Mr Brody said: "Commuters deserve a much clearer timetable than this."\n\n'
        'The transport secretary meanwhile said: "Every line will run on time by autumn."'
    )
    assert [q.speaker for q in _quotes(body)] == ["Brody", "Jack Strand"]


def test_colon_after_a_sentence_about_the_speaker() -> None:
    body = (
        "Rafi Noor sold his bakery last year.\n\n"
        "He’s calm about his new life: “You earn less, but you sleep much better.”"
    )
    assert _quotes(body)[0].speaker == "Rafi Noor"


def test_one_word_name_opening_the_subject_with_apposition() -> None:
    body = (
        "Lee Dae-ho leads the farmers’ union. Market trader Margo Kim said she was tired.\n\n"
        "Lee, the union leader, said the new quota was “unfair and badly drafted from the "
        "start.”"
    )
    assert _quotes(body)[0].speaker == "Lee Dae-ho"


def test_description_after_cue_is_not_the_adjective_inside_it() -> None:
    body = (
        "Arturo Vela, a singer known as Andean Elvis, performs nightly.\n\n"
        "“Ask anyone in the square who owns the mines and they laugh,” says a senior Andean "
        "mining official."
    )
    assert _quotes(body)[0].speaker is None


def test_pronoun_prefers_the_name_right_before_a_cue() -> None:
    body = (
        "Pointing to Ruiz’s tour of the harbour with Grace Okafor, Tomas Lind said: “The port has "
        "doubled its traffic since spring.”\n\n"
        "“We will open a second terminal next year,” he added."
    )
    assert [q.speaker for q in _quotes(body)] == ["Tomas Lind", "Tomas Lind"]


def test_scare_words_count_only_as_whole_words() -> None:
    # "called"/"named" before a short quote make it a scare quote; "recalled"/"renamed" do not.
    body = (
        "Anna Petrova recalled “we signed every deal that week.” The plan was called “Bright Path.”"
    )
    (q,) = _quotes(body)
    assert (q.text, q.speaker) == ("we signed every deal that week.", "Anna Petrova")


def test_inverted_cue_and_sentence_adverbs_are_not_names() -> None:
    body = (
        "Brian Shih, a former product manager, wrote a long post. Says Shih: “it is as if "
        "nobody who made the update ever used the product.”"
    )
    (q,) = _quotes(body)
    assert q.speaker == "Brian Shih"
    body = "Right now, critics think “this will never be ready for real use at all.”"
    (q,) = _quotes(body)
    assert q.speaker != "Right"


def test_an_anonymous_source_with_a_name_after_it_is_no_speaker() -> None:
    body = (
        "The Justice Department sued AT&T on Monday. “It is all about the news network,” said "
        "one person with direct knowledge of the talks between the company and the DOJ."
    )
    (q,) = _quotes(body)
    assert q.speaker is None


def test_an_anonymous_source_after_but_is_no_apposition() -> None:
    body = (
        "He claimed to the Associated Press that he resigned, but an unnamed White House "
        "official told a pool reporter that he “no longer works at the White House.”"
    )
    (q,) = _quotes(body)
    assert q.speaker is None


def test_short_form_of_a_longer_name_resolves_to_it() -> None:
    body = (
        "“Savers lost out on their deposits,” said Carlos Baez Silva, who leads the group. Few"
        " people recovered their savings, Mr Baez Silva estimated. “A lot of them invested in good"
        " faith,” he said."
    )
    assert [q.speaker for q in _quotes(body)] == ["Carlos Baez Silva", "Carlos Baez Silva"]


def test_honorific_subject_of_the_sentence_before_a_quote() -> None:
    body = (
        "“Banks cannot be trusted with deposits,” said Ana Ruiz. Mr Valentine, who grew up in"
        " Argentina, agreed. “I will think twice before I deposit dollars in a bank.”"
    )
    assert [q.speaker for q in _quotes(body)] == ["Ana Ruiz", "Valentine"]


def test_company_named_with_a_possessive_keeps_it() -> None:
    body = (
        "Tourism “will become increasingly important for the state,” according to a Moody’s"
        " Analytics’ forecast in June. “The economy is doing fine now,” said Russia’s Economy"
        " Minister."
    )
    assert [q.speaker for q in _quotes(body)] == ["Moody’s Analytics", "Economy Minister"]


def test_pronoun_behind_a_sentence_that_opens_with_a_pronoun() -> None:
    body = (
        "Elizabeth Warren, who has avoided personal attacks, makes an exception for Bloomberg."
        " She compares him to Donald Trump. The debate will give voters “a live demonstration"
        " of how we each take on a billionaire,” she said Tuesday."
    )
    assert [q.speaker for q in _quotes(body)] == ["Elizabeth Warren"]


def test_it_is_the_organisation_right_before_the_verb() -> None:
    body = (
        "In its analysis of the outbreak’s impact on Nigeria, SBM Intel, a Lagos intelligence"
        " firm, says Nigeria is at risk. “If oil demand continues to fall, a country like Nigeria"
        " will be hit,” it says."
    )
    assert [q.speaker for q in _quotes(body)] == ["SBM Intel"]
