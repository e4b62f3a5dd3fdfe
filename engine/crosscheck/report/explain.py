"""Text for ``crosscheck explain``: what each measure bound, what each rule decided,
and why a number on a given line was or was not bound. Pure: strings in, string out.

Every value taken from an input (paths, quoted text, sources, lines of articles) is
escaped (``text.escape.shown``), so none drives a terminal or starts a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.printer import format_statement
from crosscheck.evaluate.trace import RuleDecision, RuleTrace
from crosscheck.extract.records import Decision
from crosscheck.interval import Truth
from crosscheck.model import Claim, Document, Finding, Skipped
from crosscheck.report.text import describe_interval
from crosscheck.text.escape import shown
from crosscheck.text.written import Positions, positions

_INDENT = "  "
_TRUTH_ORDER = (Truth.FAILS, Truth.UNDECIDED, Truth.HOLDS)
_LABEL_WIDTH = len("UNDECIDED") + 1


@dataclass(frozen=True)
class Examined:
    """One document and what extraction decided about each number in it."""

    document: Document
    decisions: tuple[Decision, ...]
    _lines: Positions = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lines", positions(self.document))

    @property
    def file(self) -> str:
        """The file the document's lines are lines of."""
        return self.document.file or self.document.path

    def position(self, offset: int) -> tuple[int, int]:
        """File line and column of a character offset in the document's text."""
        return self._lines.position(offset)

    def location(self, decision: Decision) -> str:
        """``path:line:col`` of a decision's number."""
        line, column = self.position(decision.start)
        return f"{shown(self.file)}:{line}:{column}"

    def line_text(self, line: int) -> str | None:
        """The text of a file line of the document, ``None`` if it is not in its body
        (a record of a JSON-lines file: its text as written on its line)."""
        document = self.document
        if document.file is not None:
            on_line = line == document.line_offset + 1
            return (document.written or document.text) if on_line else None
        index = line - 1 - self.document.line_offset
        lines = self.document.text.split("\n")
        return lines[index] if 0 <= index < len(lines) else None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _origin(claim: Claim) -> str:
    return f"({shown(claim.cited_as())})"


def _reading(decision: Decision) -> str:
    """``"approximately 1,100" → [990, 1,210]``, or just the text when it is no amount."""
    stated = shown(decision.stated)
    if decision.claim is not None:
        value = describe_interval(decision.claim.interval, decision.claim.unit)
        return f'"{stated}" → {value}'
    if decision.mention is not None:
        value = describe_interval(decision.mention.interval, decision.mention.unit)
        return f'"{stated}" → {value}'
    return f'"{stated}"'


# ------------------------------------------------------------------ measures


def render_measure(ruleset: RuleSet, name: str, examined: Sequence[Examined]) -> str:
    """A measure's declaration, the claims it bound and the phrase that bound each,
    then the numbers next to one of its phrases that it did not bind, and why."""
    phrases = {p.lower() for p in ruleset.when_of(name)}
    bound: list[str] = []
    missed: list[str] = []
    for item in examined:
        for decision in item.decisions:
            if decision.measure == name and decision.claim is not None:
                bound.append(_bound_line(item, decision))
            elif decision.claim is None and (decision.phrase or "").lower() in phrases:
                missed.append(f"{item.location(decision)}: {_reading(decision)}")
                missed.append(f"{_INDENT * 2}because {shown(decision.reason)}")
    lines = [format_statement(ruleset.measures[name]), ""]
    lines.append(f"{_INDENT}bound: {_plural(len(bound), 'claim')}")
    lines.extend(_INDENT * 2 + line for line in bound)
    if missed:
        lines.append(f"{_INDENT}next to a phrase of {name} but not bound:")
        lines.extend(_INDENT * 2 + line for line in missed)
    return "\n".join(lines) + "\n"


def _bound_line(item: Examined, decision: Decision) -> str:
    assert decision.claim is not None
    how = f'by "{shown(decision.phrase)}"' if decision.phrase else f"({shown(decision.reason)})"
    return f"{item.location(decision)}: {_reading(decision)} {how} {_origin(decision.claim)}"


# ------------------------------------------------------------------ rules


