"""``crosscheck test``: run the tests written for rule files (docs/rule-tests.md)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from crosscheck.cli.commands.configured import configured_rules
from crosscheck.cli.commands.readers import load_ruleset_or_exit
from crosscheck.cli.console import (
    EXIT_OK,
    EXIT_USAGE,
    EXIT_VIOLATIONS,
    complain,
    exit_codes,
    write_output,
)
from crosscheck.cli.messages import load_error_text
from crosscheck.dsl.ast import RuleSet
from crosscheck.extract import Extractor
from crosscheck.fs.clash import clash
from crosscheck.fs.realpath import resolved
from crosscheck.load.errors import LoadError
from crosscheck.load.rules import RULE_SUFFIX
from crosscheck.report.ruletests import FileResults, render_junit, render_text
from crosscheck.ruletests import (
    RuleTestFile,
    RuleTestFileError,
    check_names,
    coverage,
    load_test_file,
    run_test,
)
from crosscheck.text.plural import plural

TEST_SUFFIXES = (".yaml", ".yml")


@dataclass
class Plan:
    """What to run: test files, the rule paths whose rules count for coverage, and
    for rule files named directly, the test files must be about them."""

    tests: list[Path] = field(default_factory=list)
    rule_paths: list[Path] = field(default_factory=list)
    only_for: set[Path] = field(default_factory=set)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in TEST_SUFFIXES)


def plan(targets: Iterable[Path]) -> Plan:
    """Test files and rule paths for the command's arguments.

    A YAML file is a test file; a folder contributes its rule files and the test
    files in its ``tests/`` folder (or, without one, its own YAML files); a rule
    file contributes itself and those tests of ``tests/`` beside it that are about it.
    """
    out = Plan()
    for target in targets:
        if target.is_file() and target.suffix.lower() in TEST_SUFFIXES:
            out.tests.append(target)
        elif target.is_file() and target.suffix == RULE_SUFFIX:
            out.rule_paths.append(target)
            out.only_for.add(resolved(target))
            if (target.parent / "tests").is_dir():
                out.tests.extend(_yaml_files(target.parent / "tests"))
        elif target.is_dir():
            if any(target.rglob(f"*{RULE_SUFFIX}")):
                out.rule_paths.append(target)
            tests = target / "tests"
            out.tests.extend(_yaml_files(tests if tests.is_dir() else target))
        else:
            raise click.UsageError(f"{target}: no such test file, rule file or folder")
    out.tests = list(dict.fromkeys(out.tests))
    return out


def rules_path(test_file: RuleTestFile) -> Path:
    """The rule path a test file names, relative to the test file."""
    return Path(os.path.normpath(Path(test_file.path).parent / test_file.rules))


def _fail(errors: Sequence[LoadError]) -> None:
    for error in errors:
        complain(load_error_text(error))
    complain(f"{plural(len(errors), 'error')} in test files")
    raise SystemExit(EXIT_USAGE)


def read_tests(paths: Sequence[Path], only_for: set[Path]) -> list[RuleTestFile]:
    """The parsed test files (those about ``only_for`` when given); exits 2 on errors."""
    files: list[RuleTestFile] = []
    errors: list[LoadError] = []
    for path in paths:
        try:
            files.append(load_test_file(path))
        except RuleTestFileError as err:
            errors.extend(err.errors)
    if errors:
        _fail(errors)
    if only_for:
        files = [f for f in files if resolved(rules_path(f)) in only_for]
    return files


EXIT_CODES = exit_codes(
    (0, "every test passed"),
    (1, "a test failed"),
    (
        2,
        "a test or rule file cannot be read or has errors, no tests found, a bad "
        "configuration, or an output that cannot be written",
    ),
)


@click.command("test", epilog=EXIT_CODES)
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "junit"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the results to this file instead of standard output.",
)
def test_command(targets: tuple[Path, ...], fmt: str, output: Path | None) -> int:
    """Run the tests written for rule files (docs/rule-tests.md).

    TARGETS are test files, rule files or folders (default: the configuration's rules,
    else ./rules, whose tests are rules/tests/*.yaml).
    """
    targets = targets or (configured_rules(),)
    todo = plan(targets)
    test_files = read_tests(todo.tests, todo.only_for)
    if not test_files:
        where = ", ".join(str(t) for t in targets)
        raise click.UsageError(f"no rule tests found for {where} (see docs/rule-tests.md)")
    rulesets: dict[Path, RuleSet] = {}

    def ruleset(path: Path) -> RuleSet:
        key = resolved(path)
        if key not in rulesets:
            rulesets[key] = load_ruleset_or_exit(path)
        return rulesets[key]

    names = [r.name for p in todo.rule_paths for r in ruleset(p).rules]
    errors = [e for f in test_files for e in check_names(f, ruleset(rules_path(f)))]
    if errors:
        _fail(errors)
    files = [_run(f, ruleset(rules_path(f)), rules_path(f)) for f in test_files]
    names += [r.name for f in test_files for r in ruleset(rules_path(f)).rules]
    covered = coverage(dict.fromkeys(names), (r for f in files for r in f.results))
    text = render_junit(files) if fmt == "junit" else render_text(files, covered)
    read = _Read(todo.tests, [file for rules in rulesets.values() for file in rules.files])
    write_output(text, output, read)
    failed = any(not r.passed for f in files for r in f.results)
    return EXIT_VIOLATIONS if failed else EXIT_OK


@dataclass(frozen=True)
class _Read:
    """The test files and rule files a ``crosscheck test`` run read (see ``fs.clash``)."""

    tests: list[Path]
    rules: list[str]

    def clash(self, output: Path) -> str | None:
        """Why the run may not write ``output``: it is one of the files read, or a rule
        or test file in one of their folders."""
        files = [*map(str, self.tests), *self.rules]
        folders = {os.path.dirname(file) or "." for file in files}
        return clash(output, files, folders, (RULE_SUFFIX, *TEST_SUFFIXES), "a rule or test file")


def _run(test_file: RuleTestFile, ruleset: RuleSet, rules: Path) -> FileResults:
    extractor = Extractor(ruleset)
    results = tuple(run_test(test, ruleset, extractor) for test in test_file.tests)
    return FileResults(test_file.path, rules.as_posix(), results)
