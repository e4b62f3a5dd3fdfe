"""Stream articles from files and folders as ``Document`` records.

Formats, chosen by extension (case-insensitive):

* ``.md``, ``.markdown``, ``.txt``: one article per file. An optional YAML front
  matter block (``---`` lines around ``source``, ``date``, ``url``, ``title``)
  gives its metadata; ``Document.text`` is the body after it and
  ``Document.line_offset`` the number of lines before the body, so that
  ``line_offset + n`` is the file line of body line ``n``.
* ``.jsonl``: one article per line, a JSON object with ``text`` and optionally
  ``id``, ``source``, ``date``, ``url``, ``title``. Its ``Document.path`` is
  ``FILE:LINE`` (e.g. ``corpus/batch.jsonl:17``): the line is always present,
  unique and names the article apart from the others of its file; ``id`` is accepted
  but not used for citing. ``Document.file`` is the file, and claims in such a
  document are located where the file holds them: on line ``LINE``, at the column of
  the number as written in the line (escapes such as ``\\n`` or ``\\u00e9`` before
  it counted as written; ``Document.written`` and ``column_offset``). A bad line gives
  a ``LoadError`` naming ``FILE:LINE`` and the lines after it are still read.

A file named like a manifest is skipped even when named explicitly (it is read as
its folder's manifest). Metadata comes from, field by field and in this order of precedence: the
article's own front matter (or JSON fields), the manifest passed explicitly, a
``manifest.yaml``/``manifest.yml``/``manifest.csv`` found in the article's folder
or a folder above it (the nearest first), and finally the fallback: source = the
file's stem, no date. Manifest files are never read as articles.

Text must be UTF-8 (a BOM is dropped; line ends become ``\\n``). Anything that
cannot be read is yielded as a ``LoadError`` (never raised), and loading goes on
with the next file. Folders are walked recursively in name order, skipping
hidden entries and symlinked folders; only one article is held at a time. Only
regular files are read: an entry with an article's extension that is a FIFO, a
device, a socket or a broken link is skipped with a warning saying so (a FIFO
would block the run). JSON lines are refused as ``crosscheck.load.jsonline`` says
(nesting, lone surrogates, numbers too long to read), front matter as
``crosscheck.load.yamltext`` says.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck.fs.reader import FileReader
from crosscheck.load.decode import BOM, UTF16_MESSAGE, decode_text, is_utf16, normalize_newlines
from crosscheck.load.errors import LoadError, LoadProblem
from crosscheck.load.frontmatter import split_front_matter
from crosscheck.load.ignore import Ignores, Selector
from crosscheck.load.jsonline import json_line, string_at
from crosscheck.load.manifest import MANIFEST_NAMES, read_manifest
from crosscheck.load.metadata import Item, Metadata, build_metadata
from crosscheck.load.selection import FileSelection
from crosscheck.model import Document

__all__ = [
    "ARTICLE_SUFFIXES",
    "ArticleFile",
    "LoadError",
    "iter_article_files",
    "iter_documents",
    "load_file",
]

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".jsonl")
_JSONL_KEYS = ("text", "id", "source", "date", "url", "title")

Manifest = Mapping[Path, Metadata]


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """A file to read articles from, with the metadata its manifests give it."""

    path: Path
    fallback: Metadata


def iter_documents(
    paths: Sequence[Path], manifest: Path | None = None
) -> Iterator[Document | LoadError]:
    """Every article under ``paths`` (files or folders), one at a time, in a fixed order.

    Problems come as ``LoadError`` items in the stream, at the point where they
    were found; ``manifest`` gives metadata to articles without front matter.
    """
    reader = FileReader()
    for item in iter_article_files(paths, manifest, reader):
        if isinstance(item, LoadError):
            yield item
        else:
            yield from load_file(item, reader)


def iter_article_files(
    paths: Sequence[Path],
    manifest: Path | None = None,
    reader: FileReader | None = None,
    selection: FileSelection | None = None,
) -> Iterator[ArticleFile | LoadError]:
    """The article files under ``paths`` in reading order, without reading them yet:
    files named, and those of folders as ``selection`` says (see ``load.ignore``)."""
    reader = FileReader() if reader is None else reader
    selection = selection or FileSelection()
    explicit: Manifest = {}
    if manifest is not None:
        explicit, errors = read_manifest(manifest, reader)
        yield from errors
    beside: dict[Path, Manifest] = {}
    for path in paths:
        if path.is_dir():
            walk = _Walk(explicit, reader, Selector(selection, reader, path))
            yield from walk.folder(path, {}, walk.selector.ignores)
        elif not path.is_file():
            why = reader.not_regular(path)
            missing = why in ("missing", "a broken symbolic link")
            message = f"not a regular file but {why}; only regular files are read"
            yield LoadError(path.as_posix(), "no such file or folder" if missing else message)
        elif path.name in MANIFEST_NAMES:
            reader.is_file(path)  # were it gone, that would be an error
            continue  # e.g. from `corpus/*`: it is read as its folder's manifest, not an article
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            yield LoadError(
                path.as_posix(),
                f"unsupported file type {path.suffix or '(none)'!r}: "
                f"expected one of {', '.join(ARTICLE_SUFFIXES)}",
            )
        else:
            if path.parent not in beside:
                beside[path.parent] = yield from _folder_manifests(path.parent, {}, reader)
            yield ArticleFile(path, _fallback(path, explicit, beside[path.parent], reader))


def _folder_manifests(
    folder: Path, inherited: Manifest, reader: FileReader
) -> Generator[LoadError, None, Manifest]:
    """Yield the problems of the manifests in ``folder``; return them merged over ``inherited``."""
    found = dict(inherited)
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if reader.is_file(candidate):
            metadata, errors = read_manifest(candidate, reader)
            yield from errors
            for key, entry in metadata.items():
                found[key] = entry.over(found.get(key, Metadata()))
    return found


@dataclass(frozen=True)
class _Walk:
    """A walk of one folder named on the command line, and of the folders under it."""

    explicit: Manifest
    reader: FileReader
    selector: Selector

    def folder(
        self, folder: Path, inherited: Manifest, ignores: Ignores
    ) -> Iterator[ArticleFile | LoadError]:
        """The article files under ``folder``, with the manifests and ignore files above it."""
        reader, selector = self.reader, self.selector
        try:
            entries = reader.listing(folder)
        except OSError as err:
            yield LoadError(folder.as_posix(), f"cannot list folder: {err.strerror or err}")
            return
        found = yield from _folder_manifests(folder, inherited, reader)
        ignores = selector.enter(folder, {entry.name for entry in entries}, ignores)
        for entry in entries:
            if entry.name.startswith(".") or entry.name in MANIFEST_NAMES:
                continue
            if entry.is_dir():
                if not entry.is_symlink() and not selector.leaves_out(entry, True, ignores):
                    yield from self.folder(entry, found, ignores)
            elif entry.suffix.lower() in ARTICLE_SUFFIXES:
                if selector.leaves_out(entry, False, ignores):
                    continue
                why = reader.not_regular(entry)
                if why is None:
                    yield ArticleFile(entry, _fallback(entry, self.explicit, found, reader))
                else:
                    message = f"skipped: {why}, not a regular file"
                    yield LoadError(entry.as_posix(), message, severity="warning")


def _fallback(path: Path, explicit: Manifest, found: Manifest, reader: FileReader) -> Metadata:
    key = reader.resolve_file(path)  # an input, whether or not a manifest names it
    if not explicit and not found:
        return Metadata()
    return explicit.get(key, Metadata()).over(found.get(key, Metadata()))


def load_file(article: ArticleFile, reader: FileReader) -> Iterator[Document | LoadError]:
    """The documents of one article file, and its problems, in file order."""
    if article.path.suffix.lower() == ".jsonl":
        yield from _load_jsonl(article.path, article.fallback, reader)
    else:
        yield from _load_article(article.path, article.fallback, reader)


def _load_article(
    path: Path, fallback: Metadata, reader: FileReader
) -> Iterator[Document | LoadError]:
    name = path.as_posix()
    try:
        data = reader.read_bytes(path)
    except OSError as err:
        yield LoadError(name, f"cannot read file: {err.strerror or err}")
        return
    try:
        article = split_front_matter(decode_text(data))
    except LoadProblem as problem:
        yield problem.at(name)
        return
    for warning in article.warnings:
        yield warning.at(name)
    yield _document(name, path, article.metadata.over(fallback), article.body, article.line_offset)


def _load_jsonl(
    path: Path, fallback: Metadata, reader: FileReader
) -> Iterator[Document | LoadError]:
    name = path.as_posix()
    try:
        handle = reader.open_binary(path)
    except OSError as err:
        yield LoadError(name, f"cannot read file: {err.strerror or err}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                if is_utf16(raw):
                    yield LoadError(name, UTF16_MESSAGE, 1, 1)
                    return
                raw = raw.removeprefix(BOM)
            if raw.strip():
                yield from _jsonl_record(raw, number, path, fallback)


def _jsonl_record(
    raw: bytes, number: int, path: Path, fallback: Metadata
) -> Iterator[Document | LoadError]:
    name = path.as_posix()
    try:
        record, line = json_line(raw, exact=False)
        text = record.get("text")
        if not isinstance(text, str):
            raise LoadProblem("each line needs a `text` field holding the article as a string")
        items: list[Item] = [(key, value, None, None) for key, value in record.items()]
        metadata, warnings = build_metadata(items, _JSONL_KEYS)
    except LoadProblem as problem:
        yield problem.shifted(number - 1).at(name, number)
        return
    for warning in warnings:
        yield warning.at(name, number)
    written, column = _written(line, text)
    yield _document(
        f"{name}:{number}",
        path,
        metadata.over(fallback),
        normalize_newlines(text),
        number - 1,
        file=name,
        written=written,
        column_offset=column,
    )


def _written(line: str, text: str) -> tuple[str | None, int]:
    """How a record's text is written in its line (None: as ``text``), and the number of
    characters before it on the line, so its claims point into the file."""
    found = string_at(line, "text", text)
    if found is None:  # pragma: no cover - the line parsed with a string `text`
        return None, 0
    column, written = found
    return (None if written == text else written), column


def _document(
    name: str, path: Path, metadata: Metadata, text: str, offset: int, **place: Any
) -> Document:
    """``place``: where a record of a JSON-lines file stands in it (``Document.file``...)."""
    return Document(
        path=name,
        text=text,
        source=metadata.source or path.stem,
        date=metadata.date,
        url=metadata.url,
        title=metadata.title,
        line_offset=offset,
        **place,
    )
