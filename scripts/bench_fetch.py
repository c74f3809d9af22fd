"""Refresh benchmark: ``newsdesk fetch`` against newsboat 2.21 on the same loopback feeds.

Usage:
    python scripts/bench_fetch.py [--feeds 200] [--items 50] [--runs 3]
                                  [--tools newsboat,newsdesk] [--keep DIR]

What it does (PERFORMANCE.md, "How to measure"):

1. ``genfeeds.py`` writes FEEDS x ITEMS RSS files into a temporary directory;
2. ``serve.py`` serves them on 127.0.0.1 (a free port, listen backlog 1024). Before anything is
   timed the script checks the server answers a conditional GET with 304 (serve.py sends
   ``Last-Modified`` and honours ``If-Modified-Since``; it sends no ETag) and stops if it does not;
3. each tool refreshes the same URL list under ``/usr/bin/time -f "%e %U %S %M"``, three cases:

   * cold:   no cache / no database;
   * second: the cache after one refresh, every feed answers 200 with items already known (the
     files' mtime is moved forward so a conditional request cannot turn into a 304);
   * steady: the cache after two refreshes, every feed answers 304 (newsboat 2.21 sends
     conditional requests only from its third reload, hence two).

   Caches are restored from snapshots before every run; one untimed cold run warms the OS caches.
   The tools take turns run by run (newsboat, newsdesk, newsboat, ...), so a drift of the
   host's speed during the benchmark weighs on both alike.

   Memory comes two ways. "RSS MB" is ``/usr/bin/time``'s %M: the peak RSS of the *largest single*
   process, which hides newsdesk's worker processes. "tree MB" is the peak, sampled every 20 ms
   from /proc in one extra, untimed run of each case, of the memory of the tool's whole process
   tree (sampling slows the tool, so timed runs are never sampled): every process's private pages
   plus the largest shared set (forked workers share the parent's pages). For one process it
   equals its RSS, so it is the figure to compare; newsboat is one process.

newsboat runs as ``newsboat -u URLS -c CACHE -C CONFIG -x reload`` (empty config: its defaults).
newsdesk runs as ``python -m tui.cli fetch --db DB --quiet --timings`` from this checkout (pure
Python), or with ``--installed --python VENV/bin/python`` as that venv's ``newsdesk fetch ...``
(``pip install .`` compiles the analysis with mypyc), with ``XDG_CONFIG_HOME``
pointing at a config dir whose ``newsdesk/subscriptions.toml`` lists the URLs (and
``XDG_DATA_HOME`` at a temporary dir). ``fetch`` stores every feed's new items first (phase 1:
listed; filters by source, date and read state work), then writes their analyses (phase 2:
text search, leader and sector filters) and then clusters them (same copy, same story).
``--timings`` prints the wall-clock moment of each, and the script subtracts the moment it
started the process. So for newsdesk "listed s" is when a reader could see the new items,
"analysed s" when they are filterable by leader and sector (the issue's "fully analysed"), and
"wall s" includes clustering and interpreter teardown. For newsboat all three are its wall time.

Prints listed s, analysed s, wall s, user s, sys s, peak RSS MB and peak tree MB (medians of
``--runs``) per tool and case, the newsdesk/newsboat ratios, and the same table in Markdown.
"""

from __future__ import annotations

import argparse
import email.utils
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS_DIR = Path("/work/shared/tools")
GENFEEDS = TOOLS_DIR / "genfeeds.py"
SERVE = TOOLS_DIR / "serve.py"
TIME = "/usr/bin/time"
CASES = ("startup", "cold", "second", "steady")
"""startup: newsdesk only, `fetch --help` (interpreter and imports, no work)."""


@dataclass(frozen=True)
class Sample:
    """One timed run, as ``/usr/bin/time -f "%e %U %S %M"`` reports it."""

    wall: float
    user: float
    sys: float
    rss_mb: float
    """Peak RSS of the largest single process (what ``/usr/bin/time`` reports)."""
    tree_mb: float = 0.0
    """Peak memory of the whole process tree (workers included), sampled; see ``_tree_kb``."""
    listed: float = -1.0
    """Seconds from start until new items were listed (-1: the tool does not say; use wall)."""
    analysed: float = -1.0
    """Seconds from start until they were filterable by leader and sector (-1: use wall)."""


