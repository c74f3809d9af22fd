"""Compare feedparser and fastfeedparser: speed, and what each gets wrong on real and hostile feeds.

Usage:
    python scripts/bench_parsers.py CORPUS_DIR [--rounds N] [--synthetic FEEDS ITEMS]
                                   [--genfeeds PATH] [--no-attacks] [--no-synthetic]

Parsers compared (all on bytes we read ourselves, never a path or URL):

* ``feedparser``   — ``feedparser.parse(io.BytesIO(strip_doctype(data)))`` with the loader's options
  (``sanitize_html=False, resolve_relative_uris=False``), as ``feeds/loaders/feed.py`` does;
* ``fastfeedparser`` — ``fastfeedparser.parse(data)`` on the raw bytes (its own lxml settings:
  ``resolve_entities=False``, recover mode);
* ``newsdesk``     — ``feeds.loaders.load_bytes``: today's loader end to end (feedparser plus
  HTML-to-text of every body), for the cost of the whole path.

Sections printed: per-file differences over the corpus, speed over the corpus and over
genfeeds.py output (median round of ``--rounds``), and hostile inputs (billion laughs, quadratic
blow-up single- and multi-line, XXE, external DTD to a loopback canary, a CDATA title with a raw
ESC). Each hostile input runs in a child process with an address-space cap and a timeout, so a
parser that blows up is reported instead of taking the machine down.
"""

from __future__ import annotations

import argparse
import calendar
import io
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import fastfeedparser  # noqa: E402
import feedparser  # noqa: E402
from lxml import etree  # noqa: E402

from feeds.errors import FeedError  # noqa: E402
from feeds.loaders import load_bytes  # noqa: E402
from feeds.loaders.feed import strip_doctype  # noqa: E402

GENFEEDS = Path("/work/shared/tools/genfeeds.py")
CHILD_MEMORY_CAP = 2 * 1024**3
"""Address-space limit for one hostile-input child (bytes)."""
CHILD_TIMEOUT = 20.0
"""Seconds before a hostile-input child is killed."""

_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]{0,200}>")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#x[0-9A-Fa-f]{2,6});")
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€|Ð[\u0080-\u00bf]|Ñ[\u0080-\u00bf]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# --------------------------------------------------------------------------- normalised results


@dataclass
class Entry:
    """The fields we compare, taken out of either parser's entry."""

    title: str
    link: str
    when: float | None
    """Publication time as a UTC epoch, None when missing or unparsed."""
    body_len: int


@dataclass
class Outcome:
    """One parser on one input."""

    entries: list[Entry] = field(default_factory=list)
    error: str = ""
    """An exception the parser raised (fastfeedparser raises ValueError, newsdesk ParseError)."""
    notice: str = ""
    """A failure reported without raising (feedparser's ``bozo``)."""
    seconds: float = 0.0

    def count(self, test: Callable[[Entry], bool]) -> int:
        return sum(1 for e in self.entries if test(e))

    def summary(self) -> str:
        if self.error:
            return f"ERROR {self.error[:70]}"
        parts = [f"{len(self.entries)} items"]
        checks: list[tuple[str, Callable[[Entry], bool]]] = [
            ("no title", lambda e: not e.title.strip()),
            ("no link", lambda e: not e.link.strip()),
            ("no date", lambda e: e.when is None),
            ("markup in title", lambda e: bool(_TAG.search(e.title) or _ENTITY.search(e.title))),
            ("mojibake/U+FFFD", lambda e: "\ufffd" in e.title or bool(_MOJIBAKE.search(e.title))),
            ("control char", lambda e: bool(_CONTROL.search(e.title))),
        ]
        for label, test in checks:
            n = self.count(test)
            if n:
                parts.append(f"{n} {label}")
        if self.notice:
            parts.append(f"bozo: {self.notice[:60]}")
        return ", ".join(parts)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _fp_when(entry: Any) -> float | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return float(calendar.timegm(value))
    return None


def _iso_when(value: object) -> float | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _fp_body_len(entry: Any) -> int:
    sizes = [len(str(c.get("value", ""))) for c in entry.get("content") or []]
    sizes.append(len(str(entry.get("summary", ""))))
    return max(sizes)


