"""``crosscheck check``: the claims of a corpus against the rules, as a report and an exit code.

A run with the same options and configuration as a recorded one, whose every input
file and folder is unchanged, on a day over which the recorded run's waivers stay as
they were, is replayed (see ``crosscheck.cache.runs``): its output is written again
without validating the configuration, loading the rules, the claims or a reporter.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from crosscheck.cache.db import CacheDB
from crosscheck.cache.runs import RunRecord, recall_run, remember_run
from crosscheck.cli.commands.check_request import CheckCall, CheckRequest
from crosscheck.cli.commands.configured import (
    cache_folder,
    discover_or_exit,
    given_settings,
    selection_of,
    settings_or_exit,
)
from crosscheck.cli.commands.options import (
    COLOR,
    NO_CACHE,
    OUTPUT,
    QUIET,
    STRICT,
    VERBOSE,
    settings_options,
)
from crosscheck.cli.console import (
    default_format,
    exit_codes,
    open_store,
    today,
    use_color,
    verbose_note,
    write_output,
)
from crosscheck.config.discover import Found

EXIT_CODES = exit_codes(
    (0, "nothing at or above --fail-on"),
    (1, "findings at or above --fail-on"),
    (
        2,
        "bad rule file, configuration or usage, or an output that cannot be written (or is "
        "one of the run's inputs)",
    ),
    (3, "unreadable input"),
)
# Options left out of the replay key: where the report goes and how many processes
# make it change nothing.
_UNKEYED = frozenset({"jobs"})


@click.command("check", epilog=EXIT_CODES)
@settings_options
@click.option(
    "--claims",
    type=click.Path(path_type=Path),
    default=None,
    help="Check claims from a JSON-lines file, a Parquet file or a folder of Parquet files "
    "instead of extracting them.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where to extract and evaluate: this process (and --jobs processes), or a Dask "
    "cluster (docs/scale.md; needs the `scale` extra).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="URL",
    help="With --engine dask: the scheduler to run on (tcp://HOST:8786); without it, a "
    "local cluster of --jobs worker processes.",
)
@OUTPUT
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
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The folder SARIF and GitHub annotations name files from "
    "[default: git's top level, else the working folder].",
)
@STRICT
@NO_CACHE
@COLOR
@QUIET
@VERBOSE
def check_command(output: Path | None, no_cache: bool, color: str, **options: Any) -> int:
    """Check the claims in PATHS (default: the configuration's corpus, else ./corpus)
    against the rules."""
    found = discover_or_exit(options["config_file"])
    given = given_settings(options)
    colored = use_color(color, output)
    call = CheckCall(
        options=tuple(sorted((k, v) for k, v in options.items() if k not in _UNKEYED)),
        config=found.identity(),
        cwd=os.getcwd(),
        default_format=default_format(),
        color=colored,
        writes_baseline=options["write_baseline"] is not None,
    )
    if options["verbose"]:
        config = found.config
        verbose_note(f"configuration: {'none' if config is None else config.path}")
    folder = None if no_cache else cache_folder(given, found)

    def request() -> CheckRequest:
        return _request(options, given, found, output, colored)

    with open_store(folder is not None, folder or Path()) as db:
        return replay_or_run(call, db, request, output, options["verbose"])


def _request(
    options: dict[str, Any], given: dict[str, Any], found: Found, output: Path | None, color: bool
) -> CheckRequest:
    """The check the options ask for, under the configuration and the defaults."""
    settings = settings_or_exit(given, found)
    paths = settings.corpus
    if options["claims"] is not None:
        if "corpus" in given:
            raise click.UsageError("give either corpus PATHS or --claims, not both")
        paths = ()
    return CheckRequest(
        paths=paths,
        rules=settings.rules,
        claims=options["claims"],
        manifest=options["manifest"],
        fmt=settings.format or default_format(),
        output=output,
        fail_on=settings.fail_on,
        baseline=options["baseline"],
        write_baseline=options["write_baseline"],
        show_undecided=options["show_undecided"],
        strict=options["strict"],
        jobs=settings.jobs,
        color=color,
        today=today(),
        cwd=os.getcwd(),
        cite=options["cite"],
        pairs=options["pairs"],
        statistics=options["statistics"],
        selection=selection_of(settings),
        select=settings.select,
        ignore=settings.ignore,
        quiet=options["quiet"],
        verbose=options["verbose"],
        origins=tuple(settings.origins.items()),
        project_root=_project_root(options["project_root"], found),
        engine=_engine(options),
        scheduler=options["scheduler"],
    )


def _project_root(explicit: Path | None, found: Found) -> Path | None:
    """``--project-root`` (made absolute), else git's top level; None: the working folder."""
    return Path(os.path.abspath(explicit)) if explicit is not None else found.git_root


def _engine(options: dict[str, Any]) -> str:
    """The engine asked for; what the Dask engine cannot do is a usage error."""
    engine = str(options["engine"])
    if engine == "local" and options["scheduler"] is not None:
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        for flag, name in (("pairs", "--pairs"), ("show_undecided", "--show-undecided")):
            if options[flag]:
                raise click.UsageError(f"{name} is not available with --engine dask")
    return engine


def replay_or_run(
    call: CheckCall,
    db: CacheDB | None,
    request: Callable[[], CheckRequest],
    output: Path | None,
    verbose: bool = False,
) -> int:
    """Replay the recorded run of ``call`` if its inputs are unchanged, else run (and
    record) the check ``request`` makes. Returns the exit code."""
    day: dt.date = today()
    key = call.replay_key() if db is not None else None
    recorded = recall_run(db, key, day) if db is not None and key is not None else None
    if recorded is not None:
        if verbose:
            verbose_note("replayed the recorded run: no input changed since")
        write_output(recorded.output, output, recorded.witness)
        return recorded.exit_code
    # Imported here: a replayed run needs none of the pipeline (rules, claims, reporters).
    from crosscheck.cli.commands.check_pipeline import run_check
    from crosscheck.fs.reader import FileReader

    started, reader = time.time_ns(), FileReader()
    result = run_check(request(), db, reader)
    repeatable = result.repeatable_output
    if db is not None and key is not None and repeatable is not None:
        seen = reader.witness(started)
        if seen is not None:
            remember_run(db, key, RunRecord(seen, repeatable, result.exit_code, result.days))
    return result.exit_code