@dataclass(frozen=True)
class Result:
    """Medians of several runs of one tool on one case."""

    tool: str
    case: str
    samples: tuple[Sample, ...]
    note: str = ""

    def median(self, field: str) -> float:
        if field in ("listed", "analysed"):
            values = [v if (v := getattr(s, field)) >= 0 else s.wall for s in self.samples]
            return float(statistics.median(values))
        return float(statistics.median(float(getattr(s, field)) for s in self.samples))


# --------------------------------------------------------------------------- feeds and server


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, deadline: float = 10.0) -> None:
    """Block until something accepts connections on 127.0.0.1:``port``."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"server on port {port} did not start")


def check_conditional_get(url: str) -> str:
    """Fail unless ``url`` answers 200 with a validator, then 304 to a conditional request."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        etag = response.headers.get("ETag")
        modified = response.headers.get("Last-Modified")
    if not etag and not modified:
        raise SystemExit(f"{url}: no ETag or Last-Modified; use nginx (PERFORMANCE.md)")
    request = urllib.request.Request(url)  # noqa: S310 - loopback
    if etag:
        request.add_header("If-None-Match", etag)
    if modified:
        request.add_header("If-Modified-Since", modified)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != 304:
        raise SystemExit(f"{url}: conditional GET answered {status}, not 304; use nginx")
    return f"ETag={etag or '-'}, Last-Modified={modified or '-'}, conditional GET -> 304"


def set_mtime(files: list[Path], when: float) -> None:
    """Give every feed file the same mtime (what the server sends as Last-Modified)."""
    for path in files:
        os.utime(path, (when, when))


# --------------------------------------------------------------------------- running tools


def _tree_kb(root: int) -> int:
    """Memory (kB) held by ``root`` and all its descendants, read from /proc.

    Private pages of every process plus the largest process's shared pages: forked workers
    share most of their pages with the parent, so summing RSS would count the interpreter once
    per worker, while PSS would credit the tool with pages it shares with processes outside
    the tree (the benchmark's own Python, the server). For one process this is its RSS."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    private = shared = 0
    todo = list(children.get(root, []))  # not /usr/bin/time itself
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            fields = dict(
                (line.split()[0], int(line.split()[1]))
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
                if line.endswith("kB")
            )
        except (OSError, ValueError, IndexError):
            continue
        private += fields.get("Private_Clean:", 0) + fields.get("Private_Dirty:", 0)
        shared = max(shared, fields.get("Shared_Clean:", 0) + fields.get("Shared_Dirty:", 0))
    return private + shared


def timed(cmd: list[str], env: dict[str, str], log: Path, *, sample_memory: bool = False) -> Sample:
    """Run ``cmd`` under /usr/bin/time (output to ``log``); with ``sample_memory``, also sample
    its tree's memory (which slows the tool: reading /proc every 20 ms costs CPU and holds the
    processes' memory maps, so timed runs never sample)."""
    stats = log.with_suffix(".time")
    started = time.time()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [TIME, "-o", str(stats), "-f", "%e %U %S %M", *cmd],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        peak_kb = 0
        while sample_memory and proc.poll() is None:
            peak_kb = max(peak_kb, _tree_kb(proc.pid))
            time.sleep(0.02)
        proc.wait()
    fields = stats.read_text().split()[-4:]
    if proc.returncode != 0:
        tail = log.read_text(errors="replace").strip().splitlines()[-3:]
        print(f"  warning: {cmd[0]} exited {proc.returncode}: {' | '.join(tail)}")
    wall, user, system, rss_kb = (float(x) for x in fields)
    listed = analysed = -1.0
    # newsdesk fetch --timings: "timings: listed 1.234 s (at EPOCH), analysed N items 2.345 s
    # (at EPOCH), clustered ..."
    found = _TIMINGS.search(log.read_text(errors="replace"))
    if found:
        listed = max(0.0, float(found.group(1)) - started)
        analysed = max(0.0, float(found.group(2)) - started)
    return Sample(
        wall=wall,
        user=user,
        sys=system,
        rss_mb=rss_kb / 1024,
        tree_mb=peak_kb / 1024,
        listed=listed,
        analysed=analysed,
    )