def run_feedparser(data: bytes, *, strip: bool = True) -> Outcome:
    """feedparser as the loader calls it (DOCTYPE stripped unless ``strip`` is False)."""
    out = Outcome()
    started = time.perf_counter()
    try:
        cleaned = strip_doctype(data) if strip else data
        parsed = feedparser.parse(
            io.BytesIO(cleaned), sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # noqa: BLE001 - measuring, not handling (ParseError included)
        out.error = f"{type(exc).__name__}: {_one_line(exc)}"
        out.seconds = time.perf_counter() - started
        return out
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        out.notice = f"{type(problem).__name__}: {_one_line(problem)}"
    for e in parsed.get("entries") or []:
        out.entries.append(
            Entry(
                title=str(e.get("title", "")),
                link=str(e.get("link", "")),
                when=_fp_when(e),
                body_len=_fp_body_len(e),
            )
        )
    out.seconds = time.perf_counter() - started
    return out


def run_fastfeedparser(data: bytes) -> Outcome:
    """fastfeedparser on the raw bytes."""
    out = Outcome()
    started = time.perf_counter()
    try:
        parsed = fastfeedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - measuring, not handling
        out.error = f"{type(exc).__name__}: {_one_line(exc)}"
        out.seconds = time.perf_counter() - started
        return out
    for e in parsed.get("entries") or []:
        contents = [len(str(c.get("value", ""))) for c in e.get("content") or []]
        contents.append(len(str(e.get("description", "") or "")))
        out.entries.append(
            Entry(
                title=str(e.get("title", "") or ""),
                link=str(e.get("link", "") or ""),
                when=_iso_when(e.get("published")) or _iso_when(e.get("updated")),
                body_len=max(contents),
            )
        )
    out.seconds = time.perf_counter() - started
    return out


def run_newsdesk(data: bytes, origin: str = "feed.xml") -> Outcome:
    """The current loader end to end."""
    out = Outcome()
    started = time.perf_counter()
    try:
        items = load_bytes(data, origin)
    except Exception as exc:  # noqa: BLE001 - measuring, not handling
        out.error = f"{type(exc).__name__}: {_one_line(exc)}"
        out.seconds = time.perf_counter() - started
        return out
    for item in items:
        out.entries.append(
            Entry(
                title=item.title,
                link=item.url,
                when=item.published.timestamp() if item.published else None,
                body_len=len(item.body),
            )
        )
    out.seconds = time.perf_counter() - started
    return out


_STRICT = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
)


def _repair_double_utf8(text: str) -> str:
    """UTF-8 that was decoded as Latin-1 and re-encoded ("KÃ¶lner"): feedparser's own repair."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def run_wrapped(data: bytes) -> Outcome:
    """A prototype of "fastfeedparser, wrapped": what the recommendation proposes.

    DOCTYPE stripped; a strict, entity-free, network-free lxml parse decides well-formedness; only
    well-formed input goes to fastfeedparser (so its recover mode never runs), anything else falls
    back to feedparser, whose bozo flag the loader already turns into a ParseError when nothing was
    recovered. Titles get feedparser's double-UTF-8 repair.
    """
    started = time.perf_counter()
    try:
        cleaned = strip_doctype(data)
        etree.fromstring(cleaned, _STRICT)
    except (FeedError, etree.XMLSyntaxError):
        out = run_feedparser(data)
        out.notice = ("fallback; " + out.notice).strip()
        out.seconds = time.perf_counter() - started
        return out
    out = run_fastfeedparser(cleaned)
    for entry in out.entries:
        entry.title = _repair_double_utf8(entry.title)
    out.seconds = time.perf_counter() - started
    return out


PARSERS: dict[str, Callable[[bytes], Outcome]] = {
    "feedparser": run_feedparser,
    "fastfeedparser": run_fastfeedparser,
    "fast-wrapped": run_wrapped,
    "newsdesk": run_newsdesk,
}


# --------------------------------------------------------------------------- corpus comparison


def corpus_files(folder: Path) -> list[Path]:
    """Feed files in ``folder``: regular, not hidden, not ``*.src`` provenance notes."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".src")
    )


