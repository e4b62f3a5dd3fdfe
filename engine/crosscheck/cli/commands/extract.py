"""``crosscheck extract``: print the claims the rules would check, without checking them."""

from __future__ import annotations

from pathlib import Path

import click

from crosscheck.cache.claims import ClaimCache
from crosscheck.cli.commands.options import JOBS, MANIFEST, NO_CACHE, OUTPUT, PATHS, RULES, STRICT
from crosscheck.cli.commands.readers import CorpusSources, gather, load_ruleset_or_exit
from crosscheck.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    open_store,
    report_load_errors,
    write_output,
)
from crosscheck.fs.reader import FileReader


@click.command("extract")
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
    reader = FileReader()
    ruleset = load_ruleset_or_exit(rules, reader)
    with open_store(not no_cache) as db:
        cache = ClaimCache(db) if db is not None else None
        sources = CorpusSources(paths, manifest, strict, jobs)
        gathered = gather(sources, ruleset, cache, reader)
        claims = gathered.claims
    from crosscheck.report.claims import render_claims  # rich is loaded only when needed

    write_output(render_claims(claims, fmt), output, reader)
    return EXIT_BAD_INPUT if report_load_errors(gathered.errors) else EXIT_OK
