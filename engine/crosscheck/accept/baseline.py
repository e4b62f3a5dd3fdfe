"""Baselines: accept today's violations, report only new ones.

A violation's identity is its rule and, for each cited claim, the document and the
quoted sentence and value (never line numbers), so editing an unrelated paragraph
of an article does not bring an accepted violation back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosscheck.fs.atomic import replace_file
from crosscheck.fs.pathtext import json_escaped
from crosscheck.fs.reader import FileReader
from crosscheck.model import Claim, Violation

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a crosscheck baseline."""


def _claim_identity(claim: Claim) -> list[str]:
    sentence = " ".join((claim.sentence or "").split())
    return [claim.document, claim.measure, claim.stated, sentence]


def fingerprint(violation: Violation) -> str:
    """A stable identity of a violation, insensitive to line numbers and claim order."""
    claims = sorted(_claim_identity(c) for c in violation.claims)
    blob = json.dumps([violation.rule, claims], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8", "surrogateescape")).hexdigest()[:32]


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted violation as recorded in a baseline file."""

    fingerprint: str
    rule: str
    summary: str


@dataclass(frozen=True)
class Filtered:
    """Violations split by a baseline, and the entries that matched nothing."""

    new: tuple[Violation, ...]
    accepted: tuple[Violation, ...]
    unused: tuple[BaselineEntry, ...]


def apply_baseline(violations: Sequence[Violation], entries: Iterable[BaselineEntry]) -> Filtered:
    """Split ``violations`` into new ones and ones the baseline accepts."""
    by_print = {e.fingerprint: e for e in entries}
    new, accepted, used = [], [], set()
    for violation in violations:
        key = fingerprint(violation)
        if key in by_print:
            accepted.append(violation)
            used.add(key)
        else:
            new.append(violation)
    unused = tuple(e for k, e in by_print.items() if k not in used)
    return Filtered(tuple(new), tuple(accepted), unused)


def entry_for(violation: Violation) -> BaselineEntry:
    """The baseline entry that accepts ``violation``."""
    stated = " vs ".join(f"{c.source}: {c.stated}" for c in violation.claims)
    return BaselineEntry(fingerprint(violation), violation.rule, stated)


def write_baseline(path: Path, violations: Sequence[Violation]) -> None:
    """Record ``violations`` as accepted, replacing ``path`` atomically."""
    entries = sorted({entry_for(v) for v in violations}, key=lambda e: (e.rule, e.fingerprint))
    data = {
        "crosscheck_baseline": FORMAT_VERSION,
        "violations": [vars(e) for e in entries],
    }
    replace_file(path, json_escaped(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")


def read_baseline(path: Path, reader: FileReader | None = None) -> list[BaselineEntry]:
    """The entries of a baseline file; ``BaselineError`` says what is wrong with it."""
    try:
        data: Any = json.loads((reader or FileReader()).read_bytes(path).decode("utf-8"))
    except OSError as err:
        raise BaselineError(f"{path}: cannot read baseline: {err.strerror or err}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BaselineError(
            f"{path}: not a crosscheck baseline ({err}); write a new one with --write-baseline"
        ) from None
    if not isinstance(data, dict) or data.get("crosscheck_baseline") != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: not a crosscheck baseline (version {FORMAT_VERSION} expected); "
            "write a new one with --write-baseline"
        )
    violations = data.get("violations")
    if not isinstance(violations, list):
        raise BaselineError(f"{path}: damaged baseline: `violations` must be a list of entries")
    return [_entry(path, number, entry) for number, entry in enumerate(violations, start=1)]


def _entry(path: Path, number: int, entry: Any) -> BaselineEntry:
    """Entry ``number`` of a baseline; ``BaselineError`` when it is not one."""
    fields = entry if isinstance(entry, dict) else {}
    fingerprint, rule, summary = (fields.get(k) for k in ("fingerprint", "rule", "summary"))
    if not isinstance(fingerprint, str) or not isinstance(rule, str):
        raise BaselineError(
            f"{path}: damaged baseline: entry {number} needs a `fingerprint` and a `rule` "
            "as text; write a new baseline with --write-baseline"
        )
    return BaselineEntry(fingerprint, rule, summary if isinstance(summary, str) else "")
