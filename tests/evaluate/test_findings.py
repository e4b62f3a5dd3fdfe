"""Findings (docs/semantics.md §10): the issue's acceptance cases and each kind's grouping.

One outlier among twenty agreeing claims is one finding naming it; two equal camps are one
split; the sample corpus's spy-agency figure printed by three outlets is one finding
citing all three; a comparison is one finding per breaking reading, a fall one per drop,
a range one per reading.
"""

from __future__ import annotations

from pathlib import Path

from claim_factory import make_claim
from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.parser import parse
from crosscheck.dsl.validate import build_ruleset
from crosscheck.evaluate import evaluate, evaluate_pairs
from crosscheck.extract import Extractor
from crosscheck.fs.reader import FileReader
from crosscheck.interval import Interval
from crosscheck.load.articles import iter_article_files, load_file
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim, Finding, FindingKind

ROOT = Path(__file__).resolve().parents[2]


def rules(text: str) -> RuleSet:
    return build_ruleset([parse(text, "case.rules")])


def claim(value: int | Interval, document: str, **fields: object) -> Claim:
    """A claim of ``deployed`` in a document of its own outlet, at position 1."""
    interval = value if isinstance(value, Interval) else Interval.point(value)
    return make_claim("deployed", interval, document, start=1, end=2, **fields)  # type: ignore[arg-type]


def group(finding: Finding, role: str) -> list[str]:
    """The documents of a finding's cited claims of one role."""
    return [c.document for g in finding.cited if g.role == role for c in g.claims]


AGREE = rules("measure deployed: count\nrule estimates_agree: deployed agree within 15%\n")


def test_one_outlier_among_twenty_agreeing_claims_is_one_finding_naming_it() -> None:
    agreeing = [claim(11_000 + 50 * i, f"a{i:02}.md") for i in range(20)]
    outlier = claim(115_000, "z.md")
    (finding,) = evaluate(AGREE, [*agreeing, outlier], cite=30).findings
    assert finding.kind is FindingKind.OUTLIER
    assert group(finding, "odd") == ["z.md"]
    assert sorted(group(finding, "against")) == [f"a{i:02}.md" for i in range(20)]
    assert finding.pairs == 20 == len(evaluate_pairs(AGREE, [*agreeing, outlier]).violations)
    assert "115,000" in finding.message


def test_two_equal_camps_are_one_split_citing_each_camp() -> None:
    low = [claim(100 + i, f"low{i}.md") for i in range(4)]
    high = [claim(1000 + i, f"high{i}.md") for i in range(4)]
    (finding,) = evaluate(AGREE, [*high, *low]).findings
    assert finding.kind is FindingKind.SPLIT
    camps = [sorted(c.document for c in g.claims) for g in finding.cited]
    assert camps == [[f"high{i}.md" for i in range(4)], [f"low{i}.md" for i in range(4)]]
    assert [g.role for g in finding.cited] == ["camp", "camp"]
    assert finding.pairs == 16
    assert "sources split" in finding.message


def test_a_smaller_camp_is_odd_one_reading_at_a_time() -> None:
    big = [claim(100 + i, f"a{i}.md") for i in range(5)]
    small = [claim(1000, "x.md"), claim(1001, "y.md")]
    found = evaluate(AGREE, [*big, *small]).findings
    assert [group(f, "odd") for f in found] == [["x.md"], ["y.md"]]
    assert all(f.kind is FindingKind.OUTLIER and f.pairs == 5 for f in found)


def test_a_reading_printed_by_several_outlets_is_one_odd_one_never_compared_with_itself() -> None:
    repeated = [claim(500, f"r{i}.md", origin="nis") for i in range(3)]
    others = [claim(11_000 + 10 * i, f"o{i}.md") for i in range(4)]
    (finding,) = evaluate(AGREE, [*others, *repeated]).findings
    assert group(finding, "odd") == ["r0.md", "r1.md", "r2.md"]
    assert finding.cited[0].total == 3 and finding.pairs == 12


def test_a_finding_cites_k_claims_and_counts_the_rest() -> None:
    agreeing = [claim(11_000 + i, f"a{i:02}.md") for i in range(12)]
    (finding,) = evaluate(AGREE, [*agreeing, claim(1, "z.md")], cite=3).findings
    against = finding.cited[1]
    assert (len(against.claims), against.total, finding.pairs) == (3, 12, 12)
    # nearest first: the lowest of the agreeing figures are nearest to 1
    assert [c.document for c in against.claims] == ["a00.md", "a01.md", "a02.md"]


