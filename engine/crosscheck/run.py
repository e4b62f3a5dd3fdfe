"""The check pipeline, wired from loaders, the core and nothing else.

Loaders read; the extractor and evaluator are pure; the caller (the CLI) decides
what to print. Documents are streamed: only claims are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.baseline import BaselineEntry, apply_baseline
from crosscheck.batch import extract_all
from crosscheck.cache import ClaimCache
from crosscheck.corpus.claims import read_claims
from crosscheck.corpus.load import LoadError, iter_documents
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import evaluate
from crosscheck.model import Claim, Document, Report


class StrictModeError(Exception):
    """A corpus file could not be read and ``--strict`` asked to stop."""

    def __init__(self, error: LoadError) -> None:
        super().__init__(error.render())
        self.error = error


@dataclass
class Harvest:
    """Claims gathered from a corpus or a claims file, and what could not be read."""

    claims: list[Claim] = field(default_factory=list)
    documents: int = 0
    errors: list[LoadError] = field(default_factory=list)


def documents(
    paths: Sequence[Path], manifest: Path | None, harvest: Harvest, strict: bool
) -> Iterator[Document]:
    """The readable documents of ``paths``; load errors go into ``harvest``."""
    for item in iter_documents(paths, manifest):
        if isinstance(item, LoadError):
            if strict:
                raise StrictModeError(item)
            harvest.errors.append(item)
            continue
        yield item


def harvest_corpus(
    paths: Sequence[Path],
    ruleset: RuleSet,
    *,
    manifest: Path | None = None,
    strict: bool = False,
    on_document: Callable[[Document], None] | None = None,
    jobs: int = 1,
    cache: ClaimCache | None = None,
) -> Harvest:
    """Extract the claims of every document under ``paths``."""
    harvest = Harvest()
    readable = documents(paths, manifest, harvest, strict)
    for document, claims in extract_all(readable, ruleset, jobs=jobs, cache=cache):
        harvest.documents += 1
        harvest.claims.extend(claims)
        if on_document is not None:
            on_document(document)
    return harvest


def harvest_claims_file(path: Path, ruleset: RuleSet) -> Harvest:
    """Claims supplied by another pipeline as JSON lines."""
    claims, errors = read_claims(path, ruleset)
    return Harvest(claims=claims, documents=len({c.document for c in claims}), errors=errors)


def check(ruleset: RuleSet, harvest: Harvest, *, keep_undecided: bool = False) -> Report:
    """Evaluate every rule over the harvested claims."""
    outcome = evaluate(ruleset, harvest.claims, keep_undecided=keep_undecided)
    return Report(
        violations=outcome.violations,
        claims=len(harvest.claims),
        documents=harvest.documents,
        rules=len(ruleset.rules),
        skipped=outcome.skipped,
        undecided=outcome.undecided,
    )


def sort_claims(claims: Iterable[Claim]) -> list[Claim]:
    """Claims in reading order: document, then position."""
    return sorted(claims, key=lambda c: (c.document, c.start or 0, c.measure))


def apply_baseline_to_report(report: Report, entries: Sequence[BaselineEntry]) -> Report:
    """The report with violations the baseline accepts removed and counted as waived."""
    split = apply_baseline(report.violations, entries)
    unused = tuple(
        f"baseline entry for {e.rule} matched nothing: {e.summary}" for e in split.unused
    )
    return report.model_copy(
        update={
            "violations": split.new,
            "waived": report.waived + len(split.accepted),
            "unused_waivers": report.unused_waivers + unused,
        }
    )
