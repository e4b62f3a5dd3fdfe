"""Reading a command's inputs (rules, baseline, claims), printing what cannot be read."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import click

from crosscheck.accept.baseline import Baseline, BaselineError, read_baseline
from crosscheck.cache.claims import ClaimCache
from crosscheck.cli.console import EXIT_BAD_INPUT, EXIT_USAGE, complain, progress_callback
from crosscheck.cli.messages import load_error_text, rule_error_text
from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.errors import RuleFileError
from crosscheck.fs.reader import FileReader
from crosscheck.load.rules import load_rules
from crosscheck.load.selection import FileSelection
from crosscheck.pipeline.gather import Gathered, StrictModeError, gather_claims_file, gather_corpus
from crosscheck.text.escape import shown
from crosscheck.text.plural import plural


def load_ruleset_or_exit(path: Path, reader: FileReader | None = None) -> RuleSet:
    """The rule set at ``path``; on errors, print each one and exit with code 2."""
    try:
        return load_rules(path, reader)
    except RuleFileError as err:
        for error in err.errors:
            complain(rule_error_text(error))
        complain(f"{plural(len(err.errors), 'error')} in rule files")
        raise SystemExit(EXIT_USAGE) from None


def read_baseline_or_exit(path: Path, reader: FileReader | None = None) -> Baseline:
    """The baseline; a damaged or missing baseline exits with code 3."""
    try:
        return read_baseline(path, reader)
    except BaselineError as err:
        complain(f"error: {shown(str(err))}")
        raise SystemExit(EXIT_BAD_INPUT) from None


class Sources(Protocol):
    """Where a command's claims come from, as its options say (a ``CheckRequest`` is one)."""

    @property
    def paths(self) -> tuple[Path, ...]: ...
    @property
    def claims(self) -> Path | None: ...
    @property
    def manifest(self) -> Path | None: ...
    @property
    def strict(self) -> bool: ...
    @property
    def jobs(self) -> int | None: ...
    @property
    def selection(self) -> FileSelection: ...


@dataclass(frozen=True)
class CorpusSources:
    """The ``Sources`` of a command that reads only a corpus (``extract``)."""

    paths: tuple[Path, ...]
    manifest: Path | None
    strict: bool
    jobs: int | None
    claims: Path | None = None
    selection: FileSelection = field(default_factory=FileSelection)


def gather(
    sources: Sources,
    ruleset: RuleSet,
    cache: ClaimCache | None,
    reader: FileReader | None = None,
) -> Gathered:
    """Claims from a claims file or from the corpus (the paths given; they are never empty)."""
    paths, claims = sources.paths, sources.claims
    if claims is not None:
        if paths:
            raise click.UsageError("give either corpus PATHS or --claims, not both")
        return gather_claims_file(claims, ruleset, reader)
    with progress_callback() as on_progress:
        try:
            return gather_corpus(
                list(paths),
                ruleset,
                manifest=sources.manifest,
                strict=sources.strict,
                on_progress=on_progress,
                jobs=sources.jobs or os.cpu_count() or 1,
                cache=cache,
                reader=reader,
                selection=sources.selection,
            )
        except StrictModeError as err:
            complain(load_error_text(err.error))
            raise SystemExit(EXIT_BAD_INPUT) from None
