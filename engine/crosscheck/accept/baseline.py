"""Baselines: accept today's findings, report only new ones.

A finding's identity is its rule and its odd reading: who gives the figure (its origin,
else its outlet), when it held, and the values read (``Finding.identity``), never the
outlets that repeat it or line numbers. So another outlet printing an accepted figure,
or an edit to an unrelated paragraph, does not bring an accepted finding back.

Baselines of version 1, written before findings, recorded pairwise violations (rule,
and each cited claim's document, measure, stated text and sentence). They are still
read: a finding is accepted when every pairwise violation it covers was (the check
then lists each finding's pairs to compare them). ``--write-baseline`` writes version 2.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.fs.atomic import replace_file
from crosscheck.fs.pathtext import json_escaped
from crosscheck.fs.reader import FileReader
from crosscheck.model import Claim, Finding, Violation

FORMAT_VERSION = 2
PAIRWISE_VERSION = 1  # before findings: entries are pairwise violations
_LISTS = {FORMAT_VERSION: "findings", PAIRWISE_VERSION: "violations"}


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a crosscheck baseline."""


def _digest(blob: str) -> str:
    return hashlib.sha256(blob.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def fingerprint(finding: Finding) -> str:
    """A stable identity of a finding: its rule and odd reading (see the module docstring)."""
    return _digest(json.dumps(["finding", finding.identity], ensure_ascii=False))


def _claim_identity(claim: Claim) -> list[str]:
    sentence = " ".join((claim.sentence or "").split())
    return [claim.document, claim.measure, claim.stated, sentence]


def pair_fingerprint(violation: Violation) -> str:
    """A pairwise violation's identity as version 1 baselines recorded it."""
    claims = sorted(_claim_identity(c) for c in violation.claims)
    return _digest(json.dumps([violation.rule, claims], ensure_ascii=False, separators=(",", ":")))


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding (or, in version 1, pairwise violation) as recorded."""

    fingerprint: str
    rule: str
    summary: str


@dataclass(frozen=True)
class Baseline:
    """The entries of a baseline file and its format version."""

    entries: tuple[BaselineEntry, ...]
    version: int = FORMAT_VERSION

    @property
    def pairwise(self) -> bool:
        """Whether entries are pairwise violations (version 1): findings must list theirs."""
        return self.version == PAIRWISE_VERSION


@dataclass(frozen=True)
class Filtered:
    """Findings split by a baseline, and the entries that matched nothing."""

    new: tuple[Finding, ...]
    accepted: tuple[Finding, ...]
    unused: tuple[BaselineEntry, ...] = field(default=())


def _keys(finding: Finding, pairwise: bool) -> list[str]:
    """The entries that must all be recorded for ``finding`` to be accepted."""
    if not pairwise:
        return [fingerprint(finding)]
    return [pair_fingerprint(v) for v in finding.violations]


def apply_baseline(findings: Sequence[Finding], baseline: Baseline) -> Filtered:
    """Split ``findings`` into new ones and ones the baseline accepts."""
    by_print = {e.fingerprint: e for e in baseline.entries}
    new, accepted, used = [], [], set()
    for finding in findings:
        keys = _keys(finding, baseline.pairwise)
        if keys and all(k in by_print for k in keys):
            accepted.append(finding)
            used.update(keys)
        else:
            new.append(finding)
    unused = tuple(e for k, e in by_print.items() if k not in used)
    return Filtered(tuple(new), tuple(accepted), unused)


def entry_for(finding: Finding) -> BaselineEntry:
    """The baseline entry that accepts ``finding``."""
    odd = " + ".join(dict.fromkeys(f"{c.source}: {c.stated}" for c in finding.odd))
    return BaselineEntry(fingerprint(finding), finding.rule, f"{odd} — {finding.message}")


def write_baseline(path: Path, findings: Sequence[Finding]) -> None:
    """Record ``findings`` as accepted (version 2), replacing ``path`` atomically."""
    entries = sorted({entry_for(f) for f in findings}, key=lambda e: (e.rule, e.fingerprint))
    data = {"crosscheck_baseline": FORMAT_VERSION, "findings": [vars(e) for e in entries]}
    replace_file(path, json_escaped(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")


def read_baseline(path: Path, reader: FileReader | None = None) -> Baseline:
    """The entries of a baseline file (version 2, or 1 of pairwise violations);
    ``BaselineError`` says what is wrong with it."""
    try:
        data: Any = json.loads((reader or FileReader()).read_bytes(path).decode("utf-8"))
    except OSError as err:
        raise BaselineError(f"{path}: cannot read baseline: {err.strerror or err}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BaselineError(
            f"{path}: not a crosscheck baseline ({err}); write a new one with --write-baseline"
        ) from None
    version = data.get("crosscheck_baseline") if isinstance(data, dict) else None
    if version not in _LISTS or isinstance(version, bool):
        raise BaselineError(
            f"{path}: not a crosscheck baseline (version {FORMAT_VERSION} or "
            f"{PAIRWISE_VERSION} expected); write a new one with --write-baseline"
        )
    listed = data.get(_LISTS[version])
    if not isinstance(listed, list):
        raise BaselineError(
            f"{path}: damaged baseline: `{_LISTS[version]}` must be a list of entries"
        )
    entries = tuple(_entry(path, number, entry) for number, entry in enumerate(listed, start=1))
    return Baseline(entries, version)


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
