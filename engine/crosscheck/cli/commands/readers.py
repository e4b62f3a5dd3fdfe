"""Reading a command's inputs (rules, baseline, claims), printing what cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

import click

from crosscheck.accept.baseline import BaselineEntry, BaselineError, read_baseline
from crosscheck.cache.claims import ClaimCache
from crosscheck.cli.console import EXIT_BAD_INPUT, EXIT_USAGE, progress_callback
from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.errors import RuleFileError
from crosscheck.fs.witness import InputLog
from crosscheck.load.rules import load_rules
from crosscheck.pipeline.gather import Harvest, StrictModeError, harvest_claims_file, harvest_corpus


def load_ruleset_or_exit(path: Path, log: InputLog | None = None) -> RuleSet:
    """The rule set at ``path``; on errors, print each one and exit with code 2."""
    try:
        return load_rules(path, log)
    except RuleFileError as err:
        for error in err.errors:
            click.echo(error.render(), err=True)
        count = len(err.errors)
        click.echo(f"{count} error{'' if count == 1 else 's'} in rule files", err=True)
        raise SystemExit(EXIT_USAGE) from None


def read_baseline_or_exit(path: Path) -> list[BaselineEntry]:
    """The baseline's entries; a damaged or missing baseline exits with code 3."""
    try:
        return read_baseline(path)
    except BaselineError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(EXIT_BAD_INPUT) from None


def gather(
    paths: tuple[Path, ...],
    claims: Path | None,
    ruleset: RuleSet,
    manifest: Path | None,
    strict: bool,
    jobs: int | None,
    cache: ClaimCache | None,
    log: InputLog | None = None,
) -> Harvest:
    """Claims from a claims file or from the corpus (default ./corpus)."""
    if claims is not None:
        if paths:
            raise click.UsageError("give either corpus PATHS or --claims, not both")
        return harvest_claims_file(claims, ruleset, log)
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
                log=log,
            )
        except StrictModeError as err:
            click.echo(err.error.render(), err=True)
            raise SystemExit(EXIT_BAD_INPUT) from None
