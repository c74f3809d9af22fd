"""The command line: analyze (JSON contract on the seed), import summaries, failures named."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from feeds.store import Store
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed" / "000_c41913dc013a7d8d.txt"
EXPECTED = json.loads(SEED.with_suffix(".expected.json").read_text(encoding="utf-8"))


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _analyze_json(capsys: pytest.CaptureFixture[str], *paths: Path) -> list[dict]:
    assert main(["analyze", "--json", *map(str, paths)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]


def test_analyze_json_meets_the_seed_expectations(capsys: pytest.CaptureFixture[str]) -> None:
    [record] = _analyze_json(capsys, SEED)
    body = record["body"]
    assert record["title"] == EXPECTED["title"]
    assert record["source"] == EXPECTED["source"]
    assert record["photo_credit"] == EXPECTED["photo_credit"]
    assert record["published"].startswith(EXPECTED["published"])
    for banned in EXPECTED["body_must_not_contain"]:
        assert banned not in body
    assert not body.startswith(EXPECTED["body_must_not_start_with"])
    for want in EXPECTED["leaders"]:
        [got] = [leader for leader in record["leaders"] if leader["name"] == want["name"]]
        assert got["country"] == want["country"]
        said = {_collapse(body[m["start"] : m["end"]]).lower() for m in got["mentions"]}
        for form in want["mentioned_as"]:
            assert form.lower() in said
    for want in EXPECTED["quotes"]:
        [got] = [
            q for q in record["quotes"] if _collapse(q["text"]).startswith(want["starts_with"])
        ]
        assert got["speaker"] == want["speaker"] and got["cue"] == want["cue"]
        assert body[got["start"] : got["end"]] == got["text"]
    quoted = " | ".join(_collapse(q["text"]) for q in record["quotes"])
    for not_quote in EXPECTED["must_not_be_quotes"]:
        assert not any(_collapse(q["text"]) == not_quote for q in record["quotes"]), quoted
    for want in EXPECTED["figures"]:
        [got] = [f for f in record["figures"] if f["text"] == want["text"]]
        assert got["kind"] == want["kind"] and got["value"] == want["value"]
        assert body[got["start"] : got["end"]] == want["text"]
        if "unit" in want:
            assert got["unit"] == want["unit"]
        if "record" in want:
            assert got["record"] is want["record"]
    assert set(EXPECTED["sectors"]) <= {s["id"] for s in record["sectors"]}


def test_analyze_imports_nothing_and_names_bad_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<rss><channel><item><title>x")
    png = tmp_path / "photo.xml"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert main(["analyze", str(SEED), str(png)]) == 1
    captured = capsys.readouterr()
    assert "# Kassym-Jomart Tokayev and Xi Jinping hold talks" in captured.out
    assert "$41 billion" in captured.out and "(record)" in captured.out
    assert "photo.xml" in captured.err and "Traceback" not in captured.err
    assert not (tmp_path / "data").exists()


def test_import_prints_summary_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "n.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    assert main(["import", "--db", str(db), str(folder)]) == 0
    first = capsys.readouterr().out
    assert first.startswith("1 added, 0 skipped as duplicates, 1 failed")
    assert "empty.txt" in first
    assert main(["import", "--db", str(db), str(folder / "seed.txt")]) == 0
    assert capsys.readouterr().out.startswith("0 added, 1 skipped as duplicates, 0 failed")
    with Store.open(db) as store:
        assert store.total() == 1


def test_import_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    run = subprocess.run(
        [sys.executable, "-m", "tui.cli", "import", "--db", str(db), "-"],
        input=SEED.read_bytes(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode().startswith("1 added")


def test_output_cut_short_by_the_reader_ends_quietly(tmp_path: Path) -> None:
    # `newsdesk analyze --json ... | head -c 100`: the pipe closes after the first bytes.
    reader = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "analyze", "--json", *[str(SEED)] * 40],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(100)
    reader.stdout.close()
    error = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 141
    assert "Traceback" not in error and "BrokenPipe" not in error, error


def test_unusable_store_gives_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "not-a-db.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    assert main(["import", "--db", str(bogus), str(SEED)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsdesk: ") and "not-a-db.db" in err
    assert "Traceback" not in err


def test_file_names_with_escapes_are_sanitised_in_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "evil\x1b]2;PWNED\x07.txt"
    evil.write_bytes(b"")
    main(["import", "--db", str(tmp_path / "n.db"), str(evil)])
    out = capsys.readouterr().out
    assert "evil" in out and "\x1b" not in out and "\x07" not in out
