"""How phrases are compared: the one spelling rule shared by the extractor and the linter."""

from __future__ import annotations


def normalize_phrase(text: str) -> str:
    """Lower case, single spaces, straight apostrophes and hyphens."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = text.replace("‐", "-").replace("‑", "-")
    return " ".join(text.split())


def phrase_key(text: str) -> str:
    """What two spellings of a phrase share ("Self-propelled" ~ "self propelled")."""
    return normalize_phrase(text).replace("-", " ")
