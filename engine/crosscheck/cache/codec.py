"""How cached values are written as text and read back: exactly, and checked twice.

The store seals every text with a keyed checksum (see ``db``): a payload damaged or
forged after it was written is refused (``ValueError``) even where the damage would
still parse, such as one changed digit. Records are then rebuilt by pydantic from
their own JSON, validated field by field (pydantic's ``ValidationError`` is a
``ValueError``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from pydantic import TypeAdapter

from crosscheck.fs.pathtext import json_escaped
from crosscheck.fs.stamp import FileStamp
from crosscheck.model import Claim, Report

# Part of every cache key: a change to how values are written makes old rows unreachable.
CODEC_VERSION = "5"

_CLAIMS = TypeAdapter(list[Claim])
_HEX_KEY = re.compile(r"[0-9a-f]{64}")


def _plain(value: Any) -> Any:
    """What ``json`` cannot write by itself: exact numbers and dates."""
    if isinstance(value, Fraction):
        # A whole number as an integer: read back much faster than the text "1210".
        return int(value) if value.denominator == 1 else str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _json(data: Any) -> str:
    # Escaped: SQLite cannot store the lone surrogates of a file name that is not UTF-8.
    return json_escaped(json.dumps(data, default=_plain, ensure_ascii=False, separators=(",", ":")))


def encode_claims(claims: Sequence[Claim]) -> str:
    """The text of claims, to store."""
    return _json(_CLAIMS.dump_python(list(claims)))


def decode_claims(text: str) -> list[Claim]:
    """The claims of ``encode_claims``; ValueError when damaged."""
    return _CLAIMS.validate_json(text)


def encode_report(report: Report) -> str:
    """The text of a report, to store."""
    return _json(report.model_dump())


def decode_report(text: str) -> Report:
    """The report of ``encode_report``; ValueError when damaged."""
    return Report.model_validate_json(text)


def encode_file_entry(stamp: FileStamp, keys: Sequence[str]) -> str:
    """The text of a file's stamp and document keys, to store."""
    return json.dumps({"stamp": list(stamp), "keys": list(keys)})


def decode_file_entry(text: str) -> tuple[FileStamp, list[str]]:
    """The stamp and document keys of ``encode_file_entry``; ValueError when damaged."""
    entry = json.loads(text)
    stamp = tuple(int(part) for part in entry["stamp"])
    keys = entry["keys"]
    if len(stamp) != 5 or not all(isinstance(k, str) and _HEX_KEY.fullmatch(k) for k in keys):
        raise ValueError("damaged file entry")
    return (stamp[0], stamp[1], stamp[2], stamp[3], stamp[4]), keys