_TIMINGS = re.compile(
    r"timings: listed [\d.]+ s \(at ([\d.]+)\), analysed \d+ items [\d.]+ s \(at ([\d.]+)\)"
)


def snapshot(paths: list[Path], dest: Path) -> None:
    """Copy the files that exist among ``paths`` into ``dest`` (emptied first)."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for path in paths:
        if path.exists():
            shutil.copy2(path, dest / path.name)


def restore(paths: list[Path], src: Path | None) -> None:
    """Remove ``paths``, then copy back what snapshot ``src`` holds (nothing for a cold run)."""
    for path in paths:
        path.unlink(missing_ok=True)
    if src is None:
        return
    for path in paths:
        saved = src / path.name
        if saved.exists():
            shutil.copy2(saved, path)


@dataclass
class Tool:
    """How to run one reader against the URL list, and which files hold its state."""

    name: str
    command: list[str]
    env: dict[str, str]
    state: list[Path]
    describe: Callable[[], str]
    startup: list[str] | None = None
    """A command that only starts the tool (its floor), when there is one."""


def newsboat_tool(work: Path, urls: Path) -> Tool:
    """newsboat 2.21 with an empty config (its defaults) and a private cache."""
    home = work / "newsboat"
    home.mkdir()
    cache = home / "cache.db"
    config = home / "config"
    config.write_text("")
    env = {**os.environ, "HOME": str(home)}

    def describe() -> str:
        if not cache.exists():
            return "no cache"
        with sqlite3.connect(cache) as db:
            items = db.execute("SELECT count(*) FROM rss_item").fetchone()[0]
            validators = db.execute(
                "SELECT count(*) FROM rss_feed WHERE lastmodified != 0 OR etag != ''"
            ).fetchone()[0]
        return f"{items} items, {validators} feeds with validators"

    return Tool(
        name="newsboat",
        command=["newsboat", "-u", str(urls), "-c", str(cache), "-C", str(config), "-x", "reload"],
        env=env,
        state=[cache, home / "cache.db.lock", home / "cache.db-journal"],
        describe=describe,
    )


def newsdesk_tool(work: Path, url_list: list[str], python: str, installed: bool = False) -> Tool:
    """``newsdesk fetch`` from this working tree (or, with ``installed``, the ``newsdesk``
    script installed beside ``python``), with a private config and database."""
    home = work / "newsdesk"
    config = home / "config"
    (config / "newsdesk").mkdir(parents=True)
    (home / "data").mkdir()
    entries = "".join(f'[[feed]]\nurl = "{url}"\nenabled = true\n\n' for url in url_list)
    (config / "newsdesk" / "subscriptions.toml").write_text(entries)
    db = home / "bench.db"
    # Bytecode as an installed copy has it (pip compiles at install): without it, and with
    # PYTHONDONTWRITEBYTECODE set as on this machine, every run recompiles ~30 modules.
    if not installed:
        subprocess.run(
            [python, "-m", "compileall", "-q", str(ROOT / "feeds"), str(ROOT / "tui")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        **({} if installed else {"PYTHONPATH": str(ROOT)}),
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "HOME": str(home),
    }

    def describe() -> str:
        if not db.exists():
            return "no database"
        with sqlite3.connect(db) as conn:
            tables = [
                r[0]
                for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if r[0] in ("items", "item", "articles")
            ]
            if not tables:
                return "database present"
            count = conn.execute(f"SELECT count(*) FROM {tables[0]}").fetchone()[0]  # noqa: S608
        return f"{count} items stored"

    program = [str(Path(python).parent / "newsdesk")] if installed else [python, "-m", "tui.cli"]
    return Tool(
        name="newsdesk",
        command=[*program, "fetch", "--db", str(db), "--quiet", "--timings"],
        env=env,
        state=[db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")],
        describe=describe,
        startup=[*program, "fetch", "--help"],
    )


def bench_tools(
    tools: list[Tool], work: Path, files: list[Path], base_mtime: float, runs: int
) -> list[Result]:
    """Warm-up, then cold, steady and second runs, the tools taking turns run by run.

    Alternating (newsdesk, newsboat, newsdesk, ...) rather than all of one tool's runs and then
    all of the other's keeps the ratios honest when the host's speed drifts during the
    benchmark, which on this machine it does by ±30 % over minutes."""
    logs = work / "logs"
    logs.mkdir(exist_ok=True)

    def snaps(tool: Tool, name: str) -> Path:
        return work / "snapshots" / tool.name / name

    def run(tool: Tool, label: str, src: Path | None) -> Sample:
        restore(tool.state, src)
        return timed(tool.command, tool.env, logs / f"{tool.name}-{label}.log")

    def with_memory(
        tool: Tool, samples: list[Sample], label: str, src: Path | None
    ) -> list[Sample]:
        """One more run of the case, sampling the tree's memory, recorded on every sample."""
        restore(tool.state, src)
        log = logs / f"{tool.name}-{label}-memory.log"
        tree = timed(tool.command, tool.env, log, sample_memory=True).tree_mb
        return [replace(s, tree_mb=tree) for s in samples]

    def said(tool: Tool, label: str) -> str:
        lines = (logs / f"{tool.name}-{label}.log").read_text(errors="replace").split("\n")
        last = next((line for line in reversed(lines) if line.strip()), "")
        return f" (last output: {last.strip()[:90]})" if last else ""

    for tool in tools:
        print(f"[{tool.name}] warm-up: {run(tool, 'warmup', None)}")
    cold: dict[str, list[Sample]] = {t.name: [] for t in tools}
    for i in range(runs):
        for tool in tools:
            cold[tool.name].append(run(tool, f"cold{i}", None))
    for tool in tools:
        walls = [s.wall for s in cold[tool.name]]
        print(f"[{tool.name}] cold: {walls} s; {tool.describe()}{said(tool, 'cold0')}")
        snapshot(tool.state, snaps(tool, "after-1"))
        run(tool, "build-after-2", snaps(tool, "after-1"))
        snapshot(tool.state, snaps(tool, "after-2"))
        print(f"[{tool.name}] after two refreshes: {tool.describe()}")
        cold[tool.name] = with_memory(tool, cold[tool.name], "cold", None)

    steady: dict[str, list[Sample]] = {t.name: [] for t in tools}
    for i in range(runs):
        for tool in tools:
            steady[tool.name].append(run(tool, f"steady{i}", snaps(tool, "after-2")))
    for tool in tools:
        walls = [s.wall for s in steady[tool.name]]
        print(f"[{tool.name}] steady: {walls} s; {tool.describe()}{said(tool, 'steady0')}")
        steady[tool.name] = with_memory(tool, steady[tool.name], "steady", snaps(tool, "after-2"))

    second: dict[str, list[Sample]] = {t.name: [] for t in tools}
    for i in range(runs + 1):
        # A newer mtime: a conditional request gets 200 and the same (known) items.
        set_mtime(files, base_mtime + 60 * (i + 1))
        for tool in tools:
            if i < runs:
                second[tool.name].append(run(tool, f"second{i}", snaps(tool, "after-1")))
            else:
                second[tool.name] = with_memory(
                    tool, second[tool.name], "second", snaps(tool, "after-1")
                )
    set_mtime(files, base_mtime)

    results = []
    for tool in tools:
        walls = [s.wall for s in second[tool.name]]
        print(f"[{tool.name}] second: {walls} s; {tool.describe()}{said(tool, 'second0')}")
        if tool.startup:
            floor = [
                timed(
                    tool.startup, tool.env, logs / f"{tool.name}-startup{i}.log", sample_memory=True
                )
                for i in range(runs)
            ]
            results.append(Result(tool.name, "startup", tuple(floor)))
        results += [
            Result(tool.name, "cold", tuple(cold[tool.name])),
            Result(tool.name, "second", tuple(second[tool.name])),
            Result(tool.name, "steady", tuple(steady[tool.name])),
        ]
    return results


