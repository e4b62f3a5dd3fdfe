"""The optional compiled build: which modules mypyc compiles, and whether this install did.

``CROSSCHECK_COMPILE=1 pip install .`` compiles the modules below to C extensions with
mypyc (setup.py reads this list; docs/internals.md, "The compiled build"); a default install
is pure Python. ``crosscheck --version`` says which one is running.

This file is read by setup.py on its own, before crosscheck is installed: it imports only
the standard library, and is never compiled itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.machinery import EXTENSION_SUFFIXES

# The environment variable that asks setup.py for the compiled build.
VARIABLE = "CROSSCHECK_COMPILE"

# Paths relative to engine/; a pattern's "*" is any module of that folder. The extraction
# and the pure values it reads on every number: where compiled code pays (docs/internals.md).
COMPILED: tuple[str, ...] = (
    "crosscheck/extract/*.py",
    "crosscheck/text/segment.py",
    "crosscheck/text/written.py",
    "crosscheck/hedges.py",
    "crosscheck/interval.py",
    "crosscheck/lexicon.py",
)
# extract/__init__.py swaps its own module's class (the package is callable), which a
# compiled module cannot do.
KEPT_PURE: tuple[str, ...] = ("crosscheck/extract/__init__.py",)

_ENGINE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def compile_requested(environ: Mapping[str, str]) -> bool:
    """Whether ``environ`` asks for the compiled build (CROSSCHECK_COMPILE=1, true or yes)."""
    return environ.get(VARIABLE, "").strip().lower() in {"1", "true", "yes"}


def compiled_sources(engine: str = _ENGINE) -> list[str]:
    """The source files the compiled build compiles, relative to ``engine``, sorted."""
    sources: set[str] = set()
    for pattern in COMPILED:
        folder, name = os.path.split(pattern)
        if name == "*.py":
            names = [n for n in os.listdir(os.path.join(engine, folder)) if n.endswith(".py")]
            sources.update(f"{folder}/{n}" for n in names)
        else:
            sources.add(pattern)
    return sorted(sources - set(KEPT_PURE))


def _is_extension(engine: str, source: str) -> bool:
    """Whether a compiled extension sits beside ``source`` (Python imports it first)."""
    stem = os.path.join(engine, source[: -len(".py")])
    return any(os.path.exists(stem + suffix) for suffix in EXTENSION_SUFFIXES)


def build(engine: str = _ENGINE) -> str:
    """How this install runs: "compiled with mypyc", "pure Python", or partly compiled."""
    sources = compiled_sources(engine)
    compiled = sum(_is_extension(engine, source) for source in sources)
    if compiled == 0:
        return "pure Python"
    if compiled == len(sources):
        return "compiled with mypyc"
    return f"partly compiled with mypyc: {compiled} of {len(sources)} modules"
