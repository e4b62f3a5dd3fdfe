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

from crosscheck.cli.main import main

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


def named_link_repointed(workspace: Path) -> Callable[[], None]:
    (workspace / "aliases").mkdir()
    (workspace / "aliases" / "kyiv.txt").symlink_to("../corpus/kyiv_evening_notes.txt")
    with open(workspace / "corpus" / "manifest.yaml", "a", encoding="utf-8") as manifest:
        manifest.write("../aliases/kyiv.txt:\n  source: Alias Outlet\n")
    # The manifest's entries are keyed by the files they reach: now another one.
    return lambda: _relink(workspace / "aliases" / "kyiv.txt", "../corpus/wire_brief_seoul.md")


def imported_link_repointed(workspace: Path) -> Callable[[], None]:
    shared = workspace / "shared"
    shared.mkdir()
    (shared / "one.rules").write_text("# nothing yet\n", encoding="utf-8")
    (shared / "two.rules").symlink_to("one.rules")  # imported twice: read once
    (shared / "three.rules").write_text("rule few: deployed within 1 .. 10\n", encoding="utf-8")
    imports = 'import "../shared/one.rules"\nimport "../shared/two.rules"\n'
    (workspace / "rules" / "more.rules").write_text(imports, encoding="utf-8")
    return lambda: _relink(shared / "two.rules", "three.rules")


def manifest_argument_removed(workspace: Path) -> Callable[[], None]:
    return lambda: (workspace / "pool" / "manifest.yaml").unlink()


CASES = {
    "a file the manifest names vanishes": named_file_vanishes,
    "a link the manifest names points elsewhere": named_link_repointed,
    "a broken link's target appears": broken_link_mended,
    "a linked corpus folder becomes a real one": linked_folder_made_real,
    "a linked rule folder becomes a real one": linked_rule_folder_made_real,
    "an article's link points to a copy with other metadata": article_link_repointed,
    "a link to an imported rule file points elsewhere": imported_link_repointed,
}


@pytest.mark.parametrize("setup", CASES.values(), ids=list(CASES))
def test_a_change_seen_only_through_links_or_existence_makes_the_check_run_again(
    workspace: Path,
    runs: Runs,
    capsys: pytest.CaptureFixture[str],
    setup: Callable[[Path], Callable[[], None]],
) -> None:
    _pool(workspace)
    _assert_change_runs_again(capsys, runs, CHECK, setup(workspace))


def test_a_manifest_given_as_a_corpus_path_that_vanishes_makes_the_check_run_again(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    _pool(workspace)
    check = [*CHECK[:-2], "corpus", "pool/manifest.yaml"]  # skipped as an article, but named
    _assert_change_runs_again(capsys, runs, check, manifest_argument_removed(workspace))


def _assert_change_runs_again(
    capsys: pytest.CaptureFixture[str], runs: Runs, check: list[str], change: Callable[[], None]
) -> None:
    first = main(check), capsys.readouterr()
    change()
    again = main(check), capsys.readouterr()
    assert runs.count == 2
    assert again != first
    assert again == (main([*check, "--no-cache"]), capsys.readouterr())
