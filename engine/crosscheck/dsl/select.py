"""Choosing the rules a check runs: ``--select`` and ``--ignore``.

A pattern is a rule name, a glob over names (``death_*``, as ``fnmatch``, case
sensitive) or ``severity:LEVEL`` (the rules of that declared severity). A rule runs
when some ``select`` pattern matches it and no ``ignore`` pattern does; a pattern that
matches no rule of the rule set is a mistake (a misspelt name) and is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fnmatch import fnmatchcase

from crosscheck.dsl.ast import Rule, RuleSet
from crosscheck.model import Severity

SEVERITY_PREFIX = "severity:"
EVERY_RULE = "*"


class SelectionError(ValueError):
    """A pattern of ``select`` or ``ignore`` (``setting``) that names no rule, or no
    known severity."""

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(message)
        self.setting = setting


def matches(pattern: str, rule: Rule) -> bool:
    """Whether ``pattern`` (a name, a glob or ``severity:LEVEL``) matches ``rule``."""
    if pattern.startswith(SEVERITY_PREFIX):
        return rule.severity.value == pattern.removeprefix(SEVERITY_PREFIX)
    return fnmatchcase(rule.name, pattern)


def _check(setting: str, pattern: str, ruleset: RuleSet) -> None:
    if pattern.startswith(SEVERITY_PREFIX):
        level = pattern.removeprefix(SEVERITY_PREFIX)
        known = [severity.value for severity in Severity]
        if level not in known:
            raise SelectionError(
                setting,
                f"`{pattern}`: unknown severity; expected severity:{', severity:'.join(known)}",
            )
        return
    if pattern != EVERY_RULE and not any(matches(pattern, r) for r in ruleset.rules):
        names = ", ".join(rule.name for rule in ruleset.rules) or "none"
        raise SelectionError(setting, f"`{pattern}` matches no rule (the rules: {names})")


def select_rules(ruleset: RuleSet, select: Sequence[str], ignore: Sequence[str]) -> RuleSet:
    """The rule set with only the rules selected and not ignored (and their waivers)."""
    for setting, patterns in (("select", select), ("ignore", ignore)):
        for pattern in patterns:
            _check(setting, pattern, ruleset)
    kept = tuple(
        rule
        for rule in ruleset.rules
        if any(matches(p, rule) for p in select) and not any(matches(p, rule) for p in ignore)
    )
    if len(kept) == len(ruleset.rules):
        return ruleset
    names = {rule.name for rule in kept}
    waivers = tuple(waiver for waiver in ruleset.waivers if waiver.rule in names)
    return replace(ruleset, rules=kept, waivers=waivers)
