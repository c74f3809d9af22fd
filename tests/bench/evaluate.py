"""Evaluate newsdesk's article analysis against hand labels.

Usage::

    python tests/bench/evaluate.py CORPUS_DIR LABELS_DIR [--verbose] [--only SUBSTRING]

For every ``LABELS_DIR/*.json`` the article ``CORPUS_DIR/<article>`` is loaded with
:func:`feeds.loaders.load_paths`, its ``published`` is set to the label's ``date`` (UTC midnight),
:func:`feeds.analysis.analyze` runs on it, and what it found is compared with the label.
Precision, recall and F1 are micro-averaged over articles (true/false positives and misses are
summed before dividing). ``--verbose`` prints each article's misses and false positives.

Label schema (one JSON object per article)
------------------------------------------
``article``
    File name inside CORPUS_DIR, e.g. ``"19_newspaper_afghanistan-s-new-millionaires.txt"``.
``date``
    ``"YYYY-MM-DD"``: publication date as best known from the text or its ``.src``
    (approximate is fine; titles such as "the US president" resolve on it).
``leaders``
    Gazetteer ids (slugs of the canonical name, as in ``feeds/analysis/data/leaders.json``) of
    every head of state or government, current or former at the article date, and of the heads
    of the UN, European Commission/Council, NATO, IMF, World Bank, WTO, ECB and US Fed, mentioned
    anywhere in the title or body (by name or by a resolvable title). Someone missing from the
    gazetteer is still labelled, with the slug of their usual name.
``quotes``
    ``[{"starts_with": "first 5-8 words of the quoted text", "speaker": "Name" | null}]``, in body
    order: direct quotes of at least 4 words inside quote marks. Not scare quotes, titles of
    works, slogans or names. A quote continued over paragraphs (no closing mark, the next
    paragraph opens again) is one quote. ``speaker`` is the person's canonical name (the
    gazetteer name for leaders, otherwise the full name as introduced in the article), an
    organisation's name when an organisation is the source ("White House"), or ``null`` when
    the text names no source.
``figures``
    ``[{"text": "$41 billion", "kind": "money" | "percent", "value": 41000000000,
    "unit": "USD" | "GBP" | ... | "%" | "pp"}]``: every money amount with a currency and every
    percentage in the body, each occurrence listed (repeats too), in body order. ``text`` is the
    span as written (whitespace may differ); ``value`` is normalised (41e9 for "$41 billion";
    12.5 for "12.5%"; 2 with unit "pp" for "2 percentage points"). A range is one figure with
    its first value and its whole text ("$40-50 billion", "between 20% and 30%", "$5 billion to
    $8 billion"); a change ("rose from 2% to 3%", "by $1 to $8.25") is two figures.
``sectors``
    Ids from the 17-id vocabulary (agriculture, energy, mining, manufacturing, automotive,
    transport, logistics, ecommerce, finance, trade, technology, tourism, education, health,
    construction, defence, culture): what a desk editor would tag, usually 1-4.

Matching
--------
leaders, sectors
    Article-level sets of ids.
quotes (exact)
    A found quote matches a label when its text, whitespace-collapsed and case-folded, starts
    with the label's ``starts_with`` (likewise normalised; leading quote marks, dashes and
    ellipses ignored on both sides, trailing punctuation of ``starts_with`` ignored).
quotes (overlap)
    The label's span is located in the body: from where ``starts_with`` occurs to the closing
    quote mark (following an open quote into the next paragraph when that paragraph opens again).
    A found quote matches when the two spans share at least 50% of the longer one's characters,
    or when it matches exactly as above.
speaker
    Over overlap-matched quotes: the fraction whose speaker equals the label's speaker after
    case-folding, whitespace-collapsing and dropping honorifics (Mr, Mrs, Ms, Dr) and a leading
    "the". A null found speaker is wrong unless the label is null, and vice versa.
money, percent
    A found figure of that kind matches a label of the same kind when its value is within 0.5%
    of the label's and its span overlaps an occurrence of the label's text in the body (or the
    texts contain one another). Unit disagreements are listed with ``--verbose``.
Matching is one-to-one and greedy in body order. The script also times ``analyze()``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from feeds.analysis import analyze  # noqa: E402
from feeds.loaders import load_paths  # noqa: E402
from feeds.models import Analysis, Figure, Item, Quote  # noqa: E402

PARTS = ("leaders", "quotes exact", "quotes overlap", "money", "percent", "sectors")
_CLOSERS = '”"»“'
_EDGE = " \t\n\"'“”‘’«»„…-–—."


def norm(text: str) -> str:
    """Whitespace-collapsed, case-folded text without leading quote marks or dashes."""
    return " ".join(text.split()).casefold().lstrip(_EDGE)


def norm_prefix(text: str) -> str:
    """:func:`norm` without trailing punctuation, for `starts_with` comparisons."""
    return norm(text).rstrip(_EDGE + ",;:!?")


def norm_speaker(name: str | None) -> str | None:
    if name is None:
        return None
    s = " ".join(name.replace(".", " ").replace("’", "'").split()).casefold()
    s = re.sub(r"^(?:the|mr|mrs|ms|dr)\s+", "", s)
    return s or None


class Collapsed:
    """A body with whitespace runs collapsed to one space, mapping back to body offsets."""

    def __init__(self, body: str) -> None:
        chars: list[str] = []
        index: list[int] = []
        prev_space = False
        for i, ch in enumerate(body):
            if ch.isspace():
                if prev_space:
                    continue
                prev_space = True
                chars.append(" ")
            else:
                prev_space = False
                chars.append(ch.casefold() if len(ch.casefold()) == 1 else ch)
            index.append(i)
        self.text = "".join(chars)
        self.index = index

    def find_all(self, needle: str) -> list[int]:
        """Body offsets of every occurrence of ``needle`` (already normalised)."""
        out: list[int] = []
        if not needle:
            return out
        k = self.text.find(needle)
        while k >= 0:
            out.append(self.index[k])
            k = self.text.find(needle, k + 1)
        return out

    def spans(self, needle: str) -> list[tuple[int, int]]:
        out = []
        for k in self.find_all(needle):
            # Map the end through the collapsed text: length in collapsed chars.
            ck = self.index.index(k)
            ce = ck + len(needle) - 1
            out.append((k, self.index[min(ce, len(self.index) - 1)] + 1))
        return out


def label_quote_span(body: str, start: int) -> tuple[int, int]:
    """From a label's start to its closing mark, crossing paragraphs an open quote continues."""
    i = start
    n = len(body)
    while i < n:
        ch = body[i]
        if ch in _CLOSERS or (ch == "’" and (i + 1 >= n or not body[i + 1].isalpha())):
            return start, i
        if ch == "\n":
            j = i
            while j < n and body[j].isspace():
                j += 1
            if j < n and body[j] in '“"«‘„' and j > i + 0:
                i = j + 1  # paragraph-continued quote
                continue
            return start, i
        i += 1
    return start, n


