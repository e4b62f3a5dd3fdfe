"""Loading rule files and directories from disk, with imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.dsl import RuleFileError
from crosscheck.load.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def load_errors(path: Path) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        load_rules(path)
    return [f"{e.location}: {e.message}" for e in caught.value.errors]


def test_project_rules_directory_loads() -> None:
    result = load_rules(ROOT / "rules")
    assert result.rules and result.measures
    assert all(path.endswith(".rules") for path in result.files)


def test_directory_loads_every_rule_file_once_imports_first(tmp_path: Path) -> None:
    write(tmp_path / "shared" / "common.rules", "measure killed: count\n")
    write(tmp_path / "b.rules", 'import "shared/common.rules"\nrule b: killed >= 0\n')
    write(tmp_path / "a.rules", 'import "shared/common.rules"\nrule a: killed <= 10\n')
    result = load_rules(tmp_path)
    names = [Path(p).relative_to(tmp_path).as_posix() for p in result.files]
    assert names == ["shared/common.rules", "a.rules", "b.rules"]
    assert [rule.name for rule in result.rules] == ["a", "b"]


def test_imports_are_relative_to_the_importing_file(tmp_path: Path) -> None:
    write(tmp_path / "lib" / "units.rules", 'import "../base.rules"\nmeasure cal: length in mm\n')
    write(tmp_path / "base.rules", "measure n: count\n")
    main = write(tmp_path / "main" / "main.rules", 'import "../lib/units.rules"\nrule r: n >= 0\n')
    result = load_rules(main)
    assert set(result.measures) == {"n", "cal"}
    assert len(result.files) == 3


def test_diamond_imports_parse_the_shared_file_once(tmp_path: Path) -> None:
    write(tmp_path / "d.rules", "measure n: count\n")
    write(tmp_path / "b.rules", 'import "d.rules"\n')
    write(tmp_path / "c.rules", 'import "d.rules"\n')
    top = write(tmp_path / "a.rules", 'import "b.rules"\nimport "c.rules"\nrule r: n >= 0\n')
    result = load_rules(top)  # a second parse of d.rules would declare `n` twice
    assert [Path(p).name for p in result.files] == ["d.rules", "b.rules", "c.rules", "a.rules"]


def test_self_import_is_a_cycle(tmp_path: Path) -> None:
    top = write(tmp_path / "a.rules", 'measure n: count\nimport "a.rules"\n')
    (found,) = load_errors(top)
    assert found == f"{top}:2:1: import cycle: {top} -> {top}"


def test_errors_of_all_files_are_gathered(tmp_path: Path) -> None:
    write(tmp_path / "one.rules", "measure a: count of\n")
    write(tmp_path / "two.rules", "rule r a >= 0\n")
    found = load_errors(tmp_path)
    assert [f.split(": ")[0] for f in found] == [
        f"{tmp_path / 'one.rules'}:1:20",
        f"{tmp_path / 'two.rules'}:1:8",
    ]


def test_semantic_errors_show_their_source_line(tmp_path: Path) -> None:
    write(tmp_path / "m.rules", "measure n: count\n")
    top = write(tmp_path / "r.rules", 'import "m.rules"\nrule r: n >= m\n')
    with pytest.raises(RuleFileError) as caught:
        load_rules(top)
    (error,) = caught.value.errors
    assert error.source_line == "rule r: n >= m"
    assert "undefined measure `m`" in error.render()


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    assert load_errors(tmp_path / "nope.rules") == [
        f"{tmp_path / 'nope.rules'}: no such rule file or directory"
    ]
    assert load_errors(tmp_path) == [f"{tmp_path}: no `*.rules` files in directory {tmp_path}"]


def test_non_utf8_file_names_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.rules"
    path.write_bytes(b'# ok\nsubject s = "na\xefve"\n')
    assert load_errors(path) == [f"{path}:2:16: rule file is not UTF-8 text (byte 0xef)"]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.rules"
    path.write_bytes("\ufeffmeasure n: count\r\nrule r: n >= 0\r\n".encode())
    assert [rule.name for rule in load_rules(path).rules] == ["r"]
