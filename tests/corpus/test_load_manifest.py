"""Manifests: metadata for files without front matter, in YAML or CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from corpus_helpers import Writer, documents, errors, load

from crosscheck.load.errors import LoadError, LoadProblem
from crosscheck.load.manifest import parse_manifest_csv, parse_manifest_yaml
from crosscheck.model import Document

YAML = """\
plain.txt:
  source: Steppe Courier
  date: 2025-01-24
  url: https://example.org/steppe
  title: Kyiv's count
sub/deep.md:
  source: Deep Source
"""

CSV = """\
file,source,date,url,title
plain.txt,Steppe Courier,2025-01-24,https://example.org/steppe,"Kyiv's count, updated"
sub/deep.md,Deep Source,,,
"""


def _by_name(items: list[Document | LoadError]) -> dict[str, Document]:
    return {Path(doc.path).name: doc for doc in documents(items)}


def test_yaml_manifest_in_the_folder_is_found_and_not_loaded(write: Writer, tmp_path: Path) -> None:
    write("plain.txt", "Body\n")
    write("sub/deep.md", "Deep\n")
    write("manifest.yaml", YAML)
    items = load([tmp_path])
    assert errors(items) == []
    docs = _by_name(items)
    assert sorted(docs) == ["deep.md", "plain.txt"]
    plain = docs["plain.txt"]
    assert (plain.source, plain.date, plain.title) == (
        "Steppe Courier",
        date(2025, 1, 24),
        "Kyiv's count",
    )
    assert plain.url == "https://example.org/steppe"
    assert (docs["deep.md"].source, docs["deep.md"].date) == ("Deep Source", None)


def test_csv_manifest_gives_the_same(write: Writer, tmp_path: Path) -> None:
    write("plain.txt", "Body\n")
    write("sub/deep.md", "Deep\n")
    write("manifest.csv", CSV)
    docs = _by_name(load([tmp_path]))
    assert (docs["plain.txt"].source, docs["plain.txt"].date) == (
        "Steppe Courier",
        date(2025, 1, 24),
    )
    assert docs["plain.txt"].title == "Kyiv's count, updated"
    assert (docs["deep.md"].source, docs["deep.md"].url) == ("Deep Source", None)


def test_front_matter_wins_field_by_field(write: Writer, tmp_path: Path) -> None:
    write("plain.txt", "---\nsource: Own Name\n---\nBody\n")
    write("manifest.yaml", YAML)
    (doc,) = documents(load([tmp_path]))
    assert (doc.source, doc.date) == ("Own Name", date(2025, 1, 24))


def test_explicit_manifest_wins_over_the_folder_one(write: Writer, tmp_path: Path) -> None:
    write("corpus/plain.txt", "Body\n")
    write("corpus/manifest.yaml", YAML)
    extra = write("elsewhere/extra.csv", "file,source\n../corpus/plain.txt,Explicit\n")
    (doc,) = documents(load([tmp_path / "corpus"], manifest=extra))
    assert (doc.source, doc.date) == ("Explicit", date(2025, 1, 24))


def test_nearest_folder_manifest_wins(write: Writer, tmp_path: Path) -> None:
    write("manifest.yaml", "sub/a.txt: {source: Outer, date: 2024-12-23}\n")
    write("sub/manifest.csv", "file,source\na.txt,Inner\n")
    write("sub/a.txt", "x\n")
    (doc,) = documents(load([tmp_path]))
    assert (doc.source, doc.date) == ("Inner", date(2024, 12, 23))


def test_a_file_named_explicitly_uses_the_manifest_beside_it(write: Writer) -> None:
    path = write("corpus/plain.txt", "Body\n")
    write("corpus/manifest.yaml", YAML)
    (doc,) = documents(load([path]))
    assert doc.source == "Steppe Courier"


def test_manifest_metadata_is_the_default_for_jsonl_records(write: Writer, tmp_path: Path) -> None:
    write("b.jsonl", '{"text": "x"}\n{"text": "y", "source": "Own"}\n')
    write("manifest.yaml", "b.jsonl: {source: Batch Feed, date: 2024-12-23}\n")
    x, y = documents(load([tmp_path]))
    assert (x.source, x.date, y.source, y.date) == (
        "Batch Feed",
        date(2024, 12, 23),
        "Own",
        date(2024, 12, 23),
    )


def test_manifest_naming_a_missing_file_warns(write: Writer, tmp_path: Path) -> None:
    write("a.txt", "x\n")
    write("manifest.yaml", "a.txt: {source: A}\nmissing.txt: {source: M}\n")
    items = load([tmp_path])
    (warning,) = errors(items)
    assert (warning.line, warning.severity) == (2, "warning")
    assert "'missing.txt'" in warning.message
    assert warning.path.endswith("manifest.yaml")


def test_bad_entry_is_an_error_and_other_entries_still_apply(write: Writer, tmp_path: Path) -> None:
    write("a.txt", "x\n")
    write("b.txt", "y\n")
    write("manifest.yaml", "a.txt:\n  date: 2024-02-30\nb.txt:\n  source: B\n")
    items = load([tmp_path])
    (error,) = errors(items)
    assert (error.line, error.column, error.is_error) == (2, 9, True)
    assert "bad date '2024-02-30'" in error.message
    docs = _by_name(items)
    assert (docs["a.txt"].source, docs["b.txt"].source) == ("a", "B")


def test_invalid_manifest_is_one_error_and_articles_still_load(
    write: Writer, tmp_path: Path
) -> None:
    write("a.txt", "x\n")
    write("manifest.yaml", "a.txt: {source: A\n")
    items = load([tmp_path])
    (error,) = errors(items)
    assert "invalid YAML" in error.message and error.line == 2
    assert [doc.source for doc in documents(items)] == ["a"]


def test_missing_explicit_manifest_is_an_error(tmp_path: Path) -> None:
    (error,) = load([], manifest=tmp_path / "nope.yaml")
    assert not isinstance(error, Document)
    assert "cannot read manifest" in error.message


def test_yaml_manifest_must_map_files_to_mappings() -> None:
    entries, problems = parse_manifest_yaml("a.txt: just a string\nb.txt: {source: B}\n")
    assert [entry.name for entry in entries] == ["b.txt"]
    assert [(p.line, "must be a mapping" in p.message) for p in problems] == [(1, True)]
    with pytest.raises(LoadProblem, match="must be a mapping"):
        parse_manifest_yaml("- a\n- b\n")
    assert parse_manifest_yaml("") == ([], [])


def test_csv_manifest_problems() -> None:
    with pytest.raises(LoadProblem, match="`file` column"):
        parse_manifest_csv("name,source\na.txt,A\n")
    entries, problems = parse_manifest_csv(
        "File, Source ,Date\na.txt,A,2024-12-23\n,B,\na.txt,C,\nc.txt,C,12/23/2024\n"
    )
    assert [(e.name, e.metadata.source, e.line) for e in entries] == [("a.txt", "A", 2)]
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [
        (3, "row"),
        (4, "file"),
        (5, "bad"),
    ]


def test_a_manifest_named_explicitly_is_not_an_article(write: Writer, tmp_path: Path) -> None:
    article = write("plain.txt", "Body\n")
    write("sub/deep.md", "Deep\n")
    manifest = write("manifest.yaml", YAML)
    items = load([manifest, article])  # as a shell expands `corpus/*`
    assert errors(items) == []
    (doc,) = documents(items)
    assert doc.source == "Steppe Courier"
