"""Rendering of extracted claims for ``crosscheck extract``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from crosscheck.fs.pathtext import json_escaped
from crosscheck.model import Claim, claim_to_json
from crosscheck.report.text import describe_interval
from crosscheck.text.escape import shown


def claim_text_line(claim: Claim) -> str:
    """``path:line:col: measure "stated" → [low, high] (source, date)``, each value
    from an input escaped (see ``text.escape``)."""
    value = describe_interval(claim.interval, claim.unit)
    origin = f"({shown(claim.cited_as())})"
    what = f'{shown(claim.measure)} "{shown(claim.stated)}"'
    return f"{shown(claim.location())}: {what} → {value} {origin}"


def render_claims(claims: Sequence[Claim], fmt: str) -> str:
    """Claims as text lines or JSON lines (one claim object per line)."""
    if fmt == "jsonl":
        records = (json.dumps(claim_to_json(c), ensure_ascii=False) + "\n" for c in claims)
        return json_escaped("".join(records))
    lines = [claim_text_line(c) for c in claims]
    lines.append(f"{len(claims)} claim{'' if len(claims) == 1 else 's'}")
    return "\n".join(lines) + "\n"
