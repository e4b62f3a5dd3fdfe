"""The check pipeline behind ``crosscheck check``: rules and claims in, a written report out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from crosscheck.accept.baseline import write_baseline
from crosscheck.accept.waivers import days_alike
from crosscheck.cache.claims import ClaimCache
from crosscheck.cache.db import CacheDB
from crosscheck.cli.commands.check_request import CheckRequest, CheckResult
from crosscheck.cli.commands.readers import gather, load_ruleset_or_exit, read_baseline_or_exit
from crosscheck.cli.commands.steps import selected, timed
from crosscheck.cli.console import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_VIOLATIONS,
    OutputError,
    complain,
    refuse_clash,
    report_load_errors,
    write_output,
)
from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.printer import rule_statement
from crosscheck.fs.reader import FileReader
from crosscheck.model import DEFAULT_CITE, Claim, Finding, Report, Severity
from crosscheck.pipeline.evaluation import accepted_report, evaluate_gathered
from crosscheck.pipeline.gather import Gathered
from crosscheck.report import CHARTING_FORMATS, RenderContext, renderer
from crosscheck.report.locations import ProjectPaths
from crosscheck.text.escape import shown
from crosscheck.text.plural import plural

if TYPE_CHECKING:
    from crosscheck.load.errors import LoadError


def run_check(request: CheckRequest, db: CacheDB | None, reader: FileReader) -> CheckResult:
    """Check, write the report (or the baseline) and print unreadable inputs.

    Every input is read through ``reader``.
    """
    accepted = read_baseline_or_exit(request.baseline, reader) if request.baseline else None
    # A baseline of pairwise violations (version 1) is matched through the pairs.
    pairwise = accepted is not None and accepted.pairwise
    ruleset, gathered, report = _checked(request, db, reader, pairwise)
    if request.write_baseline is not None:
        path, findings = request.write_baseline, report.findings
        save = partial(save_baseline, path, findings, reader)
        unreadable = _write_then_report(save, gathered.errors)
        return CheckResult(EXIT_BAD_INPUT if unreadable else EXIT_OK, None, clean=False)
    # The waivers are applied already; the Python API's check() calls the same function.
    report = accepted_report(report, (), request.today, accepted, pairs=request.pairs)
    charted = gathered.claims if request.fmt in CHARTING_FORMATS else ()
    context = render_context(ruleset, charted, request)
    with timed(request, f"rendering {plural(len(report.findings), 'finding')}"):
        text = renderer(request.fmt)(report, context)
    if _write_then_report(lambda: write_output(text, request.output, reader), gathered.errors):
        return CheckResult(EXIT_BAD_INPUT, text, clean=False)
    code = EXIT_VIOLATIONS if fail_on_threshold_exceeded(report, request.fail_on) else EXIT_OK
    days = days_alike(ruleset.waivers, request.today)
    # A replay would not repeat warnings printed to stderr: such a run is not recorded.
    return CheckResult(code, text, clean=not gathered.errors, days=days)


def _write_then_report(write: Callable[[], None], errors: Sequence[LoadError]) -> bool:
    """Write the output, then print the input problems, even when writing failed.

    True when a problem is an error.
    """
    try:
        write()
    finally:
        unreadable = report_load_errors(errors)
    return unreadable


def _checked(
    request: CheckRequest, db: CacheDB | None, reader: FileReader, pairwise: bool = False
) -> tuple[RuleSet, Gathered, Report]:
    """The rules, the claims gathered and the report with today's waivers applied;
    findings list their pairs when asked for, or when ``pairwise`` (an old baseline)."""
    ruleset = selected(load_ruleset_or_exit(request.rules, reader), request)
    if request.engine == "dask":
        from crosscheck.cli.commands.check_engine import gathered_on_dask

        with timed(request, "extracting and evaluating on Dask"):
            gathered, report = gathered_on_dask(request, ruleset, reader)
        return ruleset, gathered, accepted_report(report, ruleset.waivers, request.today)
    cache = ClaimCache(db) if db is not None else None
    with timed(request, "reading and extracting", progress=False):
        gathered = gather(request, ruleset, cache, reader)
    with timed(request, f"evaluating {plural(len(ruleset.rules), 'rule')}"):
        report = evaluate_gathered(
            ruleset,
            gathered,
            keep_undecided=request.show_undecided,
            pairs=request.pairs or pairwise,
            cite=DEFAULT_CITE if request.cite is None else request.cite,
            cache=cache,
        )
    return ruleset, gathered, accepted_report(report, ruleset.waivers, request.today)


def fail_on_threshold_exceeded(report: Report, fail_on: str) -> bool:
    """Whether any finding is at or above the ``--fail-on`` severity."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in report.findings)


def render_context(
    ruleset: RuleSet, claims: Sequence[Claim], request: CheckRequest
) -> RenderContext:
    """What reporters need to know about the rules and claims beside the report."""
    return RenderContext(
        claims=tuple(claims),
        color=request.color,
        show_undecided=request.show_undecided,
        rule_descriptions=tuple((r.name, r.message or rule_statement(r)) for r in ruleset.rules),
        rule_statements=tuple((r.name, rule_statement(r)) for r in ruleset.rules),
        rule_severities=tuple((r.name, r.severity) for r in ruleset.rules),
        show_pairs=request.pairs,
        statistics=request.statistics,
        quiet=request.quiet,
        project=ProjectPaths(str(request.project_root or request.cwd), request.cwd),
    )


def save_baseline(path: Path, findings: Sequence[Finding], reader: FileReader) -> None:
    """Write the baseline and say so on stderr; an unwritable path, or one the run read
    through ``reader``, is a usage error."""
    refuse_clash(path, reader)
    try:
        write_baseline(path, findings)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
    complain(f"wrote {plural(len(findings), 'accepted finding')} to {shown(str(path))}")
