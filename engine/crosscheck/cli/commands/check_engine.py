"""``check --engine dask``: the check's claims gathered and evaluated on a Dask cluster
(``crosscheck.scale.check``), with what that run has to say printed on stderr."""

from __future__ import annotations

import os

from crosscheck.cli.commands.check_request import CheckRequest
from crosscheck.cli.console import EXIT_BAD_INPUT, EXIT_USAGE, complain
from crosscheck.cli.messages import load_error_text
from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.model import DEFAULT_CITE, Report
from crosscheck.pipeline.gather import Gathered
from crosscheck.text.escape import shown

_MISSING = "error: --engine dask needs Dask and pyarrow: pip install 'crosscheck-news[scale]'"


def gathered_on_dask(
    request: CheckRequest, ruleset: RuleSet, reader: FileReader
) -> tuple[Gathered, Report]:
    """What was read and the report (waivers not applied) of a check run on Dask; a
    group too large for one worker is a warning on stderr."""
    try:
        from crosscheck.scale.check import EngineRequest, check_on_dask
    except ImportError:
        complain(_MISSING)
        raise SystemExit(EXIT_USAGE) from None
    engine = EngineRequest(
        paths=request.paths,
        claims=request.claims,
        manifest=request.manifest,
        selection=request.selection,
        scheduler=request.scheduler,
        workers=request.jobs or os.cpu_count() or 1,
        cite=DEFAULT_CITE if request.cite is None else request.cite,
    )
    try:
        result = check_on_dask(engine, ruleset, reader)
    except OSError as err:  # the scheduler cannot be reached
        complain(f"error: cannot run on Dask: {shown(str(err))}")
        raise SystemExit(EXIT_USAGE) from None
    if request.strict and any(error.is_error for error in result.errors):
        complain(load_error_text(next(e for e in result.errors if e.is_error)))
        raise SystemExit(EXIT_BAD_INPUT)
    for note in result.large:
        complain(f"warning: {shown(note)}")
    documents = result.report.documents
    return Gathered(documents=documents, errors=result.errors), result.report
