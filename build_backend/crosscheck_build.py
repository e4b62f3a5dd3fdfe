"""crosscheck's build backend: setuptools', plus what the optional compiled build needs.

With ``CROSSCHECK_COMPILE=1`` a wheel's build also needs mypy (mypyc ships with it) and
what mypy needs to type-check the compiled modules: crosscheck's own dependencies and the
type stubs of two of them. The default build's requirements stay pyproject.toml's.
"""

from __future__ import annotations

import os
import runpy
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403  (the rest of the backend, unchanged)

ROOT = Path(__file__).resolve().parents[1]
# Read on its own: crosscheck is not importable before it is built.
BUILD_INFO = runpy.run_path(str(ROOT / "engine" / "crosscheck" / "build_info.py"))
VARIABLE: str = BUILD_INFO["VARIABLE"]
# What compiling adds to the build environment (mypyc ships with mypy).
COMPILE_REQUIRES = ["mypy>=1.10", "types-PyYAML", "types-python-dateutil"]


def _compiling() -> bool:
    return bool(BUILD_INFO["compile_requested"](os.environ))


@contextmanager
def _pure() -> Iterator[None]:
    """setup.py run without compiling: the steps before the wheel need no mypy, and the
    metadata is the same either way (compiling there would also take twice as long)."""
    saved = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = "0"
    try:
        yield
    finally:
        if saved is None:
            del os.environ[VARIABLE]
        else:
            os.environ[VARIABLE] = saved


def _dependencies() -> list[str]:
    pyproject = ROOT / "pyproject.toml"
    project: dict[str, Any] = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' requirements for a wheel, and mypy with what it checks when compiling."""
    with _pure():
        requires = list(build_meta.get_requires_for_build_wheel(config_settings))
    return requires + COMPILE_REQUIRES + _dependencies() if _compiling() else requires


def prepare_metadata_for_build_wheel(
    metadata_directory: str, config_settings: dict[str, Any] | None = None
) -> str:
    """The wheel's metadata, as setuptools writes it (never compiling for it)."""
    with _pure():
        return build_meta.prepare_metadata_for_build_wheel(metadata_directory, config_settings)
