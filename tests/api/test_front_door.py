"""The Python API (crosscheck.check, extract, load_rules): inputs as paths or documents,
errors as documented exceptions, claims as `crosscheck extract` finds them, a cheap import."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import crosscheck
from crosscheck.cli.main import main
from crosscheck.model import claim_to_json

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2031, 5, 4)
# A made-up race: two outlets disagree on how many runners finished it.
RACE_RULES = """
subject runners = "runners"
measure finishers: count of runners
    when "finished"
rule finishers_agree: finishers agree within 5%
"""


def story(path: str, text: str, source: str = "Wire") -> crosscheck.Document:
    return crosscheck.Document(path=path, text=text, source=source, date=DAY)


WIRE = story("wire/race.txt", "About 4,200 runners finished the course.")
PAPER = story("paper/race.txt", "Officials said 3,100 runners finished.", "Paper")


@pytest.fixture
def race(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> crosscheck.RuleSet:
    monkeypatch.chdir(tmp_path)
    Path("race.rules").write_text(RACE_RULES, encoding="utf-8")
    return crosscheck.load_rules("race.rules")


def test_documents_in_memory_are_checked(race: crosscheck.RuleSet) -> None:
    report = crosscheck.check([WIRE, PAPER], rules=race, today=DAY)
    assert [(f.rule, f.kind.value) for f in report.findings] == [("finishers_agree", "split")]
    assert (report.documents, report.claims) == (2, 2)
    odd = {c.document for c in report.findings[0].odd}
    assert odd == {"wire/race.txt", "paper/race.txt"}


def test_paths_and_documents_mix_in_the_order_given(race: crosscheck.RuleSet) -> None:
    Path("news").mkdir()
    Path("news/late.md").write_text("---\nsource: Late\n---\n4,150 runners finished.\n")
    claims = crosscheck.extract([WIRE, "news", PAPER], rules="race.rules")
    assert [c.document for c in claims] == ["wire/race.txt", "news/late.md", "paper/race.txt"]
    assert claims[1].line == 4  # a file's own line, after its front matter
    assert str(claims[0].interval) == "[3,780, 4,620]"


def test_a_single_path_is_one_input_not_its_characters(race: crosscheck.RuleSet) -> None:
    Path("one.txt").write_text("All 900 runners finished.\n")
    assert [c.stated for c in crosscheck.extract("one.txt", rules=race)] == ["900"]
    assert [c.stated for c in crosscheck.extract(Path("one.txt"), rules=race)] == ["900"]


def test_an_input_of_another_type_is_a_type_error(race: crosscheck.RuleSet) -> None:
    with pytest.raises(TypeError, match=r"a path or a crosscheck\.Document, not int"):
        crosscheck.extract([WIRE, 3], rules=race)  # type: ignore[list-item]


def test_unreadable_inputs_raise_input_error_naming_each(race: crosscheck.RuleSet) -> None:
    Path("bad.jsonl").write_text('{"text": "900 runners finished."}\nnot json\n')
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.check(["bad.jsonl", "missing.md"], rules=race)
    rendered = [problem.render() for problem in caught.value.problems]
    assert rendered == [
        "bad.jsonl:2:1: error: invalid JSON: Expecting value",
        "missing.md: error: no such file or folder",
    ]
    assert str(caught.value).startswith("2 inputs could not be read\n")


def test_without_strict_unreadable_inputs_are_left_out_with_a_warning(
    race: crosscheck.RuleSet,
) -> None:
    with pytest.warns(crosscheck.InputWarning, match="missing.md: error: no such file"):
        claims = crosscheck.extract([WIRE, "missing.md"], rules=race, strict=False)
    assert len(claims) == 1


def test_problems_read_past_are_warnings_even_when_strict(race: crosscheck.RuleSet) -> None:
    Path("w.jsonl").write_text('{"text": "900 runners finished.", "titel": "Race"}\n')
    with pytest.warns(crosscheck.InputWarning, match=r"w\.jsonl:1: warning: unknown key 'titel'"):
        claims = crosscheck.extract("w.jsonl", rules=race)
    assert [c.stated for c in claims] == ["900"]


def test_bad_rules_and_baselines_raise_their_own_errors(race: crosscheck.RuleSet) -> None:
    Path("broken.rules").write_text("measure m: count\nrule r: m agree within\n")
    with pytest.raises(crosscheck.RuleFileError) as caught:
        crosscheck.check([WIRE], rules="broken.rules")
    assert (caught.value.errors[0].path, caught.value.errors[0].line) == ("broken.rules", 2)
    with pytest.raises(crosscheck.RuleFileError, match="no such rule file"):
        crosscheck.load_rules("missing.rules")
    with pytest.raises(crosscheck.BaselineError, match=r"missing\.json: cannot read baseline"):
        crosscheck.check([WIRE], rules=race, baseline="missing.json")


def test_extract_gives_the_claims_the_extract_command_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("tests"))
    monkeypatch.chdir(tmp_path)
    argv = ["extract", "corpus", "--rules", "rules", "--format", "jsonl", "-o", "claims.jsonl"]
    argv.append("--no-cache")
    main(argv)
    printed = [json.loads(line) for line in Path("claims.jsonl").read_text().splitlines()]
    claims = crosscheck.extract("corpus", rules="rules")
    assert [claim_to_json(c) for c in claims] == printed
    assert len(printed) == 54


def test_every_public_name_resolves() -> None:
    for name in crosscheck.__all__:
        assert getattr(crosscheck, name) is not None
    assert {"check", "extract", "Report"} <= set(dir(crosscheck))
    assert "TYPE_CHECKING" not in dir(crosscheck)
    with pytest.raises(AttributeError, match="no attribute 'chek'"):
        _ = crosscheck.chek  # type: ignore[attr-defined]


def _python(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


def test_import_crosscheck_imports_nothing_else() -> None:
    # Not even typing: the command line starts with this import.
    code = "import sys; before = set(sys.modules); import crosscheck\n"
    code += "print(sorted(set(sys.modules) - before))"
    assert _python(code) == "['crosscheck']"


def test_extract_stays_callable_once_its_package_is_imported() -> None:
    # Importing crosscheck.extract's modules makes the package the attribute
    # crosscheck.extract: it must still be the API's function, and still the package.
    code = (
        "import crosscheck.extract.pipeline, crosscheck, datetime as dt\n"
        "rules = crosscheck.load_rules('rules')\n"
        "doc = crosscheck.Document(path='a.txt', text='x', source='S')\n"
        "print(crosscheck.extract([doc], rules=rules), crosscheck.extract.Extractor.__name__)"
    )
    env_root = f"import os; os.chdir({str(ROOT)!r})\n"
    assert _python(env_root + code) == "[] Extractor"
