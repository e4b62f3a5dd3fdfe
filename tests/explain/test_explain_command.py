"""``crosscheck explain``: measures, rule decisions, and one line of an article."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import click
import pytest

from crosscheck.cli.commands.explain import LineRef, line_refs
from crosscheck.evaluate import evaluate, evaluate_pairs
from crosscheck.extract import Extractor
from crosscheck.load.articles import iter_documents
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim, Document
from crosscheck.report.explain import Examined, decisions_on_line

ROOT = Path(__file__).resolve().parents[2]
Run = Callable[[Sequence[str]], int]


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def corpus_claims() -> list[Claim]:
    extractor = Extractor(load_rules(Path("rules")))
    docs = [d for d in iter_documents([Path("corpus")]) if isinstance(d, Document)]
    return [c for d in docs for c in extractor.claims(d)]


def border_line() -> tuple[str, int]:
    """The article and line where soldiers are sent to the inter-Korean border."""
    for path in sorted(Path("corpus").glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "border" in line and "up to 10,000" in line:
                return path.as_posix(), number
    raise AssertionError("the corpus has no border article")


def test_the_border_soldiers_are_not_deployed_because_of_the_unless_phrase(
    crosscheck: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = border_line()
    assert crosscheck(["explain", "corpus", "--rules", "rules", "--claim", f"{path}:{line}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:{line}\n  | ")
    block = out.split('"up to 10,000" → [0, 10,000]: not a claim\n')[1]
    because = block.splitlines()[0]
    assert because == "  because deployed: ruled out by unless-phrase 'border' in the sentence"
    assert "  - paired with the phrase 'deploy+' (deployed)" in block


def test_a_column_picks_one_number(crosscheck: Run, capsys: pytest.CaptureFixture[str]) -> None:
    path, line = border_line()
    text = Path(path).read_text(encoding="utf-8").splitlines()[line - 1]
    column = text.index("several hundred") + 3
    assert crosscheck(["explain", "--claim", f"{path}:{line}:{column}"]) == 0
    out = capsys.readouterr().out
    assert '"several hundred"' in out
    assert "10,000" not in out.split("\n", 2)[2]


def test_measures_list_their_claims_and_the_numbers_they_passed_over(
    crosscheck: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert crosscheck(["explain", "corpus", "--measure", "deployed"]) == 0
    out = capsys.readouterr().out
    deployed = [c for c in corpus_claims() if c.measure == "deployed"]
    assert out.startswith("measure deployed: count of nk_troops\n")
    assert f"  bound: {len(deployed)} claims\n" in out
    for claim in deployed:
        assert f'{claim.location()}: "{claim.stated}" → ' in out
    bound_by = re.findall(r' by "([^"]+)" \(', out)
    assert len(bound_by) == len(deployed)
    assert set(bound_by) <= {"deploy+", "deployment", "dispatched", "send+", "arrive+", "stationed"}
    missed = out.split("next to a phrase of deployed but not bound:\n")[1]
    assert '"up to 10,000"' in missed
    assert "ruled out by unless-phrase 'border'" in missed


def test_without_options_every_measure_is_shown(
    crosscheck: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert crosscheck(["explain"]) == 0
    heads = re.findall(r"^measure (\w+):", capsys.readouterr().out, re.MULTILINE)
    assert heads == list(load_rules(Path("rules")).measures)


def test_a_rule_shows_every_decision_and_its_failures_match_check(
    crosscheck: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert crosscheck(["explain", "--rule", "death_tolls_agree"]) == 0
    out = capsys.readouterr().out
    outcome = evaluate_pairs(load_rules(Path("rules")), corpus_claims(), keep_undecided=True)
    fails = [v for v in outcome.violations if v.rule == "death_tolls_agree"]
    undecided = [v for v in outcome.undecided if v.rule == "death_tolls_agree"]
    assert out.count("\n  FAILS     killed ") == len(fails) > 0
    assert out.count("\n  UNDECIDED killed ") == len(undecided)
    holds = out.count("\n  HOLDS     killed ")
    assert holds > 0
    assert f"decisions: {len(fails)} fail, {len(undecided)} undecided, {holds} hold" in out
    for violation in fails:
        assert violation.detail.split(": ")[0] in out  # the values compared
    found = evaluate(load_rules(Path("rules")), corpus_claims()).findings
    mine = [f for f in found if f.rule == "death_tolls_agree"]
    assert out.count("\n  FINDING   ") == len(mine) > 0
    assert f"{len(mine)} finding" in out and f"from {len(fails)} pairwise violations" in out
    for finding in mine:
        assert finding.message in out and f"covers {finding.pairs} FAIL" in out


def test_unknown_names_are_usage_errors_with_a_suggestion(
    crosscheck: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert crosscheck(["explain", "--rule", "death_toll_agree"]) == 2
    assert "did you mean 'death_tolls_agree'?" in capsys.readouterr().err
    assert crosscheck(["explain", "--measure", "deploy"]) == 2
    assert "did you mean 'deployed'?" in capsys.readouterr().err
    assert crosscheck(["explain", "corpus", "--claim", "nowhere.md:3"]) == 2
    assert "no article 'nowhere.md'" in capsys.readouterr().err


def test_claim_references_are_read_both_ways_for_json_lines() -> None:
    assert line_refs("a.md:15") == [LineRef("a.md", 15, None)]
    assert line_refs("b.jsonl:17:3") == [LineRef("b.jsonl", 17, 3), LineRef("b.jsonl:17", 3, None)]
    with pytest.raises(click.BadParameter):
        line_refs("a.md")


def test_decisions_on_a_line_count_lines_of_the_file() -> None:
    text = "First line has 5 soldiers.\nSecond line: 12,000 North Korean troops were deployed."
    document = Document(path="x.md", text=text, source="S", line_offset=4)
    extractor = Extractor(load_rules(Path("rules")))
    item = Examined(document, tuple(extractor.decisions(document)))
    found = decisions_on_line(item, 6)
    assert [(column, d.stated, d.measure) for column, d in found] == [(14, "12,000", "deployed")]
    assert decisions_on_line(item, 6, 14) == found
    assert decisions_on_line(item, 6, 13) == []
    assert item.line_text(6) == text.splitlines()[1]
    assert item.line_text(4) is None
