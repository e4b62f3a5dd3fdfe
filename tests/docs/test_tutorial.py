"""docs/writing-rules.md, run step by step in a fresh folder: every command must
print what the tutorial shows, and the rule file it builds must be the sample rules.
The conventions (file blocks, `...`, `echo $?`) are in tutorial_runner.py.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from tutorial_runner import ROOT, Command, Replay, WriteFile, matches, prepare, steps

from crosscheck.dsl.ast import RuleSet
from crosscheck.load.rules import load_rules

TUTORIAL = ROOT / "docs" / "writing-rules.md"
FINAL_RULES = "tutorial/troops.rules"


def test_the_tutorial_prints_what_it_shows(
    crosscheck: Callable[[Sequence[str]], int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare(tmp_path)
    monkeypatch.chdir(tmp_path)
    replay = Replay(crosscheck)
    ran = 0
    for step in steps(TUTORIAL.read_text(encoding="utf-8")):
        output = replay.run(step)
        if output is None or not isinstance(step, Command):
            continue
        ran += 1
        if not matches(step.expected, output):
            diff = "\n".join(
                difflib.unified_diff(step.expected, output, "shown", "printed", lineterm="")
            )
            pytest.fail(f"{TUTORIAL.name}:{step.line}: $ {' '.join(step.argv)}\n{diff}")
    assert replay.unchecked is None, "the last command failed without `echo $?`"
    assert ran >= 15

    built, sample = load_rules(FINAL_RULES), load_rules(ROOT / "rules" / "nk_deployment.rules")
    assert shape(built) == shape(sample), "the tutorial no longer ends with the sample rules"


def shape(ruleset: RuleSet) -> object:
    """What the tutorial must end with: the sample's subjects, measures (but not their
    phrase lists, which are refined against the corpus), rules and reading settings."""
    measures = {
        name: (m.quantity, m.unit, m.subject, m.cumulative) for name, m in ruleset.measures.items()
    }
    rules = {r.name: r for r in ruleset.rules}
    return set(ruleset.subjects), measures, rules, ruleset.hedges, ruleset.vague


def test_blocks_become_steps_in_order() -> None:
    text = (
        "intro\n```rules file=a.rules\nmeasure m: count\n```\n"
        "```yaml append=t/a.yaml\nx: 1\n```\n"
        "```console\n$ crosscheck check --rules a.rules\nline one\n$ echo $?\n1\n```\n"
        "```text\nnot a step\n```\n"
    )
    assert list(steps(text)) == [
        WriteFile("a.rules", "measure m: count\n", append=False, line=2),
        WriteFile("t/a.yaml", "x: 1\n", append=True, line=5),
        Command(("crosscheck", "check", "--rules", "a.rules"), ("line one",), 9),
        Command(("echo", "$?"), ("1",), 11),
    ]


@pytest.mark.parametrize(
    ("expected", "actual", "fits"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b"], ["a", "c"], False),
        (["a"], ["a", "b"], False),
        (["a", "..."], ["a"], True),
        (["a", "...", "z"], ["a", "b", "c", "z"], True),
        (["a", "...", "z"], ["a", "b", "c"], False),
        (["x ... y"], ["x 12 claims y"], True),
        (["x ... y"], ["x 12 claims"], False),
        (["a  "], ["a"], True),
    ],
)
def test_elisions(expected: list[str], actual: list[str], fits: bool) -> None:
    assert matches(expected, actual) is fits


def test_a_failing_command_must_show_its_status(
    crosscheck: Callable[[Sequence[str]], int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    replay = Replay(crosscheck)
    replay.run(Command(("crosscheck", "check", "--rules", "missing.rules"), (), 1))
    assert replay.status == 2
    with pytest.raises(AssertionError, match="show it with `\\$ echo \\$\\?`"):
        replay.run(Command(("crosscheck", "check", "--rules", "missing.rules"), (), 2))
    assert replay.run(Command(("echo", "$?"), (), 3)) == ["2"]
