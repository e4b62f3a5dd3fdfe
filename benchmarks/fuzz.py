"""Fuzz crosscheck's three readers of untrusted input with hypothesis, and count crashes.

    python benchmarks/fuzz.py [--examples 35000] [--seed 0]

Each target gets --examples generated inputs (three targets: the default is 105,000
inputs in all):

* rule files: text built from the rule language's own words, numbers of any size,
  quotes, comments, line ends of every kind, control characters and stray Unicode,
  read as ``crosscheck lint`` and ``check`` read them (parse, check, build);
* articles: text built from reporting's words (numbers, hedges, ranges, units, dates,
  scale words, sentence ends) and hostile characters, extracted under the sample rules;
* claims lines: JSON objects with the contract's keys holding values of every JSON
  type (huge and tiny numbers, nesting, lone surrogates), read as ``--claims`` reads
  them.

A crash is any exception other than the error a reader reports for bad input
(``RuleFileError``, ``LoadProblem``). The script prints inputs and crashes per target;
it exits 1 if anything crashed, printing the first input that did.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.errors import RuleFileError
from crosscheck.extract import Extractor
from crosscheck.hedges import ReadingSettings
from crosscheck.load.claims import claim_from_json
from crosscheck.load.errors import LoadProblem
from crosscheck.load.jsonline import json_object
from crosscheck.load.rules import load_rules
from crosscheck.model import Document

ROOT = Path(__file__).resolve().parents[1]

RULE_WORDS = (
    "measure", "rule", "subject", "origin", "phrases", "hedge", "tolerance", "vague", "import",
    "waive", "when", "unless", "of", "in", "count", "people", "length", "number", "percent",
    "mm", "km", "%", "cumulative", ",", ":", "=", "|", "..", "<=", "==", ">=", "+", "agree",
    "within", "exactly", "across", "sources", "origins", "per", "document", "source", "origin",
    "days", "nondecreasing", "over", "time", "severity", "error", "message", "reason",
    "until", "2025-06-30", '"killed"', '"kill+"', '"x"', "#", "std.casualties", "a", "b",
)  # fmt: skip
ARTICLE_WORDS = (
    "killed", "died", "deaths", "wounded", "injured", "casualties", "troops", "deployed",
    "about", "around", "over", "more than", "at least", "up to", "nearly", "not less than",
    "past", "some", "or more", "between", "and", "to", "-", "–", "thousand", "million",
    "lakh", "dozen", "several hundred", "thousands", "a third of", "40%", "percent", "mm",
    "240mm", "km", "on Monday", "Dec. 19", "in 2008", "according to", "said", "officials",
    "(", ")", ",", ".", "!", "?", "\n", "\r", "North Korean soldiers", "magnitude", "6.5",
    "10^9", "1e6", "×", "$", "€", "while180", "A380", "F-16", "'", '"', "…", "\u2028",
)  # fmt: skip
HOSTILE = st.sampled_from(["\x00", "\x1b[2J", "\x85", "\u202e", "\ufeff", "\udfff", "\r\n", "\t"])
NUMBERS = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.integers(0, 10**6).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.integers(1, 6000).map(lambda n: "9" * n),
)


def _text(words: tuple[str, ...]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(words), NUMBERS, HOSTILE, st.text(max_size=4))
    return st.lists(piece, max_size=40).map(" ".join)


JSON_SCALAR = st.one_of(
    st.none(), st.booleans(), NUMBERS, st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False), st.text(max_size=8), st.sampled_from(["killed", "\ud800"]),
)  # fmt: skip


def _nested(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)


JSON_VALUE = st.recursive(JSON_SCALAR, _nested, max_leaves=8)
CLAIM_KEYS = (
    "measure", "low", "high", "value", "unit", "hedge", "document", "source", "date", "start",
    "end", "line", "column", "origin", "as_of", "low_inclusive", "high_inclusive", "stated",
)  # fmt: skip
CLAIM_LINE = st.dictionaries(st.sampled_from(CLAIM_KEYS), JSON_VALUE, max_size=8)


@dataclass
class Tally:
    """Inputs tried and crashes seen for one target."""

    name: str
    tried: int = 0
    crashes: list[tuple[object, BaseException]] = field(default_factory=list)


def rule_file(text: str) -> None:
    """Read a rule file's text as lint and check do."""
    with contextlib.suppress(RuleFileError):
        build_ruleset([parse(text, "fuzz.rules")])


def article(extractor: Extractor) -> Callable[[str], None]:
    """Extract an article's claims under the sample rules."""

    def run(text: str) -> None:
        extractor.claims(Document(path="fuzz.md", text=text, source="Fuzz"))

    return run


def claims_line(reading: tuple[object, ReadingSettings]) -> Callable[[object], None]:
    """Read one claims line as ``--claims`` does."""
    ruleset, settings = reading

    def run(obj: object) -> None:
        try:
            raw = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
            claim_from_json(json_object(raw, exact=True), ruleset, settings)  # type: ignore[arg-type]
        except LoadProblem:
            pass

    return run


def fuzz(
    tally: Tally,
    strategy: st.SearchStrategy[object],
    target: Callable[[object], None],
    n: int,
    seed: int,
) -> None:
    """Run ``target`` on ``n`` inputs drawn from ``strategy``, recording crashes."""

    @settings(
        max_examples=n, database=None, deadline=None, derandomize=False,
        suppress_health_check=list(HealthCheck), phases=("generate",),
    )  # fmt: skip
    @given(strategy)
    def each(value: object) -> None:
        tally.tried += 1
        try:
            target(value)
        except Exception as err:  # a crash is what this counts
            tally.crashes.append((value, err))

    each._hypothesis_internal_use_seed = seed  # type: ignore[attr-defined]
    each()


def main() -> int:
    """Fuzz every target and print what happened."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=35_000)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    ruleset = load_rules(ROOT / "rules" / "nk_deployment.rules")
    reading = (ruleset, ReadingSettings.with_overrides(ruleset.hedges, ruleset.vague))
    targets: list[tuple[Tally, st.SearchStrategy[object], Callable[[object], None]]] = [
        (Tally("rule files"), _text(RULE_WORDS), rule_file),  # type: ignore[list-item]
        (Tally("articles"), _text(ARTICLE_WORDS), article(Extractor(ruleset))),  # type: ignore[list-item]
        (Tally("claims lines"), CLAIM_LINE, claims_line(reading)),  # type: ignore[list-item]
    ]
    total_crashes = 0
    for tally, strategy, target in targets:
        start = time.perf_counter()
        fuzz(tally, strategy, target, options.examples, options.seed)
        seconds = time.perf_counter() - start
        crashed = len(tally.crashes)
        print(f"{tally.name:14} {tally.tried:7,d} inputs  {crashed:3d} crashes  {seconds:6.1f} s")
        total_crashes += len(tally.crashes)
        for value, err in tally.crashes[:1]:
            print(f"   first crash: {type(err).__name__}: {err}\n   input: {value!r:.300}")
    tried = sum(t.tried for t, _, _ in targets)
    print(f"total          {tried:7,d} inputs  {total_crashes:3d} crashes")
    return 1 if total_crashes else 0


if __name__ == "__main__":
    sys.exit(main())
