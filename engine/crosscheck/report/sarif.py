"""SARIF 2.1.0: the report as a static-analysis log for code-scanning dashboards.

One run, one ``reportingDescriptor`` per rule, one result per finding. The odd
reading's first claim is the result's location; every other claim the finding cites
(the rest of the odd reading, the claims it conflicts with, each camp of a split) is a
related location, linked from the message, which also counts the claims not cited and
the pairwise violations covered. The fingerprint is the finding's (its rule and odd
reading, as baselines key on). Columns count Unicode code points (``columnKind``), as
crosscheck's columns do. Undecided comparisons and skipped claims are not results.
Files are named relative to ``%SRCROOT%``, the project's root (``RenderContext.project``:
git's top level or ``--project-root``), where code scanning resolves them; a file outside
it is an absolute ``file:`` URI.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from crosscheck import HOMEPAGE, __version__
from crosscheck.accept.baseline import fingerprint
from crosscheck.model import Claim, Finding, Report, Severity
from crosscheck.report import RenderContext, jsontext
from crosscheck.report.locations import ProjectPaths
from crosscheck.report.rulehelp import RuleText, rule_texts
from crosscheck.report.text import describe_interval

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "crosscheck/v2"  # v2: a finding's identity (v1: a pairwise violation's)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_DRIVE = re.compile(r"^[A-Za-z]:/")
SRCROOT = "%SRCROOT%"
SRCROOT_MEANS = (
    "The project's root: --project-root when given, else the git repository's top level, "
    "else the folder crosscheck ran in."
)


def rule_names(report: Report, context: RenderContext) -> list[str]:
    """Described rules in the context's order, then any other violated rule, sorted."""
    names = list(dict.fromkeys(name for name, _ in context.rule_descriptions))
    extra = sorted({f.rule for f in report.findings} - set(names))
    return names + extra


def artifact_uri(document: str) -> str:
    """``document`` as a URI reference: relative paths stay relative, with ``/``."""
    path = document.replace("\\", "/")
    if _DRIVE.match(path):
        return "file:///" + _quoted(path, safe="/:")
    if path.startswith("/"):
        return "file://" + _quoted(path, safe="/")
    while path.startswith("./"):
        path = path[2:]
    return _quoted(path, safe="/")


def _quoted(path: str, safe: str) -> str:
    return quote(path, safe=safe, errors="surrogateescape")  # a name's stray bytes: %XX


def escape_message(text: str) -> str:
    """Plain text safe inside a SARIF message, where ``[text](id)`` is a link."""
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def citation(claim: Claim) -> str:
    """``source, date: stated → interval``."""
    interval = describe_interval(claim.interval, claim.unit)
    return f"{claim.cited_as()}: {claim.stated} → {interval}"


def region(claim: Claim) -> dict[str, Any] | None:
    """Line, columns and snippet of the claim, or ``None`` when its line is unknown."""
    if claim.line is None:
        return None
    out: dict[str, Any] = {"startLine": claim.line}
    if claim.column is not None:
        out["startColumn"] = claim.column
        one_line = "\n" not in claim.stated and "\r" not in claim.stated
        if claim.start is not None and claim.end is not None and one_line:
            out["endColumn"] = claim.column + max(claim.end - claim.start, 0)
    out["snippet"] = {"text": claim.stated}
    return out


def artifact_location(path: str, project: ProjectPaths | None = None) -> dict[str, Any]:
    """Where a file is: relative to ``%SRCROOT%`` (the project's root) when it is inside
    it, else an absolute ``file:`` URI. Without ``project``, a relative path is taken
    as relative to the root."""
    if project is not None:
        inside = project.from_root(path)
        path = project.absolute(path) if inside is None else inside
    uri = artifact_uri(path)
    if uri.startswith("file:"):
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": SRCROOT}


def location(
    claim: Claim, ident: int | None = None, project: ProjectPaths | None = None
) -> dict[str, Any]:
    """A SARIF location for the claim; related locations carry an id and a message."""
    physical: dict[str, Any] = {"artifactLocation": artifact_location(claim.in_file(), project)}
    claim_region = region(claim)
    if claim_region is not None:
        physical["region"] = claim_region
    out: dict[str, Any] = {}
    if ident is not None:
        out["id"] = ident
    out["physicalLocation"] = physical
    if ident is not None:
        out["message"] = {"text": escape_message(citation(claim))}
    return out


def message_text(finding: Finding) -> str:
    """Message, detail, the cited claims as links to related locations (ids 1, 2, …),
    what is counted and not cited, and the pairwise violations covered."""
    lines = [escape_message(finding.message)]
    if finding.detail:
        lines.append(escape_message(finding.detail))
    place = 0  # each cited claim's place in finding.claims: 0 is the location, the rest ids
    for group in finding.cited:
        links = []
        for claim in group.claims:
            if place:
                links.append(f"[{escape_message(citation(claim))}]({place})")
            place += 1
        more = group.total - len(group.claims)
        counted = f" and {more} more" if more else ""
        if links or counted:
            lines.append(f"{group.role.capitalize()}: " + "; ".join(links) + counted)
    lines.append(f"Covers {finding.pairs} pairwise violation{'' if finding.pairs == 1 else 's'}.")
    return "\n".join(lines)


def result(
    finding: Finding, rule_index: int, project: ProjectPaths | None = None
) -> dict[str, Any]:
    """One SARIF result for one finding."""
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": message_text(finding)},
    }
    claims = finding.claims
    if claims:
        out["locations"] = [location(claims[0], None, project)]
    related = [location(c, i, project) for i, c in enumerate(claims[1:], 1)]
    if related:
        out["relatedLocations"] = related
    out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(finding)}
    return out


def descriptor(rule: RuleText, severity: Severity | None) -> dict[str, Any]:
    """The reportingDescriptor of one rule: described by its message, else by its own
    text, with a help text saying what to do about a finding."""
    out: dict[str, Any] = {
        "id": rule.name,
        "name": rule.name,
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.full},
        "help": {"text": rule.help},
    }
    if severity is not None:
        out["defaultConfiguration"] = {"level": LEVEL[severity]}
    return out


def descriptors(report: Report, context: RenderContext) -> list[dict[str, Any]]:
    """Every rule's descriptor; severity as declared, else as its findings show."""
    texts = rule_texts(context)
    severities: dict[str, Severity] = {}
    for finding in reversed(report.findings):
        severities[finding.rule] = finding.severity
    severities.update(dict(reversed(context.rule_severities)))
    return [
        descriptor(texts.get(name, RuleText(name)), severities.get(name))
        for name in rule_names(report, context)
    ]


def sarif_log(report: Report, context: RenderContext) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    rules = descriptors(report, context)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver = {"name": "crosscheck", "version": __version__, "informationUri": HOMEPAGE}
    run = {
        "tool": {"driver": {**driver, "rules": rules}},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": SRCROOT_MEANS}}},
        "columnKind": "unicodeCodePoints",
        "results": [result(f, index[f.rule], context.project) for f in report.findings],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(report: Report, context: RenderContext) -> str:
    """The report as a SARIF 2.1.0 JSON document."""
    return jsontext.dumps(sarif_log(report, context)) + "\n"
