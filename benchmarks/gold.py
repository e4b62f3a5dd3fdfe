"""Score `crosscheck extract` against the gold claims of the development set.

    python benchmarks/gold.py [--story NAME ...] [--details] [--json] [--crosscheck PATH]

For every folder `tests/gold/dev/<story>/` that holds `story.rules`, `gold.yaml` and
`articles/` (format: tests/gold/dev/README.md), this runs, from the repository root,

    crosscheck extract tests/gold/dev/<story>/articles
        --rules tests/gold/dev/<story>/story.rules --format jsonl --no-cache -j 1

and compares the claims it prints with the gold claims. Gold and extracted claims are
paired one to one on the same document, line and measure (pairs whose intervals are
equal first). Per story it prints:

* gold, extracted: the number of gold and of extracted claims;
* found: gold claims paired with an extracted claim;
* read right: found, and the intervals are equal (low, high and both inclusivities);
* recall = found / gold; precision = paired extracted claims / extracted;
  value precision = read right / extracted.

An unbounded low end equals a closed low end at 0 (amounts are never negative), so a
gold "up to" claim may write `low: null` or `low: 0`. The inclusivity of an unbounded
end is not compared. `--crosscheck` defaults to the `crosscheck` next to the running
Python (then to the one on PATH).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV = Path("tests/gold/dev")

Key = tuple[str, int, str]  # (document, line, measure)
Bound = tuple[float, bool] | None  # (value, inclusive); None = unbounded


@dataclass(frozen=True)
class Claim:
    """One claim, gold or extracted, reduced to what scoring compares."""

    document: str
    line: int
    measure: str
    stated: str
    low: Bound
    high: Bound

    @property
    def key(self) -> Key:
        """The fields on which a gold and an extracted claim are paired."""
        return (self.document, self.line, self.measure)

    def same_interval(self, other: Claim) -> bool:
        """Whether both claims read the same interval."""
        return _same_bound(self.low, other.low) and _same_bound(self.high, other.high)

    def label(self) -> str:
        """`document:line measure "stated" [interval]`, for --details."""
        return f'{self.document}:{self.line} {self.measure} "{self.stated}" {self.interval()}'

    def interval(self) -> str:
        """The interval in the usual notation, e.g. `(1000, inf)`."""
        left = "(" if self.low is None or not self.low[1] else "["
        right = ")" if self.high is None or not self.high[1] else "]"
        low = "0" if self.low is None else f"{self.low[0]:g}"
        high = "inf" if self.high is None else f"{self.high[0]:g}"
        return f"{left}{low}, {high}{right}"


@dataclass
class Score:
    """The figures of one story (or of the total)."""

    story: str
    gold: int = 0
    extracted: int = 0
    found: int = 0
    read_right: int = 0
    missed: list[Claim] = field(default_factory=list)
    extra: list[Claim] = field(default_factory=list)
    misread: list[tuple[Claim, Claim]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another story's counts to these."""
        self.gold += other.gold
        self.extracted += other.extracted
        self.found += other.found
        self.read_right += other.read_right

    def figures(self) -> dict[str, Any]:
        """The counts and ratios, as printed by --json."""
        return {
            "story": self.story,
            "gold": self.gold,
            "extracted": self.extracted,
            "found": self.found,
            "read_right": self.read_right,
            "recall": _ratio(self.found, self.gold),
            "precision": _ratio(self.found, self.extracted),
            "value_precision": _ratio(self.read_right, self.extracted),
        }


def _ratio(part: int, whole: int) -> float | None:
    """part / whole rounded to three places, or None when whole is 0."""
    return round(part / whole, 3) if whole else None


