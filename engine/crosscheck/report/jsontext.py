"""JSON text exactly as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, faster.

The standard library indents in pure Python; its C encoder does not indent at all.
Here every object or array whose members are all scalars (nearly everything in a
report: each claim is one) is written by the C encoder, with separators that carry
the newline and indentation; only the few levels above them are walked in Python.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from crosscheck.fs.pathtext import json_escaped

_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_string = json.encoder.encode_basestring  # what ensure_ascii=False writes for a str


def dumps(value: Any, indent: int = 2) -> str:
    """``value`` as indented JSON text, non-ASCII characters kept as they are.

    Lone surrogates (from a file name that is not UTF-8) are escaped, so the text is UTF-8.
    """
    out: list[str] = []
    _write(value, 0, indent, out)
    return json_escaped("".join(out))


@cache
def _encoder(separator: str) -> json.JSONEncoder:
    return json.JSONEncoder(ensure_ascii=False, separators=(separator, ": "))


def _scalar(value: Any) -> str:
    return _string(value) if type(value) is str else _encoder(", ").encode(value)


def _key(key: Any) -> str:
    """A key as the encoder writes it (numbers, booleans and null become strings)."""
    return _string(key) if type(key) is str else _encoder(", ").encode({key: 0})[1:-4]


def _write(value: Any, level: int, indent: int, out: list[str]) -> None:
    if isinstance(value, dict):
        members: Any = value.values()
        brackets = "{}"
    elif isinstance(value, list | tuple):
        members = value
        brackets = "[]"
    else:
        out.append(_scalar(value))
        return
    if not members:
        out.append(brackets)
        return
    inner = " " * (indent * (level + 1))
    closing = "\n" + " " * (indent * level) + brackets[1]
    if {type(member) for member in members} <= _SCALAR_TYPES:
        flat = _encoder(",\n" + inner).encode(value)
        out.append(brackets[0] + "\n" + inner + flat[1:-1] + closing)
        return
    out.append(brackets[0])
    separator = "\n" + inner
    if isinstance(value, dict):
        for key, member in value.items():
            out.append(separator + _key(key) + ": ")
            _write(member, level + 1, indent, out)
            separator = ",\n" + inner
    else:
        for member in value:
            out.append(separator)
            _write(member, level + 1, indent, out)
            separator = ",\n" + inner
    out.append(closing)
