"""Platform directories: XDG variables are respected on Linux."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from feeds import paths


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG applies on Linux")
def test_xdg_dirs_respected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert paths.data_dir() == tmp_path / "data" / "newsdesk"
    assert paths.config_dir() == tmp_path / "config" / "newsdesk"
    assert paths.default_db_path() == tmp_path / "data" / "newsdesk" / "newsdesk.db"


def test_default_db_path_is_under_data_dir() -> None:
    assert paths.default_db_path().parent == paths.data_dir()
