"""Completion: keywords, the names the document and its imports declare, quantities and units.

After ``in`` come units (those crosscheck's quantities use first, then pint's registry),
after a number units and keywords, after ``of`` subjects, after ``measure NAME:``
quantities, after ``waive`` rules; anywhere else keywords and the declared names.
"""

from __future__ import annotations

import re
from functools import cache

from lsprotocol import types

from crosscheck.dsl import ast
from crosscheck.dsl.syntax_errors import KEYWORDS, STATEMENT_KEYWORDS
from crosscheck.lsp.analysis import Analysis
from crosscheck.units import QUANTITY_UNITS, registry

# The units a rule file most often names, offered before pint's thousand others.
COMMON_UNITS = (
    *dict.fromkeys(QUANTITY_UNITS.values()),
    *("mm", "cm", "m", "km", "kg", "tonne", "hour", "week", "month", "year", "%"),
)
_NUMBER_BEFORE = re.compile(r"[0-9]\s+[A-Za-z_]*$")
_KINDS: dict[type, types.CompletionItemKind] = {
    ast.Measure: types.CompletionItemKind.Variable,
    ast.Subject: types.CompletionItemKind.Class,
    ast.Origin: types.CompletionItemKind.Reference,
    ast.PhraseSet: types.CompletionItemKind.Enum,
    ast.Rule: types.CompletionItemKind.Function,
}


def completions(analysis: Analysis, line: int, column: int) -> types.CompletionList:
    """What may be typed at 1-based ``line:column`` of the document."""
    before = _words_before(analysis, line, column)
    previous = before[-1] if before else ""
    if previous == "in":
        items = unit_items()
    elif _after_number(analysis, line, column):  # a unit, or the clause after a plain number
        items = unit_items() + _keywords(at_start=False)
    elif previous == "of":
        items = _names(analysis, ast.Subject)
    elif previous == "waive":
        items = _names(analysis, ast.Rule)
    elif len(before) == 2 and before[0] == "measure":
        items = [_plain(q, types.CompletionItemKind.TypeParameter) for q in QUANTITY_UNITS]
    else:
        items = _names(analysis, ast.Measure, ast.Subject, ast.Origin, ast.PhraseSet)
        items += _keywords(at_start=not before)
    return types.CompletionList(is_incomplete=False, items=items)


def _after_number(analysis: Analysis, line: int, column: int) -> bool:
    """Whether the cursor follows a number and a space (``within 10 mm``, ``1 .. 500 mm``)."""
    text = analysis.lines.lines[line - 1][: column - 1] if line <= len(analysis.lines.lines) else ""
    return _NUMBER_BEFORE.search(text) is not None


def _words_before(analysis: Analysis, line: int, column: int) -> list[str]:
    """The words of the line before ``column``, less a word being typed at the cursor."""
    start = analysis.lines.offset(line, 1)
    cursor = analysis.lines.offset(line, column)
    words = [w for w in analysis.scanned.words if start <= w.offset < cursor]
    if words and words[-1].offset + len(words[-1].text) == cursor:
        words.pop()  # the word being completed
    return [w.text for w in words]


def _names(analysis: Analysis, *kinds: type) -> list[types.CompletionItem]:
    seen: dict[str, types.CompletionItem] = {}
    for declared in analysis.declarations():
        if isinstance(declared, kinds) and declared.name not in seen:
            kind = type(declared).__name__.lower().replace("phraseset", "phrases")
            seen[declared.name] = types.CompletionItem(
                label=declared.name, kind=_KINDS[type(declared)], detail=kind, sort_text="0"
            )
    return list(seen.values())


def _keywords(at_start: bool) -> list[types.CompletionItem]:
    """Every keyword; at the start of a line, those that start a statement first."""
    first = STATEMENT_KEYWORDS if at_start else ()
    return [
        _plain(word, types.CompletionItemKind.Keyword, "0" if word in first else "1")
        for word in sorted(KEYWORDS)
    ]


def _plain(label: str, kind: types.CompletionItemKind, rank: str = "0") -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=kind, sort_text=f"{rank}{label}")


@cache
def unit_items() -> list[types.CompletionItem]:
    """The units: the common ones first, then the rest of pint's registry."""
    common = [
        types.CompletionItem(label=unit, kind=types.CompletionItemKind.Unit, sort_text=f"0{i:02}")
        for i, unit in enumerate(COMMON_UNITS)
    ]
    rest = sorted(set(registry()) - set(COMMON_UNITS))
    return common + [_plain(unit, types.CompletionItemKind.Unit, "1") for unit in rest]
