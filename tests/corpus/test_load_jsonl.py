"""Loading JSONL batches: one article per line, named FILE:LINE, on line LINE of FILE."""

from __future__ import annotations

import json
from datetime import date

from corpus_helpers import Writer, documents, errors, load

from crosscheck.model import Document


def _line(**fields: object) -> str:
    return json.dumps(fields) + "\n"


def test_each_line_is_a_document_cited_by_its_file_line(write: Writer) -> None:
    path = write(
        "batch.jsonl",
        _line(text="One.", source="Cnews Live", date="2024-12-23", id="a1")
        + "\n"
        + _line(text="Two.\nMore.", url="https://example.org/2", title="T"),
    )
    first, second = documents(load([path]))
    assert first.path == f"{path.as_posix()}:1"
    assert (first.text, first.source, first.date) == ("One.", "Cnews Live", date(2024, 12, 23))
    assert second.path == f"{path.as_posix()}:3"  # the blank line 2 is skipped
    assert (second.text, second.source, second.date) == ("Two.\nMore.", "batch", None)
    assert (second.url, second.title, second.line_offset) == ("https://example.org/2", "T", 2)


def test_bad_lines_are_errors_and_the_rest_still_loads(write: Writer) -> None:
    path = write(
        "batch.jsonl",
        _line(text="ok 1")
        + '{"text": "unterminated\n'
        + "[1, 2]\n"
        + _line(title="no text")
        + _line(text="bad date", date="23/12/2024")
        + _line(text=["not", "a string"])
        + _line(text="ok 7"),
    )
    items = load([path])
    assert [doc.text for doc in documents(items)] == ["ok 1", "ok 7"]
    found = [(e.line, e.message.split(":")[0].split(" ")[0]) for e in errors(items)]
    assert found == [(2, "invalid"), (3, "each"), (4, "each"), (5, "bad"), (6, "each")]
    assert (
        errors(items)[0]
        .render()
        .startswith(f"{path.as_posix()}:2:10: error: invalid JSON: Unterminated string")
    )
    assert all(e.path == path.as_posix() for e in errors(items))


def test_bom_on_the_first_line_is_dropped(write: Writer) -> None:
    path = write("b.jsonl", b"\xef\xbb\xbf" + _line(text="x").encode())
    (doc,) = documents(load([path]))
    assert doc.text == "x"


def test_non_utf8_line_is_an_error_at_its_line_and_column(write: Writer) -> None:
    path = write("b.jsonl", _line(text="ok").encode() + b'{"text": "caf\xe9"}\n')
    items = load([path])
    (error,) = errors(items)
    assert (error.line, error.column) == (2, 14)
    assert "re-save it as UTF-8" in error.message
    assert len(documents(items)) == 1


def test_crlf_inside_text_is_normalized(write: Writer) -> None:
    (doc,) = documents(load([write("b.jsonl", _line(text="a\r\nb"))]))
    assert doc.text == "a\nb"


def test_misspelt_field_warns_with_its_line(write: Writer) -> None:
    items = load([write("b.jsonl", _line(text="x") + _line(text="y", titel="T"))])
    (warning,) = errors(items)
    assert (warning.line, warning.severity) == (2, "warning")
    assert "did you mean 'title'" in warning.message
    assert len(documents(items)) == 2


def test_utf16_batch_is_one_error(write: Writer) -> None:
    items = load([write("b.jsonl", (_line(text="x") * 3).encode("utf-16"))])
    (error,) = items
    assert not isinstance(error, Document)
    assert "UTF-16" in error.message and error.line == 1
