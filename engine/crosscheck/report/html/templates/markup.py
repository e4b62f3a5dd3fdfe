"""Markup built from Python values, escaped unless explicitly marked safe.

Everything that reaches the HTML report from an article (sentences, source names,
URLs, paths) is text; escaping by default, as Jinja2's autoescape does, means a
forgotten call leaves a visible ``&lt;`` rather than a running script.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

# Elements that have no closing tag in HTML.
VOID = frozenset({"br", "hr", "input", "meta", "img", "link", "wbr"})


class Safe(str):
    """A string that is already markup and must not be escaped again."""

    __slots__ = ()


Attrs = Mapping[str, "str | int | bool | None"]


def esc(value: object) -> Safe:
    """``value`` as text content or attribute value, unless it is already ``Safe``."""
    if isinstance(value, Safe):
        return value
    return Safe(escape(str(value), quote=True))


def attrs_html(attrs: Attrs) -> str:
    """`` name="value"`` pairs; ``True`` gives a bare attribute, ``None``/``False`` none."""
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f" {key}" if value is True else f' {key}="{escape(str(value), quote=True)}"')
    return "".join(parts)


def join(children: Iterable[object]) -> Safe:
    """Children concatenated, each escaped unless ``Safe``; ``None`` is skipped."""
    out: list[str] = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            out.append(esc(child))
        elif isinstance(child, Iterable):
            out.append(join(child))
        else:
            out.append(esc(child))
    return Safe("".join(out))


def h(tag: str, attrs: Attrs | None = None, *children: object) -> Safe:
    """The element ``<tag attrs>children</tag>``."""
    opening = f"<{tag}{attrs_html(attrs or {})}>"
    if tag in VOID:
        return Safe(opening)
    return Safe(f"{opening}{join(children)}</{tag}>")