@dataclasses.dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclasses.dataclass
class Totals:
    parts: dict[str, Counts] = dataclasses.field(
        default_factory=lambda: {p: Counts() for p in PARTS}
    )
    speaker_ok: int = 0
    speaker_n: int = 0
    unit_bad: int = 0
    articles: int = 0
    seconds: float = 0.0
    words: int = 0


def _set_part(
    found: Iterable[str], want: Iterable[str]
) -> tuple[int, int, int, set[str], set[str]]:
    f, w = set(found), set(want)
    return len(f & w), len(f - w), len(w - f), f - w, w - f


def match_quotes(
    body: str, col: Collapsed, found: list[Quote], labels: list[dict[str, Any]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[str]]:
    """(exact pairs, overlap pairs, label-location problems) as (label index, found index)."""
    problems: list[str] = []
    spans: list[tuple[int, int] | None] = []
    used_starts: set[int] = set()
    for lab in labels:
        starts = [s for s in col.find_all(norm(lab["starts_with"])) if s not in used_starts]
        if not starts:
            problems.append(f"label quote not found in body: {lab['starts_with']!r}")
            spans.append(None)
            continue
        used_starts.add(starts[0])
        spans.append(label_quote_span(body, starts[0]))
    exact: list[tuple[int, int]] = []
    taken: set[int] = set()
    for li, lab in enumerate(labels):
        want = norm_prefix(lab["starts_with"])
        for fi, q in enumerate(found):
            if fi not in taken and norm(q.text).startswith(want):
                exact.append((li, fi))
                taken.add(fi)
                break
    overlap: list[tuple[int, int]] = []
    taken_o: set[int] = set()
    exact_by_label = dict(exact)
    for li, _lab in enumerate(labels):
        fi0 = exact_by_label.get(li)
        if fi0 is not None and fi0 not in taken_o:
            overlap.append((li, fi0))
            taken_o.add(fi0)
            continue
        sp = spans[li]
        if sp is None:
            continue
        ls, le = sp
        for fi, q in enumerate(found):
            if fi in taken_o or fi in exact_by_label.values():
                continue
            inter = min(le, q.end) - max(ls, q.start)
            if inter > 0 and inter >= 0.5 * max(le - ls, q.end - q.start):
                overlap.append((li, fi))
                taken_o.add(fi)
                break
    return exact, overlap, problems


def match_figures(
    body: str, col: Collapsed, found: list[Figure], labels: list[dict[str, Any]]
) -> tuple[list[tuple[int, int]], list[str]]:
    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    problems: list[str] = []
    for li, lab in enumerate(labels):
        occ = col.spans(norm(lab["text"]))
        if not occ:
            problems.append(f"label figure text not found in body: {lab['text']!r}")
        lv = float(lab["value"])
        for fi, f in enumerate(found):
            if fi in taken or f.kind != lab["kind"]:
                continue
            if abs(f.value - lv) > 0.005 * max(abs(lv), 1e-9):
                continue
            ft, lt = norm(f.text), norm(lab["text"])
            near = any(f.start < e and s < f.end for s, e in occ) or ft in lt or lt in ft
            if near:
                pairs.append((li, fi))
                taken.add(fi)
                break
    return pairs, problems


def load_item(path: Path, date: str) -> Item:
    res = load_paths([path])
    if not res.items:
        reason = res.failures[0].reason if res.failures else "no items"
        raise SystemExit(f"cannot load {path}: {reason}")
    day = dt.date.fromisoformat(date)
    published = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return dataclasses.replace(res.items[0], published=published)


def evaluate_one(
    label: dict[str, Any], item: Item, an: Analysis, tot: Totals, verbose: bool
) -> list[str]:
    body = item.body
    col = Collapsed(body)
    lines: list[str] = []

    tp, fp, fn, xfp, xfn = _set_part((h.id for h in an.leaders), label.get("leaders", []))
    tot.parts["leaders"].add(tp, fp, fn)
    if xfp or xfn:
        lines.append(f"  leaders  missed={sorted(xfn)} false={sorted(xfp)}")

    tp, fp, fn, xfp, xfn = _set_part((s.id for s in an.sectors), label.get("sectors", []))
    tot.parts["sectors"].add(tp, fp, fn)
    if xfp or xfn:
        lines.append(f"  sectors  missed={sorted(xfn)} false={sorted(xfp)}")

    qlabels: list[dict[str, Any]] = label.get("quotes", [])
    found = list(an.quotes)
    exact, overlap, probs = match_quotes(body, col, found, qlabels)
    lines += [f"  LABEL?   {p}" for p in probs]
    tot.parts["quotes exact"].add(len(exact), len(found) - len(exact), len(qlabels) - len(exact))
    tot.parts["quotes overlap"].add(
        len(overlap), len(found) - len(overlap), len(qlabels) - len(overlap)
    )
    matched_l = {li for li, _ in overlap}
    matched_f = {fi for _, fi in overlap}
    exact_l = {li for li, _ in exact}
    for li, lab in enumerate(qlabels):
        if li not in matched_l:
            lines.append(f"  quote    MISSED {lab['starts_with']!r} ({lab.get('speaker')})")
        elif li not in exact_l:
            fi = dict(overlap)[li]
            lines.append(
                f"  quote    start  {lab['starts_with']!r} found {_short(found[fi].text)!r}"
            )
    for fi, q in enumerate(found):
        if fi not in matched_f:
            lines.append(f"  quote    FALSE  {_short(q.text)!r} ({q.speaker})")
    for li, fi in overlap:
        want = norm_speaker(qlabels[li].get("speaker"))
        got = norm_speaker(found[fi].speaker)
        tot.speaker_n += 1
        if want == got:
            tot.speaker_ok += 1
        else:
            lines.append(
                f"  speaker  {_short(found[fi].text, 40)!r}: want {qlabels[li].get('speaker')!r}"
                f" got {found[fi].speaker!r}"
            )

    flabels: list[dict[str, Any]] = label.get("figures", [])
    for kind in ("money", "percent"):
        lk = [f for f in flabels if f["kind"] == kind]
        fk = [f for f in an.figures if f.kind == kind]
        pairs, probs = match_figures(body, col, fk, lk)
        lines += [f"  LABEL?   {p}" for p in probs]
        tot.parts[kind].add(len(pairs), len(fk) - len(pairs), len(lk) - len(pairs))
        ml = {li for li, _ in pairs}
        mf = {fi for _, fi in pairs}
        for li, lab in enumerate(lk):
            if li not in ml:
                lines.append(f"  {kind:8} MISSED {lab['text']!r} = {lab['value']} {lab['unit']}")
        for fi, f in enumerate(fk):
            if fi not in mf:
                lines.append(f"  {kind:8} FALSE  {f.text!r} = {f.value} {f.unit}")
        for li, fi in pairs:
            if lk[li].get("unit") and lk[li]["unit"] != fk[fi].unit:
                tot.unit_bad += 1
                lines.append(
                    f"  {kind:8} UNIT   {fk[fi].text!r}: {fk[fi].unit} != {lk[li]['unit']}"
                )
    return lines


def _short(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


def run(corpus: Path, labels_dir: Path, verbose: bool, only: str | None) -> Totals:
    tot = Totals()
    analyze(Item(title="warm-up", body="Warm up the gazetteer: “one two three four,” he said."))
    for lp in sorted(labels_dir.glob("*.json")):
        label = json.loads(lp.read_text(encoding="utf-8"))
        if only and only not in label["article"]:
            continue
        path = corpus / label["article"]
        if not path.exists():  # the seed article ships with the tests, not the corpus
            path = ROOT / "tests" / "fixtures" / "seed" / label["article"]
        if not path.exists():
            print(f"skip {lp.name}: {path} not found", file=sys.stderr)
            continue
        item = load_item(path, label["date"])
        t0 = time.perf_counter()
        an = analyze(item)
        tot.seconds += time.perf_counter() - t0
        tot.words += len(item.body.split())
        tot.articles += 1
        lines = evaluate_one(label, item, an, tot, verbose)
        if verbose and lines:
            print(f"== {label['article']}")
            print("\n".join(lines))
    return tot


def report(tot: Totals) -> str:
    out = [f"{'part':16} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for name in PARTS:
        c = tot.parts[name]
        p, r, f = c.prf()
        out.append(f"{name:16} {c.tp:5d} {c.fp:5d} {c.fn:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    acc = tot.speaker_ok / tot.speaker_n if tot.speaker_n else 1.0
    out.append(f"{'speaker acc':16} {tot.speaker_ok:5d} / {tot.speaker_n:<5d}       {acc:6.3f}")
    out.append(f"figure unit mismatches (among matched): {tot.unit_bad}")
    if tot.seconds > 0:
        rate = tot.articles / tot.seconds
        per700 = rate * (tot.words / tot.articles) / 700 if tot.articles else 0.0
        out.append(
            f"{tot.articles} articles, {tot.words} words; analyze(): {tot.seconds * 1000:.1f} ms"
            f" total, {rate:.0f} articles/s (~{per700:.0f}/s scaled to 700 words)"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("corpus", type=Path, help="directory holding the article files")
    ap.add_argument("labels", type=Path, help="directory of label *.json files")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-article misses and FPs")
    ap.add_argument("--only", help="evaluate only labels whose article contains this")
    args = ap.parse_args(argv)
    tot = run(args.corpus, args.labels, args.verbose, args.only)
    print(report(tot))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
