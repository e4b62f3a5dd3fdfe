"""Inline waivers: rule-file statements that accept known findings.

``waive RULE [document "GLOB"] [stated "TEXT"] reason "WHY" [until DATE]`` accepts
a finding of RULE when a claim of its odd reading (of a camp, for a split) matches
every filter given; the claims it is cited against play no part, so a waiver for
one misread figure does not hide the other figures that disagree with the consensus:

* ``document``: a glob (``*``, ``?``, ``[...]``; ``*`` also crosses ``/``) matched
  against the claim's document path and against each of its trailing parts, so
  ``"newsweek_more-troops.md"``, ``"corpus/*newsweek*"`` and the full path all
  match ``corpus/2024-12-23_newsweek_more-troops.md``. Backslashes count as ``/``
  and a leading ``./`` is ignored.
* ``stated``: the claim's stated text, ignoring case and runs of white space
  (``"approximately 1,100"``); not a substring, so ``"100"`` does not match it.

Without filters a waiver accepts every finding of its rule. ``until`` is the
last day a waiver holds; after it the waiver accepts nothing and is reported.
Pure: the caller supplies today's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase

from crosscheck.dsl.ast import Waiver
from crosscheck.model import Claim, Finding, Report


def apply_waivers(report: Report, waivers: Iterable[Waiver], today: dt.date) -> Report:
    """The report without the findings active waivers accept, counted as waived.

    Waivers that accepted nothing and waivers past their ``until`` date are
    listed in ``unused_waivers``, one sentence each.
    """
    active: list[Waiver] = []
    notes: list[str] = []
    for waiver in waivers:
        if is_expired(waiver, today):
            notes.append(
                f"waiver at {waiver.span} for {waiver.rule} expired on "
                f"{waiver.until}; it no longer waives"
            )
        else:
            active.append(waiver)
    kept, used = _split(report.findings, active)
    notes.extend(
        f"waiver at {waiver.span} for {waiver.rule} matched no finding"
        for index, waiver in enumerate(active)
        if index not in used
    )
    return report.model_copy(
        update={
            "findings": kept,
            "waived": report.waived + len(report.findings) - len(kept),
            "unused_waivers": report.unused_waivers + tuple(notes),
        }
    )


def _split(
    findings: Sequence[Finding], waivers: Sequence[Waiver]
) -> tuple[tuple[Finding, ...], set[int]]:
    """The findings no waiver accepts, and the indices of waivers that accepted one."""
    kept: list[Finding] = []
    used: set[int] = set()
    for finding in findings:
        accepting = {i for i, waiver in enumerate(waivers) if waives(waiver, finding)}
        used |= accepting
        if not accepting:
            kept.append(finding)
    return tuple(kept), used


def is_expired(waiver: Waiver, today: dt.date) -> bool:
    """Whether ``today`` is after the waiver's last day."""
    return waiver.until is not None and today > waiver.until


def days_alike(waivers: Iterable[Waiver], today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day (None: no limit) on which each waiver is expired or not as today.

    Waivers are the only thing in a report that depends on the day, so a report
    made today holds for every day in this span.
    """
    first: dt.date | None = None
    last: dt.date | None = None
    for waiver in waivers:
        if waiver.until is None:
            continue
        if is_expired(waiver, today):
            day_after = waiver.until + dt.timedelta(days=1)
            first = day_after if first is None else max(first, day_after)
        else:
            last = waiver.until if last is None else min(last, waiver.until)
    return first, last


def waives(waiver: Waiver, finding: Finding) -> bool:
    """Whether the waiver (expiry aside) accepts the finding: a claim of its odd reading
    (of a camp, for a split) passes every filter."""
    if waiver.rule != finding.rule:
        return False
    return any(claim_matches(waiver, claim) for claim in finding.odd)


def claim_matches(waiver: Waiver, claim: Claim) -> bool:
    """Whether one claim passes every filter of the waiver."""
    if waiver.document is not None and not document_matches(waiver.document, claim.document):
        return False
    return waiver.stated is None or _words(waiver.stated) == _words(claim.stated)


def document_matches(pattern: str, document: str) -> bool:
    """Whether a ``document`` glob matches a document path or one of its trailing parts."""
    path = _slashes(document)
    glob = _slashes(pattern)
    parts = path.split("/")
    return any(fnmatchcase("/".join(parts[i:]), glob) for i in range(len(parts)))


def _slashes(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _words(text: str) -> str:
    return " ".join(text.lower().split())
