"""A check's steps as the person running it sees them: the rules chosen, and each step
shown while it runs (on a terminal) and timed (with ``--verbose``)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from crosscheck.cli.commands.check_request import CheckRequest
from crosscheck.cli.console import EXIT_USAGE, complain, phase, verbose_note
from crosscheck.cli.messages import brief
from crosscheck.config.discover import COMMAND_LINE
from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.select import SelectionError, select_rules
from crosscheck.text.escape import shown


def selected(ruleset: RuleSet, request: CheckRequest) -> RuleSet:
    """The rules ``select`` and ``ignore`` keep; a pattern naming no rule exits 2, naming
    where the patterns came from (the command line, or the configuration's line)."""
    try:
        return select_rules(ruleset, request.select, request.ignore)
    except SelectionError as err:
        where = dict(request.origins).get(err.setting, COMMAND_LINE)
        where = f"--{err.setting}" if where == COMMAND_LINE else where
        complain(f"{shown(where)}: error: {err.setting}: {brief(str(err))}")
        raise SystemExit(EXIT_USAGE) from None


@contextmanager
def timed(request: CheckRequest, label: str, progress: bool = True) -> Iterator[None]:
    """Run a step: ``label`` on a terminal while it runs (unless it shows its own
    ``progress``), and how long it took with ``--verbose``."""
    started = time.process_time()
    with phase(label + "…") if progress else nullcontext():
        yield
    if request.verbose:
        verbose_note(f"{label}: {time.process_time() - started:.2f} s of CPU")
