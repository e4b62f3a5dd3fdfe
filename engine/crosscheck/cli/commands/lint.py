"""``crosscheck lint RULES``: find what rule files say that is legal but probably not meant.

Exit codes: 0 no findings; 1 findings (printed as ``file:line:col: warning[code]
message``); 2 the rule files have errors (printed as ``crosscheck check`` prints
them) or cannot be read, or standard output cannot be written; 4 internal error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from crosscheck.cli.commands.readers import load_ruleset_or_exit
from crosscheck.cli.console import EXIT_OK, EXIT_VIOLATIONS, complain, say
from crosscheck.cli.messages import finding_text
from crosscheck.dsl.lint.linter import lint
from crosscheck.fs.reader import FileReader
from crosscheck.load.ruletext import RuleTextError, read_rule_text


@click.command("lint")
@click.argument("rules", default="rules", type=click.Path(path_type=Path))
def lint_command(rules: Path) -> int:
    """Lint RULES (a rule file or a folder of *.rules; default ./rules).

    Codes: unused-measure, unused-subject, unused-origin, overlapping-origin,
    duplicate-phrase, conflicting-phrase,
    shadowed-phrase, never-fires, always-fires, self-comparison, redundant-rule,
    expired-waiver, duplicate-waiver, unknown-lint-code, unused-ignore. Silence a
    finding with a comment on its line: `# lint: ignore[CODE] reason`.
    """
    ruleset = load_ruleset_or_exit(rules)
    texts = {path: text for path in ruleset.files if (text := _read(path)) is not None}
    findings = lint(ruleset, texts, dt.date.today())
    for finding in findings:
        say(finding_text(finding))
    count = len(findings)
    files = len(ruleset.files)
    if count:
        complain(f"{count} finding{'' if count == 1 else 's'} in rule files")
        return EXIT_VIOLATIONS
    complain(f"no findings in {files} rule file{'' if files == 1 else 's'}")
    return EXIT_OK


def _read(path: str) -> str | None:
    """A rule file's text, or None (findings then point at statements, not phrases)."""
    try:
        return read_rule_text(Path(path), FileReader()).text
    except RuleTextError:
        return None
