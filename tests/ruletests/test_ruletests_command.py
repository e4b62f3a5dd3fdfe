"""``crosscheck test``: the project's own rule tests, failure reports, JUnit, discovery."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
Run = Callable[[Sequence[str]], int]


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of rules/ (with its tests)."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path / "rules"


def change_first_expectation(tests_file: Path) -> str:
    """Expect another rule in the first test that expects one; return the test's name."""
    data = yaml.safe_load(tests_file.read_text(encoding="utf-8"))
    text = tests_file.read_text(encoding="utf-8")
    for test in data["tests"]:
        if isinstance(test["expect"], list) and test["expect"]:
            rule = test["expect"][0]
            other = "one_caliber" if rule != "one_caliber" else "troop_estimates_agree"
            line = f"expect: [{rule}]"
            assert text.count(line) >= 1
            tests_file.write_text(text.replace(line, f"expect: [{other}]", 1), encoding="utf-8")
            return str(test["name"])
    raise AssertionError("no test expects a rule")


def test_the_project_rules_pass_their_tests(
    crosscheck: Run, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert crosscheck(["test"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert "not covered by any test" not in out
    assert out.rstrip().endswith("failed; 9 of 9 rules covered")


def test_every_rule_of_the_sample_file_is_covered(
    crosscheck: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    from crosscheck.load.rules import load_rules

    assert crosscheck(["test", str(ROOT / "rules" / "nk_deployment.rules")]) == 0
    out = capsys.readouterr().out
    for rule in load_rules(ROOT / "rules" / "nk_deployment.rules").rules:
        assert f"\n  {rule.name}: " in out, rule.name


def test_a_changed_expectation_fails_naming_the_test(
    crosscheck: Run, capsys: pytest.CaptureFixture[str], rules_copy: Path
) -> None:
    name = change_first_expectation(rules_copy / "tests" / "nk_deployment.yaml")
    assert crosscheck(["test", str(rules_copy)]) == 1
    out = capsys.readouterr().out
    assert f"  FAIL  {name} (line " in out
    assert "to fire, it did not" in out
    assert "1 failed" in out


def test_junit_has_one_testcase_per_test_and_marks_the_failure(
    crosscheck: Run, capsys: pytest.CaptureFixture[str], rules_copy: Path
) -> None:
    tests_file = rules_copy / "tests" / "nk_deployment.yaml"
    count = len(yaml.safe_load(tests_file.read_text(encoding="utf-8"))["tests"])
    name = change_first_expectation(tests_file)
    assert crosscheck(["test", str(rules_copy), "--format", "junit"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == count
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == [name]
    assert root.get("failures") == "1"
    assert root.get("tests") == str(count)


def test_a_malformed_test_file_exits_2_with_its_position(
    crosscheck: Run, capsys: pytest.CaptureFixture[str], rules_copy: Path
) -> None:
    (rules_copy / "tests" / "broken.yaml").write_text(
        "rules: ../nk_deployment.rules\ntests:\n  - name: x\n    artcles: []\n", encoding="utf-8"
    )
    assert crosscheck(["test", str(rules_copy)]) == 2
    err = capsys.readouterr().err
    assert "broken.yaml:4:5: error: test: unknown key `artcles` (did you mean `articles`?)" in err


def test_a_rule_file_runs_only_the_tests_about_it(
    crosscheck: Run, capsys: pytest.CaptureFixture[str], rules_copy: Path
) -> None:
    (rules_copy / "other.rules").write_text(
        'measure m: count\n    when "things"\nrule never: m within 0 .. 10\n', encoding="utf-8"
    )
    (rules_copy / "tests" / "other.yaml").write_text(
        "rules: ../other.rules\ntests:\n  - name: ten things\n"
        "    articles: [{source: A, text: We counted 10 things.}]\n    expect: ok\n",
        encoding="utf-8",
    )
    assert crosscheck(["test", str(rules_copy / "other.rules")]) == 0
    out = capsys.readouterr().out
    assert "PASS  ten things" in out
    assert "nk_deployment" not in out
    assert "not covered by any test: never" in out


def test_no_tests_is_a_usage_error(
    crosscheck: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.rules").write_text("measure m: count\n", encoding="utf-8")
    assert crosscheck(["test", str(tmp_path)]) == 2
    assert "no rule tests found" in capsys.readouterr().err