def _same_bound(a: Bound, b: Bound) -> bool:
    """Whether two interval ends are equal (unbounded ends only to each other)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a[0], b[0], rel_tol=1e-9, abs_tol=1e-9) and a[1] == b[1]


def _bound(value: Any, inclusive: Any, lower: bool) -> Bound:
    """An interval end from JSON/YAML fields; a missing inclusivity means closed."""
    if value is None:
        return (0.0, True) if lower else None
    return (float(value), True if inclusive is None else bool(inclusive))


def to_claim(record: dict[str, Any]) -> Claim:
    """A Claim from a gold.yaml entry or an extracted JSON line."""
    return Claim(
        document=str(record["document"]),
        line=int(record["line"]),
        measure=str(record["measure"]),
        stated=str(record.get("stated", "")),
        low=_bound(record.get("low"), record.get("low_inclusive"), lower=True),
        high=_bound(record.get("high"), record.get("high_inclusive"), lower=False),
    )


def story_dirs(names: Sequence[str]) -> list[Path]:
    """The story folders to score (relative to the root), all complete ones by default.

    A story holding a ``HELD_OUT`` file is scored only when named: its first pass is
    the measure of the extractor on unseen text, so nobody sees its output before then.
    """
    folders = sorted(p for p in (ROOT / DEV).iterdir() if p.is_dir())
    parts = ("story.rules", "gold.yaml", "articles")
    complete = [DEV / p.name for p in folders if all((p / part).exists() for part in parts)]
    if not names:
        return [p for p in complete if not (ROOT / p / "HELD_OUT").exists()]
    known = {p.name: p for p in complete}
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"gold.py: no complete story folder named {', '.join(unknown)} under {DEV}")
    return [known[n] for n in names]


def extract(crosscheck: str, story: Path) -> list[Claim]:
    """The claims crosscheck extracts from a story's articles under its rule file."""
    command = [
        crosscheck, "extract", str(story / "articles"),
        "--rules", str(story / "story.rules"),
        "--format", "jsonl", "--no-cache", "-j", "1",
    ]  # fmt: skip
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"gold.py: {' '.join(command)} failed ({run.returncode}):\n{run.stderr}")
    return [to_claim(json.loads(line)) for line in run.stdout.splitlines() if line.strip()]


def read_gold(story: Path) -> list[Claim]:
    """The gold claims of a story."""
    with open(ROOT / story / "gold.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return [to_claim(entry) for entry in data.get("claims") or []]


def group(claims: Iterable[Claim]) -> dict[Key, list[Claim]]:
    """Claims by (document, line, measure), in their original order."""
    groups: dict[Key, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.key].append(claim)
    return groups


def score(story: str, gold: list[Claim], extracted: list[Claim]) -> Score:
    """Pair gold and extracted claims one to one per key and count the figures."""
    result = Score(story, gold=len(gold), extracted=len(extracted))
    gold_by_key, extracted_by_key = group(gold), group(extracted)
    for key in sorted(set(gold_by_key) | set(extracted_by_key)):
        golds, found = list(gold_by_key.get(key, [])), list(extracted_by_key.get(key, []))
        for g in list(golds):  # equal intervals pair first
            twin = next((e for e in found if g.same_interval(e)), None)
            if twin is not None:
                golds.remove(g)
                found.remove(twin)
                result.found += 1
                result.read_right += 1
        paired = min(len(golds), len(found))
        result.found += paired
        result.misread.extend(zip(golds[:paired], found[:paired], strict=True))
        result.missed.extend(golds[paired:])
        result.extra.extend(found[paired:])
    return result


def print_score(result: Score, details: bool) -> None:
    """One line of figures, then (with details) the missed, extra and misread claims."""
    f = result.figures()

    def pct(value: float | None) -> str:
        return "  n/a" if value is None else f"{value:5.1%}"

    print(
        f"{result.story:<32} gold {f['gold']:4d}  extracted {f['extracted']:4d}  "
        f"found {f['found']:4d}  read right {f['read_right']:4d}  recall {pct(f['recall'])}  "
        f"precision {pct(f['precision'])}  value precision {pct(f['value_precision'])}"
    )
    if not details:
        return
    for claim in result.missed:
        print(f"    missed  {claim.label()}")
    for claim in result.extra:
        print(f"    extra   {claim.label()}")
    for gold, got in result.misread:
        print(f'    misread {gold.label()}  extracted "{got.stated}" {got.interval()}')


def find_crosscheck(given: str | None) -> str:
    """The crosscheck executable: --crosscheck, else next to Python, else on PATH."""
    if given:
        return given
    beside = Path(sys.executable).parent / "crosscheck"
    if beside.is_file():
        return str(beside)
    found = shutil.which("crosscheck")
    if found is None:
        sys.exit("gold.py: no crosscheck next to this Python nor on PATH; pass --crosscheck PATH")
    return found


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", action="append", default=[], help="score only this story")
    parser.add_argument("--details", action="store_true", help="list missed and extra claims")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--crosscheck", metavar="PATH", help="the crosscheck executable")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Score every selected story and print the figures and their total."""
    args = parse_args(argv)
    crosscheck = find_crosscheck(args.crosscheck)
    total = Score("TOTAL")
    scores = []
    for story in story_dirs(args.story):
        result = score(story.name, read_gold(story), extract(crosscheck, story))
        total.add(result)
        scores.append(result)
        if not args.json:
            print_score(result, args.details)
    if args.json:
        figures = {"stories": [s.figures() for s in scores], "total": total.figures()}
        print(json.dumps(figures, indent=2))
    else:
        print_score(total, details=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
