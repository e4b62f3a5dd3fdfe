"""A command's settings: the configuration file found, under the options typed.

Finding the file is light (the standard library); resolving the settings validates
the file with pydantic, so a replayed check finds the file but never resolves it.
Problems with the file are printed as ``FILE:LINE:COLUMN: error: …`` and exit 2.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from crosscheck.cli.console import EXIT_USAGE, complain
from crosscheck.cli.messages import brief
from crosscheck.config.discover import ConfigError, Found, discover
from crosscheck.load.selection import FileSelection
from crosscheck.text.escape import shown

if TYPE_CHECKING:
    from crosscheck.config.settings import Settings

DEFAULT_CACHE = ".crosscheck"  # as ``config.settings.DEFAULTS``, known without pydantic
# Command-line parameters that a configuration file may also set, by the file's key.
SETTING_OF_PARAMETER = {
    "paths": "corpus",
    "rules": "rules",
    "fmt": "format",
    "fail_on": "fail-on",
    "exclude": "exclude",
    "respect_gitignore": "respect-gitignore",
    "select": "select",
    "ignore": "ignore",
    "jobs": "jobs",
    "cache_dir": "cache-dir",
}


def _fail(err: ConfigError) -> NoReturn:
    complain(f"{shown(err.path)}:{err.line}:{err.column}: error: {brief(err.message)}")
    raise SystemExit(EXIT_USAGE) from None


def discover_or_exit(explicit: Path | None) -> Found:
    """The configuration that applies in the working folder (``explicit``: that file)."""
    try:
        return discover(Path(os.getcwd()), explicit)
    except ConfigError as err:
        _fail(err)


def given_settings(parameters: Mapping[str, Any]) -> dict[str, Any]:
    """The settings typed on the command line, by the file's keys (paths as text)."""
    given: dict[str, Any] = {}
    for name, key in SETTING_OF_PARAMETER.items():
        value = parameters.get(name)
        if value is None or value == ():
            continue
        if isinstance(value, tuple):
            value = [str(each) for each in value]
        given[key] = str(value) if isinstance(value, Path) else value
    return given


def settings_or_exit(given: Mapping[str, Any], found: Found) -> Settings:
    """The settings: ``given`` over the file over the defaults, validated."""
    from crosscheck.config.settings import OptionError, resolve

    try:
        return resolve(given, found, Path(os.getcwd()))
    except ConfigError as err:
        _fail(err)
    except OptionError as err:
        raise click.UsageError(str(err)) from None


def cache_folder(given: Mapping[str, Any], found: Found) -> Path | None:
    """The cache folder, known before the settings are validated (a replay needs it);
    None when the file gives one that is not a string (the run then says why)."""
    if "cache-dir" in given:
        return Path(given["cache-dir"])
    config = found.config
    if config is None:
        return Path(DEFAULT_CACHE)
    written = config.table.get("cache-dir", DEFAULT_CACHE)
    if not isinstance(written, str):
        return None
    if os.path.isabs(written):
        return Path(written)
    return Path(os.path.relpath(config.folder / written, os.getcwd()))


def selection_of(settings: Settings) -> FileSelection:
    """Which files a walk of the corpus reads, as the settings say."""
    return FileSelection(
        include=settings.include,
        exclude=settings.exclude,
        include_base=settings.include_base,
        exclude_base=settings.exclude_base,
        gitignore=settings.respect_gitignore,
        git_root=settings.git_root,
        skip=(settings.cache_dir,),
    )


def configured_rules() -> Path:
    """The rules the configuration here names (default ``rules``), for commands that
    take no other setting (lint, fmt, test)."""
    return settings_or_exit({}, discover_or_exit(None)).rules
