"""setuptools' build (pyproject.toml holds the metadata), with an optional compiled build.

``CROSSCHECK_COMPILE=1 pip install .`` compiles the modules engine/crosscheck/build_info.py
lists to C extensions with mypyc (docs/internals.md, "The compiled build"); without the
variable the build is pure Python, as it always was.
"""

from __future__ import annotations

import os
import runpy
import shutil
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build import build

ENGINE = Path(__file__).resolve().parent / "engine"
# Read on its own: crosscheck is not importable before it is built.
BUILD_INFO = runpy.run_path(str(ENGINE / "crosscheck" / "build_info.py"))


def compiled_extensions() -> list[Any]:
    """mypyc's extensions of the listed modules when compiling; none for the pure build."""
    if not BUILD_INFO["compile_requested"](os.environ):
        return []
    from mypyc.build import mypycify  # a build requirement only when compiling

    sources = [f"engine/{source}" for source in BUILD_INFO["compiled_sources"](str(ENGINE))]
    # mypy follows imports into the rest of crosscheck, whose optional extras (numpy, Dask,
    # pygls) a build environment need not hold: their errors are not the compiled code's.
    return list(mypycify([*sources, "--follow-imports=silent"], opt_level="3"))


class _FreshBuild(build):
    """setuptools' build, into an emptied folder when compiling: an earlier compiled build
    left its modules there, and one since dropped from the list (or deleted) would ship."""

    def run(self) -> None:
        if self.distribution.ext_modules and os.path.isdir(self.build_lib):
            shutil.rmtree(self.build_lib)
        super().run()


if __name__ == "__main__":  # as setuptools runs it; tests import it to ask what it builds
    setup(ext_modules=compiled_extensions(), cmdclass={"build": _FreshBuild})
