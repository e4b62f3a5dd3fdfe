"""``crosscheck config``: the settings in force, as TOML lines saying where each came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crosscheck.config.settings import DEFAULTS, Settings

# What a setting left unset means, for those whose default is decided at run time.
UNSET = {
    "format": "github under GitHub Actions, else text",
    "jobs": "one extraction process per core",
}


def _toml(value: Any) -> str:
    """A value as TOML writes it (strings and paths quoted, lists of them in brackets)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):
        return json.dumps(value.as_posix())
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(each) for each in value) + "]"
    return json.dumps(value)


def settings_lines(settings: Settings, config: str | None) -> list[str]:
    """A comment naming the configuration file (or none), then one line per setting:
    ``key = value  # where it came from`` (paths relative to the working folder)."""
    lines = [f"# configuration file: {config or 'none found (defaults)'}"]
    rows = []
    for key in DEFAULTS:
        value, origin = settings.value(key), settings.origins[key]
        if value is None:
            rows.append((f"# {key} not set: {UNSET[key]}", origin))
        else:
            rows.append((f"{key} = {_toml(value)}", origin))
    width = max(len(text) for text, _ in rows)
    lines.extend(f"{text.ljust(width)}  # {origin}" for text, origin in rows)
    return lines
