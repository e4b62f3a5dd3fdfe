"""Issue 19, item 1: ``-o`` and ``--write-baseline`` never write over what the run reads.

Every input of a run (rule files and the files they import, articles, manifests,
``--baseline``, ``--claims``) is refused as an output with exit 2 and a message
naming the clash, the input left as it was; so is an output with an article's suffix
inside a folder the run reads, which the next run would read back as an article.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import crosscheck.fs.clash as clash
import crosscheck.load.articles as articles
from crosscheck.cli import main

from .sample import ARTICLE, ROOT, RULE_FILE, copy_sample

CLAIMS = Path(__file__).resolve().parents[1] / "cli" / "data" / "seed_claims.jsonl"
CHECK = ["check", "corpus", "--rules", "rules", "-j", "1"]


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_sample(tmp_path, monkeypatch)


def _refused(
    capsys: pytest.CaptureFixture[str], args: list[str], target: str, *, code: int = 2
) -> str:
    """Run ``args``; assert it exits ``code`` leaving ``target`` as it was; the stderr."""
    before = Path(target).read_bytes() if Path(target).exists() else None
    assert main(args) == code
    after = Path(target).read_bytes() if Path(target).exists() else None
    assert after == before
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
@pytest.mark.parametrize(
    "target", [RULE_FILE, ARTICLE, "corpus/manifest.yaml", "corpus/kyiv_evening_notes.txt"]
)
def test_an_input_is_not_overwritten(
    sample: Path, capsys: pytest.CaptureFixture[str], option: str, target: str
) -> None:
    err = _refused(capsys, [*CHECK, option, target], target)
    assert target in err and "reads" in err


def test_an_imported_rule_file_is_not_overwritten(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("shared").mkdir()
    Path("shared/extra.rules").write_text("measure spare: count\n", encoding="utf-8")
    Path("top.rules").write_text('import "shared/extra.rules"\n', encoding="utf-8")
    args = ["check", "corpus", "--rules", "top.rules", "-j", "1", "-o", "shared/extra.rules"]
    assert "shared/extra.rules" in _refused(capsys, args, "shared/extra.rules")


def test_the_baseline_read_is_not_overwritten(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*CHECK, "--write-baseline", "base.json"]) == 0
    capsys.readouterr()
    for option in ("-o", "--write-baseline"):
        _refused(capsys, [*CHECK, "--baseline", "base.json", option, "base.json"], "base.json")


def test_the_claims_file_is_not_overwritten(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("claims.jsonl").write_bytes(CLAIMS.read_bytes())
    args = ["check", "--claims", "claims.jsonl", "--rules", "rules", "-o", "claims.jsonl"]
    assert "claims.jsonl" in _refused(capsys, args, "claims.jsonl")


def test_a_link_to_an_input_is_not_written_through(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(RULE_FILE, "report.txt")
    assert "report.txt" in _refused(capsys, [*CHECK, "-o", "report.txt"], RULE_FILE)
    assert os.path.islink("report.txt")


def test_extract_does_not_overwrite_an_input(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["extract", "corpus", "--rules", "rules", "-j", "1", "-o", RULE_FILE]
    assert RULE_FILE in _refused(capsys, args, RULE_FILE)


def test_a_replayed_run_does_not_overwrite_an_input(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*CHECK, "-o", "report.txt"]) == 1
    assert main([*CHECK, "-o", "again.txt"]) == 1  # replayed
    assert Path("again.txt").read_bytes() == Path("report.txt").read_bytes()
    capsys.readouterr()
    assert ARTICLE in _refused(capsys, [*CHECK, "-o", ARTICLE], ARTICLE)


@pytest.mark.parametrize("name", ["corpus/report.txt", "corpus/late/claims.jsonl"])
def test_an_article_named_output_in_a_folder_read_is_refused(
    sample: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    Path("corpus/late").mkdir()
    for command in (CHECK, ["extract", "corpus", "--rules", "rules", "-j", "1"]):
        err = _refused(capsys, [*command, "-o", name], name)
        assert name in err and "article" in err
        assert not Path(name).exists()


def test_a_report_beside_the_corpus_is_written(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*CHECK, "-o", "report.txt"]) == 1
    assert main([*CHECK, "-o", "corpus/report.json", "--format", "json"]) == 1
    assert main([*CHECK, "--write-baseline", "base.json"]) == 0
    assert "violation" in Path("report.txt").read_text(encoding="utf-8")
    assert Path("corpus/report.json").stat().st_size > 0
    capsys.readouterr()
    assert main([*CHECK, "--no-cache", "-o", "report.txt"]) == 1


def test_the_suffixes_refused_are_the_article_suffixes() -> None:
    assert clash.ARTICLE_SUFFIXES == articles.ARTICLE_SUFFIXES


@pytest.mark.parametrize(
    "target", [RULE_FILE, "rules/tests/t.yaml", "rules/new.rules", "rules/tests/new.yml"]
)
def test_rule_tests_do_not_overwrite_what_they_read(
    sample: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    Path("rules/tests").mkdir()
    Path("rules/tests/t.yaml").write_bytes((ROOT / "rules/tests/nk_deployment.yaml").read_bytes())
    err = _refused(capsys, ["test", "rules", "-o", target], target)
    assert target in err and "refusing" in err
