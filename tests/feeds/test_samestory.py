"""Same copy (MinHash + LSH) and same story (leader + figure, headline + lead) as pure functions."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.analysis import samestory as ss
from feeds.models import Analysis, Figure, Item, LeaderHit, Span

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2025, 4, 4, 9, 0, tzinfo=UTC)
TOKAYEV = LeaderHit("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KZ", (Span(0, 1),))
XI = LeaderHit("xi-jinping", "Xi Jinping", "CN", (Span(0, 1),))


def sample(name: str) -> Item:
    text = resources.files("feeds.samples").joinpath(name).read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    return Item(title=title.strip(), body=body.strip(), source="Wire", published=T0)


REUTERS = "003_reuters_eu_central_asia_raw_materials_summit.txt"
XINHUA = "004_xinhua_chinese_president_central_asia_trade.txt"
MACRON = "006_reuters_macron_war_economy_defence.txt"


def light_edit(item: Item, seed: int, source: str = "Outlet") -> Item:
    """What a re-publishing outlet does: new headline, last paragraph cut, a few words changed."""
    rng = random.Random(seed)
    paragraphs = item.body.split("\n\n")[:-1]
    words = "\n\n".join(paragraphs).split(" ")
    for _ in range(len(words) // 40):  # ~2.5 % of words replaced, in place
        words[rng.randrange(len(words))] = rng.choice(["reportedly", "officials", "Tuesday"])
    return Item(
        title=f"{item.title} ({source})",
        body=" ".join(words),
        source=source,
        published=item.published,
    )


def facts(item: Item, analysis: Analysis | None = None, hours: float = 0) -> ss.StoryFacts:
    ts = int((T0 + timedelta(hours=hours)).timestamp())
    return ss.StoryFacts.of(item, analysis or Analysis(), ts)


def money(value: float, unit: str = "USD") -> Figure:
    return Figure(0, 1, "x", "money", value, unit)


# -- same copy ---------------------------------------------------------------------------------


def test_light_edits_are_the_same_copy_and_other_articles_are_not() -> None:
    original = sample(REUTERS)
    sig = ss.copy_signature(original)
    for seed in range(5):
        copy = ss.copy_signature(light_edit(original, seed))
        assert ss.estimate_jaccard(sig, copy) >= ss.COPY_CONFIRM
    for other in (XINHUA, MACRON):
        assert ss.estimate_jaccard(sig, ss.copy_signature(sample(other))) <= 0.05


def test_signature_shape_and_determinism_across_processes() -> None:
    sig = ss.copy_signature(sample(REUTERS))
    assert sig.shape == (ss.NUM_PERM,) and sig.dtype.name == "uint32"
    # Signatures are stored: another interpreter (other hash salt) must compute the same bytes.
    code = (
        "from importlib import resources; from feeds.models import Item; "
        "from feeds.analysis import samestory as ss; "
        f"t = resources.files('feeds.samples').joinpath({REUTERS!r}).read_text(); "
        "h, _, b = t.partition('\\n'); "
        "print(ss.signature_to_bytes(ss.copy_signature(Item(h.strip(), b.strip()))).hex())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert bytes.fromhex(out.stdout.strip()) == ss.signature_to_bytes(sig)


def test_stored_form_round_trips_and_compares_with_a_fresh_signature() -> None:
    original = sample(REUTERS)
    sig = ss.copy_signature(original)
    blob = ss.signature_to_bytes(sig)
    assert len(blob) == 2 * ss.NUM_PERM
    stored = ss.signature_from_bytes(blob)
    assert ss.estimate_jaccard(sig, stored) == 1.0
    copy = ss.copy_signature(light_edit(original, 1))
    assert ss.estimate_jaccard(copy, stored) == pytest.approx(ss.estimate_jaccard(copy, sig))


def test_empty_and_short_texts_never_match() -> None:
    blank = ss.copy_signature(Item(title="", body=""))
    assert ss.is_blank(blank) and ss.copy_band_keys(blank) == []
    a = ss.copy_signature(Item(title="Item 1", body="plain text"))
    b = ss.copy_signature(Item(title="Item 2", body="plain text"))
    assert ss.estimate_jaccard(a, b) < ss.COPY_CONFIRM  # one short shingle each, different


def test_normalisation_ignores_case_accents_and_punctuation() -> None:
    a = Item(title="Tokáyev meets Xi", body="The PRESIDENT said: “trade grew 20%”, today!")
    b = Item(title="tokayev meets xi", body="the president said trade grew 20 today")
    assert ss.estimate_jaccard(ss.copy_signature(a), ss.copy_signature(b)) == 1.0


def test_lsh_index_finds_copies_only() -> None:
    index = ss.LSHIndex()
    names = [REUTERS, XINHUA, MACRON]
    for key, name in enumerate(names):
        index.add(key, ss.copy_signature(sample(name)))
    index.add(99, ss.copy_signature(Item(title="", body="")))  # blank: ignored
    assert len(index) == 3
    hits = index.query(ss.copy_signature(light_edit(sample(XINHUA), 3)))
    assert [k for k, _ in hits] == [1] and hits[0][1] >= ss.COPY_CONFIRM
    assert index.query(ss.copy_signature(sample("009_reuters_modi_semiconductors.txt"))) == []


def test_same_copy_needs_the_week_window() -> None:
    original, copy = sample(REUTERS), light_edit(sample(REUTERS), 2)
    assert ss.same_copy(facts(original), facts(copy, hours=24 * 6))
    assert not ss.same_copy(facts(original), facts(copy, hours=24 * 8))


# -- same story --------------------------------------------------------------------------------


def test_shared_leader_and_figure_within_72h_is_the_same_story() -> None:
    a = Item(title="Kazakhstan signs deals", body="Astana signed energy agreements.")
    b = Item(title="China and Kazakhstan agree trade", body="Beijing welcomed the visit.")
    fa = Analysis(leaders=(TOKAYEV,), figures=(money(41e9),))
    fb = Analysis(leaders=(TOKAYEV, XI), figures=(money(41e9), money(2e6)))
    assert ss.same_story(facts(a, fa), facts(b, fb, hours=71))
    assert not ss.same_story(facts(a, fa), facts(b, fb, hours=73))
    # A leader alone, or a figure alone, is not enough.
    assert not ss.same_story(facts(a, fa), facts(b, Analysis(leaders=(TOKAYEV,)), hours=1))
    assert not ss.same_story(
        facts(a, fa), facts(b, Analysis(leaders=(XI,), figures=(money(41e9),)), hours=1)
    )
    # Different currency or value: different figure.
    assert not ss.same_story(
        facts(a, fa), facts(b, Analysis(leaders=(TOKAYEV,), figures=(money(41e9, "EUR"),)))
    )


def test_figure_keys_normalise_values() -> None:
    analysis = Analysis(
        figures=(
            money(41e9),
            money(41.0e9),
            Figure(0, 1, "12.5%", "percent", 12.5, "%"),
            Figure(0, 1, "45 projects", "count", 45, "projects"),
            money(0),
        )
    )
    assert ss.figure_keys(analysis) == frozenset({"money:USD:4.1e+10", "percent:%:12.5"})


def test_headline_and_lead_overlap_is_the_same_story() -> None:
    a = Item(
        title="Tokayev and Mirziyoyev agree water sharing deal for the Syr Darya basin",
        body="Kazakhstan and Uzbekistan agreed on Tuesday to share Syr Darya water and build a "
        "joint hydropower plant, the presidents announced in Tashkent.",
    )
    b = Item(
        title="Kazakhstan, Uzbekistan agree Syr Darya water deal and joint hydropower plant",
        body="The presidents of Kazakhstan and Uzbekistan announced a water sharing agreement "
        "for the Syr Darya basin in Tashkent on Tuesday.",
    )
    other = Item(
        title="Macron calls for a war economy as France boosts defence spending",
        body="French President Emmanuel Macron urged industry to move faster on munitions.",
    )
    assert ss.token_jaccard(ss.story_tokens(a), ss.story_tokens(b)) >= ss.STORY_CONFIRM
    assert ss.same_story(facts(a), facts(b, hours=30))
    assert not ss.same_story(facts(a), facts(b, hours=80))
    assert not ss.same_story(facts(a), facts(other))
    # The LSH keys of the two write-ups meet in at least one band.
    keys_a = set(ss.story_band_keys(ss.story_tokens(a)))
    assert keys_a & set(ss.story_band_keys(ss.story_tokens(b)))


def test_bundled_samples_are_all_different_stories() -> None:
    names = sorted(
        p.name
        for p in resources.files("feeds.samples").iterdir()
        if p.name[:3].isdigit() and p.name.endswith(".txt")
    )
    all_facts = [facts(sample(n)) for n in names]
    for i, a in enumerate(all_facts):
        for b in all_facts[i + 1 :]:
            assert not ss.same_copy(a, b)
            assert ss.token_jaccard(a.tokens, b.tokens) < ss.STORY_CONFIRM


def test_short_headlines_are_not_compared() -> None:
    a = ss.story_tokens(Item(title="Item 1", body="plain text"))
    assert len(a) < ss.STORY_MIN_TOKENS
    assert ss.story_band_keys(a) == [] and ss.token_jaccard(a, a) == 0.0


def test_match_keys_are_the_story_facts_and_band_keys() -> None:
    """What a worker process computes equals what the writer used to compute itself."""
    item = Item(
        title="Tokayev opens the Astana pipeline",
        body="President Kassym-Jomart Tokayev said the pipeline cost $4.1 billion. " * 5,
        source="X",
    )
    analysis = Analysis(
        leaders=(LeaderHit("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KZ", (Span(0, 1),)),),
        figures=(Figure(0, 4, "$4.1 billion", "money", 4.1e9, "USD"),),
    )
    keys = ss.MatchKeys.of(item)
    want = ss.StoryFacts.of(item, analysis, 1234)
    got = keys.facts(analysis, 1234)
    assert (got.signature == want.signature).all()
    assert (got.tokens, got.figures, got.leaders, got.published_ts) == (
        want.tokens,
        want.figures,
        want.leaders,
        1234,
    )
    assert keys.copy_keys == ss.copy_band_keys(want.signature)
    assert keys.story_keys == ss.story_band_keys(want.tokens)
    # Packed and interned for holding thousands: the same keys and tokens after a round trip.
    import pickle

    back = pickle.loads(pickle.dumps(keys.shared()))
    assert (back.copy_keys, back.story_keys, back.tokens) == (
        keys.copy_keys,
        keys.story_keys,
        want.tokens,
    )
    assert all(word is sys.intern(word) for word in keys.shared().words)


def test_memoised_word_hashes_are_the_stored_crc32() -> None:
    """Signatures in existing databases must stay comparable: the memo changes no value."""
    import zlib

    words = ["alpha", "zürich", "alpha", "астана", "\udcff"]
    want = [zlib.crc32(w.encode("utf-8", "surrogatepass"), ss._SEED) for w in words]
    assert ss._word_hashes(words) == want
    assert ss._word_hashes(words) == want  # second time from the memo


def _reference_words(text: str) -> list[str]:
    """words() as first written: every character of the decomposed text checked."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return ss._WORD.findall(plain)


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "Z", "S"]), max_size=80
)


@given(_TEXT, _TEXT)
@settings(max_examples=300, deadline=None)
def test_words_skip_ascii_and_split_title_from_body_exactly(title: str, body: str) -> None:
    """Stored signatures must stay comparable: the fast paths change no token."""
    assert ss.words(body) == _reference_words(body)
    assert ss.words(title) + ss.words(body) == _reference_words(f"{title}\n{body}")
