"""Finding the configuration file and reading it: upward, which file wins, where it stops,
and errors that name the file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.config.discover import ConfigError, discover
from crosscheck.config.positions import key_position
from crosscheck.config.settings import resolve

TABLE = "[tool.crosscheck]\n"


def test_the_nearest_file_upward_applies_and_crosscheck_toml_wins_in_its_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / "pyproject.toml").write_text(TABLE + 'rules = "outer"\n', "utf-8")
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    assert discover(inner).config.path == tmp_path / "pyproject.toml"  # type: ignore[union-attr]
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    # a pyproject.toml without [tool.crosscheck] is passed over
    assert discover(inner).config.path == tmp_path / "pyproject.toml"  # type: ignore[union-attr]
    (tmp_path / "a" / "crosscheck.toml").write_text('rules = "mine"\n', "utf-8")
    (tmp_path / "a" / "pyproject.toml").write_text(TABLE + 'rules = "theirs"\n', "utf-8")
    found = discover(inner)
    assert found.config is not None and found.config.path.name == "crosscheck.toml"
    assert found.config.table == {"rules": "mine"}


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(TABLE + 'rules = "outer"\n', "utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    found = discover(repo / "docs")
    assert found.config is None
    assert found.git_root == repo
    (repo / ".git").rmdir()
    (repo / ".git").write_text("gitdir: elsewhere\n", "utf-8")  # a worktree's .git is a file
    assert discover(repo / "docs").git_root == repo


def test_paths_in_the_file_are_relative_to_its_folder(tmp_path: Path) -> None:
    (tmp_path / "crosscheck.toml").write_text(
        'corpus = ["news", "/abs/wire"]\nrules = "checks"\ncache-dir = "build/cache"\n', "utf-8"
    )
    (tmp_path / "sub").mkdir()
    settings = resolve({}, discover(tmp_path / "sub"), tmp_path / "sub")
    assert settings.corpus == (Path("../news"), Path("/abs/wire"))
    assert settings.rules == Path("../checks")
    assert settings.cache_dir == Path("../build/cache")
    assert settings.origins["rules"] == "../crosscheck.toml:2:1"
    assert settings.origins["fail-on"] == "default"


def test_the_command_line_overrides_the_file(tmp_path: Path) -> None:
    (tmp_path / "crosscheck.toml").write_text('fail-on = "warning"\njobs = 2\n', "utf-8")
    settings = resolve({"jobs": 3, "exclude": ["drafts/"]}, discover(tmp_path), tmp_path)
    assert (settings.fail_on, settings.jobs, settings.exclude) == ("warning", 3, ("drafts/",))
    assert settings.origins["jobs"] == "command line"
    assert settings.origins["fail-on"] == "crosscheck.toml:1:1"


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (TABLE + 'corpus = ["a"]\n  jobz = 3\n', "pyproject.toml:3:3", "unknown setting `jobz`"),
        (TABLE + 'jobs = "3"\n', "pyproject.toml:2:1", "`jobs`: Input should be a valid integer"),
        (TABLE + "jobs = 0\n", "pyproject.toml:2:1", "`jobs`: Input should be greater than"),
        (TABLE + 'fail-on = "fatal"\n', "pyproject.toml:2:1", "`fail-on`: Input should be"),
        (TABLE + 'format = "xml"\n', "pyproject.toml:2:1", "`format`: unknown format 'xml'"),
        (TABLE + "corpus = [1]\n", "pyproject.toml:2:1", "`corpus`: Input should be a valid"),
        (TABLE + "exclude = ['a/', '!']\n", "pyproject.toml:2:1", "'!' is not a pattern"),
        (TABLE + 'corpus = ["a"\n', "pyproject.toml:2:14", "not valid TOML"),
        ("[tool]\ncrosscheck = 3\n", "pyproject.toml:2:1", "[tool.crosscheck] must be a table"),
    ],
)
def test_a_bad_file_is_an_error_at_its_line_and_column(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as raised:
        resolve({}, discover(tmp_path), tmp_path)
    assert str(raised.value).startswith(f"{where}: error: ")
    assert message in str(raised.value)


def test_key_positions_follow_tables_and_quoted_keys() -> None:
    text = '[project]\njobs = 1\n\n[ tool . "crosscheck" ]\n# jobs = 9\n  "jobs" = 2\n'
    assert key_position(text, "tool.crosscheck", "jobs") == (6, 3)
    assert key_position(text, "tool.crosscheck", "missing") == (4, 1)
    assert key_position(text, "", "jobs") == (1, 1)  # not at the top level: the file's start
