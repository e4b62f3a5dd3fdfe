"""Parsing rule files into the typed syntax tree."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest
from lark import Lark
from lark.lexer import PatternStr

from crosscheck.dsl import RuleFileError, ast, parse
from crosscheck.dsl.ast import (
    Absolute,
    Agreement,
    Bounds,
    Comparison,
    Constant,
    HedgeTolerance,
    Import,
    Measure,
    MeasureRef,
    Monotonic,
    Op,
    Relative,
    Rule,
    Scope,
    ScopeKind,
    Subject,
    Sum,
    VagueAmount,
)
from crosscheck.dsl.parser import lark_parser
from crosscheck.dsl.syntax_errors import KEYWORDS, STATEMENT_KEYWORDS
from crosscheck.model import Severity

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "rules" / "nk_deployment.rules"
GRAMMAR = ROOT / "engine" / "crosscheck" / "dsl" / "grammar.lark"


def ref(name: str) -> MeasureRef:
    return MeasureRef(name)


def one(name: str) -> Sum:
    return Sum((MeasureRef(name),))


def only_statement(text: str) -> ast.Statement:
    statements = parse(text).statements
    assert len(statements) == 1
    return statements[0]


CONSTRUCTS: list[tuple[str, ast.Statement]] = [
    ('import "shared/common.rules"', Import("shared/common.rules")),
    ("tolerance approximately = 12.5%", HedgeTolerance("approximately", Fraction(25, 2))),
    ('tolerance "close to" = 5%', HedgeTolerance("close to", Fraction(5))),
    ("tolerance close   to = 5%", HedgeTolerance("close to", Fraction(5))),
    ('vague "a few dozen" = 24 .. 60', VagueAmount("a few dozen", Fraction(24), Fraction(60))),
    ('subject troops = "troops" | "soldiers"', Subject("troops", ("troops", "soldiers"))),
    (r'subject q = "say \"hi\" \\ now"', Subject("q", ('say "hi" \\ now',))),
    ('subject h = "a # not a comment"', Subject("h", ("a # not a comment",))),
    ("measure m: count", Measure("m", "count")),
    (
        'measure m: length in mm of s, cumulative when "a" | "b" unless "c"',
        Measure("m", "length", "mm", "s", True, ("a", "b"), ("c",)),
    ),
    (
        'measure m: people unless "c" when "a"',
        Measure("m", "people", None, None, False, ("a",), ("c",)),
    ),
    ("measure share: percent in %", Measure("share", "percent", "%")),
    ("rule r: a <= b", Rule("r", Comparison(one("a"), Op.LE, one("b")))),
    ("rule r: a < b", Rule("r", Comparison(one("a"), Op.LT, one("b")))),
    ("rule r: a >= b", Rule("r", Comparison(one("a"), Op.GE, one("b")))),
    ("rule r: a > b", Rule("r", Comparison(one("a"), Op.GT, one("b")))),
    ("rule r: a == b", Rule("r", Comparison(one("a"), Op.EQ, one("b")))),
    (
        "rule r: a + b == c within 10% per document",
        Rule(
            "r",
            Comparison(Sum((ref("a"), ref("b"))), Op.EQ, one("c"), Relative(Fraction(10))),
            Scope(ScopeKind.PER_DOCUMENT),
        ),
    ),
    ("rule r: a >= 0", Rule("r", Comparison(one("a"), Op.GE, Constant(Fraction(0))))),
    ("rule r: a <= 300 mm", Rule("r", Comparison(one("a"), Op.LE, Constant(Fraction(300), "mm")))),
    ("rule r: a <= 300mm", Rule("r", Comparison(one("a"), Op.LE, Constant(Fraction(300), "mm")))),
    ("rule r: 0 <= a", Rule("r", Comparison(Constant(Fraction(0)), Op.LE, one("a")))),
    (
        "rule r: a <= b within 5 mm",
        Rule("r", Comparison(one("a"), Op.LE, one("b"), Absolute(Fraction(5), "mm"))),
    ),
    (
        "rule r: a <= b within 5",
        Rule("r", Comparison(one("a"), Op.LE, one("b"), Absolute(Fraction(5)))),
    ),
    (
        "rule r: a agree within 15% across sources within 7 days",
        Rule("r", Agreement(ref("a"), Relative(Fraction(15))), Scope(ScopeKind.ACROSS_SOURCES, 7)),
    ),
    ("rule r: a agree exactly", Rule("r", Agreement(ref("a"), None))),
    (
        "rule r: a within 1 .. 100000",
        Rule("r", Bounds(ref("a"), Constant(Fraction(1)), Constant(Fraction(100000)))),
    ),
    (
        "rule r: a within 1 .. 5 mm",
        Rule("r", Bounds(ref("a"), Constant(Fraction(1), "mm"), Constant(Fraction(5), "mm"))),
    ),
    (
        "rule r: a within 0.5 km .. 900 m",
        Rule("r", Bounds(ref("a"), Constant(Fraction(1, 2), "km"), Constant(Fraction(900), "m"))),
    ),
    (
        "rule r: a nondecreasing over time within 5%",
        Rule("r", Monotonic(ref("a"), Relative(Fraction(5)))),
    ),
    (
        "rule r: a <= b per source within 1 day",
        Rule("r", Comparison(one("a"), Op.LE, one("b")), Scope(ScopeKind.PER_SOURCE, 1)),
    ),
    (
        "rule r: a <= b within 30 days",
        Rule("r", Comparison(one("a"), Op.LE, one("b")), Scope(ScopeKind.ACROSS_SOURCES, 30)),
    ),
    (
        'rule r: a <= b message "m" severity info',
        Rule("r", Comparison(one("a"), Op.LE, one("b")), Scope(), Severity.INFO, "m"),
    ),
    (
        'rule r: a <= b severity warning message "m"',
        Rule("r", Comparison(one("a"), Op.LE, one("b")), Scope(), Severity.WARNING, "m"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS])
def test_each_construct_parses_to_its_node(text: str, expected: ast.Statement) -> None:
    assert only_statement(text) == expected


def test_sample_rule_file_parses() -> None:
    text = SAMPLE.read_text("utf-8")
    rule_file = parse(text, "rules/nk_deployment.rules")
    keywords = [line.split()[0] for line in text.splitlines() if line[:1].isalpha()]
    kinds = {"rule": Rule, "measure": Measure, "subject": Subject, "vague": VagueAmount}
    for keyword, node_type in kinds.items():
        found = [s for s in rule_file.statements if isinstance(s, node_type)]
        assert len(found) == keywords.count(keyword)
    rules = {s.name: s for s in rule_file.statements if isinstance(s, Rule)}
    parts = rules["parts_add_up"]
    assert parts.body == Comparison(
        Sum((ref("killed"), ref("wounded"))), Op.EQ, one("casualties"), Relative(Fraction(10))
    )
    assert parts.scope.kind is ScopeKind.PER_DOCUMENT
    assert parts.severity is Severity.WARNING
    assert rule_file.path == "rules/nk_deployment.rules"


def test_line_breaks_carry_no_meaning() -> None:
    text = SAMPLE.read_text("utf-8")
    without_comments = "\n".join(line.split("#")[0] for line in text.splitlines())
    assert parse(" ".join(without_comments.split())) == parse(text)


def test_numbers_are_exact_fractions_of_the_written_text() -> None:
    rule = only_statement("rule r: a within 0.1 .. 1_000.25")
    assert isinstance(rule, Rule) and isinstance(rule.body, Bounds)
    assert rule.body.low.value == Fraction(1, 10)
    assert rule.body.high.value == Fraction(100025, 100)
    negative = only_statement("rule r: a > -2.5")
    assert isinstance(negative, Rule) and isinstance(negative.body, Comparison)
    assert negative.body.right == Constant(Fraction(-5, 2))


def test_every_node_carries_its_span() -> None:
    text = "# header\nmeasure a: count\n\nrule r:\n    a + b <= 7 within 2%\n    severity info\n"
    rule_file = parse(text, "x.rules")
    measure, rule = rule_file.statements
    assert isinstance(measure, Measure) and isinstance(rule, Rule)
    assert (measure.span.path, measure.span.line, measure.span.column) == ("x.rules", 2, 1)
    assert (rule.span.line, rule.span.column, rule.span.end_line) == (4, 1, 6)
    assert rule.span.end_column == len("    severity info")
    assert isinstance(rule.body, Comparison) and isinstance(rule.body.left, Sum)
    second = rule.body.left.terms[1]
    assert (second.span.line, second.span.column, second.span.end_column) == (5, 9, 9)
    assert rule.body.tolerance is not None and rule.body.tolerance.span.column == 16


def test_keywords_are_reserved_whole_words() -> None:
    with pytest.raises(RuleFileError):
        parse("measure time: duration")
    rule = only_statement("rule r: sources2 <= timer")
    assert isinstance(rule, Rule)
    assert rule.body == Comparison(one("sources2"), Op.LE, one("timer"))


def test_keyword_list_matches_the_grammar() -> None:
    words = {
        t.pattern.value
        for t in lark_parser().terminals
        if isinstance(t.pattern, PatternStr) and t.pattern.value.isalpha()
    }
    assert words == KEYWORDS


def test_parser_is_built_once() -> None:
    assert lark_parser() is lark_parser()


def test_grammar_has_no_conflicts_or_collisions_in_strict_mode() -> None:
    Lark(
        GRAMMAR.read_text("utf-8"),
        parser="lalr",
        lexer="contextual",
        strict=True,
        maybe_placeholders=True,
    )


def test_empty_and_comment_only_files_have_no_statements() -> None:
    assert parse("").statements == ()
    assert parse("# nothing here\n\n   # still nothing\n").statements == ()


def test_examples_in_the_language_reference_parse() -> None:
    doc = (ROOT / "docs" / "rule-language.md").read_text("utf-8")
    blocks = re.findall(r"```\n(.*?)```", doc, flags=re.DOTALL)
    examples = [b for b in blocks if b.split()[0] in STATEMENT_KEYWORDS and "NAME" not in b]
    assert len(examples) >= 8
    for example in examples:
        parse(example, "docs/rule-language.md")
