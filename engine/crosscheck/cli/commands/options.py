"""Options that ``check`` and ``extract`` share, defined once."""

from __future__ import annotations

from pathlib import Path

import click

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
    "--no-cache", is_flag=True, help="Neither read nor write the cache in .crosscheck/."
)
