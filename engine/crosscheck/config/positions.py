"""Where a key of a TOML table is written: tomllib gives values, not positions."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[(?!\[)\s*([^\]]*?)\s*\]")
_KEY = re.compile(r"""^(\s*)(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def _table_name(raw: str) -> str:
    """``tool . "crosscheck"`` as ``tool.crosscheck``."""
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


def key_position(text: str, table: str, key: str | None) -> tuple[int, int]:
    """The line and column (1-based) of ``key`` in ``[table]`` of a TOML text; of the
    table's header when ``key`` is None or not found there; (1, 1) when neither is."""
    current, header = "", (1, 1)
    for number, line in enumerate(text.splitlines(), start=1):
        found = _HEADER.match(line)
        if found:
            current = _table_name(found.group(1))
            if current == table:
                header = (number, line.index("[") + 1)
            continue
        if current != table or key is None:
            continue
        written = _KEY.match(line)
        if written and key in written.groups()[1:]:
            return number, len(written.group(1)) + 1
    return header
