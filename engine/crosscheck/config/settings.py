"""The settings of a run: defaults, then the configuration file, then the command line.

The file's table is validated with pydantic: an unknown key or a value of the wrong
type is a ``ConfigError`` naming the file, line and column. Paths and patterns in the
file are relative to the file's folder; those on the command line to the working folder.
Each setting keeps where it came from (``default``, ``FILE:LINE:COLUMN`` or ``command
line``),
which ``crosscheck config`` prints.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crosscheck.config.discover import COMMAND_LINE, ConfigError, ConfigFile, Found
from crosscheck.load.ignore import invalid_pattern

DEFAULT = "default"
FAIL_ON = ("error", "warning", "info", "never")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class FileSettings(BaseModel):
    """The keys a configuration file may set, as written there (``fail-on``)."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, strict=True, frozen=True)

    corpus: list[str] | None = None
    rules: str | None = None
    format: str | None = None
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    include: list[str] | None = None
    exclude: list[str] | None = None
    respect_gitignore: bool | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    jobs: int | None = Field(default=None, ge=1)
    cache_dir: str | None = None

    @field_validator("corpus", "include", "exclude", "select", "ignore", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        """A single string stands for a list of one."""
        return [value] if isinstance(value, str) else value

    @field_validator("include", "exclude")
    @classmethod
    def _patterns(cls, value: list[str] | None) -> list[str] | None:
        bad = next((p for p in value or () if invalid_pattern(p)), None)
        if bad is not None:
            raise ValueError(f"{bad!r} is not a pattern of .gitignore syntax")
        return value

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str | None) -> str | None:
        from crosscheck.report import formats

        if value is not None and value not in formats():
            raise ValueError(f"unknown format {value!r}; expected one of {', '.join(formats())}")
        return value


KEYS = tuple(_kebab(name) for name in FileSettings.model_fields)


@dataclass(frozen=True)
class Settings:
    """The settings a run uses, each with where it came from (``origins``, by key)."""

    corpus: tuple[Path, ...]
    rules: Path
    format: str | None  # None: github under GitHub Actions, else text
    fail_on: str
    include: tuple[str, ...]  # patterns (gitignore syntax) relative to ``include_base``
    exclude: tuple[str, ...]
    respect_gitignore: bool
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    jobs: int | None
    cache_dir: Path
    include_base: Path
    exclude_base: Path
    git_root: Path | None
    origins: Mapping[str, str]

    def value(self, key: str) -> Any:
        """The setting written ``key`` in a file (``fail-on``)."""
        return getattr(self, key.replace("-", "_"))


DEFAULTS: dict[str, Any] = {
    "corpus": ["corpus"],
    "rules": "rules",
    "format": None,
    "fail-on": "error",
    "include": [],
    "exclude": [],
    "respect-gitignore": True,
    "select": ["*"],
    "ignore": [],
    "jobs": None,
    "cache-dir": ".crosscheck",
}
PATH_KEYS = frozenset({"corpus", "rules", "cache-dir"})
PATTERNS = frozenset({"include", "exclude"})


class OptionError(ValueError):
    """A value given on the command line that cannot be used (the message names the option)."""


def file_settings(config: ConfigFile, cwd: Path) -> FileSettings:
    """The file's table, validated; ``ConfigError`` at the first problem's key."""
    try:
        return FileSettings.model_validate(config.table)
    except ValidationError as err:
        problem = err.errors()[0]
        key = str(problem["loc"][0]) if problem["loc"] else None
        line, column = config.position(key)
        where = f"[{config.table_name}]" if config.table_name else "the file"
        if problem["type"] == "extra_forbidden":
            message = f"unknown setting `{key}` in {where}; known: {', '.join(KEYS)}"
        else:
            message = f"`{key}`: {problem['msg'].removeprefix('Value error, ')}"
        raise ConfigError(config.shown_path(cwd), line, column, message) from None


def resolve(given: Mapping[str, Any], found: Found, cwd: Path) -> Settings:
    """The settings of a run in ``cwd``: ``given`` (command-line values by key, only
    those the user gave) over the file's over the defaults."""
    values, origins = dict(DEFAULTS), dict.fromkeys(DEFAULTS, DEFAULT)
    config = found.config
    # With a configuration, the project is its folder: the default corpus, rules and
    # cache are there, wherever below it the command is run.
    bases = dict.fromkeys(DEFAULTS, cwd if config is None else config.folder)
    if config is not None:
        written = file_settings(config, cwd).model_dump(by_alias=True, exclude_none=True)
        for key, value in written.items():
            line, column = config.position(key)
            values[key], origins[key] = value, f"{config.shown_path(cwd)}:{line}:{column}"
            bases[key] = config.folder
    for key, value in given.items():
        values[key], origins[key], bases[key] = value, COMMAND_LINE, cwd
        bad = next((p for p in value if invalid_pattern(p)), None) if key in PATTERNS else None
        if bad is not None:
            raise OptionError(f"--{key}: {bad!r} is not a pattern of .gitignore syntax")
    for key in PATH_KEYS:
        values[key] = _rebased(values[key], bases[key], cwd)
    return Settings(
        corpus=tuple(values["corpus"]),
        rules=values["rules"],
        format=values["format"],
        fail_on=values["fail-on"],
        include=tuple(values["include"]),
        exclude=tuple(values["exclude"]),
        respect_gitignore=values["respect-gitignore"],
        select=tuple(values["select"]),
        ignore=tuple(values["ignore"]),
        jobs=values["jobs"],
        cache_dir=values["cache-dir"],
        include_base=bases["include"],
        exclude_base=bases["exclude"],
        git_root=found.git_root,
        origins=origins,
    )


def _rebased(value: Any, base: Path, cwd: Path) -> Any:
    """Paths written relative to ``base``, as paths relative to ``cwd`` (absolute ones kept)."""
    if isinstance(value, list | tuple):
        return [_rebased(each, base, cwd) for each in value]
    path = Path(value)
    if path.is_absolute() or base == cwd:
        return path
    return Path(os.path.relpath(base / path, cwd))
