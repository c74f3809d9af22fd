"""User configuration: ``config.toml`` in the platform config dir, a documented dataclass.

Example::

    auto_refresh_minutes = 30          # 0 or absent: refresh only on r / R

    [keymap]                           # binding id = keys (see `?` in the app)
    "main.toggle_star" = "f"
    "list.down" = "j,down,ctrl+n"

    [[people]]                         # your own people: matched, highlighted, filtered
    name = "Olzhas Bektenov"           # like leaders
    aliases = ["Bektenov", "Олжас Бектенов"]
    country = "KZ"
    role = "Prime Minister"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from feeds.errors import FeedError
from feeds.paths import config_dir

CONFIG_FILE = "config.toml"


class ConfigError(FeedError):
    """The configuration file could not be read or has a wrong value."""


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the user wants tracked like a leader (a minister, a CEO...)."""

    name: str
    """Display name; also an alias."""
    aliases: tuple[str, ...] = ()
    """Other spellings, surnames, Cyrillic forms."""
    country: str = ""
    """ISO country code or organisation code, may be empty."""
    role: str = ""
    """Free text shown with the person, e.g. "Prime Minister"."""


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the user can set; every field has a working default."""

    auto_refresh_minutes: int = 0
    """Refresh all feeds every N minutes while the app runs; 0 turns it off."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → comma-separated keys, applied with Textual's ``App.set_keymap``."""
    people: tuple[Person, ...] = ()
    """Extra people matched, highlighted and filtered like leaders."""


def config_path() -> Path:
    """Where ``config.toml`` lives (XDG_CONFIG_HOME respected)."""
    return config_dir() / CONFIG_FILE


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults.

    Raises:
        ConfigError: the file exists but is not valid TOML or has a wrong value.
    """
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read configuration: {error}", source=str(path)) from None
    try:
        minutes = int(data.get("auto_refresh_minutes", 0))
        keymap = {str(k): str(v) for k, v in dict(data.get("keymap", {})).items()}
        people = tuple(
            Person(
                name=str(p["name"]),
                aliases=tuple(str(a) for a in p.get("aliases", ())),
                country=str(p.get("country", "")),
                role=str(p.get("role", "")),
            )
            for p in data.get("people", ())
        )
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise ConfigError(f"wrong value in configuration: {error}", source=str(path)) from None
    if minutes < 0:
        raise ConfigError("auto_refresh_minutes must be 0 or more", source=str(path))
    return Config(auto_refresh_minutes=minutes, keymap=keymap, people=people)
