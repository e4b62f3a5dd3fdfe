"""Manifests: metadata for articles that carry none of their own.

Two formats, chosen by extension:

* ``manifest.yaml`` (or ``.yml``): a mapping from file name to its metadata::

      kyiv_notes.txt:
        source: Steppe Courier
        date: 2025-01-24
        url: https://example.org/steppe/kyiv-notes
        title: Kyiv's count

* ``manifest.csv``: a header row with ``file`` and any of ``source, date, url, title``.

File names are paths relative to the manifest's folder, with ``/`` separators.
Front matter in an article wins over its manifest entry, field by field.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from crosscheck.fs.reader import FileReader
from crosscheck.load import yamltext
from crosscheck.load.decode import decode_text
from crosscheck.load.errors import LoadError, LoadProblem
from crosscheck.load.metadata import FIELDS, Item, Metadata, build_metadata, metadata_from_node

MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")


@dataclass(frozen=True, slots=True)
class Entry:
    """One manifest entry: a file name, its metadata, and the line it is on."""

    name: str
    metadata: Metadata
    line: int


def parse_manifest_yaml(text: str) -> tuple[list[Entry], list[LoadProblem]]:
    """The entries of a YAML manifest, and the problems of entries left out.

    A file none of whose items maps a name to ``key: value`` lines is no manifest
    (``--manifest`` given some other file): one problem says so, and quotes none of
    its lines.
    """
    import yaml  # loaded by ``compose`` already; most runs read no YAML at all

    root = yamltext.compose(text)
    if root is None:
        return [], []
    items = yamltext.mapping_items(root, "manifest")
    if items and not any(isinstance(value, yaml.MappingNode) for _, _, value in items):
        raise LoadProblem(
            "not a manifest: no file name in it is followed by `key: value` lines", 1, 1
        )
    entries: list[Entry] = []
    problems: list[LoadProblem] = []
    for name, key_node, value_node in items:
        try:
            metadata, warnings = metadata_from_node(value_node, f"manifest entry {name!r}")
        except LoadProblem as problem:
            problems.append(problem)
            continue
        problems.extend(warnings)
        entries.append(Entry(name, metadata, yamltext.position(key_node)[0]))
    return entries, problems


def parse_manifest_csv(text: str) -> tuple[list[Entry], list[LoadProblem]]:
    """The entries of a CSV manifest, and the problems of rows left out."""
    reader = csv.DictReader(io.StringIO(text))
    columns = [column.strip().lower() for column in reader.fieldnames or []]
    reader.fieldnames = columns
    if "file" not in columns:
        raise LoadProblem("a CSV manifest needs a header row with a `file` column", 1, 1)
    entries: list[Entry] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        name = (row.get("file") or "").strip()
        if not name:
            problems.append(LoadProblem("row without a file name", line))
            continue
        if name in seen:
            problems.append(LoadProblem(f"file {name!r} is listed twice", line))
            continue
        seen.add(name)
        items: list[Item] = [
            (key, (row.get(key) or "").strip() or None, line, None)
            for key in columns
            if key != "file"
        ]
        try:
            metadata, warnings = build_metadata(items, (*FIELDS, "file"))
        except LoadProblem as problem:
            problems.append(problem)
            continue
        problems.extend(warnings)
        entries.append(Entry(name, metadata, line))
    return entries, problems


def read_manifest(path: Path, reader: FileReader) -> tuple[dict[Path, Metadata], list[LoadError]]:
    """Metadata by resolved file path from the manifest at ``path``, and its problems.

    Entries naming files that do not exist give warnings (a typo would otherwise
    go unnoticed); a manifest that cannot be read at all gives one error.
    """
    name = path.as_posix()
    try:
        text = decode_text(reader.read_bytes(path))
        parse = parse_manifest_csv if path.suffix.lower() == ".csv" else parse_manifest_yaml
        entries, problems = parse(text)
    except OSError as err:
        return {}, [LoadError(name, f"cannot read manifest: {err.strerror or err}")]
    except LoadProblem as problem:
        return {}, [problem.at(name)]
    errors = [problem.at(name) for problem in problems]
    found: dict[Path, Metadata] = {}
    for entry in entries:
        named = path.parent / entry.name
        if not reader.is_file(named):
            errors.append(
                LoadError(
                    name,
                    f"manifest names {entry.name!r}, which is not a file",
                    entry.line,
                    severity="warning",
                )
            )
        found[reader.where(named)] = entry.metadata
    return found, errors
