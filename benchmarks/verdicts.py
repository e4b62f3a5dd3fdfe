"""Score `crosscheck check` on the development set by human verdicts on its findings.

    .venv/bin/python benchmarks/verdicts.py [--story NAME ...] [--details]

Each story folder of tests/gold/dev may hold a ``verdicts.yaml``: one verdict per finding
crosscheck made on the story when it was written, judged by reading the articles (is the
finding a real disagreement a careful reader would accept?), keyed by the finding's
``identity`` (its rule and odd reading, never a line number). This runs the check in
process for every story (the ``HELD_OUT`` ones too), matches its findings to the verdicts
by identity and prints per story: the findings, those judged real, those judged false by
cause (misread, part, other-event, time, attribution, other), those no verdict names
(unjudged: new since the verdicts were written) and the precision, real / judged. A
verdict no finding matches any more is counted as gone. ``--details`` lists the false
and unjudged findings.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.evaluate import evaluate
from crosscheck.load.rules import load_rules
from crosscheck.model import Finding
from findings_gold import story_claims
from gold import DEV, ROOT

CAUSES = ("misread", "part", "other-event", "time", "attribution", "other")


@dataclass
class Score:
    """One story's (or the total's) counts."""

    findings: int = 0
    real: int = 0
    false: Counter[str] = field(default_factory=Counter)
    unjudged: int = 0
    gone: int = 0

    def add(self, other: Score) -> None:
        """Add another story's counts to these."""
        self.findings += other.findings
        self.real += other.real
        self.false.update(other.false)
        self.unjudged += other.unjudged
        self.gone += other.gone


def stories(names: Sequence[str]) -> list[Path]:
    """The story folders (relative to the root) with a verdicts.yaml, HELD_OUT ones too."""
    folders = sorted(p for p in (ROOT / DEV).iterdir() if (p / "verdicts.yaml").exists())
    known = {p.name: DEV / p.name for p in folders}
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"verdicts.py: no story with a verdicts.yaml named {', '.join(unknown)}")
    return [known[n] for n in names] if names else list(known.values())


def findings_of(story: Path) -> list[Finding]:
    """The story's findings, as `crosscheck check <story>/articles --rules story.rules`."""
    rules = load_rules(ROOT / story / "story.rules")
    _, claims = story_claims(story, rules)
    return list(evaluate(rules, claims).findings)


def verdicts_of(story: Path) -> dict[str, dict[str, Any]]:
    """The story's verdicts by identity (a repeated identity is an error)."""
    with open(ROOT / story / "verdicts.yaml", encoding="utf-8") as handle:
        entries = (yaml.safe_load(handle) or {}).get("verdicts") or []
    verdicts: dict[str, dict[str, Any]] = {}
    for entry in entries:
        identity = str(entry["identity"])
        if entry.get("verdict") is False:  # YAML reads a bare `false` as a boolean
            entry["verdict"] = "false"
        if identity in verdicts:
            sys.exit(f"verdicts.py: {story}/verdicts.yaml names {identity!r} twice")
        if entry["verdict"] not in ("real", "false"):
            sys.exit(f"verdicts.py: {story}/verdicts.yaml: bad verdict for {identity!r}")
        if entry["verdict"] == "false" and entry.get("cause") not in CAUSES:
            sys.exit(f"verdicts.py: {story}/verdicts.yaml: bad cause for {identity!r}")
        verdicts[identity] = entry
    return verdicts


def score(story: Path, details: bool) -> Score:
    """Match the story's findings to its verdicts and count."""
    verdicts = verdicts_of(story)
    found = findings_of(story)
    result = Score(findings=len(found))
    seen: set[str] = set()
    for finding in found:
        seen.add(finding.identity)
        verdict = verdicts.get(finding.identity)
        if verdict is None:
            result.unjudged += 1
            if details:
                print(f"  {story.name}  unjudged     {finding.identity}")
                print(f"  {'':<{len(story.name)}}               {finding.message[:150]}")
        elif verdict["verdict"] == "real":
            result.real += 1
        else:
            result.false[verdict["cause"]] += 1
            if details:
                why = f"false {verdict['cause']}"
                print(f"  {story.name}  {why:<17} {finding.identity}")
                print(f"  {'':<{len(story.name)}}  {'':<17} {verdict.get('note', '')}")
    result.gone = len(set(verdicts) - seen)
    return result


def print_line(name: str, s: Score) -> None:
    """One story's figures."""
    judged = s.real + sum(s.false.values())
    precision = f"{100 * s.real / judged:.1f}%" if judged else "-"
    why = ", ".join(f"{s.false[c]} {c}" for c in CAUSES if s.false[c]) or "none"
    print(
        f"{name:<28} findings {s.findings:>4}  real {s.real:>4}  false {judged - s.real:>4}"
        f" ({why})  unjudged {s.unjudged:>3}  gone {s.gone:>3}  precision {precision:>6}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the verdict scores per story and in total."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--story", nargs="*", default=[])
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    total = Score()
    for story in stories(args.story):
        result = score(story, args.details)
        total.add(result)
        print_line(story.name, result)
    print_line("TOTAL", total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
