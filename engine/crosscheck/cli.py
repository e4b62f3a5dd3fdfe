"""The command line: parses options, wires loaders, core and reporters, sets the exit code.

Exit codes (stable): 0 nothing at or above --fail-on; 1 violations; 2 bad rule file
or usage; 3 unreadable input.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from crosscheck import __version__
from crosscheck.cache import ClaimCache
from crosscheck.clitools import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_VIOLATIONS,
    default_format,
    fail_on_threshold_exceeded,
    load_ruleset_or_exit,
    open_cache,
    progress_callback,
    read_baseline_or_exit,
    render_context,
    report_load_errors,
    save_baseline,
    write_output,
)
from crosscheck.commands.lazy import LazyGroup
from crosscheck.dsl.ast import RuleSet
from crosscheck.harvest import Harvest, StrictModeError, harvest_claims_file, harvest_corpus
from crosscheck.report import CHARTING_FORMATS, formats, renderer
from crosscheck.run import apply_baseline_to_report, check
from crosscheck.waivers import apply_waivers

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
RULES = click.option(
    "--rules",
    "rules",
    default="rules",
    show_default=True,
    type=click.Path(path_type=Path),
    help="A rule file or a folder of *.rules files.",
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
NO_CACHE = click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the claim cache in .crosscheck/."
)


@click.group(
    cls=LazyGroup,
    lazy_commands={
        name: f"crosscheck.commands.{name}:{name}_command"
        for name in ("explain", "fmt", "lint", "test")
    },
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="crosscheck")
def cli() -> None:
    """Find where news sources disagree on numbers, and cite exactly where."""


def gather(
    paths: tuple[Path, ...],
    claims: Path | None,
    ruleset: RuleSet,
    manifest: Path | None,
    strict: bool,
    jobs: int | None,
    cache: ClaimCache | None,
) -> Harvest:
    """Claims from a claims file or from the corpus (default ./corpus)."""
    if claims is not None:
        if paths:
            raise click.UsageError("give either corpus PATHS or --claims, not both")
        return harvest_claims_file(claims, ruleset)
    with progress_callback() as on_progress:
        try:
            return harvest_corpus(
                list(paths) or [Path("corpus")],
                ruleset,
                manifest=manifest,
                strict=strict,
                on_progress=on_progress,
                jobs=jobs or os.cpu_count() or 1,
                cache=cache,
            )
        except StrictModeError as err:
            click.echo(err.error.render(), err=True)
            raise SystemExit(EXIT_BAD_INPUT) from None


@cli.command("check")
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
    help="Report only violations not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path),
    default=None,
    help="Record today's violations in this file as accepted, and exit 0.",
)
@click.option(
    "--show-undecided",
    is_flag=True,
    help="Also list comparisons that are neither certain nor ruled out.",
)
@STRICT
@JOBS
@NO_CACHE
def check_command(
    paths: tuple[Path, ...],
    rules: Path,
    claims: Path | None,
    manifest: Path | None,
    fmt: str | None,
    output: Path | None,
    fail_on: str,
    baseline: Path | None,
    write_baseline: Path | None,
    show_undecided: bool,
    strict: bool,
    jobs: int | None,
    no_cache: bool,
) -> int:
    """Check the claims in PATHS (default ./corpus) against the rules."""
    accepted = read_baseline_or_exit(baseline) if baseline else None
    ruleset = load_ruleset_or_exit(rules)
    fmt = fmt or default_format()
    with open_cache(not no_cache) as cache:
        harvest = gather(paths, claims, ruleset, manifest, strict, jobs, cache)
        report = check(ruleset, harvest, keep_undecided=show_undecided, cache=cache)
        charted = harvest.claims if fmt in CHARTING_FORMATS else ()
    report = apply_waivers(report, ruleset.waivers, dt.date.today())
    if write_baseline is not None:
        save_baseline(write_baseline, report.violations)
        return EXIT_OK
    if accepted is not None:
        report = apply_baseline_to_report(report, accepted)
    color = output is None and sys.stdout.isatty()
    context = render_context(ruleset, charted, color, show_undecided)
    write_output(renderer(fmt)(report, context), output)
    if report_load_errors(harvest.errors):
        return EXIT_BAD_INPUT
    return EXIT_VIOLATIONS if fail_on_threshold_exceeded(report, fail_on) else EXIT_OK


@cli.command("extract")
@PATHS
@RULES
@MANIFEST
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@OUTPUT
@STRICT
@JOBS
@NO_CACHE
def extract_command(
    paths: tuple[Path, ...],
    rules: Path,
    manifest: Path | None,
    fmt: str,
    output: Path | None,
    strict: bool,
    jobs: int | None,
    no_cache: bool,
) -> int:
    """Print the claims found in PATHS (default ./corpus)."""
    ruleset = load_ruleset_or_exit(rules)
    with open_cache(not no_cache) as cache:
        harvest = gather(paths, None, ruleset, manifest, strict, jobs, cache)
        claims = harvest.claims
    from crosscheck.report.claims import render_claims  # rich is loaded only when needed

    write_output(render_claims(claims, fmt), output)
    return EXIT_BAD_INPUT if report_load_errors(harvest.errors) else EXIT_OK


def run() -> None:
    """The ``crosscheck`` program: ``main`` on the process's arguments, as its exit status."""
    # A run allocates many objects that live until it ends (documents, claims, reports);
    # Python's default collector thresholds make it scan them over and over, ~15% of a
    # large run. mypy tunes it the same way.
    gc.set_threshold(200_000, 30, 30)
    sys.exit(main())


def main(argv: Sequence[str] | None = None) -> int:
    """Run crosscheck with ``argv`` (default: the process's arguments); return the exit code."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="crosscheck",
            standalone_mode=False,
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
