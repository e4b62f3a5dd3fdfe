"""The command line: the ``crosscheck`` group, whose subcommands load when used.

Exit codes (stable): 0 nothing at or above --fail-on; 1 findings; 2 bad rule file,
configuration or usage, or an output (a file, standard output) that cannot be written;
3 unreadable input; 4 internal error (a bug in crosscheck: one line asks for a report,
and ``crosscheck --debug`` shows the traceback). Each command's epilog lists its own.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from crosscheck import __version__
from crosscheck.cli.commands.lazy import LazyGroup
from crosscheck.cli.console import EXIT_USAGE, Environment, InternalError, OutputError
from crosscheck.text.escape import shown


class _Guarded(LazyGroup):
    """The group, turning an unexpected exception in a subcommand into an
    ``InternalError`` (one line, exit code 4; the traceback with ``--debug``)."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand, as ``click.Group.invoke`` does."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.Abort, click.exceptions.Exit):
            raise
        except Exception as err:
            raise InternalError(err, debug=bool(ctx.params.get("debug"))) from err


def _print_version(ctx: click.Context, _param: click.Parameter, wanted: bool) -> None:
    """``--version``: the version, and whether this install runs compiled (mypyc) code."""
    if not wanted or ctx.resilient_parsing:
        return
    from crosscheck.build_info import build  # looks at files: only when asked

    click.echo(f"crosscheck, version {__version__} ({build()})")
    ctx.exit()


def _stdout_broken() -> bool:
    """Whether standard output can no longer be written (a full disk, a closed pipe)."""
    if sys.stdout.closed:  # closed by its owner (the editor server, on exit): nothing is left
        return False
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return False


@click.group(
    cls=_Guarded,
    lazy_commands={
        name: f"crosscheck.cli.commands.{name}:{name}_command"
        for name in ("check", "config", "explain", "extract", "fmt", "lint", "lsp", "test")
    },
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version (and whether compiled with mypyc) and exit.",
)
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def cli(debug: bool) -> None:
    """Find where news sources disagree on numbers, and cite exactly where.

    \b
    Exit codes: 0 nothing at or above --fail-on; 1 findings; 2 bad rule
    file, configuration or usage, or an output that cannot be written;
    3 unreadable input; 4 internal error (a bug: please report it).
    Each command's --help lists its own.
    """


def run() -> None:
    """The ``crosscheck`` program: ``main`` on the process's arguments, as its exit status."""
    # A run allocates many objects that live until it ends (documents, claims, reports);
    # Python's default collector thresholds make it scan them over and over, ~15% of a
    # large run. mypy tunes it the same way.
    gc.set_threshold(200_000, 30, 30)
    code = main()
    if _stdout_broken():
        # What could not be written stays buffered; spare the interpreter's own attempt
        # at exit ("Exception ignored ... BrokenPipeError").
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)


def main(argv: Sequence[str] | None = None, *, today: dt.date | None = None) -> int:
    """Run crosscheck with ``argv`` (default: the process's arguments); return the exit code.

    ``today`` is the day waivers are judged on (default: the clock's).
    """
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="crosscheck",
            standalone_mode=False,
            obj=Environment(today or dt.date.today()),
        )
    except click.UsageError as err:
        # Its message may quote an argument, or a file name: shown escaped.
        click.UsageError(shown(err.format_message()), err.ctx).show()
        return EXIT_USAGE
    except (InternalError, OutputError) as err:  # their own layout, escaped already
        err.show()
        return err.exit_code
    except click.ClickException as err:
        click.ClickException(shown(err.format_message())).show()
        return err.exit_code
    except click.Abort:
        click.echo("aborted", err=True)
        return 130
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except Exception as err:  # escaped the group itself (e.g. while parsing): still a bug
        error = InternalError(err, debug=False)
        error.show()
        return error.exit_code
    return int(result or 0)
