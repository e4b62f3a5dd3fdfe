"""Lint: what a rule file says that is legal but probably not meant.

Each check is one small function (in ``lint_phrases`` and ``lint_rules``) whose
docstring shows a PASS and a FAIL example; ``CHECKS`` lists them with their
codes. ``lint`` runs them all over a checked rule set. A finding is silenced by
a comment on its line that says ``lint: ignore[CODE, ...]`` (or ``lint: ignore``
for every code), followed by the reason::

    measure artillery_caliber: length in mm  # lint: ignore[unused-measure] for explain only

Such comments are checked too: unknown codes and ignores that silence nothing
are findings of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.errors import did_you_mean
from crosscheck.dsl.lint.context import Finding, Found, LintContext
from crosscheck.dsl.lint.origins import overlapping_origins, unused_origins
from crosscheck.dsl.lint.phrases import (
    conflicting_phrases,
    repeated_phrases,
    shadowed_phrases,
    shared_phrases,
    unused_measures,
    unused_subjects,
)
from crosscheck.dsl.lint.rules import (
    always_fires,
    expired_waivers,
    never_fires,
    repeated_rules,
    repeated_waivers,
    self_comparisons,
)


@dataclass(frozen=True)
class Check:
    """A lint check and the code of its findings."""

    code: str
    run: Callable[[LintContext], Iterator[Found]]


CHECKS: tuple[Check, ...] = (
    Check("unused-measure", unused_measures),
    Check("unused-subject", unused_subjects),
    Check("unused-origin", unused_origins),
    Check("overlapping-origin", overlapping_origins),
    Check("duplicate-phrase", repeated_phrases),
    Check("duplicate-phrase", shared_phrases),
    Check("conflicting-phrase", conflicting_phrases),
    Check("shadowed-phrase", shadowed_phrases),
    Check("never-fires", never_fires),
    Check("always-fires", always_fires),
    Check("self-comparison", self_comparisons),
    Check("redundant-rule", repeated_rules),
    Check("expired-waiver", expired_waivers),
    Check("duplicate-waiver", repeated_waivers),
)
UNKNOWN_CODE = "unknown-lint-code"
UNUSED_IGNORE = "unused-ignore"
CODES: tuple[str, ...] = (
    *dict.fromkeys(check.code for check in CHECKS),
    UNKNOWN_CODE,
    UNUSED_IGNORE,
)

_IGNORE = re.compile(r"\blint:\s*ignore\b(?:\[([^\]]*)\])?")


def lint(
    ruleset: RuleSet, texts: Mapping[str, str] | None = None, today: dt.date | None = None
) -> list[Finding]:
    """Every finding about a checked rule set, in file order.

    ``texts`` (path -> text of each file of the rule set) places phrase findings
    exactly and enables ``lint: ignore`` comments; ``today`` enables the check
    for expired waivers.
    """
    context = LintContext(ruleset, texts or {}, today)
    findings = [
        Finding(
            found.span.path,
            found.span.line,
            found.span.column,
            check.code,
            found.message,
            found.hint,
            found.fix,
        )
        for check in CHECKS
        for found in check.run(context)
    ]
    findings = _apply_ignores(context, findings)
    order = {path: index for index, path in enumerate(ruleset.files)}
    return sorted(
        findings, key=lambda f: (order.get(f.path, len(order)), f.path, f.line, f.column, f.code)
    )


@dataclass
class _Ignore:
    """A ``lint: ignore`` comment and the codes it silenced."""

    path: str
    line: int
    column: int
    codes: tuple[str, ...] | None  # None: every code
    used: set[str]

    def silences(self, finding: Finding) -> bool:
        """Whether it silences ``finding`` (and remembers that it did)."""
        if (finding.path, finding.line) != (self.path, self.line):
            return False
        if self.codes is not None and finding.code not in self.codes:
            return False
        self.used.add(finding.code)
        return True


def _ignores(context: LintContext) -> Iterator[_Ignore]:
    for path in context.ruleset.files:
        scanned = context.scanned(path)
        for comment in scanned[1].comments if scanned else ():
            match = _IGNORE.search(comment.text)
            if match is None:
                continue
            listed = match.group(1)
            codes = (
                None if listed is None else tuple(filter(None, map(str.strip, listed.split(","))))
            )
            yield _Ignore(path, comment.line, comment.column, codes, set())


def _apply_ignores(context: LintContext, findings: list[Finding]) -> list[Finding]:
    """The findings no comment silences, and findings about the comments themselves."""
    ignores = list(_ignores(context))
    kept = [f for f in findings if not [i for i in ignores if i.silences(f)]]
    for ignore in ignores:
        kept.extend(_check_ignore(ignore))
    return kept


def _check_ignore(ignore: _Ignore) -> Iterator[Finding]:
    where = (ignore.path, ignore.line, ignore.column)
    for code in ignore.codes or ():
        if code not in CODES:
            hint = did_you_mean(code, CODES) or "codes: " + ", ".join(CODES)
            yield Finding(*where, UNKNOWN_CODE, f"unknown lint code `{code}`", hint)
        elif code not in ignore.used:
            yield Finding(
                *where,
                UNUSED_IGNORE,
                f"nothing on this line is a `{code}` finding",
                "delete it from the comment",
            )
    if not ignore.codes and not ignore.used:
        yield Finding(
            *where,
            UNUSED_IGNORE,
            "`lint: ignore` silences nothing on this line",
            "delete the comment",
        )