def _disagreements(a: Outcome, b: Outcome) -> str:
    """Titles and dates that differ between two parsers, entry by entry (same count only)."""
    if a.error or b.error or len(a.entries) != len(b.entries):
        return ""
    titles = sum(
        1
        for x, y in zip(a.entries, b.entries, strict=True)
        if _one_line(x.title) != _one_line(y.title)
    )
    dates = sum(
        1
        for x, y in zip(a.entries, b.entries, strict=True)
        if x.when is not None and y.when is not None and abs(x.when - y.when) > 1
    )
    parts = []
    if titles:
        parts.append(f"{titles} titles differ")
    if dates:
        parts.append(f"{dates} dates differ")
    return ", ".join(parts)


def _first_diff(a: Outcome, b: Outcome) -> str:
    if a.error or b.error or len(a.entries) != len(b.entries):
        return ""
    for x, y in zip(a.entries, b.entries, strict=True):
        if _one_line(x.title) != _one_line(y.title):
            return f"    e.g. feedparser {x.title[:60]!r}\n         fastfeedparser {y.title[:60]!r}"
    return ""


def compare_corpus(files: list[Path]) -> None:
    """Print, per file, what each parser returns and where they disagree."""
    print(f"== Corpus: {len(files)} files, per-file outcome ==")
    for path in files:
        data = path.read_bytes()
        fp = run_feedparser(data)
        ffp = run_fastfeedparser(data)
        wrapped = run_wrapped(data)
        nd = run_newsdesk(data, path.name)
        print(f"{path.name}  ({len(data) // 1024} KiB)")
        print(f"  feedparser     {fp.summary()}")
        print(f"  fastfeedparser {ffp.summary()}")
        print(f"  fast-wrapped   {wrapped.summary()}")
        print(f"  newsdesk       {nd.summary()}")
        diff = _disagreements(fp, ffp)
        if diff:
            print(f"  differ: {diff}")
            example = _first_diff(fp, ffp)
            if example:
                print(example)


# --------------------------------------------------------------------------- speed


def _round_seconds(parse: Callable[[bytes], Outcome], blobs: list[bytes]) -> tuple[float, int]:
    items = 0
    started = time.perf_counter()
    for blob in blobs:
        items += len(parse(blob).entries)
    return time.perf_counter() - started, items


