"""``crosscheck lint RULES``: find what rule files say that is legal but probably not meant.

Findings (``file:line:col: warning[code] message``) and the summary go to standard
output; errors in the rule files (printed as ``crosscheck check`` prints them) to
standard error. Exit codes: in ``EXIT_CODES``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from crosscheck.cli.commands.configured import configured_rules
from crosscheck.cli.commands.readers import load_ruleset_or_exit
from crosscheck.cli.console import EXIT_OK, EXIT_VIOLATIONS, exit_codes, say
from crosscheck.cli.messages import finding_text
from crosscheck.dsl.lint.linter import lint
from crosscheck.fs.reader import FileReader
from crosscheck.load.ruletext import RuleTextError, read_rule_text
from crosscheck.text.plural import plural

EXIT_CODES = exit_codes(
    (0, "no findings"),
    (1, "findings"),
    (
        2,
        "the rule files have errors or cannot be read, a bad configuration, or standard "
        "output cannot be written",
    ),
)


@click.command("lint", epilog=EXIT_CODES)
@click.argument("rules", required=False, type=click.Path(path_type=Path))
def lint_command(rules: Path | None) -> int:
    """Lint RULES (a rule file or a folder of *.rules; default: the configuration's
    rules, else ./rules).

    Codes: unused-measure, unused-subject, unused-origin, overlapping-origin,
    duplicate-phrase, conflicting-phrase,
    shadowed-phrase, never-fires, always-fires, self-comparison, redundant-rule,
    expired-waiver, duplicate-waiver, unknown-lint-code, unused-ignore. Silence a
    finding with a comment on its line: `# lint: ignore[CODE] reason`.
    """
    ruleset = load_ruleset_or_exit(rules or configured_rules())
    texts = {path: text for path in ruleset.files if (text := _read(path)) is not None}
    findings = lint(ruleset, texts, dt.date.today())
    for finding in findings:
        say(finding_text(finding))
    count = len(findings)
    files = len(ruleset.files)
    if count:
        say(f"{plural(count, 'finding')} in {plural(files, 'rule file')}")
        return EXIT_VIOLATIONS
    say(f"no findings in {plural(files, 'rule file')}")
    return EXIT_OK


def _read(path: str) -> str | None:
    """A rule file's text, or None (findings then point at statements, not phrases)."""
    try:
        return read_rule_text(Path(path), FileReader()).text
    except RuleTextError:
        return None
