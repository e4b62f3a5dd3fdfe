"""Small pieces every command uses: exit codes, output files, progress, the cache's file.

Kept light (click and the standard library): a replayed ``check`` loads nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import click

from crosscheck.cache.codeid import code_id
from crosscheck.cache.db import CacheDB, NotACache
from crosscheck.cache.secret import NoSecret, cache_secret
from crosscheck.cli.messages import load_error_text
from crosscheck.fs.atomic import replace_file
from crosscheck.text.escape import shown, shown_lines

if TYPE_CHECKING:
    from crosscheck.load.errors import LoadError

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_INTERNAL = 4

BUG_REPORTS = "https://github.com/crosscheck-dev/crosscheck/issues"


class OutputError(click.ClickException):
    """An output file that cannot be written: a usage error, one line, exit code 2.

    The message is escaped (it names a file, see ``text.escape``).
    """

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(shown(message))


class InternalError(click.ClickException):
    """An unexpected exception: a bug in crosscheck, exit code 4.

    Shown as one line asking for a report, naming only the exception's type (its
    message may quote an input); with ``debug``, the traceback follows.
    """

    exit_code = EXIT_INTERNAL

    def __init__(self, error: BaseException, *, debug: bool) -> None:
        super().__init__(type(error).__name__)
        self.error = error
        self.debug = debug

    def show(self, file: Any = None) -> None:
        """Print the one-line message (and with ``debug``, the traceback) to stderr."""
        if self.debug:
            trace = traceback.format_exception(self.error)
            click.echo("".join(trace).rstrip("\n"), err=True)
        click.echo(
            f"error: internal error ({self.message}); this is a bug in crosscheck, please "
            f"report it with the command you ran at {BUG_REPORTS} (run `crosscheck --debug "
            "...` for the traceback)",
            err=True,
        )


def report_load_errors(errors: Sequence[LoadError]) -> bool:
    """Print input problems to stderr; true when any is an error (something left out).

    Warnings (something read anyway, such as a negative amount clipped to 0) are
    printed but do not make the input unreadable.
    """
    for error in errors:
        complain(load_error_text(error))
    return any(error.is_error for error in errors)


class Inputs(Protocol):
    """What a run read (a ``FileReader``, or a replayed run's ``Witness``)."""

    def clash(self, output: Path) -> str | None:
        """Why the run may not write ``output``, or None when it may."""


def refuse_clash(output: Path, inputs: Inputs | None) -> None:
    """Raise ``OutputError`` when ``output`` is one of the run's inputs (see ``fs.clash``)."""
    reason = None if inputs is None else inputs.clash(output)
    if reason is not None:
        raise OutputError(reason)


def write_output(text: str | bytes, output: Path | None, inputs: Inputs | None = None) -> None:
    """Write to stdout, or replace ``output`` atomically so a failed run loses nothing.

    ``output`` is refused when it is one of ``inputs`` (see ``refuse_clash``).
    """
    if output is None:
        try:
            _write_stdout(text)
        except OSError as err:
            raise OutputError(f"cannot write standard output: {err.strerror or err}") from None
        return
    refuse_clash(output, inputs)
    try:
        replace_file(output, text)
    except OSError as err:
        raise OutputError(f"cannot write {output}: {err.strerror or err}") from None


def complain(text: str) -> None:
    """Print a message on stderr, control characters but newlines escaped (its values
    from inputs must be escaped already, newlines too: see ``text.escape``)."""
    click.echo(shown_lines(text), err=True)


def say(text: str, *, nl: bool = True) -> None:
    """Print ``text`` on standard output, control characters but newlines escaped (as
    ``complain``); one that cannot be written is an ``OutputError``."""
    try:
        click.echo(shown_lines(text), nl=nl)
    except OSError as err:
        raise OutputError(f"cannot write standard output: {err.strerror or err}") from None


def _write_stdout(text: str | bytes) -> None:
    if isinstance(text, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
        return
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        # A file name that is not UTF-8 (lone surrogates): its bytes, as on disk.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode(sys.stdout.encoding, "surrogateescape"))
    sys.stdout.flush()


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
        TextColumn("{task.fields[name]}", markup=False),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extract", total=None, name="")

        def advance(name: str, done: int) -> None:
            progress.update(task, completed=done, name=shown(name))

        yield advance


@contextmanager
def phase(label: str) -> Iterator[None]:
    """Show ``label`` with a spinner on a terminal's stderr while the block runs."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(shown(label)):
        yield


def verbose_note(text: str) -> None:
    """A line of ``--verbose`` on stderr (values from inputs must be escaped already)."""
    complain(f"crosscheck: {text}")


def use_color(choice: str, output: Path | None) -> bool:
    """Whether a report gets colour: ``always``, ``never``, or (``auto``) on a terminal
    that ``NO_COLOR`` does not turn off, or wherever ``FORCE_COLOR`` asks for it."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output is None and sys.stdout.isatty()


def exit_codes(*codes: tuple[int, str]) -> str:
    """The epilog of a command's ``--help`` listing its exit codes (4, an internal
    error, is added: every command has it)."""
    internal = (EXIT_INTERNAL, "internal error (a bug in crosscheck: please report it)")
    lines = [f"{code}  {text}" for code, text in (*codes, internal)]
    wrapped = [
        textwrap.fill(line, 76, initial_indent="  ", subsequent_indent="     ") for line in lines
    ]
    return "\b\nExit codes:\n" + "\n".join(wrapped)


@dataclass(frozen=True)
class Environment:
    """What a command takes from the world beyond its options; ``main`` passes it in."""

    today: dt.date


def today() -> dt.date:
    """The day the running command works for: the ``Environment``'s, else the clock's."""
    context = click.get_current_context(silent=True)
    environment = context.find_object(Environment) if context is not None else None
    return environment.today if environment is not None else dt.date.today()


def default_format() -> str:
    """``github`` under GitHub Actions, else ``text``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _store(folder: Path) -> CacheDB | None:
    """The cache under ``folder``, sealed with the user's secret; None (and a warning
    on stderr) when it cannot be used."""
    try:
        return CacheDB(folder / "claims.sqlite", code_id(), cache_secret())
    except (NotACache, NoSecret) as err:
        problem = str(err)
    except (OSError, sqlite3.Error) as err:
        problem = f"claim cache unavailable ({err})"
    complain(f"warning: {shown(problem)}; running without the cache")
    return None


@contextmanager
def open_store(enabled: bool, folder: Path = Path(".crosscheck")) -> Iterator[CacheDB | None]:
    """The cache under ``folder``, or None when disabled or unusable (said on stderr)."""
    cache = _store(folder) if enabled else None
    if cache is None:
        yield None
        return
    if cache.warning:
        complain(f"warning: {shown(cache.warning)}")
    try:
        yield cache
    finally:
        cache.close()
        if cache.write_failure:
            complain(f"warning: {shown(cache.write_failure)}")
