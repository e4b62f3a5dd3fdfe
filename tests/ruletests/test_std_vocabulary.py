"""The standard vocabulary (engine/crosscheck/std/): its fixture tests pass, its catalogue
names every phrase set of its files, and its files are in canonical form."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from crosscheck.dsl import ast
from crosscheck.dsl.formatter import format_text
from crosscheck.dsl.parser import parse
from crosscheck.std import SETS, available, module_of, path_of

ROOT = Path(__file__).resolve().parents[2]
STD = ROOT / "engine" / "crosscheck" / "std"
Run = Callable[[Sequence[str]], int]


def test_every_phrase_set_passes_its_fixture_tests(
    crosscheck: Run, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert crosscheck(["test", "tests/std"]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert re.search(r"(\d+) tests: \1 passed, 0 failed", out), out


def test_every_standard_file_has_fixture_tests() -> None:
    for module in SETS:
        tests = (ROOT / "tests" / "std" / f"{module}.yaml").read_text(encoding="utf-8")
        assert "rules: vocabulary.rules" in tests


def test_the_catalogue_names_exactly_the_phrase_sets_of_each_file() -> None:
    files = sorted(path.stem for path in STD.glob("*.rules"))
    assert files == sorted(SETS)
    for module, names in SETS.items():
        text = (STD / f"{module}.rules").read_text(encoding="utf-8")
        declared = [s.name for s in parse(text).statements if isinstance(s, ast.PhraseSet)]
        assert declared == list(names), module
        for name in names:
            assert module_of(name) == f"std.{module}"


def test_standard_files_are_in_canonical_form() -> None:
    for path in STD.glob("*.rules"):
        text = path.read_text(encoding="utf-8")
        assert format_text(text, str(path)) == text, path.name


def test_modules_resolve_to_packaged_files_and_nothing_else_does() -> None:
    assert available() == [f"std.{m}" for m in sorted(SETS)]
    assert path_of("std.casualties") == STD / "casualties.rules"
    for name in ("std.nothing", "casualties", "other.casualties", "std.casualties.deaths"):
        assert path_of(name) is None
