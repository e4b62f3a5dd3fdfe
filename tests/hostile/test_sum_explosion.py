"""Issue 19, item 11: sums are decided from each claim's extremes, not over every choice.

Sums were evaluated over ``itertools.product`` of each term's claims: 20 terms took
2.4 s, 24 terms 27 s, and ``k + k + k <= c per document`` with 200 claims in one
document ran past 60 s. A document's sums are now one side (docs/semantics.md §4.2),
decided by the choice of claims that comes closest to failing, which is found from
each claim's own contribution. Bounded is checked by counting the weights worked out
(the evaluator's unit of work), and end to end by a subprocess with a deadline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck.evaluate.extremes as extremes
from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate.context import Context, Decided
from crosscheck.evaluate.dispatch import check_rule
from crosscheck.interval import Interval
from crosscheck.model import Claim, Violation


def claim(measure: str, value: int, document: str, start: int) -> Claim:
    return Claim(
        measure=measure,
        interval=Interval.point(value),
        unit="item",
        stated=str(value),
        document=document,
        source=document,
        start=start,
        end=start + 3,
    )


@pytest.fixture
def weights(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A counter of the claim weights the evaluator works out."""
    count = [0]
    weigh = extremes.weight_of

    def counted(*args: object, **kwargs: object) -> extremes.Weight:
        count[0] += 1
        return weigh(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extremes, "weight_of", counted)
    yield count


def violations(ruleset: RuleSet, claims: list[Claim]) -> list[Violation]:
    rule = ruleset.rules[0]
    return check_rule(rule, Context.build(ruleset, claims), Decided(rule, True)).violations


THREE = "measure k: count\nmeasure c: count\nrule r: k + k + k <= c per document\n"


def test_200_claims_of_one_measure_summed_three_times(weights: list[int]) -> None:
    ruleset = build_ruleset([parse(THREE, "three.rules")])
    claims = [claim("k", 100 + i, "a.txt", 10 * i) for i in range(200)]
    claims.append(claim("c", 250, "a.txt", 5000))
    found = violations(ruleset, claims)  # 1,313,400 sums of three before
    assert [[c.stated for c in v.claims] for v in found] == [["297", "298", "299", "250"]]
    assert weights[0] < 20 * len(claims)  # a few per claim, not one per choice


def test_30_terms_in_13_documents(weights: list[int]) -> None:
    names = [f"m{i}" for i in range(30)]
    text = "".join(f"measure {m}: count\n" for m in names) + "measure c: count\n"
    ruleset = build_ruleset([parse(text + f"rule r: {' + '.join(names)} <= c per document\n", "t")])
    claims = [
        claim(m, 10 + j, f"d{d:02}.txt", 100 * i + j)
        for d in range(13)
        for i, m in enumerate(names)
        for j in range(2)
    ]
    claims += [claim("c", 50, f"d{d:02}.txt", 9999) for d in range(13)]
    found = violations(ruleset, claims)  # 2^30 sums in each document before
    assert len(found) == 13  # one per document: its sums against its c
    assert all([c.stated for c in v.claims] == ["11"] * 30 + ["50"] for v in found)
    assert weights[0] < 20 * len(claims)


def test_check_with_sums_of_200_claims_finishes(tmp_path: Path) -> None:
    rules = tmp_path / "three.rules"
    rules.write_text(THREE, encoding="utf-8")
    lines = [
        {"measure": "k", "low": 100 + i, "high": 100 + i, "document": "a.txt", "start": 10 * i}
        for i in range(200)
    ]
    lines.append({"measure": "c", "low": 250, "high": 250, "document": "a.txt", "start": 5000})
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    command = [sys.executable, "-m", "crosscheck", "check", "--claims", str(claims)]
    command += ["--rules", str(rules), "--no-cache", "--format", "json", "--pairs"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr[-2000:]
    report = json.loads(done.stdout)
    cited = [
        [c["stated"] for c in v["claims"]] for f in report["findings"] for v in f["violations"]
    ]
    assert cited == [["297", "298", "299", "250"]]
