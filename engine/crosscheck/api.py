"""The Python front door: load rules, extract claims and check them as ``crosscheck check``
does, without the command line (docs/python-api.md).

Inputs are read through the same loaders and pipeline as the command's, and a check's
findings are accepted by the rule files' waivers and by a baseline with the same function
(``pipeline.evaluation.accepted_report``). Nothing is printed and nothing is cached:
problems raise ``RuleFileError``, ``InputError`` or ``BaselineError``, and warnings about
inputs read anyway go through ``warnings`` as ``InputWarning``.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from crosscheck.accept.baseline import read_baseline
from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.load import rules as rule_files
from crosscheck.load.errors import InputError, InputWarning, LoadError
from crosscheck.model import DEFAULT_CITE, Claim, Document, Report
from crosscheck.pipeline.evaluation import accepted_report, evaluate_gathered
from crosscheck.pipeline.gather import Gathered, gather_corpus
from crosscheck.pipeline.parallel import extract_all

PathLike = str | os.PathLike[str]
Input = PathLike | Document
Inputs = Input | Iterable[Input]
Rules = PathLike | RuleSet

__all__ = ["Input", "Inputs", "PathLike", "Rules", "check", "extract", "load_rules"]


def load_rules(path: PathLike) -> RuleSet:
    """The checked rule set of a rule file, or of every ``*.rules`` file under a folder,
    with their imports.

    Raises ``RuleFileError``, whose ``errors`` name each problem's ``file:line:column``.
    """
    return rule_files.load_rules(Path(path))


def extract(
    inputs: Inputs,
    *,
    rules: Rules,
    manifest: PathLike | None = None,
    strict: bool = True,
    jobs: int = 1,
) -> list[Claim]:
    """The claims the rules would check in ``inputs``, in reading order, as
    ``crosscheck extract`` finds them.

    ``inputs``: a path (an article file or a folder of them), a ``Document``, or an
    iterable of both. ``manifest`` gives metadata to articles without their own, as
    ``--manifest`` does; ``jobs`` extracts in that many processes. With ``strict``
    an input that cannot be read raises ``InputError`` naming every one; without, it
    is left out with an ``InputWarning``.
    """
    ruleset = _ruleset(rules)
    return _gathered(inputs, ruleset, manifest, strict, jobs).claims


def check(
    inputs: Inputs,
    *,
    rules: Rules,
    baseline: PathLike | None = None,
    today: dt.date | None = None,
    manifest: PathLike | None = None,
    cite: int = DEFAULT_CITE,
    pairs: bool = False,
    undecided: bool = False,
    strict: bool = True,
    jobs: int = 1,
) -> Report:
    """The report ``crosscheck check`` gives for ``inputs`` under ``rules``.

    Findings the rule files' waivers accept on ``today`` (default: the clock's day),
    then those a ``baseline`` file accepts, are left out and counted in
    ``Report.waived``; waivers that accepted nothing are listed in
    ``Report.unused_waivers``. ``cite``, ``pairs`` and ``undecided`` are
    ``--cite``, ``--pairs`` and ``--show-undecided``; ``inputs``, ``manifest``,
    ``strict`` and ``jobs`` are as for ``extract``. Raises ``RuleFileError``,
    ``InputError`` or ``BaselineError`` (a baseline that is missing or damaged).
    """
    ruleset = _ruleset(rules)
    accepted = None if baseline is None else read_baseline(Path(baseline))
    gathered = _gathered(inputs, ruleset, manifest, strict, jobs)
    # A baseline of pairwise violations (version 1) is matched through the pairs.
    with_pairs = pairs or (accepted is not None and accepted.pairwise)
    report = evaluate_gathered(
        ruleset, gathered, keep_undecided=undecided, pairs=with_pairs, cite=cite
    )
    today = dt.date.today() if today is None else today
    return accepted_report(report, ruleset.waivers, today, accepted, pairs=pairs)


def _ruleset(rules: Rules) -> RuleSet:
    return rules if isinstance(rules, RuleSet) else load_rules(rules)


def _gathered(
    inputs: Inputs, ruleset: RuleSet, manifest: PathLike | None, strict: bool, jobs: int
) -> Gathered:
    """Every input's claims in order, raising (or warning) about what cannot be read."""
    claims: list[Claim] = []
    gathered = Gathered()
    explicit = None if manifest is None else Path(manifest)
    reader = FileReader()
    for in_memory, run in groupby(_items(inputs), key=lambda item: isinstance(item, Document)):
        if in_memory:
            documents = [item for item in run if isinstance(item, Document)]
            for _, _, found in extract_all(documents, ruleset, jobs=jobs):
                claims.extend(found or ())
            gathered.documents += len(documents)
            continue
        paths = [Path(item) for item in run if not isinstance(item, Document)]
        corpus = gather_corpus(paths, ruleset, manifest=explicit, jobs=jobs, reader=reader)
        claims.extend(corpus.claims)
        gathered.documents += corpus.documents
        gathered.errors.extend(corpus.errors)
    _raise_or_warn(gathered.errors, strict)
    gathered.loader = lambda: claims
    return gathered


def _items(inputs: Inputs) -> Iterator[Input]:
    """The inputs one by one: a single path or document is not iterated."""
    if isinstance(inputs, str | os.PathLike | Document):
        yield inputs
        return
    for item in inputs:
        if not isinstance(item, str | os.PathLike | Document):
            kind = type(item).__name__
            raise TypeError(f"an input is a path or a crosscheck.Document, not {kind}")
        yield item


def _raise_or_warn(problems: list[LoadError], strict: bool) -> None:
    if strict and any(problem.is_error for problem in problems):
        raise InputError(problems)
    for problem in problems:
        warnings.warn(problem.render(), InputWarning, stacklevel=4)
