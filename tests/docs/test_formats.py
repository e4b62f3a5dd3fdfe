"""docs/formats.md: every example validates against the schema its block names, and
crosscheck reads it without a warning; the article schemas refuse what the reader refuses."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from tutorial_runner import FENCE, ROOT

import crosscheck
from crosscheck.cli.main import main
from crosscheck.schemas import SCHEMAS, load_schema

PAGE = ROOT / "docs" / "formats.md"


def blocks() -> list[tuple[str, str, str | None]]:
    """Each example block's file, text and schema name (``file=…``, ``schema=…``)."""
    found = []
    for match in FENCE.finditer(PAGE.read_text(encoding="utf-8")):
        words = dict(w.partition("=")[::2] for w in match.group(1).split()[1:] if "=" in w)
        if "file" in words:
            found.append((words["file"], match.group(2), words.get("schema")))
    return found


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(
        load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def as_json(value: Any) -> Any:
    """A YAML value as the JSON it stands for (YAML's dates become ISO text)."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


def instances(path: str, text: str, schema: str) -> list[Any]:
    """The objects a block holds that its schema describes."""
    if path.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if path.endswith(".csv"):
        rows = csv.DictReader(io.StringIO(text))
        return [{r.pop("file"): {k: v for k, v in r.items() if v}} for r in rows]
    if schema == "front-matter":
        return [as_json(yaml.safe_load(text.split("---\n")[1]))]
    return [as_json(yaml.safe_load(text))]


def test_every_input_schema_has_an_example_that_validates() -> None:
    named = set()
    for path, text, schema in blocks():
        if schema is None:
            continue
        named.add(schema)
        for instance in instances(path, text, schema):
            errors = [e.message for e in validator(schema).iter_errors(instance)]
            assert not errors, f"{path}: {errors}"
    assert named == set(SCHEMAS) - {"report"}


@pytest.fixture
def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for path, text, _ in blocks():
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_example_articles_are_read_with_their_metadata(written: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an InputWarning would fail the test
        claims = crosscheck.extract(["race", "more"], rules="race.rules")
    read = [(c.source, c.date, c.stated) for c in claims]
    assert read == [
        ("Elmford Gazette", dt.date(2031, 5, 5), "4,150"),
        ("Valley Radio", dt.date(2031, 5, 5), "3,100"),
        ("Elmford Evening Notes", dt.date(2031, 5, 4), "some 4,000"),
        ("Lakeside Wire", dt.date(2031, 5, 4), "About 4,200"),
        ("Valley Radio", dt.date(2031, 5, 6), "3,900"),
    ]
    assert claims[3].line == 8  # the file's line, front matter included


def test_the_example_claims_are_read_without_a_problem(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", "--claims", "claims.jsonl", "--rules", "race.rules", "--format", "json"]
    status = main([*argv, "--no-cache"])
    out, err = capsys.readouterr()
    assert status == 1, err  # they disagree: findings, no unreadable input (3)
    assert err == ""
    assert json.loads(out)["claims"] == 3


@pytest.mark.parametrize(
    ("line", "schema_valid"),
    [
        ({"source": "Wire"}, False),  # no text
        ({"text": "x", "date": "04/05/2031"}, False),
        ({"text": "x", "source": True}, False),
        ({"text": "x", "title": "  "}, False),
        ({"text": "x", "source": 7, "id": [1], "extra": {}}, True),
    ],
)
def test_the_article_schema_refuses_what_the_reader_refuses(
    tmp_path: Path, line: dict[str, Any], schema_valid: bool
) -> None:
    assert validator("article").is_valid(line) is schema_valid
    corpus = tmp_path / "batch.jsonl"
    corpus.write_text(json.dumps(line) + "\n", encoding="utf-8")
    rules = tmp_path / "race.rules"
    rules.write_text(blocks()[0][1], encoding="utf-8")
    if schema_valid:
        crosscheck.extract(corpus, rules=rules)
    else:
        with pytest.raises(crosscheck.InputError):
            crosscheck.extract(corpus, rules=rules)


def test_the_claims_table_names_only_fields_of_the_schema() -> None:
    table = PAGE.read_text(encoding="utf-8").split("| field | meaning |", 1)[1].split("\n\n")[0]
    named = {name for row in table.splitlines()[2:] for name in row.split("|")[1].split("`")[1::2]}
    schema = load_schema("claims")
    assert named <= set(schema["properties"])
    assert set(schema["required"]) <= named
    assert len(named) >= 20
