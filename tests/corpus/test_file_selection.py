"""Which files a walk of a folder reads: .gitignore files (nested, negated, the
repository's above the walk), hidden folders, the cache folder, default exclusions,
exclude and include patterns, and folders named on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.fs.reader import FileReader
from crosscheck.load.articles import ArticleFile, iter_article_files
from crosscheck.load.selection import FileSelection

ARTICLE = "Officials said 40 soldiers were killed.\n"


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")


def _read(
    folder: Path, selection: FileSelection | None = None, root: Path | None = None
) -> list[str]:
    """The article files a walk of ``folder`` yields, relative to ``root`` (default: ``folder``)."""
    items = iter_article_files([folder], reader=FileReader(), selection=selection)
    files = [item.path for item in items if isinstance(item, ArticleFile)]
    return [path.relative_to(root or folder).as_posix() for path in files]


def test_gitignore_files_are_respected_nested_and_negated(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            ".gitignore": "drafts/\n*.txt\n",
            "a.md": ARTICLE,
            "notes.txt": ARTICLE,
            "drafts/b.md": ARTICLE,
            "wire/.gitignore": "!keep.txt\nold-*.md\n",
            "wire/keep.txt": ARTICLE,
            "wire/other.txt": ARTICLE,
            "wire/old-1.md": ARTICLE,
            "wire/new.md": ARTICLE,
        },
    )
    assert _read(tmp_path) == ["a.md", "wire/keep.txt", "wire/new.md"]
    everything = FileSelection(gitignore=False)
    assert len(_read(tmp_path, everything)) == 7


def test_the_repository_gitignore_above_the_walked_folder_applies(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            ".gitignore": "corpus/drafts/\n",
            ".git/info/exclude": "*.tmp.md\n",
            "corpus/a.md": ARTICLE,
            "corpus/b.tmp.md": ARTICLE,
            "corpus/drafts/c.md": ARTICLE,
        },
    )
    in_repo = FileSelection(git_root=tmp_path)
    assert _read(tmp_path / "corpus", in_repo) == ["a.md"]
    assert len(_read(tmp_path / "corpus", FileSelection())) == 3  # no repository: not read


def test_a_folder_named_is_read_even_when_ignored_or_excluded(tmp_path: Path) -> None:
    _tree(tmp_path, {".gitignore": "drafts/\n", "drafts/a.md": ARTICLE, "build/b.md": ARTICLE})
    in_repo = FileSelection(git_root=tmp_path)
    assert _read(tmp_path, in_repo) == []
    assert _read(tmp_path / "drafts", in_repo) == ["a.md"]
    assert _read(tmp_path / "build", in_repo) == ["b.md"]


def test_hidden_folders_the_cache_folder_and_tool_folders_are_skipped(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "a.md": ARTICLE,
            ".hidden/b.md": ARTICLE,
            ".crosscheck/c.md": ARTICLE,
            "cache/d.md": ARTICLE,
            "node_modules/pkg/README.md": ARTICLE,
            "venv/lib/e.md": ARTICLE,
            "deep/dist/f.md": ARTICLE,
        },
    )
    assert _read(tmp_path, FileSelection(skip=(tmp_path / "cache",))) == ["a.md"]


def test_exclude_patterns_use_gitignore_syntax_from_their_base(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "corpus/a.md": ARTICLE,
            "corpus/old/b.md": ARTICLE,
            "corpus/wire/old/c.md": ARTICLE,
            "corpus/wire/d.txt": ARTICLE,
        },
    )
    anchored = FileSelection(exclude=("/corpus/old/",), exclude_base=tmp_path)
    assert _read(tmp_path, anchored) == ["corpus/a.md", "corpus/wire/d.txt", "corpus/wire/old/c.md"]
    anywhere = FileSelection(exclude=("old/", "*.txt"), exclude_base=tmp_path)
    assert _read(tmp_path, anywhere) == ["corpus/a.md"]


def test_include_narrows_a_walk_from_its_base_but_not_of_a_folder_named_below_it(
    tmp_path: Path,
) -> None:
    _tree(
        tmp_path,
        {
            "README.md": ARTICLE,
            "docs/guide.md": ARTICLE,
            "corpus/a.md": ARTICLE,
            "tests/data/fixture.jsonl": '{"text": "x"}\n',
        },
    )
    only = FileSelection(include=("/corpus/",), include_base=tmp_path)
    assert _read(tmp_path, only) == ["corpus/a.md"]
    assert _read(tmp_path / "tests", only, tmp_path) == ["tests/data/fixture.jsonl"]


@pytest.mark.parametrize("gitignore", [True, False])
def test_every_ignore_file_consulted_is_in_the_witness(tmp_path: Path, gitignore: bool) -> None:
    _tree(tmp_path, {".gitignore": "x/\n", "corpus/.gitignore": "y/\n", "corpus/a.md": ARTICLE})
    reader = FileReader()
    selection = FileSelection(gitignore=gitignore, git_root=tmp_path)
    list(iter_article_files([tmp_path / "corpus"], None, reader, selection))
    witness = reader.witness(started_ns=2**62)  # long after the files were written
    assert witness is not None
    read = {Path(entry.path).relative_to(tmp_path).as_posix() for entry in witness.files}
    probed = {Path(entry.path).relative_to(tmp_path).as_posix() for entry in witness.probes}
    assert ({".gitignore", "corpus/.gitignore"} <= read) is gitignore
    # looked for, whether there or not: a .gitignore made later is noticed
    assert ({".gitignore", ".git/info/exclude"} <= probed) is gitignore
    assert "corpus" in {Path(entry.path).name for entry in witness.folders}


def test_a_gitignore_line_that_is_no_pattern_is_passed_over(tmp_path: Path) -> None:
    _tree(tmp_path, {".gitignore": "!\n\\\n*.txt\n", "a.md": ARTICLE, "b.txt": ARTICLE})
    assert _read(tmp_path) == ["a.md"]