def render_rule(trace: RuleTrace) -> str:
    """A rule's declaration, each decision it made (failures first) with the values
    compared and the claims behind them, the claims it skipped, and a tally."""
    lines = [format_statement(trace.rule), ""]
    for truth in _TRUTH_ORDER:
        for decision in trace.decisions:
            if decision.truth is truth:
                lines.extend(_decision_lines(decision))
    lines.extend(_skipped_line(s) for s in trace.skipped)
    tally = ", ".join(
        f"{trace.count(t)} {word}"
        for t, word in zip(_TRUTH_ORDER, ("fail", "undecided", "hold"), strict=True)
    )
    summary = f"{_plural(len(trace.decisions), 'decision')}: {tally}"
    if trace.skipped:
        summary += f"; {_plural(len(trace.skipped), 'claim')} skipped"
    if trace.cut:
        summary += f"; stopped after the first {len(trace.decisions):,} (the rest not shown)"
    lines.append(_INDENT + summary)
    lines.extend(_finding_lines(f) for f in trace.findings)
    pairs = sum(f.pairs for f in trace.findings)
    lines.append(
        f"{_INDENT}{_plural(len(trace.findings), 'finding')} from "
        f"{_plural(pairs, 'pairwise violation')} (the FAILS above)"
    )
    return "\n".join(lines) + "\n"


def _finding_lines(finding: Finding) -> str:
    """A finding: its message, the claims it cites by group, the failing decisions it covers."""
    pad = _INDENT + " " * _LABEL_WIDTH
    lines = [f"{_INDENT}{'FINDING'.ljust(_LABEL_WIDTH)}{shown(finding.message)}"]
    for group in finding.cited:
        more = group.total - len(group.claims)
        cited = ", ".join(f'"{shown(c.stated)}" at {shown(c.location())}' for c in group.claims)
        lines.append(f"{pad}{group.role} ({_plural(group.total, 'claim')}): {cited}")
        if more:
            lines[-1] += f" and {more} more"
    lines.append(f"{pad}covers {_plural(finding.pairs, 'FAIL')} above")
    return "\n".join(lines)


def _decision_lines(decision: RuleDecision) -> list[str]:
    label = decision.truth.name.ljust(_LABEL_WIDTH)
    lines = [f"{_INDENT}{label}{shown(decision.values)}: {shown(decision.verdict)}"]
    pad = _INDENT + " " * _LABEL_WIDTH
    lines.extend(f'{pad}"{shown(c.stated)}" at {shown(c.location())}' for c in decision.claims)
    return lines


def _skipped_line(skipped: Skipped) -> str:
    claim = skipped.claim
    label = "SKIPPED".ljust(_LABEL_WIDTH)
    return (
        f'{_INDENT}{label}{shown(claim.measure)} "{shown(claim.stated)}" {_origin(claim)} '
        f"at {shown(claim.location())}: {shown(skipped.reason)}"
    )


# ------------------------------------------------------------------ one line


def decisions_on_line(
    item: Examined, line: int, column: int | None = None
) -> list[tuple[int, Decision]]:
    """The decisions about numbers starting on ``line`` (covering ``column`` when
    given), each with its column."""
    found: list[tuple[int, Decision]] = []
    for decision in item.decisions:
        start_line, start_column = item.position(decision.start)
        if start_line != line:
            continue
        width = decision.end - decision.start
        if column is None or start_column <= column < start_column + max(width, 1):
            found.append((start_column, decision))
    return found


def render_line(item: Examined, line: int, column: int | None = None) -> str:
    """The text of one line of a document, then for each number on it (or the one at
    ``column``) whether it became a claim, and the steps that decided it."""
    text = item.line_text(line)
    head = f"{shown(item.file)}:{line}" + (f":{column}" if column is not None else "")
    if text is None:
        return f"{head}: no such line in the article's text\n"
    lines = [head, f"{_INDENT}| {shown(text)}"]
    found = decisions_on_line(item, line, column)
    if not found:
        where = "at this column" if column is not None else "on this line"
        lines.append(f"{_INDENT}no number {where}")
    for start_column, decision in found:
        lines.extend(_number_lines(line, start_column, decision))
    return "\n".join(lines) + "\n"


def _number_lines(line: int, column: int, decision: Decision) -> list[str]:
    outcome = f"a {decision.measure} claim" if decision.claim is not None else "not a claim"
    lines = [f"{line}:{column} {_reading(decision)}: {outcome}"]
    lines.append(f"{_INDENT}because {shown(decision.reason)}")
    lines.extend(f"{_INDENT}- {shown(step)}" for step in decision.steps)
    return lines
