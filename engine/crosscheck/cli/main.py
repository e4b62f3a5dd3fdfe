"""The command line: the ``crosscheck`` group, whose subcommands load when used.

Exit codes (stable): 0 nothing at or above --fail-on; 1 violations; 2 bad rule file
or usage; 3 unreadable input.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Sequence

import click

from crosscheck import __version__
from crosscheck.cli.commands.lazy import LazyGroup
from crosscheck.cli.console import EXIT_USAGE, Environment


@click.group(
    cls=LazyGroup,
    lazy_commands={
        name: f"crosscheck.cli.commands.{name}:{name}_command"
        for name in ("check", "explain", "extract", "fmt", "lint", "test")
    },
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="crosscheck")
def cli() -> None:
    """Find where news sources disagree on numbers, and cite exactly where."""


def run() -> None:
    """The ``crosscheck`` program: ``main`` on the process's arguments, as its exit status."""
    # A run allocates many objects that live until it ends (documents, claims, reports);
    # Python's default collector thresholds make it scan them over and over, ~15% of a
    # large run. mypy tunes it the same way.
    gc.set_threshold(200_000, 30, 30)
    sys.exit(main())


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
        err.show()
        return EXIT_USAGE
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except click.Abort:
        click.echo("aborted", err=True)
        return 130
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return int(result or 0)
