"""``crosscheck extract``: print the claims the rules would check, without checking them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from crosscheck.cache.claims import ClaimCache
from crosscheck.cli.commands.configured import (
    discover_or_exit,
    given_settings,
    selection_of,
    settings_or_exit,
)
from crosscheck.cli.commands.options import (
    CACHE_DIR,
    JOBS,
    NO_CACHE,
    OUTPUT,
    STRICT,
    corpus_options,
)
from crosscheck.cli.commands.readers import CorpusSources, gather, load_ruleset_or_exit
from crosscheck.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    complain,
    exit_codes,
    open_store,
    report_load_errors,
    write_output,
)
from crosscheck.fs.reader import FileReader
from crosscheck.model import Claim

EXIT_CODES = exit_codes(
    (0, "the claims were printed"),
    (2, "bad rule file, configuration or usage, or an output that cannot be written"),
    (3, "unreadable input"),
)


@click.command("extract", epilog=EXIT_CODES)
@corpus_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl", "parquet"]),
    default="text",
    show_default=True,
    help="Output format (parquet: exact interval ends, needs -o and the `scale` extra).",
)
@OUTPUT
@STRICT
@JOBS
@CACHE_DIR
@NO_CACHE
def extract_command(fmt: str, output: Path | None, no_cache: bool, **options: Any) -> int:
    """Print the claims found in PATHS (default: the configuration's corpus, else ./corpus)."""
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a file: give -o FILE.parquet")
    found = discover_or_exit(options["config_file"])
    settings = settings_or_exit(given_settings(options), found)
    reader = FileReader()
    ruleset = load_ruleset_or_exit(settings.rules, reader)
    with open_store(not no_cache, settings.cache_dir) as db:
        cache = ClaimCache(db) if db is not None else None
        selection = selection_of(settings)
        sources = CorpusSources(
            settings.corpus, options["manifest"], options["strict"], settings.jobs, None, selection
        )
        gathered = gather(sources, ruleset, cache, reader)
        claims = gathered.claims
    write_output(_rendered(claims, fmt), output, reader)
    return EXIT_BAD_INPUT if report_load_errors(gathered.errors) else EXIT_OK


def _rendered(claims: list[Claim], fmt: str) -> str | bytes:
    """The claims in ``fmt``; Parquet needs pyarrow (the `scale` extra)."""
    if fmt == "parquet":
        try:
            from crosscheck.report.parquet import render_parquet
        except ImportError:
            complain("error: --format parquet needs pyarrow: pip install 'crosscheck-news[scale]'")
            raise SystemExit(EXIT_USAGE) from None
        return render_parquet(claims)
    from crosscheck.report.claims import render_claims  # rich is loaded only when needed

    return render_claims(claims, fmt)