def test_with_pairs_every_pairwise_violation_is_listed_under_one_finding() -> None:
    agreeing = [claim(11_000 + i, f"a{i:02}.md") for i in range(6)]
    claims = [*agreeing, claim(1, "y.md"), claim(900_000, "z.md")]
    found = evaluate(AGREE, claims, pairs=True).findings
    listed = [v for f in found for v in f.violations]
    assert sorted(listed, key=str) == sorted(evaluate_pairs(AGREE, claims).violations, key=str)
    assert [f.pairs for f in found] == [len(f.violations) for f in found] == [6, 7]
    # y and z also fail with each other; equal in conflicts and agreements, y's claim comes
    # first, so the pair is z's: it stands lower (§10.2, claim order)
    assert group(found[1], "odd") == ["z.md"]
    assert any(c.document == "y.md" for v in found[1].violations for c in v.claims)


COMPARE = rules(
    "measure killed: count\nmeasure casualties: count\nrule deaths_below: killed <= casualties\n"
)


def test_a_comparison_is_one_finding_per_breaking_reading() -> None:
    deaths = [make_claim("killed", Interval.point(1000 + i), f"k{i}.md") for i in range(3)]
    few = make_claim("casualties", Interval.point(500), "c.md")
    (finding,) = evaluate(COMPARE, [*deaths, few]).findings
    assert finding.kind is FindingKind.BREAKS
    assert group(finding, "odd") == ["c.md"] and finding.pairs == 3


GROW = rules(
    "measure casualties: count, cumulative\nrule grows: casualties nondecreasing over time\n"
)


def series(*values: int) -> list[Claim]:
    return [
        make_claim("casualties", Interval.point(v), f"d{day:02}.md", date=f"2025-01-{day:02}")
        for day, v in enumerate(values, start=1)
    ]


def test_a_fall_is_one_finding_per_drop() -> None:
    high_early = series(100, 5000, 120, 130, 140)
    (finding,) = evaluate(GROW, high_early).findings
    assert finding.kind is FindingKind.DROP
    assert group(finding, "odd") == ["d02.md"] and finding.pairs == 3
    low_late = series(100, 110, 120, 5, 140)
    (finding,) = evaluate(GROW, low_late).findings
    assert group(finding, "odd") == ["d04.md"] and finding.pairs == 3


def test_bounds_are_one_finding_per_reading() -> None:
    bounded = rules("measure deployed: count\nrule plausible: deployed within 1 .. 100000\n")
    claims = [claim(500_000, f"x{i}.md", origin="nis") for i in range(2)] + [claim(10, "ok.md")]
    (finding,) = evaluate(bounded, claims).findings
    assert finding.kind is FindingKind.BOUND and finding.pairs == 2
    assert group(finding, "odd") == ["x0.md", "x1.md"]


def corpus_claims() -> list[Claim]:
    ruleset = load_rules(ROOT / "rules")
    extractor, reader, found = Extractor(ruleset), FileReader(), []
    for article in iter_article_files([ROOT / "corpus"], reader=reader):
        for document in load_file(article, reader):  # type: ignore[arg-type]
            found.extend(extractor.claims(document))  # type: ignore[arg-type]
    return found


def test_the_spy_agency_figure_three_outlets_printed_is_one_finding_citing_all_three() -> None:
    ruleset = load_rules(ROOT / "rules")
    findings = evaluate(ruleset, corpus_claims()).findings
    nis = [
        f
        for f in findings
        if f.rule == "casualty_counts_agree" and any(c.stated == "some 3,000" for c in f.claims)
    ]
    (finding,) = nis
    outlets = {c.source for c in finding.claims if c.stated == "some 3,000"}
    assert outlets == {"Meridian Wire", "Baltic Signal", "Pacific Dispatch"}
    assert any(c.stated == "3,800" and c.origin == "kyiv" for c in finding.claims)
    assert finding.pairs == 3


def test_a_part_is_never_the_odd_one_out_against_the_whole() -> None:
    """Figures of one country are findings only against that country's figures: the
    whole toll, and another country's, are never cited against them."""
    ruleset = rules("measure deployed: count\nrule r: deployed agree within 10% across sources")
    claims = [
        claim(311, "whole_a.txt"),
        claim(300, "whole_b.txt"),
        claim(74, "afghan_a.txt", part="Afghanistan"),
        claim(52, "afghan_b.txt", part="afghanistan"),
        claim(237, "pakistan.txt", part="Pakistan"),
    ]
    findings = evaluate(ruleset, claims).findings
    assert len(findings) == 1
    cited = {c.document for c in findings[0].claims}
    assert cited == {"afghan_a.txt", "afghan_b.txt"}
    assert findings[0].identity.endswith("|part:afghanistan")
