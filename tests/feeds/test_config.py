"""User configuration file."""

from __future__ import annotations

from pathlib import Path

import pytest

from feeds.config import Config, ConfigError, Person, load_config


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == Config()


def test_reads_keymap_people_and_refresh(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'auto_refresh_minutes = 15\n[keymap]\n"main.toggle_star" = "f"\n'
        '[[people]]\nname = "Olzhas Bektenov"\naliases = ["Bektenov"]\ncountry = "KZ"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.auto_refresh_minutes == 15
    assert config.keymap == {"main.toggle_star": "f"}
    assert config.people == (Person("Olzhas Bektenov", ("Bektenov",), "KZ", ""),)


@pytest.mark.parametrize(
    "text", ["not = [valid", "auto_refresh_minutes = -1", "[[people]]\naliases = []\n"]
)
def test_bad_config_names_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "config.toml" in str(caught.value)
