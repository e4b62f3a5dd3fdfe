"""Small pieces the CLI wires together: exit codes, output files, progress, errors."""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from crosscheck.baseline import BaselineEntry, BaselineError, read_baseline, write_baseline
from crosscheck.cache import ClaimCache
from crosscheck.corpus.load import LoadError
from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.errors import RuleFileError
from crosscheck.model import Claim, Report, Severity, Violation
from crosscheck.report import RenderContext
from crosscheck.rulefiles import load_rules

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3


class OutputError(click.ClickException):
    """An output file that cannot be written: a usage error, one line, exit code 2."""

    exit_code = EXIT_USAGE


def load_ruleset_or_exit(path: Path) -> RuleSet:
    """The rule set at ``path``; on errors, print each one and exit with code 2."""
    try:
        return load_rules(path)
    except RuleFileError as err:
        for error in err.errors:
            click.echo(error.render(), err=True)
        count = len(err.errors)
        click.echo(f"{count} error{'' if count == 1 else 's'} in rule files", err=True)
        raise SystemExit(EXIT_USAGE) from None


def fail_on_threshold_exceeded(report: Report, fail_on: str) -> bool:
    """Whether any violation is at or above the ``--fail-on`` severity."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(v.severity.rank >= threshold for v in report.violations)


def report_load_errors(errors: Sequence[LoadError]) -> bool:
    """Print unreadable-input errors to stderr; true when there were any."""
    for error in errors:
        click.echo(error.render(), err=True)
    return bool(errors)


def write_output(text: str, output: Path | None) -> None:
    """Write to stdout, or replace ``output`` atomically so a failed run loses nothing."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    directory = output.parent if str(output.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as err:
        raise OutputError(f"cannot write {output}: {err.strerror or err}") from None


@contextmanager
def progress_callback() -> Iterator[Callable[[str, int], None] | None]:
    """A callback ``(file name, documents done)`` drawing progress on a terminal's stderr.

    None when stderr is not a terminal.
    """
    if not sys.stderr.isatty():
        yield None
        return
    # Imported here: runs that are not watched on a terminal never pay for rich.
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} documents"),
        TextColumn("{task.fields[name]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extract", total=None, name="")

        def advance(name: str, done: int) -> None:
            progress.update(task, completed=done, name=name)

        yield advance


def default_format() -> str:
    """``github`` under GitHub Actions, else ``text``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def render_context(
    ruleset: RuleSet, claims: Sequence[Claim], color: bool, show_undecided: bool
) -> RenderContext:
    """What reporters need to know about the rules and claims beside the report."""
    return RenderContext(
        claims=tuple(claims),
        color=color,
        show_undecided=show_undecided,
        rule_descriptions=tuple((r.name, r.message or r.name) for r in ruleset.rules),
        rule_severities=tuple((r.name, r.severity) for r in ruleset.rules),
    )


def read_baseline_or_exit(path: Path) -> list[BaselineEntry]:
    """The baseline's entries; a damaged or missing baseline exits with code 3."""
    try:
        return read_baseline(path)
    except BaselineError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(EXIT_BAD_INPUT) from None


def save_baseline(path: Path, violations: Sequence[Violation]) -> None:
    """Write the baseline and say so on stderr; an unwritable path is a usage error."""
    try:
        write_baseline(path, violations)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
    click.echo(f"wrote {len(violations)} accepted violations to {path}", err=True)


@contextmanager
def open_cache(enabled: bool, folder: Path = Path(".crosscheck")) -> Iterator[ClaimCache | None]:
    """The claim cache under ``folder``, or None when disabled or unusable."""
    if not enabled:
        yield None
        return
    try:
        cache = ClaimCache(folder / "claims.sqlite")
    except (OSError, sqlite3.Error) as err:
        click.echo(f"warning: claim cache unavailable ({err}); continuing without it", err=True)
        yield None
        return
    if cache.warning:
        click.echo(f"warning: {cache.warning}", err=True)
    try:
        yield cache
    finally:
        cache.close()
        if cache.write_failure:
            click.echo(f"warning: {cache.write_failure}", err=True)
