"""What a ``newsdesk fetch`` process imports (subprocesses, so nothing here is loaded already).

A fetch where every feed answers 304 Not Modified is the common cron case: it must not pay for
the parsers or the analysis pipeline. ``fetch --help`` loads neither the network nor the
storage stack.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feeds.http_servers import LoopbackServer, respond

ROOT = Path(__file__).resolve().parents[1]
NOT_FOR_304 = (
    "feeds.loaders",
    "fastfeedparser",
    "feedparser",
    "lxml",
    "numpy",
    "feeds.analysis",
    "feeds.ingest",
)
NOT_FOR_HELP = (
    "asyncio",
    "sqlite3",
    "httpx",
    "feeds.store",
    "feeds.refresh",
    "feeds.subscriptions",
)


def _run(argv: list[str], watch: tuple[str, ...], env: dict[str, str]) -> tuple[str, set[str]]:
    """Run ``tui.cli.main(argv)`` in a fresh interpreter; its stdout and which of ``watch``
    (or their submodules) it loaded."""
    probe = (
        "import sys\nfrom tui.cli import main\n"
        f"try:\n    code = main({argv!r})\nexcept SystemExit as e:\n    code = e.code\n"
        f"watch = {watch!r}\n"
        "loaded = {w for w in watch for m in list(sys.modules)"
        " if m == w or m.startswith(w + '.')}\n"
        "print('LOADED', code, ','.join(sorted(loaded)), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env, check=True
    )
    [line] = [ln for ln in proc.stderr.splitlines() if ln.startswith("LOADED ")]
    _, code, names = (line.split(" ", 2) + [""])[:3]
    assert code in ("0", "None"), proc.stdout + proc.stderr
    return proc.stdout, {n for n in names.split(",") if n}


@pytest.fixture
def not_modified_site() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        for i in range(10):
            srv.route(f"/f{i}.xml", respond(304, headers=[("ETag", f'"v{i}"')]))
        yield srv


def test_a_304_only_fetch_imports_no_parser_or_analysis(
    not_modified_site: LoopbackServer, tmp_path: Path
) -> None:
    config = tmp_path / "config" / "newsdesk"
    config.mkdir(parents=True)
    # Ten feeds: enough for the CLI to start its parse worker processes too.
    (config / "subscriptions.toml").write_text(
        "".join(f'[[feed]]\nurl = "{not_modified_site.url(f"/f{i}.xml")}"\n\n' for i in range(10))
    )
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    db = str(tmp_path / "news.db")
    for _ in range(2):  # the first run records the validators, the second sends them
        out, loaded = _run(["fetch", "--db", db, "--quiet"], NOT_FOR_304, env)
        assert out.splitlines()[-1] == "10 feeds: 10 ok, 0 failed, 0 skipped; 0 new items"
        assert loaded == set()
    assert len(not_modified_site.paths) == 20
    assert all("if-none-match" in r.headers for r in not_modified_site.requests[10:])


def test_fetch_help_loads_neither_network_nor_storage() -> None:
    out, loaded = _run(["fetch", "--help"], NOT_FOR_HELP, dict(os.environ))
    assert "usage: newsdesk fetch" in out
    assert loaded == set()
