"""Text that can be written as UTF-8 even when it carries a file name that is not UTF-8.

Python holds the stray bytes of such a name as lone surrogates (PEP 383), which
UTF-8 cannot encode. Plain-text outputs escape them (``\\xff``, see ``text.escape``), as
git quotes such names; formats that must be valid UTF-8 use these.
"""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_escaped(text: str) -> str:
    """JSON ``text`` with each lone surrogate written as the ``\\u`` escape ``ensure_ascii`` writes.

    A JSON reader gets the surrogate back, and ``os.fsencode`` the file name's bytes.
    """
    if is_utf8(text):
        return text
    return _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def replaced(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, the replacement character."""
    return text if is_utf8(text) else _LONE_SURROGATE.sub("\ufffd", text)


def is_utf8(text: str) -> bool:
    """Whether ``text`` can be encoded as UTF-8 (it has no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
