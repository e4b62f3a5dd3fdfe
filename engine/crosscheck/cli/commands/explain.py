"""``crosscheck explain``: why claims were bound, and how rules decided over them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from crosscheck.cli.commands.configured import discover_or_exit, settings_or_exit
from crosscheck.cli.commands.options import MANIFEST, RULES
from crosscheck.cli.commands.readers import load_ruleset_or_exit
from crosscheck.cli.console import EXIT_BAD_INPUT, EXIT_OK, exit_codes, report_load_errors, say
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate.trace import trace_rule
from crosscheck.extract import Extractor
from crosscheck.fs.realpath import resolved
from crosscheck.load.articles import LoadError, iter_documents
from crosscheck.model import Document
from crosscheck.report.explain import Examined, render_line, render_measure, render_rule

_NUMBER = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class LineRef:
    """One reading of ``FILE:LINE[:COL]``."""

    file: str
    line: int
    column: int | None


def line_refs(text: str) -> list[LineRef]:
    """The readings of ``FILE:LINE[:COL]``, the one with a column first.

    A file's name may end in ``:N`` itself, so ``batch.jsonl:17:3`` may be line 3 of
    ``batch.jsonl:17`` as well as line 17, column 3 of ``batch.jsonl`` (which is
    where the article of line 17 of a JSON-lines file is).
    """
    parts = text.split(":")
    refs: list[LineRef] = []
    if len(parts) >= 3 and all(_NUMBER.fullmatch(p) for p in parts[-2:]):
        refs.append(LineRef(":".join(parts[:-2]), int(parts[-2]), int(parts[-1])))
    if len(parts) >= 2 and _NUMBER.fullmatch(parts[-1]):
        refs.append(LineRef(":".join(parts[:-1]), int(parts[-1]), None))
    if not refs or not all(ref.file for ref in refs):
        raise click.BadParameter(
            f"{text!r} is not FILE:LINE or FILE:LINE:COL", param_hint="--claim"
        )
    return refs


def _same_file(document: str, wanted: str) -> bool:
    if document == wanted or document.endswith("/" + wanted.removeprefix("./")):
        return True
    return resolved(Path(document)) == resolved(Path(wanted))


def _holds(document: Document, ref: LineRef) -> bool:
    """Whether ``ref`` names a line of ``document`` (a JSON-lines record: its own line)."""
    if document.file is None:
        return _same_file(document.path, ref.file)
    return ref.line == document.line_offset + 1 and _same_file(document.file, ref.file)


def find_line(examined: Sequence[Examined], refs: Sequence[LineRef]) -> tuple[Examined, LineRef]:
    """The document and reading a ``--claim`` value names."""
    for ref in refs:
        for item in examined:
            if _holds(item.document, ref):
                return item, ref
    raise click.BadParameter(
        f"no article {refs[-1].file!r} among the documents read", param_hint="--claim"
    )


def check_names(kind: str, names: Iterable[str], known: Iterable[str]) -> None:
    """Stop with a usage error (and a suggestion) on a name the rule set lacks."""
    choices = list(known)
    for name in names:
        if name not in choices:
            close = difflib.get_close_matches(name, choices, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise click.UsageError(f"no {kind} named {name!r} in the rule files{hint}")


def examine(
    paths: Sequence[Path], manifest: Path | None, ruleset: RuleSet
) -> tuple[list[Examined], list[LoadError]]:
    """Every readable document under ``paths`` with extraction's decisions about it,
    and what could not be read."""
    extractor = Extractor(ruleset)
    examined: list[Examined] = []
    errors: list[LoadError] = []
    for item in iter_documents(paths, manifest):
        if isinstance(item, Document):
            examined.append(Examined(item, tuple(extractor.decisions(item))))
        else:
            errors.append(item)
    return examined, errors


def default_paths(
    paths: tuple[Path, ...],
    refs: Sequence[Sequence[LineRef]],
    only_claims: bool,
    corpus: Sequence[Path] = (Path("corpus"),),
) -> list[Path]:
    """PATHS as given; else, when only ``--claim`` asks, the files it names; else ``corpus``."""
    if paths:
        return list(paths)
    if only_claims:
        named = [
            next((r.file for r in readings if Path(r.file).is_file()), None) for readings in refs
        ]
        return [Path(f) for f in dict.fromkeys(named) if f is not None] or list(corpus)
    return list(corpus)


@click.command(
    "explain",
    epilog=exit_codes(
        (0, "explained"), (2, "bad rule file, configuration or usage"), (3, "unreadable input")
    ),
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@RULES
@MANIFEST
@click.option(
    "--measure",
    "measures",
    multiple=True,
    metavar="NAME",
    help="Show the claims this measure bound, and the numbers it passed over.",
)
@click.option(
    "--rule",
    "rules_named",
    multiple=True,
    metavar="NAME",
    help="Show every decision this rule made, with the values it compared.",
)
@click.option(
    "--claim",
    "claims",
    multiple=True,
    metavar="FILE:LINE[:COL]",
    help="Show why each number on this line (or at this column) was or was not bound.",
)
def explain_command(
    paths: tuple[Path, ...],
    rules: Path | None,
    manifest: Path | None,
    measures: tuple[str, ...],
    rules_named: tuple[str, ...],
    claims: tuple[str, ...],
) -> int:
    """Show why numbers became claims and how rules decided.

    Reads PATHS (default: the configuration's corpus, else ./corpus; with only --claim,
    the files it names). Without options, shows every measure with the claims it bound.
    """
    settings = settings_or_exit({}, discover_or_exit(None))
    ruleset = load_ruleset_or_exit(rules or settings.rules)
    check_names("measure", measures, ruleset.measures)
    check_names("rule", rules_named, (r.name for r in ruleset.rules))
    refs = [line_refs(text) for text in claims]
    only_claims = bool(claims) and not (measures or rules_named)
    corpus = default_paths(paths, refs, only_claims, settings.corpus)
    examined, errors = examine(corpus, manifest, ruleset)
    sections: list[str] = []
    if measures or not (rules_named or claims):
        sections += [render_measure(ruleset, m, examined) for m in measures or ruleset.measures]
    if rules_named:
        found = [c for item in examined for d in item.decisions if (c := d.claim) is not None]
        by_name = {r.name: r for r in ruleset.rules}
        sections += [render_rule(trace_rule(ruleset, by_name[n], found)) for n in rules_named]
    for readings in refs:
        item, ref = find_line(examined, readings)
        sections.append(render_line(item, ref.line, ref.column))
    say("\n".join(sections), nl=False)
    return EXIT_BAD_INPUT if report_load_errors(errors) else EXIT_OK
