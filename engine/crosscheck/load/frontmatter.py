"""YAML front matter: a ``---`` block at the top of a Markdown or text article."""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.load import yamltext
from crosscheck.load.errors import LoadProblem
from crosscheck.load.metadata import Metadata, metadata_from_node

_OPEN = "---"
_CLOSE = ("---", "...")


@dataclass(frozen=True, slots=True)
class Article:
    """An article split into its metadata and its body.

    ``line_offset`` is the number of file lines before the body, so body line
    ``n`` is file line ``n + line_offset``.
    """

    metadata: Metadata
    body: str
    line_offset: int
    warnings: tuple[LoadProblem, ...] = ()


def split_front_matter(text: str) -> Article:
    """The article in ``text``; without a leading ``---`` line, all of it is body.

    Raises ``LoadProblem`` (with the file line and column) for front matter that
    is never closed, is not YAML, or holds a bad value such as a malformed date.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != _OPEN:
        return Article(Metadata(), text, 0)
    close = next((index for index in range(1, len(lines)) if lines[index].rstrip() in _CLOSE), None)
    if close is None:
        raise LoadProblem(
            "front matter opened on this line is never closed (add a line `---` after it)",
            1,
            1,
        )
    try:
        metadata, warnings = _parse("\n".join(lines[1:close]))
    except LoadProblem as problem:
        raise problem.shifted(1) from None
    body = "\n".join(lines[close + 1 :])
    return Article(metadata, body, close + 1, tuple(w.shifted(1) for w in warnings))


def _parse(block: str) -> tuple[Metadata, list[LoadProblem]]:
    node = yamltext.compose(block)
    if node is None:
        return Metadata(), []
    return metadata_from_node(node, "front matter")