def measure_speed(label: str, blobs: list[bytes], rounds: int) -> None:
    """Items/s per parser: median of ``rounds`` passes over ``blobs`` after one warm-up pass."""
    size = sum(map(len, blobs)) / 1024**2
    print(f"== Speed: {label} ({len(blobs)} files, {size:.1f} MiB, median of {rounds} rounds) ==")
    print(f"{'parser':16} {'items':>7} {'median s':>9} {'items/s':>10} {'MiB/s':>7}")
    rates: dict[str, float] = {}
    for name, parse in PARSERS.items():
        _round_seconds(parse, blobs[: max(1, len(blobs) // 10)])  # warm-up
        timings = []
        items = 0
        for _ in range(rounds):
            seconds, items = _round_seconds(parse, blobs)
            timings.append(seconds)
        median = statistics.median(timings)
        rates[name] = items / median if median else 0.0
        print(f"{name:16} {items:7d} {median:9.3f} {rates[name]:10.0f} {size / median:7.1f}")
    if rates.get("feedparser"):
        print(f"fastfeedparser / feedparser: {rates['fastfeedparser'] / rates['feedparser']:.0f}x")
    print()


def synthetic_blobs(genfeeds: Path, feeds: int, items: int) -> list[bytes]:
    """genfeeds.py output, read into memory."""
    with tempfile.TemporaryDirectory(prefix="bench-parsers-") as tmp:
        subprocess.run(
            [sys.executable, str(genfeeds), tmp, str(feeds), str(items)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return [p.read_bytes() for p in sorted(Path(tmp).glob("*.xml"))]


# --------------------------------------------------------------------------- hostile inputs


def _rss(title: str, doctype: str = "", body: str = "plain body") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{doctype}"
        '<rss version="2.0"><channel><title>Attack feed</title>'
        "<link>https://example.com/</link><description>d</description>"
        f"<item><title>{title}</title><link>https://example.com/a</link>"
        f"<description>{body}</description></item>"
        "</channel></rss>\n"
    ).encode()


def billion_laughs() -> bytes:
    """Ten levels of ten references: 10^9 ``lol`` if expanded."""
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return _rss("&lol9;", "<!DOCTYPE rss [\n" + "\n".join(lines) + "\n]>\n", "&lol9;")


def quadratic_single_line(size: int = 50_000, refs: int = 50_000) -> bytes:
    """One big entity referenced many times, all on one line: ``size * refs`` characters."""
    doctype = f'<!DOCTYPE rss [<!ENTITY a "{"A" * size}">]>\n'
    return _rss("&a;" * refs, doctype)


def quadratic_multi_line(entities: int = 4, size: int = 25_000, refs: int = 50_000) -> bytes:
    """One ``<!ENTITY>`` per line (what feedparser's loose parser picks up), each referenced often.

    ~300 KB of input; expanded, the title is ``refs * size`` (1.25 billion) characters.
    """
    decls = "\n".join(f'<!ENTITY e{i} "{"B" * size}">' for i in range(entities))
    title = "".join(f"&e{i % entities};" for i in range(refs))
    return _rss(title, f"<!DOCTYPE rss [\n{decls}\n]>\n")


def xxe_file() -> bytes:
    """An external entity naming a local file."""
    doctype = '<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
    return _rss("leak &xxe; here", doctype, "&xxe;")


def external_dtd(canary: str) -> bytes:
    """An external DTD subset and a parameter entity, both on a loopback canary."""
    doctype = (
        f'<!DOCTYPE rss SYSTEM "{canary}/dtd" [\n'
        f'<!ENTITY % remote SYSTEM "{canary}/param">\n%remote;\n'
        f'<!ENTITY ext SYSTEM "{canary}/entity">\n]>\n'
    )
    return _rss("ext &ext; here", doctype)


def cdata_esc() -> bytes:
    """A CDATA title carrying a raw ESC (not allowed in XML 1.0) and an OSC title-set sequence."""
    return _rss("<![CDATA[Markets \x1b]0;pwned\x07 rally \x1b[31mred]]>")


ATTACKS: dict[str, Callable[[str], bytes]] = {
    "billion_laughs": lambda _c: billion_laughs(),
    "quadratic_1line": lambda _c: quadratic_single_line(),
    "quadratic_nline": lambda _c: quadratic_multi_line(),
    "xxe_file": lambda _c: xxe_file(),
    "external_dtd": external_dtd,
    "cdata_esc": lambda _c: cdata_esc(),
}

ATTACK_PARSERS: dict[str, Callable[[bytes], Outcome]] = {
    "feedparser": run_feedparser,
    "feedparser-nostrip": lambda data: run_feedparser(data, strip=False),
    "fastfeedparser": run_fastfeedparser,
    "fast-wrapped": run_wrapped,
    "newsdesk": run_newsdesk,
}


class _Canary(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        _Canary.hits.append(self.path)
        body = b'<!ENTITY canary "CANARY">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@contextmanager
def canary_server() -> Iterator[str]:
    """A loopback HTTP server that records every request."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_main(attack: str, parser: str, canary: str) -> None:
    """Run in the child: one parser on one hostile input; print a JSON line."""
    data = ATTACKS[attack](canary)
    before = _peak_mib()
    out = ATTACK_PARSERS[parser](data)
    texts = [e.title for e in out.entries]
    longest = max((len(t) for t in texts), default=0)
    longest_body = max((e.body_len for e in out.entries), default=0)
    report = {
        "seconds": out.seconds,
        "growth_mib": _peak_mib() - before,
        "entries": len(out.entries),
        "longest": max(longest, longest_body),
        "passwd": any("root:" in t for t in texts),
        "title": texts[0][:48] if texts else "",
        "error": out.error[:70],
        "notice": out.notice[:50],
    }
    print(json.dumps(report))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_CAP, CHILD_MEMORY_CAP))


def run_attacks() -> None:
    """Every hostile input through every parser, each in a capped child process."""
    cap = CHILD_MEMORY_CAP // 1024**2
    print(
        f"== Hostile inputs (child per run: {cap} MiB address-space cap, {CHILD_TIMEOUT:.0f} s) =="
    )
    print(f"{'input':16} {'parser':19} {'s':>6} {'+MiB':>6} {'items':>5} {'longest':>10}  outcome")
    with canary_server() as canary:
        for attack in ATTACKS:
            size = len(ATTACKS[attack](canary))
            for parser in ATTACK_PARSERS:
                before = len(_Canary.hits)
                started = time.perf_counter()
                try:
                    proc = subprocess.run(
                        [sys.executable, __file__, "--child", attack, parser, canary],
                        capture_output=True,
                        text=True,
                        timeout=CHILD_TIMEOUT,
                        preexec_fn=_limit_memory,  # noqa: PLW1509 - no threads touch it
                    )
                except subprocess.TimeoutExpired:
                    elapsed = time.perf_counter() - started
                    print(
                        f"{attack:16} {parser:19} {elapsed:6.1f} {'':>6} {'':>5} {'':>10}  "
                        "KILLED: timeout"
                    )
                    continue
                hits = len(_Canary.hits) - before
                lines = proc.stdout.strip().splitlines()
                if proc.returncode != 0 or not lines:
                    last = (proc.stderr.strip().splitlines() or ["?"])[-1]
                    elapsed = time.perf_counter() - started
                    print(
                        f"{attack:16} {parser:19} {elapsed:6.1f} {'':>6} {'':>5} {'':>10}  "
                        f"DIED rc={proc.returncode}: {last[:60]}"
                    )
                    continue
                r = json.loads(lines[-1])
                outcome = r["error"] or f"title={r['title']!r}"
                if r["notice"]:
                    outcome += f" (bozo {r['notice'][:30]})"
                if r["passwd"]:
                    outcome += " /etc/passwd LEAKED"
                if hits:
                    outcome += f" CANARY HITS={hits}"
                print(
                    f"{attack:16} {parser:19} {r['seconds']:6.2f} {r['growth_mib']:6.0f} "
                    f"{r['entries']:5d} {r['longest']:10d}  {outcome}"
                )
            print(f"{'':16} (input {size / 1024:.0f} KiB)")
    print()


# --------------------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    """Parse arguments and run the sections asked for."""
    if argv[:1] == ["--child"]:
        child_main(argv[1], argv[2], argv[3])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder of feed files (e.g. shared/corpus/feeds)")
    ap.add_argument("--rounds", type=int, default=5, help="timed passes per parser (median)")
    ap.add_argument("--synthetic", type=int, nargs=2, default=(200, 50), metavar=("FEEDS", "ITEMS"))
    ap.add_argument("--genfeeds", type=Path, default=GENFEEDS)
    ap.add_argument("--no-attacks", action="store_true")
    ap.add_argument("--no-synthetic", action="store_true")
    ap.add_argument("--no-corpus-detail", action="store_true")
    args = ap.parse_args(argv)

    print(
        f"python {sys.version.split()[0]}, feedparser {feedparser.__version__}, "
        f"fastfeedparser {getattr(fastfeedparser, '__version__', '?')}, {os.cpu_count()} CPUs\n"
    )
    files = corpus_files(args.corpus)
    if not args.no_corpus_detail:
        compare_corpus(files)
        print()
    xml = [p.read_bytes() for p in files if p.suffix != ".json"]
    measure_speed(f"corpus XML files in {args.corpus}", xml, args.rounds)
    if not args.no_synthetic:
        feeds, items = args.synthetic
        blobs = synthetic_blobs(args.genfeeds, feeds, items)
        measure_speed(f"genfeeds.py {feeds} x {items}", blobs, max(1, min(args.rounds, 3)))
    if not args.no_attacks:
        run_attacks()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
