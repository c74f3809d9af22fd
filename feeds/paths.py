"""Where newsdesk keeps its data and configuration (platformdirs; XDG respected on Linux)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "newsdesk"


def data_dir() -> Path:
    """Per-user data directory, e.g. ``$XDG_DATA_HOME/newsdesk``; not created here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Per-user config directory, e.g. ``$XDG_CONFIG_HOME/newsdesk``; not created here."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The store used when no ``--db`` is given."""
    return data_dir() / "newsdesk.db"
