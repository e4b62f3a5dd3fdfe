"""``crosscheck check``: the claims of a corpus against the rules, as a report and an exit code.

Exit codes (stable): 0 nothing at or above --fail-on; 1 findings; 2 bad rule file
or usage, or an output that cannot be written (or is one of the run's inputs); 3
unreadable input; 4 internal error (a bug; see ``cli.main``).

A run with the same options as a recorded one, whose every input file and folder is
unchanged, on a day over which the recorded run's waivers stay as they were, is
replayed (see ``crosscheck.cache.runs``): its output is written again without loading
the rules, the claims or a reporter.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from crosscheck.cache.db import CacheDB
from crosscheck.cache.runs import RunRecord, recall_run, remember_run
from crosscheck.cli.commands.check_request import CheckRequest
from crosscheck.cli.commands.options import JOBS, MANIFEST, NO_CACHE, OUTPUT, PATHS, RULES, STRICT
from crosscheck.cli.console import default_format, open_store, today, write_output
from crosscheck.report import formats


@click.command("check")
@PATHS
@RULES
@click.option(
    "--claims",
    type=click.Path(path_type=Path),
    default=None,
    help="Check claims from a JSON-lines file instead of extracting them.",
)
@MANIFEST
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats()),
    default=None,
    help="Output format [default: github under GitHub Actions, else text].",
)
@OUTPUT
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Record today's findings in this file as accepted, and exit 0 (3 if an input "
    "could not be read).",
)
@click.option(
    "--show-undecided",
    is_flag=True,
    help="Also list comparisons that are neither certain nor ruled out.",
)
@click.option(
    "--cite",
    type=click.IntRange(min=1),
    default=None,
    help="Claims a finding cites in full per group; the rest are counted [default: 5].",
)
@click.option(
    "--pairs",
    is_flag=True,
    help="Under each finding, list the pairwise violations it covers (at most 10,000 per rule).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Text: end with a table of findings and pairwise violations per rule.",
)
@STRICT
@JOBS
@NO_CACHE
def check_command(fmt: str | None, output: Path | None, no_cache: bool, **options: Any) -> int:
    """Check the claims in PATHS (default ./corpus) against the rules."""
    # ``options``: the other command-line options, named as CheckRequest's fields.
    request = CheckRequest(
        fmt=fmt or default_format(),
        output=output,
        color=output is None and sys.stdout.isatty(),
        today=today(),
        cwd=os.getcwd(),
        **options,
    )
    with open_store(not no_cache) as db:
        return replay_or_run(request, db)


def replay_or_run(request: CheckRequest, db: CacheDB | None) -> int:
    """Replay the recorded run of ``request`` if its inputs are unchanged, else run (and record) it.

    Returns the exit code.
    """
    key = request.replay_key() if db is not None else None
    recorded = recall_run(db, key, request.today) if db is not None and key is not None else None
    if recorded is not None:
        write_output(recorded.output, request.output, recorded.witness)
        return recorded.exit_code
    # Imported here: a replayed run needs none of the pipeline (rules, claims, reporters).
    from crosscheck.cli.commands.check_pipeline import run_check
    from crosscheck.fs.reader import FileReader

    started, reader = time.time_ns(), FileReader()
    result = run_check(request, db, reader)
    output = result.repeatable_output
    if db is not None and key is not None and output is not None:
        seen = reader.witness(started)
        if seen is not None:
            remember_run(db, key, RunRecord(seen, output, result.exit_code, result.days))
    return result.exit_code
