"""The optional compiled build (mypyc): its module list is real, the default build stays
pure and asks for nothing new, and ``crosscheck --version`` says which build runs."""

from __future__ import annotations

import os
import runpy
import tomllib
from collections.abc import Mapping
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

import pytest

from crosscheck import __version__
from crosscheck.build_info import COMPILED, KEPT_PURE, VARIABLE, build, compiled_sources
from crosscheck.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "engine"


def test_the_module_list_names_existing_modules() -> None:
    for pattern in COMPILED:
        assert list(ENGINE.glob(pattern)), f"{pattern} names no module"
    sources = compiled_sources(str(ENGINE))
    assert all((ENGINE / source).is_file() for source in sources)
    assert "crosscheck/extract/bind.py" in sources
    for kept in KEPT_PURE:
        assert (ENGINE / kept).is_file()
        assert kept not in sources


def _fake_engine(tmp_path: Path, compiled: int) -> str:
    """An engine folder holding the listed modules, the first ``compiled`` of them built."""
    for source in compiled_sources(str(ENGINE)):
        (tmp_path / source).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / source).write_text("", encoding="utf-8")
    for source in compiled_sources(str(tmp_path))[:compiled]:
        (tmp_path / (source[: -len(".py")] + EXTENSION_SUFFIXES[0])).write_bytes(b"")
    return str(tmp_path)


def test_build_says_compiled_only_where_every_listed_module_is() -> None:
    assert build(str(ENGINE)) == "pure Python"  # the source tree


def test_build_counts_the_extensions_beside_the_sources(tmp_path: Path) -> None:
    total = len(compiled_sources(str(ENGINE)))
    assert build(_fake_engine(tmp_path, 0)) == "pure Python"
    assert build(_fake_engine(tmp_path, 3)) == f"partly compiled with mypyc: 3 of {total} modules"
    assert build(_fake_engine(tmp_path, total)) == "compiled with mypyc"


def test_version_says_which_build_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"crosscheck, version {__version__} ({build()})\n"


def _setup_module() -> dict[str, Any]:
    # Python 3.11's venv ships setuptools (CI's); a later one's may not.
    pytest.importorskip("setuptools", reason="setup.py needs setuptools installed")
    return runpy.run_path(str(ROOT / "setup.py"), run_name="crosscheck_setup")


@pytest.mark.parametrize("value", [None, "", "0", "no"])
def test_setup_builds_pure_without_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv(VARIABLE, raising=False)
    else:
        monkeypatch.setenv(VARIABLE, value)
    assert _setup_module()["compiled_extensions"]() == []


def test_the_default_build_requires_only_setuptools() -> None:
    build_system = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "build-system"
    ]
    assert build_system["requires"] == ["setuptools>=77"]
    assert build_system["build-backend"] == "crosscheck_build"
    assert (ROOT / build_system["backend-path"][0] / "crosscheck_build.py").is_file()


def _requires(monkeypatch: pytest.MonkeyPatch, environ: Mapping[str, str]) -> list[str]:
    """What the backend asks for, setuptools' own answer stubbed as ["setuptools-own"]."""
    pytest.importorskip("setuptools", reason="the build backend wraps setuptools'")
    backend = runpy.run_path(str(ROOT / "build_backend" / "crosscheck_build.py"))
    seen: list[str | None] = []

    def setuptools_requires(_settings: object = None) -> list[str]:
        seen.append(os.environ.get(VARIABLE))
        return ["setuptools-own"]

    monkeypatch.setattr(backend["build_meta"], "get_requires_for_build_wheel", setuptools_requires)
    monkeypatch.delenv(VARIABLE, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    requires: list[str] = backend["get_requires_for_build_wheel"]()
    assert seen == ["0"]  # setup.py is asked without compiling: mypy is not there yet
    assert os.environ.get(VARIABLE) == environ.get(VARIABLE)
    return requires


def test_the_backend_asks_for_mypy_only_when_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _requires(monkeypatch, {}) == ["setuptools-own"]
    compiling = _requires(monkeypatch, {VARIABLE: "1"})
    assert compiling[0] == "setuptools-own"
    assert "mypy>=1.10" in compiling
    assert any(r.startswith("pydantic") for r in compiling)  # mypy checks against it
