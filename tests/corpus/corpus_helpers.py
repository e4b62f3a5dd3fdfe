"""Shared helpers for the corpus loader tests (a unique module name, not conftest)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crosscheck.load.articles import LoadError, iter_documents
from crosscheck.model import Document

Writer = Callable[[str, str | bytes], Path]


def load(paths: list[Path], manifest: Path | None = None) -> list[Document | LoadError]:
    """Everything iter_documents yields, as a list."""
    return list(iter_documents(paths, manifest))


def documents(items: list[Document | LoadError]) -> list[Document]:
    """The documents among loader items."""
    return [item for item in items if isinstance(item, Document)]


def errors(items: list[Document | LoadError]) -> list[LoadError]:
    """The load errors and warnings among loader items."""
    return [item for item in items if isinstance(item, LoadError)]


def only_error(items: list[Document | LoadError]) -> LoadError:
    """The single item, which must be a LoadError."""
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, LoadError), item
    return item


def only_document(items: list[Document | LoadError]) -> Document:
    """The single item, which must be a Document."""
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Document), item
    return item
