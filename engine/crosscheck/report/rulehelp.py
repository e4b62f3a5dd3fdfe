"""A rule described in words for dashboards: what it says and what to do about its
findings (pure). A rule without a ``message`` is described by its own text."""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.report import RenderContext


@dataclass(frozen=True)
class RuleText:
    """What a report knows of one rule: its statement as the language writes it
    (``killed <= casualties across sources``; empty if unknown) and its message."""

    name: str
    statement: str = ""
    message: str = ""

    @property
    def short(self) -> str:
        """One line: the message's first line, else the statement, else the name."""
        first = self.message.strip().splitlines()[0] if self.message.strip() else ""
        return first or self.statement or f"crosscheck rule {self.name}"

    @property
    def full(self) -> str:
        """The statement, then the message."""
        parts = [f"{self.name}: {self.statement}" if self.statement else "", self.message.strip()]
        return "\n".join(part for part in parts if part) or f"crosscheck rule {self.name}"

    @property
    def help(self) -> str:
        """What the rule says, and what to do about a finding of it."""
        return f"{self.full}\n\n{_what_to_do(self.name)}"


def rule_texts(context: RenderContext) -> dict[str, RuleText]:
    """Every rule the context describes, by name (the first description of a name wins)."""
    statements = dict(reversed(context.rule_statements))
    messages = dict(reversed(context.rule_descriptions))
    names = dict.fromkeys([*statements, *messages])
    out = {}
    for name in names:
        statement = statements.get(name, "")
        message = messages.get(name, "")
        out[name] = RuleText(name, statement, "" if message == statement else message)
    return out


def _what_to_do(name: str) -> str:
    return (
        "A finding cites the claim that breaks this rule, with the claims it conflicts with "
        "(file, line, column and sentence of each). Read the cited sentences. If crosscheck "
        "read a figure wrongly, `crosscheck explain --claim FILE:LINE:COL` says why (adjust the "
        "phrases in the rule file); if an article states a figure wrongly, correct the article. "
        "If the sources really disagree and that is known, accept it: a "
        f"`waive {name}` statement with a reason in the rule file, or a baseline "
        "(`crosscheck check --write-baseline FILE` once, then `--baseline FILE`)."
    )
