"""Running rule tests: extract the fixture articles' claims, evaluate, compare. Pure."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import evaluate
from crosscheck.extract import Extractor
from crosscheck.load.errors import LoadError
from crosscheck.model import Document, Finding
from crosscheck.ruletests.parse import RuleTest, RuleTestFile


def check_names(test_file: RuleTestFile, ruleset: RuleSet) -> list[LoadError]:
    """Problems with the rule and measure names a test file's expectations use."""
    rules = [r.name for r in ruleset.rules]
    errors: list[LoadError] = []
    for test in test_file.tests:
        named = [(n, "rule", rules) for n, _ in test.expect]
        named += [(n, "measure", list(ruleset.measures)) for n, _ in test.claims]
        for item, kind, known in named:
            if item.name not in known:
                close = difflib.get_close_matches(item.name, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                message = f"no {kind} named {item.name!r} in {test_file.rules}{hint}"
                errors.append(LoadError(test_file.path, message, item.line, item.column))
    return errors


@dataclass(frozen=True)
class RuleTestResult:
    """The outcome of one test: the findings it made, and what differed from the expectation."""

    test: RuleTest
    fired: tuple[Finding, ...]
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """Whether everything came out as expected."""
        return not self.problems


def documents_of(test: RuleTest) -> list[Document]:
    """The test's articles as documents."""
    return [
        Document(path=a.name, text=a.text, source=a.source, date=a.date, url=a.url, title=a.title)
        for a in test.articles
    ]


def run_test(
    test: RuleTest, ruleset: RuleSet, extractor: Extractor | None = None
) -> RuleTestResult:
    """Extract the claims of the test's articles, evaluate the rules, compare."""
    extractor = extractor or Extractor(ruleset)
    claims = [c for document in documents_of(test) for c in extractor.claims(document)]
    fired = evaluate(ruleset, claims).findings
    problems = _rule_problems(test, fired)
    for named, texts in test.claims:
        found = tuple(c.stated for c in claims if c.measure == named.name)
        if found != texts:
            problems.append(
                f"claims of {named.name}: expected {_texts(texts)}, found {_texts(found)}"
            )
    return RuleTestResult(test, fired, tuple(problems))


def _texts(texts: Iterable[str]) -> str:
    return "[" + ", ".join(f'"{t}"' for t in texts) + "]"


def _rule_problems(test: RuleTest, fired: Sequence[Finding]) -> list[str]:
    counts = Counter(v.rule for v in fired)
    expected = {named.name: count for named, count in test.expect}
    problems: list[str] = []
    for rule, count in expected.items():
        if count is None and counts[rule] == 0:
            problems.append(f"expected {rule} to fire, it did not")
        elif count is not None and counts[rule] != count:
            problems.append(
                f"expected {rule} to fire {_times(count)}, it fired {_times(counts[rule])}"
            )
    for finding in fired:
        if finding.rule not in expected:
            where = ", ".join(c.location() for c in finding.claims)
            problems.append(f"unexpected {finding.rule}: {finding.message} ({where})")
    return problems


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
