"""Escaping by default, and the small text helpers of the HTML report."""

from __future__ import annotations

import pytest
from html_tree import parse
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.report.html.page import highlighted, safe_url
from crosscheck.report.html.templates.markup import Safe, esc, h, join


def test_text_children_and_attributes_are_escaped() -> None:
    out = h("p", {"title": '"><script>x</script>'}, "<b>&</b>")
    assert out == '<p title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">&lt;b&gt;&amp;&lt;/b&gt;</p>'


def test_safe_children_are_not_escaped_twice() -> None:
    inner = h("em", None, "a < b")
    assert h("p", None, inner) == "<p><em>a &lt; b</em></p>"
    assert esc(inner) is inner


def test_attribute_names_and_flags() -> None:
    out = h(
        "input", {"class_": "x", "aria_label": "L", "checked": True, "hidden": False, "value": None}
    )
    assert out == '<input class="x" aria-label="L" checked>'


def test_nested_iterables_and_none_are_flattened() -> None:
    assert join(["a", None, ["<", Safe("<br>")], 3]) == "a&lt;<br>3"


@given(st.text())
def test_any_text_parses_back_to_itself(text: str) -> None:
    # Whatever an article holds, the element holds exactly that text and nothing else.
    div = parse(h("div", {"data-x": text}, text)).one("div")
    assert div.text() == text
    assert div.attrs["data-x"] == text
    assert [n.tag for n in div.iter()] == ["div"]


@pytest.mark.parametrize(
    ("sentence", "stated", "marked"),
    [
        ("They said about 1,100 died.", "about 1,100", "about 1,100"),
        ("Fewer than 2,000 were hurt.", "fewer than 2,000", "Fewer than 2,000"),
        ("Some 300\n   people   fled.", "300 people", "300 people"),
        ("First 40 then 40 again.", "40", "40"),
        ("Of 1,100 troops, 100 died.", "100", "100"),
        ("Of 2.100 troops, 100 died.", "100", "100"),
        ("Of 100,000 troops, 100 died.", "100", "100"),
        ("Some 1,100 fought.", "100", "100"),
    ],
)
def test_the_stated_number_is_marked_once(sentence: str, stated: str, marked: str) -> None:
    tree = parse(f"<p>{highlighted(sentence, stated)}</p>")
    marks = tree.find_all("mark")
    assert [m.text() for m in marks] == [marked]
    assert tree.text() == " ".join(sentence.split())


def test_a_whole_number_is_preferred_to_part_of_a_longer_one() -> None:
    out = str(highlighted("Of 1,100 troops, 100 died.", "100"))
    assert out == "Of 1,100 troops, <mark>100</mark> died."
    # Only when no whole match exists is a part of a longer number marked.
    assert str(highlighted("Some 1,100 fought.", "100")) == "Some 1,<mark>100</mark> fought."


def test_a_sentence_without_the_stated_text_is_shown_plain() -> None:
    out = highlighted("Nothing <b>here</b>.", "1,100")
    assert "<mark>" not in out
    assert parse(f"<p>{out}</p>").text() == "Nothing <b>here</b>."


def test_markup_around_the_number_stays_text() -> None:
    out = highlighted("<i>x</i> 12 <script>y</script>", "12")
    tree = parse(f"<p>{out}</p>")
    assert [n.tag for n in tree.iter()] == ["#document", "p", "mark"]


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example/a", True),
        ("HTTP://news.example/a", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>1</script>", False),
        ("vbscript:x", False),
        ("", False),
        (None, False),
    ],
)
def test_only_web_addresses_become_links(url: str | None, linked: bool) -> None:
    assert (safe_url(url) is not None) is linked
