"""A JSON-lines article's positions are the file's own: its line, and the column where a
character stands as written (escapes, surrogate pairs and \\r\\n line ends included)."""

from __future__ import annotations

import json

from corpus_helpers import Writer, documents, load
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.load.decode import normalize_newlines
from crosscheck.load.jsonline import string_at
from crosscheck.text.written import WrittenColumns, positions


def _decoded(written: str) -> str:
    return normalize_newlines(json.loads(f'"{written}"'))


@given(st.text(), st.booleans())
def test_each_offset_maps_to_where_the_rest_of_the_text_is_written(
    text: str, ascii_only: bool
) -> None:
    written = json.dumps(text, ensure_ascii=ascii_only)[1:-1]
    columns = WrittenColumns(written, 7, 1)
    decoded = normalize_newlines(text)
    for offset in range(len(decoded) + 1):
        line, column = columns.position(offset)
        assert line == 7
        assert _decoded(written[column - 1 :]) == decoded[offset:]


def test_escapes_before_a_number_count_as_written() -> None:
    written = r"caf\u00e9 \"wave\" \ud83c\udf0a\r\nA\u000d\u000aB 1,200"
    text = _decoded(written)
    assert text == 'café "wave" 🌊\nA\nB 1,200'
    columns = WrittenColumns(written, 3, 10)
    assert columns.position(text.index("1,200")) == (3, 9 + written.index("1,200") + 1)
    assert columns.position(text.index("🌊")) == (3, 9 + written.index("\\ud83c") + 1)
    assert columns.position(0) == (3, 10)  # asked backwards: counted again from the start


def test_the_text_value_is_found_where_the_line_writes_it() -> None:
    line = '{"title": "text", "meta": {"text": "inner"}, "text" : "a \\"b\\"", "x": ["text"]}'
    column, written = string_at(line, "text", 'a "b"') or (0, "")
    assert written == 'a \\"b\\"'
    assert line[column - 1] == '"' and line[column:].startswith(written)
    assert string_at(line, "text", "inner") == (line.index("inner"), "inner")
    assert string_at('{"text": 5}', "text", "5") is None
    assert string_at('{"text": "a", "text": "b"}', "text", "b") == (23, "b")  # the last wins
    escaped = '{"t\\u0065xt": "caf\\u00e9"}'  # the key itself written with an escape
    assert string_at(escaped, "text", "café") == (escaped.index("caf"), "caf\\u00e9")


def test_documents_of_a_jsonl_file_carry_their_file_line_and_column(write: Writer) -> None:
    first = json.dumps({"source": "A", "text": "Plain 12."})
    second = json.dumps({"text": 'Caf\u00e9 "x"\nsaid 40.', "source": "B"})
    path = write("batch.jsonl", first + "\n\n" + second + "\n")
    one, three = documents(load([path]))
    name = path.as_posix()
    assert (one.path, one.file, one.line_offset, one.written) == (f"{name}:1", name, 0, None)
    assert (three.path, three.file, three.line_offset) == (f"{name}:3", name, 2)
    assert three.written == 'Caf\\u00e9 \\"x\\"\\nsaid 40.'
    for document, raw, number in ((one, first, "12"), (three, second, "said 40")):
        place = positions(document).position(document.text.index(number))
        assert place == (document.line_offset + 1, raw.index(number) + 1)
