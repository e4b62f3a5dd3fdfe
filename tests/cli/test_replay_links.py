"""Replay sees what symlinks, manifests and folder entries change, not only file bytes.

Each case sets up the workspace, runs a cached check, changes something a check
depends on without touching the bytes of any file it read, and checks again: that
check must really run and say what a check without any cache says.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from replaycount import Runs

from crosscheck.cli import main

ARTICLE = "Officials said 40,000 North Korean troops had been killed near Kursk.\n"
CHECK = ["check", "--format", "json", "-j", "1", "--manifest", "pool/manifest.yaml"]


def _pool(workspace: Path) -> Path:
    pool = workspace / "pool"
    pool.mkdir()
    for name in ("one.md", "two.md"):
        (pool / name).write_text(ARTICLE, encoding="utf-8")
    manifest = "one.md:\n  source: One Outlet\ntwo.md:\n  source: Two Outlet\n"
    (pool / "manifest.yaml").write_text(manifest, encoding="utf-8")
    return pool


def _relink(link: Path, target: str) -> None:
    link.unlink()
    link.symlink_to(target)


def _replace_link_by_copy(link: Path) -> None:
    target = link.resolve()
    link.unlink()
    shutil.copytree(target, link)


def named_file_vanishes(workspace: Path) -> Callable[[], None]:
    (workspace / "elsewhere.md").write_text(ARTICLE, encoding="utf-8")
    with open(workspace / "corpus" / "manifest.yaml", "a", encoding="utf-8") as manifest:
        manifest.write("../elsewhere.md:\n  source: Elsewhere\n")
    return lambda: (workspace / "elsewhere.md").unlink()  # the manifest now names nothing


def broken_link_mended(workspace: Path) -> Callable[[], None]:
    (workspace / "corpus" / "late.md").symlink_to("../pool/late.md")
    return lambda: (workspace / "pool" / "late.md").write_text(ARTICLE, encoding="utf-8")


def linked_folder_made_real(workspace: Path) -> Callable[[], None]:
    (workspace / "corpus" / "more").symlink_to("../pool")  # linked folders are not walked
    return lambda: _replace_link_by_copy(workspace / "corpus" / "more")


def linked_rule_folder_made_real(workspace: Path) -> Callable[[], None]:
    (workspace / "spare").mkdir()
    (workspace / "spare" / "draft.rules").write_text("not yet a rule\n", encoding="utf-8")
    (workspace / "rules" / "drafts").symlink_to("../spare")
    return lambda: _replace_link_by_copy(workspace / "rules" / "drafts")


def article_link_repointed(workspace: Path) -> Callable[[], None]:
    (workspace / "corpus" / "a.md").symlink_to("../pool/one.md")
    return lambda: _relink(workspace / "corpus" / "a.md", "../pool/two.md")  # same bytes


CASES = {
    "a file the manifest names vanishes": named_file_vanishes,
    "a broken link's target appears": broken_link_mended,
    "a linked corpus folder becomes a real one": linked_folder_made_real,
    "a linked rule folder becomes a real one": linked_rule_folder_made_real,
    "an article's link points to a copy with other metadata": article_link_repointed,
}


@pytest.mark.parametrize("setup", CASES.values(), ids=list(CASES))
def test_a_change_seen_only_through_links_or_existence_makes_the_check_run_again(
    workspace: Path,
    runs: Runs,
    capsys: pytest.CaptureFixture[str],
    setup: Callable[[Path], Callable[[], None]],
) -> None:
    _pool(workspace)
    change = setup(workspace)
    first = main(CHECK), capsys.readouterr()
    change()
    again = main(CHECK), capsys.readouterr()
    assert runs.count == 2
    assert again != first
    assert again == (main([*CHECK, "--no-cache"]), capsys.readouterr())
