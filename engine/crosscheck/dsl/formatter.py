"""Rule file text -> the same file in canonical layout, comments kept.

Statements are printed by ``printer.format_statement``; comments are attached to
the nearest statement or clause (a clause is a statement's first line, or one of
its indented ``when``/``unless``/``severity``/``message``/waiver lines) and move
with it:

1. A comment after code on the same line stays at the end of the (last) line of
   the clause it follows (two spaces before the ``#``).
2. A comment on a line of its own inside a statement goes right above the clause
   that follows it; below the statement's last clause it goes below the statement.
3. An indented comment directly below a statement (no blank line between) stays
   below it, indented: the place for commented-out clauses.
4. Other comments on lines of their own: a group directly above a statement (no
   blank line between) is printed directly above it; a group with a blank line
   below it is kept as a block of its own, between blank lines.

Comment text is kept as written; only its indentation changes. Formatting is
idempotent: ``format_text(format_text(t)) == format_text(t)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosscheck.dsl import ast
from crosscheck.dsl.comments import Comment, Word, scan
from crosscheck.dsl.parser import parse
from crosscheck.dsl.printer import format_statement
from crosscheck.dsl.syntax_errors import Source

_INDENT = "    "
_HEAD = ""  # the key of a statement's first line
_CLAUSES: dict[type, frozenset[str]] = {
    ast.Measure: frozenset({"when", "unless"}),
    ast.Rule: frozenset({"severity", "message"}),
    ast.Waiver: frozenset({"document", "stated", "reason", "until"}),
}


def format_text(text: str, path: str = "<rules>") -> str:
    """The canonical layout of a rule file's text; raises ``RuleFileError`` if it does not parse."""
    rule_file = parse(text, path)
    source = Source(text, path)
    found = scan(text)
    blocks = _Layout(source, found.words).build(rule_file.statements, found.comments)
    rendered = [block.render() for block in blocks]
    return "\n\n".join(rendered) + "\n" if rendered else ""


@dataclass
class _Clause:
    """Comments around one printed line of a statement."""

    above: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # the first one ends the line


@dataclass
class _Block:
    """A statement with its comments, or (``statement is None``) a block of comments."""

    statement: ast.Statement | None
    above: list[str] = field(default_factory=list)
    clauses: dict[str, _Clause] = field(default_factory=dict)
    below: list[str] = field(default_factory=list)
    source_clauses: list[tuple[int, str]] = field(default_factory=list)  # (offset, key)

    def clause(self, key: str) -> _Clause:
        """The comments of the clause ``key`` (``""``: the first line)."""
        return self.clauses.setdefault(key, _Clause())

    def render(self) -> str:
        """The block's text, without a trailing newline."""
        if self.statement is None:
            return "\n".join(self.above)
        lines = list(self.above)
        printed = _clause_lines(format_statement(self.statement))
        self._fold_unprinted(set(printed))
        carry: list[str] = []
        for key, clause_lines in printed.items():
            clause = self.clauses.get(key, _Clause())
            indent = "" if key == _HEAD else _INDENT
            lines.extend(indent + comment for comment in carry + clause.above)
            first, *carry = clause.after or [""]
            lines.extend(clause_lines[:-1])
            lines.append(f"{clause_lines[-1]}  {first}" if first else clause_lines[-1])
        lines.extend(_INDENT + comment for comment in carry + self.below)
        return "\n".join(lines)

    def _fold_unprinted(self, printed: set[str]) -> None:
        """Comments of clauses the printer leaves out (``severity error``) go to the first line."""
        for key in [k for k in self.clauses if k not in printed]:
            gone = self.clauses.pop(key)
            self.clause(_HEAD).after.extend(gone.above + gone.after)


class _Layout:
    """Attaches the comments of one file to its statements."""

    def __init__(self, source: Source, words: tuple[Word, ...]) -> None:
        self.source = source
        self.words = words

    def build(
        self, statements: tuple[ast.Statement, ...], comments: tuple[Comment, ...]
    ) -> list[_Block]:
        """The file's blocks in order, every comment attached to one of them."""
        ranges = [self._range(statement) for statement in statements]
        blocks = [
            self._block(statement, r) for statement, r in zip(statements, ranges, strict=True)
        ]
        outside: list[Comment] = []
        for comment in comments:
            index = _last_started(ranges, comment.offset)
            if index is not None and comment.offset < ranges[index][1]:
                _inside(blocks[index], comment)
            elif not comment.own_line and index is not None:
                blocks[index].clause(blocks[index].source_clauses[-1][1]).after.append(comment.text)
            else:
                outside.append(comment)
        return _interleave(blocks, [self._lines(r) for r in ranges], outside)

    def _range(self, statement: ast.Statement) -> tuple[int, int]:
        span = statement.span
        start = self.source.offset(span.line, span.column)
        return start, self.source.offset(span.end_line, span.end_column) + 1

    def _lines(self, where: tuple[int, int]) -> tuple[int, int]:
        return self.source.position(where[0])[0], self.source.position(where[1] - 1)[0]

    def _block(self, statement: ast.Statement, where: tuple[int, int]) -> _Block:
        keys = _CLAUSES.get(type(statement), frozenset())
        inside = [(w.offset, w.text) for w in self.words if where[0] < w.offset < where[1]]
        clauses = [(where[0], _HEAD)] + [(offset, word) for offset, word in inside if word in keys]
        return _Block(statement, source_clauses=clauses)


def _clause_lines(text: str) -> dict[str, list[str]]:
    """The printed lines of each clause, by clause keyword; ``|`` lines continue a clause."""
    clauses: dict[str, list[str]] = {}
    key = _HEAD
    for index, line in enumerate(text.split("\n")):
        word = line.split()[0]
        if index and word != "|":
            key = word
        clauses.setdefault(key, []).append(line)
    return clauses


def _last_started(ranges: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the last statement that starts before ``offset``."""
    found = None
    for index, (start, _) in enumerate(ranges):
        if start >= offset:
            break
        found = index
    return found


def _inside(block: _Block, comment: Comment) -> None:
    """Rules 1 and 2: a comment within a statement's text."""
    before = [key for offset, key in block.source_clauses if offset < comment.offset]
    after = [key for offset, key in block.source_clauses if offset > comment.offset]
    if not comment.own_line:
        block.clause(before[-1]).after.append(comment.text)
    elif after:
        block.clause(after[0]).above.append(comment.text)
    else:
        block.below.append(comment.text)


def _interleave(
    blocks: list[_Block], lines: list[tuple[int, int]], comments: list[Comment]
) -> list[_Block]:
    """Rules 3 and 4: statements and the own-line comments between them, in file order."""
    events = sorted(
        [(first, 1, index) for index, (first, _) in enumerate(lines)]
        + [(comment.line, 0, index) for index, comment in enumerate(comments)]
    )
    result: list[_Block] = []
    group: list[str] = []
    last_line = 0  # the last line of the pending group, or of the previous statement
    previous: _Block | None = None
    for line, is_statement, index in events:
        if is_statement:
            block = blocks[index]
            if group and line == last_line + 1:
                block.above = group
            elif group:
                result.append(_Block(None, above=group))
            group, previous, last_line = [], block, lines[index][1]
            result.append(block)
            continue
        comment = comments[index]
        if previous is not None and not group and comment.column > 1 and line == last_line + 1:
            previous.below.append(comment.text)
        else:
            if group and line > last_line + 1:
                result.append(_Block(None, above=group))
                group = []
            group.append(comment.text)
        last_line = line
    if group:
        result.append(_Block(None, above=group))
    return result
