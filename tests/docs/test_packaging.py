"""Packaging and the install instructions agree: a free distribution name, MIT licence
metadata in its SPDX form, split extras, and the CI snippets of docs/ci.md."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from crosscheck import __version__

ROOT = Path(__file__).resolve().parents[2]
DIST = "crosscheck-news"
# Places that tell people how to install crosscheck.
INSTRUCTIONS = ("README.md", "docs/ci.md", "docs/testing-your-rules.md")


def _project() -> dict[str, Any]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project: dict[str, Any] = data["project"]
    return project


def _yaml_blocks(doc: str) -> list[Any]:
    text = (ROOT / doc).read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[;! ]", item, maxsplit=1)[0].lower() for item in requirements}


def test_the_distribution_has_its_own_name_and_the_command_stays_crosscheck() -> None:
    project = _project()
    assert project["name"] == DIST  # "crosscheck" on the index is an unrelated project
    assert project["scripts"] == {"crosscheck": "crosscheck.cli:run"}


def test_the_licence_is_an_spdx_expression_with_its_file() -> None:
    project = _project()
    assert project["license"] == "MIT"  # a table is deprecated by setuptools
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "setuptools>=77" in build["build-system"]["requires"]  # reads the SPDX form


def test_classifiers_and_keywords_are_declared() -> None:
    project = _project()
    assert "Typing :: Typed" in project["classifiers"]
    assert "Programming Language :: Python :: 3.11" in project["classifiers"]
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # SPDX says it
    assert "fact-checking" in project["keywords"]


def test_the_testing_extra_is_only_what_the_strategies_need() -> None:
    extras = _project()["optional-dependencies"]
    assert _requirement_names(extras["testing"]) == {"hypothesis"}
    dev = _requirement_names(extras["dev"])
    assert _requirement_names(extras["testing"]) <= dev
    assert {"pytest", "jsonschema", "playwright", "ruff", "mypy"} <= dev
    assert "test" not in extras  # the old extra mixed both


def test_the_test_script_installs_the_dev_extra() -> None:
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "-e '.[dev]'" in script


def test_install_instructions_name_the_distribution() -> None:
    for doc in INSTRUCTIONS:
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert f"pip install {DIST}" in text or f'pip install "{DIST}[' in text, doc
        bare = re.findall(r"pip install ['\"]?crosscheck(?![-\w])", text)
        assert not bare, f"{doc} installs the unrelated `crosscheck`: {bare}"
    testing = (ROOT / "docs" / "testing-your-rules.md").read_text(encoding="utf-8")
    assert f'pip install "{DIST}[testing]"' in testing


def _github_workflow() -> dict[str, Any]:
    workflows = [b for b in _yaml_blocks("docs/ci.md") if isinstance(b, dict) and "jobs" in b]
    assert len(workflows) == 1
    workflow: dict[str, Any] = workflows[0]
    return workflow


def test_the_ci_workflow_uploads_sarif_with_the_current_action_and_permissions() -> None:
    workflow = _github_workflow()
    assert workflow["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "actions": "read",  # upload-sarif reads the run on private repositories
    }
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert "github/codeql-action/upload-sarif@v4" in uses
    runs = [step["run"] for step in steps if "run" in step]
    assert f"pip install {DIST}" in runs


def test_the_pre_commit_snippet_names_this_release_and_every_hook() -> None:
    snippets = [b for b in _yaml_blocks("docs/ci.md") if isinstance(b, dict) and "repos" in b]
    assert len(snippets) == 1
    (repo,) = snippets[0]["repos"]
    assert repo["rev"] == f"v{__version__}"  # the release tag (git tag v{version})
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in hooks]
