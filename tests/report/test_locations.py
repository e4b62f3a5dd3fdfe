"""Paths named from the project's root: pure path arithmetic (report/locations.py)."""

from __future__ import annotations

import os

import pytest

from crosscheck.report.locations import ProjectPaths
from crosscheck.report.sarif import artifact_location


@pytest.mark.parametrize(
    ("path", "relative"),
    [
        ("corpus/a.md", "docs/corpus/a.md"),
        ("../corpus/a.md", "corpus/a.md"),
        ("./x/../b.md", "docs/b.md"),
        ("/r/corpus/a.md", "corpus/a.md"),
        ("../../elsewhere/a.md", None),
        ("/elsewhere/a.md", None),
        ("/rival/a.md", None),  # a sibling whose name starts like the root's
    ],
)
def test_paths_from_the_root(path: str, relative: str | None) -> None:
    project = ProjectPaths(os.path.normpath("/r"), os.path.normpath("/r/docs"))
    assert project.from_root(os.path.normpath(path) if path.startswith("/") else path) == relative


def test_sarif_names_a_file_outside_the_root_by_its_absolute_uri() -> None:
    project = ProjectPaths("/r", "/r/docs")
    inside = {"uri": "corpus/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("../corpus/a b.md", project) == inside
    assert artifact_location("../../x/a.md", project) == {"uri": "file:///x/a.md"}
    assert artifact_location("corpus/a.md") == {"uri": "corpus/a.md", "uriBaseId": "%SRCROOT%"}
