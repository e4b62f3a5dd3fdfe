"""``crosscheck fmt RULES [--check]``: rewrite rule files in canonical layout.

What was (or would be) reformatted, the diffs and the summary go to standard output;
errors to standard error. Exit codes: in ``EXIT_CODES``. A file keeps its own line
ending (that of its first line, throughout: ``\r\n``, ``\n`` or a lone ``\r``).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

import click

from crosscheck.cli.commands.configured import configured_rules
from crosscheck.cli.console import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, complain, exit_codes, say
from crosscheck.cli.messages import rule_error_text
from crosscheck.dsl.errors import RuleFileError
from crosscheck.dsl.formatter import format_text
from crosscheck.fs.atomic import replace_file
from crosscheck.fs.reader import FileReader
from crosscheck.load.rules import RULE_SUFFIX
from crosscheck.load.ruletext import RuleText, RuleTextError, read_rule_text
from crosscheck.text.escape import shown, shown_source
from crosscheck.text.plural import plural


class _Unusable(Exception):
    """A path that cannot be formatted; the message says why."""


EXIT_CODES = exit_codes(
    (0, "every file formatted (with --check: already formatted)"),
    (1, "--check found a file to reformat (a unified diff is printed)"),
    (
        2,
        "a rule file does not parse or cannot be read or written (it is left untouched), a "
        "bad configuration, or standard output cannot be written",
    ),
)


@click.command("fmt", epilog=EXIT_CODES)
@click.argument("rules", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; show a diff and exit 1 if any file is not formatted.",
)
def fmt_command(rules: tuple[Path, ...], check: bool) -> int:
    """Format RULES (files or folders of *.rules; default: the configuration's rules,
    else ./rules) in canonical layout."""
    files, failed = _rule_files(rules or (configured_rules(),))
    changed = 0
    for file in files:
        try:
            source = _read(file)
            formatted = format_text(source.text, str(file)).replace("\n", source.newline)
            if formatted == source.written:
                continue
            changed += 1
            if check:
                say(_diff(file, source.written, formatted), nl=False)
            else:
                _replace(file, formatted)
                say(f"formatted {shown(str(file))}")
        except RuleFileError as err:
            failed += 1
            for error in err.errors:
                complain(rule_error_text(error))
        except _Unusable as err:
            failed += 1
            complain(f"{shown(str(file))}: error: {shown(str(err))}")
    say(_summary(len(files), changed, failed, check))
    if failed or not files:
        return EXIT_USAGE
    return EXIT_VIOLATIONS if check and changed else EXIT_OK


def _rule_files(paths: Sequence[Path]) -> tuple[list[Path], int]:
    """The named files and the rule files under named folders; and how many paths are missing."""
    files: list[Path] = []
    missing = 0
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob(f"*{RULE_SUFFIX}")))
        elif path.exists():
            files.append(path)
        else:
            missing += 1
            complain(f"{shown(str(path))}: error: no such rule file or directory")
    return files, missing


def _read(file: Path) -> RuleText:
    """The file's text: only a regular file, its line ends kept (``\r\n`` stays ``\r\n``)."""
    try:
        return read_rule_text(file, FileReader())
    except RuleTextError as err:
        raise _Unusable(f"{err.message} ({err.hint})") from None


def _replace(file: Path, text: str) -> None:
    """Write ``text`` to ``file`` atomically, keeping its permissions."""
    try:
        replace_file(file, text)
    except OSError as err:
        raise _Unusable(f"cannot write: {err.strerror or err}") from None


def _diff(file: Path, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{shown(str(file))} (as written)",
        tofile=f"{shown(str(file))} (formatted)",
    )
    # Each line of the file on a line of its own, its control characters escaped.
    return "".join(shown_source(line.removesuffix("\n")) + "\n" for line in lines)


def _summary(total: int, changed: int, failed: int, check: bool) -> str:
    verb = "would be reformatted" if check else "reformatted"
    parts = [f"{changed} of {plural(total, 'rule file')} {verb}"]
    if failed:
        parts.append(f"{failed} could not be formatted")
    return ", ".join(parts)
