"""Loading Markdown and text articles: front matter, encodings, folders, errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from corpus_helpers import Writer, documents, errors, load, only_document, only_error

from crosscheck.load.articles import LoadError, iter_documents

FRONT = "---\nsource: Harbor Ledger\ndate: 2024-12-23\nurl: https://example.org/a\ntitle: T\n---\n"


def test_front_matter_gives_metadata_and_the_body_alone(write: Writer) -> None:
    path = write("a.md", FRONT + "First line.\nSecond line.\n")
    doc = only_document(load([path]))
    assert doc.source == "Harbor Ledger"
    assert doc.date == date(2024, 12, 23)
    assert doc.url == "https://example.org/a"
    assert doc.title == "T"
    assert doc.text == "First line.\nSecond line.\n"
    assert doc.path == path.as_posix()


def test_line_offset_maps_body_lines_to_file_lines(write: Writer) -> None:
    path = write("a.md", FRONT + "intro\n\nthe 1,100 line\n")
    doc = only_document(load([path]))
    body_line = doc.text.split("\n").index("the 1,100 line") + 1
    file_lines = path.read_text(encoding="utf-8").split("\n")
    assert file_lines[body_line + doc.line_offset - 1] == "the 1,100 line"


def test_without_metadata_source_is_the_stem_and_date_unknown(write: Writer) -> None:
    doc = only_document(load([write("kyiv_notes.txt", "Over 3,000 were killed or injured.\n")]))
    assert (doc.source, doc.date, doc.url, doc.title) == ("kyiv_notes", None, None, None)
    assert doc.line_offset == 0
    assert doc.text == "Over 3,000 were killed or injured.\n"


def test_text_files_may_have_front_matter_too(write: Writer) -> None:
    doc = only_document(load([write("a.txt", "---\nsource: News.bg\n---\nBody\n")]))
    assert (doc.source, doc.text, doc.line_offset) == ("News.bg", "Body\n", 3)


def test_bom_is_dropped(write: Writer) -> None:
    doc = only_document(load([write("a.md", b"\xef\xbb\xbf" + FRONT.encode() + b"Body\n")]))
    assert doc.source == "Harbor Ledger"
    assert doc.text == "Body\n"


def test_windows_line_ends_become_newlines(write: Writer) -> None:
    doc = only_document(load([write("a.md", FRONT.replace("\n", "\r\n") + "One\r\nTwo\r\n")]))
    assert doc.text == "One\nTwo\n"
    assert doc.line_offset == 6


def test_latin1_file_is_an_error_at_the_first_bad_byte(write: Writer) -> None:
    path = write("old.txt", "first line\nDéjà vu\n".encode("latin-1"))
    error = only_error(load([path]))
    assert (error.path, error.line, error.column) == (path.as_posix(), 2, 2)
    assert "byte 0xE9 at byte offset 12" in error.message
    assert "re-save it as UTF-8" in error.message
    assert error.render().startswith(f"{path.as_posix()}:2:2: error: not valid UTF-8")


def test_bad_byte_column_counts_characters_after_a_bom(write: Writer) -> None:
    path = write("old.txt", b"\xef\xbb\xbf\xc3\xa9t\xe9\n")
    error = only_error(load([path]))
    assert (error.line, error.column) == (1, 3)
    assert "byte offset 6" in error.message


def test_utf16_file_is_named_as_such(write: Writer) -> None:
    error = only_error(load([write("w.txt", "text".encode("utf-16"))]))
    assert "UTF-16" in error.message and "re-save it as UTF-8" in error.message


@pytest.mark.parametrize(
    ("front", "line", "column", "words"),
    [
        ("source: [Harbor\n", 2, 16, "invalid YAML"),
        ("source: X\ndate: 2024-13-45\n", 3, 7, "bad date '2024-13-45'"),
        ("date: yesterday\n", 2, 7, "bad date 'yesterday'"),
        ("date: 2024\n", 2, 7, "bad date 2024"),
        ("- just\n- a list\n", 2, 1, "must be a mapping"),
        ("source: A\nsource: B\n", 3, 1, "appears twice"),
        ("source: [A, B]\n", 2, 9, "source must be text"),
        ("title: ''\n", 2, 8, "title is empty"),
    ],
)
def test_bad_front_matter_is_an_error_at_its_position(
    write: Writer, front: str, line: int, column: int, words: str
) -> None:
    path = write("bad.md", f"---\n{front}---\nBody\n")
    error = only_error(load([path]))
    assert words in error.message
    assert (error.line, error.column) == (line, column), error.render()
    assert error.is_error


def test_front_matter_never_closed(write: Writer) -> None:
    error = only_error(load([write("open.md", "---\nsource: X\nBody text\n")]))
    assert "never closed" in error.message
    assert (error.line, error.column) == (1, 1)


def test_empty_front_matter_and_dots_closing(write: Writer) -> None:
    empty = only_document(load([write("e.md", "---\n---\nBody\n")]))
    dots = only_document(load([write("d.md", "---\nsource: S\n...\nBody\n")]))
    assert (empty.source, empty.text, empty.line_offset) == ("e", "Body\n", 2)
    assert (dots.source, dots.text) == ("S", "Body\n")


def test_datetime_keeps_the_day_and_quoted_dates_work(write: Writer) -> None:
    a = only_document(load([write("a.md", "---\ndate: 2025-01-24T09:30:00+02:00\n---\nx\n")]))
    b = only_document(load([write("b.md", "---\ndate: '2025-01-24'\n---\nx\n")]))
    assert a.date == b.date == date(2025, 1, 24)


def test_misspelt_key_warns_but_loads_and_other_keys_are_ignored(write: Writer) -> None:
    items = load([write("a.md", "---\nsouce: X\nauthor: Someone\n---\nBody\n")])
    (warning,) = errors(items)
    (doc,) = documents(items)
    assert warning.severity == "warning" and not warning.is_error
    assert "did you mean 'source'" in warning.message and warning.line == 2
    assert doc.source == "a"


def test_folders_are_walked_recursively_in_name_order(write: Writer, tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "sub/c.markdown", "sub/deeper/d.jsonl", "Z.MD"]:
        write(name, '{"text": "x"}\n' if name.endswith("jsonl") else "x\n")
    write("notes.docx", "ignored")
    write(".hidden/e.md", "hidden")
    write(".f.md", "hidden")
    paths = [doc.path for doc in documents(load([tmp_path]))]
    root = tmp_path.as_posix()
    expected = ["Z.MD", "a.txt", "b.md", "sub/c.markdown", "sub/deeper/d.jsonl:1"]
    assert paths == [f"{root}/{name}" for name in expected]
    assert paths == [doc.path for doc in documents(load([tmp_path]))]


def test_explicit_unsupported_file_and_missing_path_are_errors(
    write: Writer, tmp_path: Path
) -> None:
    unsupported = write("report.pdf", b"%PDF")
    items = load([unsupported, tmp_path / "nowhere"])
    assert [e.message.split(":")[0] for e in errors(items)] == [
        "unsupported file type '.pdf'",
        "no such file or folder",
    ]
    assert items[0].path == unsupported.as_posix()


def test_documents_are_read_one_at_a_time(write: Writer, tmp_path: Path) -> None:
    write("a.md", "first\n")
    second = write("b.md", "second\n")
    stream = iter_documents([tmp_path])
    first = next(stream)
    assert not isinstance(first, LoadError) and first.text == "first\n"
    second.write_text("changed\n", encoding="utf-8")  # the loader must not have read ahead
    later = next(stream)
    assert not isinstance(later, LoadError) and later.text == "changed\n"
    assert next(stream, None) is None


def test_unreadable_file_is_an_error_not_a_traceback(write: Writer) -> None:
    path = write("locked.md", "x\n")
    path.chmod(0)
    try:
        items = load([path])
    finally:
        path.chmod(0o644)
    if isinstance(items[0], LoadError):  # root may read anything; then it simply loads
        assert "cannot read file" in items[0].message
    else:
        assert items[0].text == "x\n"


def test_render_formats() -> None:
    assert LoadError("a.md", "boom", 3, 7).render() == "a.md:3:7: error: boom"
    assert LoadError("a.md", "boom", 3).render() == "a.md:3: error: boom"
    assert LoadError("a.md", "boom").render() == "a.md: error: boom"
    assert LoadError("a.md", "hm", 1, 2, "warning").render() == "a.md:1:2: warning: hm"
