"""Score `crosscheck check` on the development set: are its findings the gold claims' findings?

    python benchmarks/findings_gold.py [--story NAME ...] [--details]

The evaluation that matters to users counts findings, not claims: one misread number can
make many false findings, and a finding is trusted only if the claims it rests on were
read right. For each story of tests/gold/dev (a ``HELD_OUT`` one only when named), this
extracts the articles under story.rules and evaluates the rules twice, in one process:

* over the extracted claims, as ``crosscheck check`` does;
* over the gold claims (gold.yaml), each carrying the metadata of the extracted claim it
  pairs with (outlet, date, origin, as-of, position), or, when none was extracted, its
  article's outlet and date and its place on its line.

A finding is named by its rule and the (document, line, measure) of its odd claims
(a split's: every camp's). Per story it prints the findings of each evaluation, those in
both (sound), and the precision (sound / extracted findings) and recall (gold findings
found / gold findings); the extracted findings not in gold are counted by cause: ``odd misread`` (an
odd claim is no gold claim, or its interval is not gold's), ``against misread`` (the odd
claims are gold, a claim it cites against is not read right), ``other`` (who or when
differs). Gold counts a part ("13 at one hospital") as a claim of the measure where a
story's policy says so (see each gold.yaml): a finding between a part and a total is then
"sound" here, though no reader would call it a disagreement; ``--details`` lists them all.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import evaluate
from crosscheck.extract import Extractor
from crosscheck.interval import Interval
from crosscheck.load.articles import iter_documents
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim, Document, Finding
from gold import ROOT, story_dirs

Key = tuple[str, int, str]  # (document, line, measure)


def gold_interval(entry: dict[str, Any]) -> Interval:
    """The interval of a gold.yaml entry (an unbounded low end of a count is 0)."""
    low, high = entry.get("low"), entry.get("high")
    return Interval(
        Fraction(str(low if low is not None else 0)),
        None if high is None else Fraction(str(high)),
        low is None or entry.get("low_inclusive", True),
        high is not None and entry.get("high_inclusive", True),
    )


def gold_claims(
    entries: list[dict[str, Any]], extracted: list[Claim], docs: dict[str, Document], rules: RuleSet
) -> list[Claim]:
    """The gold claims as records, each with its extracted partner's metadata if any."""
    free: dict[Key, list[Claim]] = {}
    for claim in extracted:
        free.setdefault(key_of(claim), []).append(claim)
    made = []
    for entry in entries:
        key = (str(entry["document"]), int(entry["line"]), str(entry["measure"]))
        interval, partners = gold_interval(entry), free.get(key, [])
        partner = next((c for c in partners if c.interval == interval), None)
        partner = partner or (partners[0] if partners else None)
        if partner is not None:
            partners.remove(partner)
            made.append(partner.model_copy(update={"interval": interval}))
        else:
            made.append(unpaired(entry, interval, docs[key[0]], rules))
    return made


def unpaired(entry: dict[str, Any], interval: Interval, doc: Document, rules: RuleSet) -> Claim:
    """A gold claim nothing was extracted for: its article's outlet and date, its place."""
    lines = doc.text.split("\n")
    line = int(entry["line"])
    body_line = line - doc.line_offset  # gold counts the front matter's lines
    offset = sum(len(text) + 1 for text in lines[: body_line - 1])
    column = max(lines[body_line - 1].find(str(entry["stated"])), 0) + 1
    return Claim(
        measure=str(entry["measure"]),
        interval=interval,
        unit=rules.unit_of(str(entry["measure"])),
        stated=str(entry["stated"]),
        document=str(entry["document"]),
        source=doc.source,
        date=doc.date,
        start=offset + column - 1,
        end=offset + column - 1 + len(str(entry["stated"])),
        line=line,
        column=column,
    )


def key_of(claim: Claim) -> Key:
    """A claim's (document, line, measure)."""
    return (claim.document, claim.line or 0, claim.measure)


def name_of(finding: Finding) -> tuple[str, frozenset[Key]]:
    """A finding's rule and odd claims, whatever the outlets that repeat them."""
    return finding.rule, frozenset(key_of(c) for c in finding.odd)


