"""Reading rule-test files: fixture articles with the rules expected to fire on them.

A test file (YAML, described in docs/rule-tests.md) names a rule file and lists
tests; each gives a few short articles and the rules expected to fire on them
(or ``ok``), optionally the claims expected for some measures. Running a test
extracts the claims of its articles and evaluates the rules, exactly as
``crosscheck check`` does. Everything here is pure except ``load_test_file``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from crosscheck.load.errors import LoadError, LoadProblem
from crosscheck.load.metadata import parse_iso_date
from crosscheck.load.yamltext import compose, mapping_items, position, value_of

OK = "ok"
_FILE_KEYS = ("rules", "tests")
_TEST_KEYS = ("name", "articles", "expect", "claims")
_ARTICLE_KEYS = ("source", "text", "date", "name", "url", "title")


class RuleTestFileError(Exception):
    """A test file that cannot be read as one; ``errors`` lists every problem."""

    def __init__(self, errors: Sequence[LoadError]) -> None:
        super().__init__("\n".join(e.render() for e in errors))
        self.errors = tuple(errors)


@dataclass(frozen=True)
class Article:
    """A fixture article: its text, who published it and when."""

    name: str
    source: str
    text: str
    date: date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Named:
    """A rule or measure named in an expectation, and where (for error messages)."""

    name: str
    line: int
    column: int


@dataclass(frozen=True)
class RuleTest:
    """One test: articles, the rules expected to fire (with an exact count, or
    ``None`` for at least once), and the claims expected per measure, if given."""

    name: str
    line: int
    articles: tuple[Article, ...]
    expect: tuple[tuple[Named, int | None], ...]
    claims: tuple[tuple[Named, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class RuleTestFile:
    """A parsed test file; ``rules`` is the rule path as written (relative to it)."""

    path: str
    rules: str
    tests: tuple[RuleTest, ...]


# ------------------------------------------------------------------ reading


def load_test_file(path: Path) -> RuleTestFile:
    """Read and parse a test file (the only I/O here); raises ``RuleTestFileError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleTestFileError([LoadError(path.as_posix(), f"cannot read: {err}")]) from None
    return parse_test_file(text, path.as_posix())


def parse_test_file(text: str, path: str) -> RuleTestFile:
    """The tests of a test file's text; raises ``RuleTestFileError`` listing every problem."""
    problems: list[LoadProblem] = []
    try:
        root = compose(text)
        if root is None:
            raise LoadProblem("empty test file: expected `rules:` and `tests:`", 1, 1)
        fields = {key: value for key, _, value in _known(root, "test file", _FILE_KEYS)}
        rules = _text(_required(fields, "rules", root, "test file"), "rules")
        tests = _tests(_required(fields, "tests", root, "test file"), problems)
    except LoadProblem as problem:
        problems.insert(0, problem)
    if problems:
        raise RuleTestFileError([p.at(path) for p in problems])
    return RuleTestFile(path, rules, tests)


def _known(
    node: yaml.Node, what: str, keys: Sequence[str]
) -> list[tuple[str, yaml.Node, yaml.Node]]:
    items = mapping_items(node, what)
    for key, key_node, _ in items:
        if key not in keys:
            close = difflib.get_close_matches(key, keys, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise LoadProblem(f"{what}: unknown key `{key}`{hint}", *position(key_node))
    return items


def _required(fields: dict[str, yaml.Node], key: str, owner: yaml.Node, what: str) -> yaml.Node:
    if key not in fields:
        raise LoadProblem(f"{what}: `{key}` is missing", *position(owner))
    return fields[key]


def _text(node: yaml.Node, what: str) -> str:
    value = value_of(node)
    if not isinstance(value, str) or not value.strip():
        raise LoadProblem(f"`{what}` must be non-empty text", *position(node))
    return value


def _sequence(node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise LoadProblem(f"`{what}` must be a non-empty list (`- ...` lines)", *position(node))
    return list(node.value)


def _tests(node: yaml.Node, problems: list[LoadProblem]) -> tuple[RuleTest, ...]:
    tests: list[RuleTest] = []
    seen: set[str] = set()
    for item in _sequence(node, "tests"):
        try:
            test = _test(item)
        except LoadProblem as problem:
            problems.append(problem)
            continue
        if test.name in seen:
            problems.append(LoadProblem(f"two tests are named {test.name!r}", *position(item)))
        seen.add(test.name)
        tests.append(test)
    return tuple(tests)


def _test(node: yaml.Node) -> RuleTest:
    fields = {key: value for key, _, value in _known(node, "test", _TEST_KEYS)}
    name = _text(_required(fields, "name", node, "test"), "name")
    articles = tuple(
        _article(item, n)
        for n, item in enumerate(_sequence(_required(fields, "articles", node, "test"), "articles"))
    )
    expect = _expect(_required(fields, "expect", node, f"test {name!r}"))
    claims = _claims(fields["claims"]) if "claims" in fields else ()
    return RuleTest(name, position(node)[0], articles, expect, claims)


def _article(node: yaml.Node, index: int) -> Article:
    fields = {key: value for key, _, value in _known(node, "article", _ARTICLE_KEYS)}
    get = {k: _text(v, k) for k, v in fields.items() if k != "date"}
    for key in ("source", "text"):
        if key not in get:
            raise LoadProblem(f"article: `{key}` is missing", *position(node))
    day = None
    if "date" in fields:
        try:
            day = parse_iso_date(str(value_of(fields["date"])))
        except LoadProblem as problem:
            raise LoadProblem(problem.message, *position(fields["date"])) from None
    name = get.get("name", f"article-{index + 1}")
    return Article(name, get["source"], get["text"], day, get.get("url"), get.get("title"))


def _expect(node: yaml.Node) -> tuple[tuple[Named, int | None], ...]:
    if isinstance(node, yaml.ScalarNode) and value_of(node) == OK:
        return ()
    if isinstance(node, yaml.SequenceNode):
        return tuple((_named(item, "rule"), None) for item in node.value)
    if isinstance(node, yaml.MappingNode):
        return tuple((_named(key, "rule"), _count(value)) for key, value in node.value)
    raise LoadProblem(
        "`expect` must be `ok`, a list of rule names, or a mapping of rule names to counts",
        *position(node),
    )


def _named(node: yaml.Node, what: str) -> Named:
    value = value_of(node)
    if not isinstance(value, str) or not value:
        raise LoadProblem(f"expected a {what} name", *position(node))
    return Named(value, *position(node))


def _count(node: yaml.Node) -> int:
    value = value_of(node)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise LoadProblem("a count must be a whole number, 0 or more", *position(node))
    return value


def _claims(node: yaml.Node) -> tuple[tuple[Named, tuple[str, ...]], ...]:
    if not isinstance(node, yaml.MappingNode):
        raise LoadProblem("`claims` must map measure names to lists of texts", *position(node))
    found: list[tuple[Named, tuple[str, ...]]] = []
    for key, value in node.value:
        texts = value_of(value)
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise LoadProblem(
                'expected a list of quoted texts, e.g. ["about 1,000"] '
                "(unquoted, the comma in 1,000 would split it in two)",
                *position(value),
            )
        found.append((_named(key, "measure"), tuple(texts)))
    return tuple(found)
