"""The command line: parses options, wires loaders, core and reporters, sets the exit code.

Exit codes (stable): 0 nothing at or above --fail-on; 1 violations; 2 bad rule file
or usage; 3 unreadable input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from crosscheck import __version__
from crosscheck.clitools import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_VIOLATIONS,
    fail_on_threshold_exceeded,
    load_ruleset_or_exit,
    progress_callback,
    report_load_errors,
    write_output,
)
from crosscheck.dsl.ast import RuleSet
from crosscheck.report import RenderContext, formats, renderers
from crosscheck.report.claims import render_claims
from crosscheck.run import Harvest, StrictModeError, check, harvest_claims_file, harvest_corpus

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
RULES = click.option(
    "--rules", "rules", default="rules", show_default=True, type=click.Path(path_type=Path),
    help="A rule file or a folder of *.rules files.",
)
MANIFEST = click.option(
    "--manifest", type=click.Path(path_type=Path), default=None,
    help="YAML or CSV file giving source and date of articles without front matter.",
)
OUTPUT = click.option(
    "-o", "--output", type=click.Path(path_type=Path), default=None,
    help="Write the report to this file instead of standard output.",
)
STRICT = click.option("--strict", is_flag=True, help="Stop at the first unreadable article.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosscheck")
def cli() -> None:
    """Find where news sources disagree on numbers, and cite exactly where."""


def gather(
    paths: tuple[Path, ...], claims: Path | None, ruleset_path: Path,
    manifest: Path | None, strict: bool,
) -> tuple[Harvest, RuleSet]:
    """Load the rule set, then claims from a claims file or from the corpus."""
    ruleset = load_ruleset_or_exit(ruleset_path)
    if claims is not None:
        if paths:
            raise click.UsageError("give either corpus PATHS or --claims, not both")
        return harvest_claims_file(claims, ruleset), ruleset
    corpus = list(paths) or [Path("corpus")]
    with progress_callback() as on_document:
        try:
            harvest = harvest_corpus(
                corpus, ruleset, manifest=manifest, strict=strict, on_document=on_document
            )
        except StrictModeError as err:
            click.echo(err.error.render(), err=True)
            raise SystemExit(EXIT_BAD_INPUT) from None
    return harvest, ruleset


@cli.command("check")
@PATHS
@RULES
@click.option("--claims", type=click.Path(path_type=Path), default=None,
              help="Check claims from a JSON-lines file instead of extracting them.")
@MANIFEST
@click.option("--format", "fmt", type=click.Choice(formats()), default="text",
              show_default=True, help="Output format.")
@OUTPUT
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--show-undecided", is_flag=True,
              help="Also list comparisons that are neither certain nor ruled out.")
@STRICT
def check_command(
    paths: tuple[Path, ...], rules: Path, claims: Path | None, manifest: Path | None,
    fmt: str, output: Path | None, fail_on: str, show_undecided: bool, strict: bool,
) -> int:
    """Check the claims in PATHS (default ./corpus) against the rules."""
    harvest, ruleset = gather(paths, claims, rules, manifest, strict)
    report = check(ruleset, harvest, keep_undecided=show_undecided)
    color = output is None and sys.stdout.isatty()
    text = renderers()[fmt](report, RenderContext(color=color, show_undecided=show_undecided))
    write_output(text, output)
    if report_load_errors(harvest.errors):
        return EXIT_BAD_INPUT
    return EXIT_VIOLATIONS if fail_on_threshold_exceeded(report, fail_on) else EXIT_OK


@cli.command("extract")
@PATHS
@RULES
@MANIFEST
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True, help="Output format.")
@OUTPUT
@STRICT
def extract_command(
    paths: tuple[Path, ...], rules: Path, manifest: Path | None, fmt: str,
    output: Path | None, strict: bool,
) -> int:
    """Print the claims found in PATHS (default ./corpus)."""
    harvest, _ = gather(paths, None, rules, manifest, strict)
    write_output(render_claims(harvest.claims, fmt), output)
    return EXIT_BAD_INPUT if report_load_errors(harvest.errors) else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run crosscheck with ``argv`` (default: the process's arguments); return the exit code."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="crosscheck", standalone_mode=False,
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
