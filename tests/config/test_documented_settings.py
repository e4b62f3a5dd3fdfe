"""The README's configuration example is a valid configuration naming every setting, and
this repository's own configuration makes `crosscheck check .` read only its corpus."""

from __future__ import annotations

import tomllib
from pathlib import Path

from crosscheck.config.settings import KEYS, FileSettings

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_example_is_valid_and_names_every_setting() -> None:
    readme = ROOT.joinpath("README.md").read_text("utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    table = tomllib.loads(block)["tool"]["crosscheck"]
    FileSettings.model_validate(table)
    assert list(table) == list(KEYS)


def test_the_repository_configures_its_sample_corpus() -> None:
    table = tomllib.loads(ROOT.joinpath("pyproject.toml").read_text("utf-8"))["tool"]["crosscheck"]
    settings = FileSettings.model_validate(table)
    assert (settings.corpus, settings.rules, settings.include) == (
        ["corpus"],
        "rules",
        ["/corpus/"],
    )
