"""action.yml, the repository's GitHub Action: its shape, and its steps run locally
(action_runner.py) against a copy of the sample corpus: the install step installs
crosscheck from the action's own folder, the check writes SARIF, and the exit code
follows fail-on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from action_runner import EXPRESSION, environment, run_steps

ROOT = Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
INSTALL = "Install crosscheck"
UPLOAD = "github/codeql-action/upload-sarif@v4"


def _step(name: str) -> dict[str, Any]:
    return next(step for step in STEPS if step.get("name") == name)


def test_the_action_is_a_composite_action_with_described_inputs() -> None:
    assert {"name", "description", "inputs", "runs"} <= ACTION.keys()
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "rules", "fail-on", "upload-sarif"} <= ACTION["inputs"].keys()
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), f"input {name} has no description"
        assert "default" in spec, f"input {name} has no default"
    for output in ACTION["outputs"].values():
        assert output["description"] and output["value"]


def test_every_run_step_names_its_shell_and_every_step_is_named() -> None:
    for step in STEPS:
        assert step.get("name")
        assert ("run" in step) != ("uses" in step), step["name"]
        if "run" in step:
            assert step.get("shell") == "bash", f"{step['name']} needs `shell`"
            # Inputs reach scripts through `env`, never pasted into the script.
            assert not EXPRESSION.search(step["run"]), step["name"]


def test_every_input_is_used() -> None:
    used = {m.group(1) for m in EXPRESSION.finditer(yaml.safe_dump(ACTION["runs"]))}
    used |= {m.group(1) for m in EXPRESSION.finditer(yaml.safe_dump(ACTION["outputs"]))}
    used |= {step["if"] for step in STEPS if "if" in step}  # `if:` needs no ${{ }}
    for name in ACTION["inputs"]:
        assert any(f"inputs.{name}" in expression for expression in used), name


def test_it_installs_from_its_own_checkout_and_uploads_sarif() -> None:
    assert "pip install" in _step(INSTALL)["run"]
    assert _step(INSTALL)["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    upload = next(step for step in STEPS if step.get("uses") == UPLOAD)
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "inputs.upload-sarif" in upload["if"]
    assert (
        STEPS.index(_step("Check")) < STEPS.index(upload) < STEPS.index(_step("Fail on findings"))
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A venv where the action's install step has installed crosscheck from a copy of this
    repository (its dependencies seen through the test environment's site-packages)."""
    base = tmp_path_factory.mktemp("action")
    checkout = base / "action"
    shutil.copytree(ROOT / "engine", checkout / "engine", ignore=_build_litter)
    # The build: pyproject names an in-tree backend (build_backend/) that runs setup.py.
    shutil.copytree(ROOT / "build_backend", checkout / "build_backend", ignore=_build_litter)
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "action.yml"):
        shutil.copy2(ROOT / name, checkout / name)
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(sysconfig.get_paths(vars={"base": str(venv)})["purelib"])
    (purelib / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    outcome = run_steps(
        ACTION,
        {},
        action_path=checkout,
        workdir=base,
        env=environment(venv / "bin"),
        only=frozenset({INSTALL}),
    )
    assert (outcome.status, outcome.ran) == (0, [INSTALL]), outcome.log
    assert (venv / "bin" / "crosscheck").is_file()
    yield venv / "bin"


def _build_litter(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or n.endswith(".egg-info")]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("tests"))
    return tmp_path


def _run_action(bin_folder: Path, workspace: Path, **inputs: str) -> Any:
    return run_steps(
        ACTION,
        inputs,
        action_path=workspace / "unused",
        workdir=workspace,
        env=environment(bin_folder),
        skip=frozenset({INSTALL}),
    )


@pytest.mark.parametrize(("fail_on", "status"), [("error", 1), ("never", 0)])
def test_the_check_writes_sarif_and_the_exit_code_follows_fail_on(
    installed: Path, workspace: Path, fail_on: str, status: int
) -> None:
    outcome = _run_action(installed, workspace, **{"fail-on": fail_on, "sarif-file": "out.sarif"})
    assert outcome.status == status, outcome.log
    assert outcome.ran == ["Check", "Fail on findings"]
    assert outcome.used == ["actions/setup-python@v5", UPLOAD]
    assert outcome.outputs["check"] == {"exit-code": str(status)}
    sarif = json.loads((workspace / "out.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == 4
    assert ("::error::crosscheck found contradictions" in outcome.log) == (status == 1)


def test_paths_are_split_on_spaces(installed: Path, workspace: Path) -> None:
    two = " ".join(
        f"corpus/2024-12-23_{name}.md"
        for name in ("newsweek_more-troops", "cnews-live_troops-and-drones")
    )
    outcome = _run_action(installed, workspace, paths=two, **{"fail-on": "never"})
    assert outcome.status == 0, outcome.log
    sarif = json.loads((workspace / "crosscheck.sarif").read_text(encoding="utf-8"))
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for location in result["locations"]
    }
    assert uris and all("newsweek" in uri or "cnews-live" in uri for uri in uris)


def test_bad_rules_fail_the_check_step_before_any_upload(installed: Path, workspace: Path) -> None:
    outcome = _run_action(installed, workspace, rules="missing.rules")
    assert outcome.status == 2, outcome.log
    assert outcome.ran == ["Check"]
    assert outcome.used == ["actions/setup-python@v5"]
    assert "no such rule file" in outcome.log


def test_the_workflow_in_docs_ci_uses_only_inputs_the_action_has() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text.split("### The crosscheck action", 1)[1].split("\n## ", 1)[0]
    steps = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])["steps"]
    ours = next(step for step in steps if step["uses"].startswith("crosscheck-dev/crosscheck@"))
    assert set(ours["with"]) == set(ACTION["inputs"]) - {"python-version"}
    for name, value in ours["with"].items():
        assert str(value) == ACTION["inputs"][name]["default"], f"{name}: the doc says the default"
