"""Finding the configuration file, upward from the working folder.

In each folder from the working folder up, ``crosscheck.toml`` (its top level) wins
over a ``pyproject.toml`` with a ``[tool.crosscheck]`` table; a ``pyproject.toml``
without one is passed over, as ruff does. The search stops at the first folder holding
``.git`` (the repository's root, whose ``.gitignore`` files apply below it) or at the
file system's root. Read on every run, replayed or not, so kept to the standard library.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.config.positions import key_position

CONFIG_NAMES = ("crosscheck.toml", "pyproject.toml")
COMMAND_LINE = "command line"  # where a setting typed as an option came from
PYPROJECT_TABLE = "tool.crosscheck"


class ConfigError(Exception):
    """A configuration file that cannot be used: ``path:line:column: message``."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: error: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


@dataclass(frozen=True)
class ConfigFile:
    """A configuration file found: where, its text, and its crosscheck table."""

    path: Path  # absolute
    text: str
    table_name: str  # "tool.crosscheck" in pyproject.toml, "" for crosscheck.toml's top level
    table: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        """The folder that relative paths in the file start from."""
        return self.path.parent

    def shown_path(self, cwd: Path) -> str:
        """The file's path as a person at ``cwd`` would type it."""
        return os.path.relpath(self.path, cwd)

    def position(self, key: str | None) -> tuple[int, int]:
        """The line and column of ``key`` (or of the table) in the file."""
        return key_position(self.text, self.table_name, key)


@dataclass(frozen=True)
class Found:
    """The configuration file that applies (None: defaults only) and the repository's root."""

    config: ConfigFile | None
    git_root: Path | None

    def identity(self) -> tuple[str | None, str, str | None]:
        """What the settings read from the file depend on: its path and table (its
        comments and layout aside), and the repository root."""
        if self.config is None:
            return None, "", None if self.git_root is None else str(self.git_root)
        root = None if self.git_root is None else str(self.git_root)
        return str(self.config.path), repr(self.config.table), root


def discover(start: Path, explicit: Path | None = None) -> Found:
    """The configuration for a run in ``start`` (absolute): ``explicit`` when given,
    else the nearest file upward; ``ConfigError`` when the file cannot be used."""
    config = None if explicit is None else read_config(start / explicit, start, required=True)
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES if config is None else ():
            config = read_config(folder / name, start)
            if config is not None:
                break
        if os.path.lexists(folder / ".git"):
            return Found(config, folder)
    return Found(config, None)


def read_config(path: Path, cwd: Path, *, required: bool = False) -> ConfigFile | None:
    """The file at ``path`` if it configures crosscheck (None when absent, or a
    ``pyproject.toml`` without ``[tool.crosscheck]``, and not ``required``)."""
    shown = os.path.relpath(path, cwd)
    try:
        data = path.read_bytes() if path.is_file() or required else None
    except OSError as err:
        raise ConfigError(shown, 1, 1, f"cannot read: {err.strerror or err}") from None
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
        document = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(shown, 1, 1, "not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as err:
        line, column = _error_position(str(err), text)
        message = str(err).split(" (at ")[0]
        raise ConfigError(shown, line, column, f"not valid TOML: {message}") from None
    if path.name != "pyproject.toml":
        return ConfigFile(path, text, "", document)
    table = document.get("tool", {}).get("crosscheck") if isinstance(document, dict) else None
    if table is None and not required:
        return None
    if not isinstance(table, dict):
        line, column = key_position(text, "tool", "crosscheck")
        raise ConfigError(shown, line, column, "[tool.crosscheck] must be a table")
    return ConfigFile(path, text, PYPROJECT_TABLE, table)


_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _error_position(message: str, text: str) -> tuple[int, int]:
    """Where tomllib's message says the error is (Python 3.11's error has no fields)."""
    found = _AT.search(message)
    if found:
        return int(found.group(1)), int(found.group(2))
    lines = text.splitlines() or [""]  # "at end of document"
    return len(lines), len(lines[-1]) + 1
