"""docs/internals.md stays true: its module map names every package, and only real ones."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "engine" / "crosscheck"
DOC = ROOT / "docs" / "internals.md"


def _shape_block() -> str:
    text = DOC.read_text(encoding="utf-8")
    shape = text.split("## The shape", 1)[1]
    return shape.split("```", 2)[1]


def _named_packages() -> set[str]:
    """Packages the map names: `  name/` at the top level, `    name/` one level down."""
    named: set[str] = set()
    parent = ""
    for line in _shape_block().splitlines():
        match = re.match(r"^( {2}| {4})([a-z_]+)/", line)
        if match is None:
            continue
        if len(match.group(1)) == 2:
            parent = match.group(2)
            named.add(parent)
        else:
            named.add(f"{parent}/{match.group(2)}")
    return named


def _top_level_packages() -> set[str]:
    return {p.parent.name for p in PACKAGE.glob("*/__init__.py")}


def test_every_top_level_package_is_on_the_map() -> None:
    named = {name for name in _named_packages() if "/" not in name}
    assert _top_level_packages() == named


def test_every_package_on_the_map_exists() -> None:
    missing = [name for name in _named_packages() if not (PACKAGE / name / "__init__.py").is_file()]
    assert not missing
