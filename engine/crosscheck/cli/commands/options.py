"""Options that ``check``, ``extract`` and ``config`` share, defined once.

Options that a configuration file may also set default to None (or nothing): a value
given on the command line is then told apart from one left to the file or the default.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
RULES = click.option(
    "--rules",
    "rules",
    default=None,
    type=click.Path(path_type=Path),
    help="A rule file or a folder of *.rules files [default: rules].",
)
MANIFEST = click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    default=None,
    help="YAML or CSV file giving source and date of articles without front matter.",
)
OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output.",
)
STRICT = click.option("--strict", is_flag=True, help="Stop at the first unreadable article.")
JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for extraction [default: the machine's cores].",
)
CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Read settings from this TOML file instead of the crosscheck.toml or "
    "pyproject.toml [tool.crosscheck] found upward from here.",
)
EXCLUDE = click.option(
    "--exclude",
    multiple=True,
    metavar="PATTERN",
    help="Leave out files and folders matching PATTERN (.gitignore syntax) when walking "
    "folders; repeatable; replaces the configuration's `exclude`.",
)
RESPECT_GITIGNORE = click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=None,
    help="Leave out what .gitignore files ignore when walking folders [default: respect].",
)
CACHE_DIR = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The cache folder [default: .crosscheck].",
)
NO_CACHE = click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the cache (in .crosscheck/)."
)


def corpus_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that say where a corpus is and which of its files are read."""
    for option in reversed((PATHS, RULES, MANIFEST, EXCLUDE, RESPECT_GITIGNORE, CONFIG)):
        command = option(command)
    return command


def _comma_separated(
    _context: click.Context, _parameter: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


SELECT = click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    callback=_comma_separated,
    help="Check only these rules: names, globs (death_*) or severity:LEVEL, comma-separated "
    "or repeated [default: all].",
)
IGNORE = click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    callback=_comma_separated,
    help="Leave out these rules (as --select), even when selected.",
)
FAIL_ON = click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: error].",
)


def check_format(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--format`` (alias ``--output-format``) of a check's report."""
    from crosscheck.report import formats

    return click.option(
        "--format",
        "--output-format",
        "fmt",
        type=click.Choice(formats()),
        default=None,
        help="Output format [default: github under GitHub Actions, else text].",
    )(command)


def settings_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Every option a configuration file may also set: ``check``'s and ``config``'s."""
    options = (check_format, FAIL_ON, SELECT, IGNORE, JOBS, CACHE_DIR)
    for option in reversed(options):
        command = option(command)
    return corpus_options(command)


COLOR = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report: auto colours a terminal unless NO_COLOR is set, or "
    "anything when FORCE_COLOR is.",
)
QUIET = click.option(
    "--quiet", "-q", is_flag=True, help="Print only the findings: no notes, no summary."
)
VERBOSE = click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Say on stderr which configuration was used, and how long each step took.",
)