# --------------------------------------------------------------------------- report


def print_table(results: list[Result], runs: int) -> None:
    """Plain table, ratios, then the same as Markdown."""
    by_key = {(r.tool, r.case): r for r in results}
    print(f"\nMedians of {runs} runs")
    fields = ("listed", "analysed", "wall", "user", "sys", "rss_mb", "tree_mb")
    print(
        f"{'tool':10} {'case':7} {'listed':>7} {'analysd':>7} {'wall s':>7} {'user s':>7}"
        f" {'sys s':>7} {'RSS MB':>7} {'tree MB':>7}"
    )
    rows = []
    for case in CASES:
        for tool in ("newsboat", "newsdesk"):
            r = by_key.get((tool, case))
            if r is None:
                continue
            values = [r.median(f) for f in fields]
            rows.append((tool, case, values))
            print(f"{tool:10} {case:7} " + " ".join(f"{v:7.2f}" for v in values))
    ratios = []
    for case in CASES:
        a, b = by_key.get(("newsdesk", case)), by_key.get(("newsboat", case))
        if a and b:
            values = [a.median(f) / b.median(f) if b.median(f) else float("nan") for f in fields]
            ratios.append((case, values))
            print(f"{'ratio':10} {case:7} " + " ".join(f"{v:6.2f}x" for v in values))
    print("\nMarkdown:\n")
    print(
        "| tool | case | listed s | analysed s (leader/sector filters) | wall s (clustered,"
        " done) | user s | sys s | peak RSS MB (largest process) | peak tree MB (all processes) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for tool, case, values in rows:
        cells = " | ".join(f"{v:.2f}" for v in values[:-2])
        print(f"| {tool} | {case} | {cells} | {values[-2]:.1f} | {values[-1]:.1f} |")
    for case, values in ratios:
        cells = " | ".join(f"{v:.2f}×" for v in values)
        print(f"| newsdesk/newsboat | {case} | {cells} |")


# --------------------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    """Generate, serve, run both tools, print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tools", default="newsboat,newsdesk", help="comma-separated")
    ap.add_argument("--python", default=sys.executable, help="interpreter for newsdesk")
    ap.add_argument(
        "--installed",
        action="store_true",
        help="run the newsdesk installed beside --python (pip install . compiles the analysis)",
    )
    ap.add_argument("--keep", type=Path, help="work in this directory and keep it")
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if not shutil.which(TIME.rsplit("/", 1)[-1]) and not Path(TIME).exists():
        raise SystemExit("needs /usr/bin/time (apt-get install -y time)")
    if "newsboat" in tools and not shutil.which("newsboat"):
        raise SystemExit("needs newsboat (apt-get install -y newsboat)")

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work = args.keep
        cleanup = None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="bench-fetch-")
        work = Path(cleanup.name)
    server: subprocess.Popen[bytes] | None = None
    try:
        feeds_dir = work / "feeds"
        subprocess.run(
            [sys.executable, str(GENFEEDS), str(feeds_dir), str(args.feeds), str(args.items)],
            check=True,
        )
        files = sorted(feeds_dir.glob("*.xml"))
        base_mtime = float(int(time.time()) - 3600)
        set_mtime(files, base_mtime)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, str(SERVE), str(port), str(feeds_dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(port)
        url_list = [f"http://127.0.0.1:{port}/{p.name}" for p in files]
        print(
            f"serving {len(files)} feeds on 127.0.0.1:{port}: {check_conditional_get(url_list[0])}"
        )
        print(f"Last-Modified of every file: {email.utils.formatdate(base_mtime, usegmt=True)}")
        urls = work / "urls"
        urls.write_text("".join(f"{u}\n" for u in url_list))

        made: list[Tool] = []
        for name in tools:
            tool_dir = work / f"{name}-state"
            shutil.rmtree(tool_dir, ignore_errors=True)
            tool_dir.mkdir()
            if name == "newsboat":
                made.append(newsboat_tool(tool_dir, urls))
            elif name == "newsdesk":
                made.append(newsdesk_tool(tool_dir, url_list, args.python, args.installed))
            else:
                raise SystemExit(f"unknown tool {name!r}")
            print(f"$ {' '.join(made[-1].command)}")
        results = bench_tools(made, work, files, base_mtime, args.runs)
        print_table(results, args.runs)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if cleanup is not None:
            cleanup.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