def cause(finding: Finding, gold: dict[Key, list[Interval]]) -> str:
    """Why an extracted finding is not one of gold's."""

    def right(claim: Claim) -> bool:
        return claim.interval in gold.get(key_of(claim), [])

    if not all(map(right, finding.odd)):
        return "odd misread"
    against = [c for g in finding.cited if g.role == "against" for c in g.claims]
    return "against misread" if not all(map(right, against)) else "other"


def story_claims(story: Path, rules: RuleSet) -> tuple[dict[str, Document], list[Claim]]:
    """A story's articles by the name crosscheck gives them from the repository root, and
    the claims extracted from them under ``rules`` (as `crosscheck extract` names them)."""
    docs = {
        str(story / "articles" / Path(d.path).name): d
        for d in iter_documents([ROOT / story / "articles"])
        if isinstance(d, Document)
    }
    extractor = Extractor(rules)
    claims = [
        c.model_copy(update={"document": n}) for n, d in docs.items() for c in extractor.claims(d)
    ]
    return docs, claims


def score(story: Path, details: bool) -> tuple[int, int, int, int, Counter[str]]:
    """Extracted findings, gold findings, sound ones, gold ones found, and the causes of
    the unsound ones."""
    rules = load_rules(ROOT / story / "story.rules")
    docs, extracted = story_claims(story, rules)
    with open(ROOT / story / "gold.yaml", encoding="utf-8") as handle:
        entries = (yaml.safe_load(handle) or {}).get("claims") or []
    gold = gold_claims(entries, extracted, docs, rules)
    found = evaluate(rules, extracted).findings
    expected = {name_of(f) for f in evaluate(rules, gold).findings}
    intervals: dict[Key, list[Interval]] = {}
    for claim in gold:
        intervals.setdefault(key_of(claim), []).append(claim.interval)
    sound = [f for f in found if name_of(f) in expected]
    matched = len({name_of(f) for f in sound})  # gold findings found (two may share a name)
    causes = Counter(cause(f, intervals) for f in found if name_of(f) not in expected)
    if details:
        print_details(story.name, found, expected, intervals)
    return len(found), len(expected), len(sound), matched, causes


def print_details(
    story: str, found: Sequence[Finding], expected: set[Any], gold: dict[Key, list[Interval]]
) -> None:
    """Each extracted finding, sound or not and why, and the gold findings not found."""
    names = {name_of(f) for f in found}
    for finding in found:
        verdict = "sound" if name_of(finding) in expected else cause(finding, gold)
        print(f"  {story} {verdict:>15}  {finding.message[:150]}")
    for rule, odd in sorted(expected - names, key=str):
        where = ", ".join(f"{Path(d).name}:{line}" for d, line, _ in sorted(odd))
        print(f"  {story} {'missed':>15}  {rule}: {where}")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the findings scores per story and in total."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", nargs="*", default=[])
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    totals, all_causes = [0, 0, 0, 0], Counter[str]()
    for story in story_dirs(args.story):
        found, expected, sound, matched, causes = score(story, args.details)
        for i, figure in enumerate((found, expected, sound, matched)):
            totals[i] += figure
        all_causes.update(causes)
        print_line(story.name, found, expected, sound, matched, causes)
    print_line("TOTAL", totals[0], totals[1], totals[2], totals[3], all_causes)
    return 0


def print_line(
    name: str, found: int, expected: int, sound: int, matched: int, causes: Counter[str]
) -> None:
    """One story's figures."""
    precision = f"{100 * sound / found:.1f}%" if found else "-"
    recall = f"{100 * matched / expected:.1f}%" if expected else "-"
    why = ", ".join(f"{n} {c}" for c, n in sorted(causes.items())) or "none"
    print(
        f"{name:<32} findings {found:>4}  gold findings {expected:>4}  sound {sound:>4}  "
        f"precision {precision:>6}  recall {recall:>6}  unsound: {why}"
    )


if __name__ == "__main__":
    sys.exit(main())
