"""SARIF and GitHub annotations name files from the project's root (git's top level, or
``--project-root``), where code scanning resolves them: no ``../`` when run from a
subfolder, no machine-specific ``file://`` URI for absolute paths inside the root."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosscheck.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", *args, "--no-cache"]) == 1
    return capsys.readouterr().out


def _artifacts(sarif: str) -> list[dict[str, Any]]:
    run = json.loads(sarif)["runs"][0]
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    return [
        place["physicalLocation"]["artifactLocation"]
        for result in run["results"]
        for place in (*result["locations"], *result.get("relatedLocations", ()))
    ]


@pytest.fixture
def repository(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample corpus and rules in a git repository's root, the run in its docs/."""
    (workspace / ".git").mkdir()
    (workspace / "docs").mkdir()
    monkeypatch.chdir(workspace / "docs")
    return workspace


def test_sarif_from_a_subfolder_is_relative_to_the_repository_root(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _artifacts(_run(capsys, "../corpus", "--rules", "../rules", "--format", "sarif"))
    assert found
    for artifact in found:
        assert artifact["uri"].startswith("corpus/"), artifact
        assert artifact["uriBaseId"] == "%SRCROOT%"


def test_sarif_of_absolute_paths_inside_the_root_has_no_file_uri(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, rules = str(repository / "corpus"), str(repository / "rules")
    found = _artifacts(_run(capsys, corpus, "--rules", rules, "--format", "sarif"))
    assert found and all(a["uri"].startswith("corpus/") for a in found)
    assert not any("file:" in a["uri"] for a in found)


def test_github_annotations_from_a_subfolder_name_files_from_the_root(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _run(capsys, "../corpus", "--rules", "../rules", "--format", "github").splitlines()
    assert lines and all(line.split(" file=", 1)[1].startswith("corpus/") for line in lines)


def test_project_root_option_without_git(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workspace / "docs").mkdir()
    monkeypatch.chdir(workspace / "docs")
    given = ("../corpus", "--rules", "../rules", "--format", "sarif")
    found = _artifacts(_run(capsys, *given, "--project-root", ".."))
    assert found and all(a["uri"].startswith("corpus/") for a in found)
    # Without a root above, the working folder is the root: the corpus is outside it.
    outside = _artifacts(_run(capsys, *given))
    assert all(a["uri"].startswith("file:///") and "uriBaseId" not in a for a in outside)


def test_a_worktree_s_git_file_marks_the_root_too(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workspace / ".git").write_text("gitdir: /elsewhere/.git/worktrees/w\n", encoding="utf-8")
    (workspace / "docs" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(workspace / "docs" / "deeper")
    found = _artifacts(_run(capsys, "../../corpus", "--rules", "../../rules", "--format", "sarif"))
    assert found and all(a["uri"].startswith("corpus/") for a in found)
