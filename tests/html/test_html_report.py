"""Structure of the HTML report, read back with html.parser."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter

from html_builders import HOSTILE, sample_claims
from html_tree import Node, parse

from crosscheck.model import Report, Severity, Violation
from crosscheck.report import RenderContext, formats, renderers
from crosscheck.report.html.page import render


def tree_of(report: Report, context: RenderContext | None = None) -> Node:
    return parse(render(report, context or RenderContext()))


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_registered_as_a_format() -> None:
    assert "html" in formats()
    assert renderers()["html"] is render


def test_one_document_with_a_policy_allowing_only_its_own_style_and_script(
    report: Report,
) -> None:
    tree = tree_of(report)
    policy = tree.one("meta", http_equiv="Content-Security-Policy").attrs["content"] or ""
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == sha256(tree.one("script").text())
    assert directives["style-src"] == sha256(tree.one("style").text())
    assert directives["base-uri"] == "'none'"


def test_nothing_is_loaded_from_elsewhere(report: Report) -> None:
    markup = render(report, RenderContext())
    tree = parse(markup)
    assert tree.find_all("link") == [] and tree.find_all("img") == []
    assert all("src" not in node.attrs for node in tree.iter())
    # The only outside addresses are the links to the cited articles.
    hrefs = [n.attrs["href"] or "" for n in tree.find_all("a")]
    outside = {u for u in hrefs if not u.startswith("#")}
    assert outside == {c.url for v in report.findings for c in v.claims if c.url}
    assert "@import" not in markup and "url(" not in tree.one("style").text()


def test_summary_counts(report: Report) -> None:
    summary = tree_of(report).one("section", id="summary")
    cards = {
        c.one("span", class_="k").text(): int(c.one("span", class_="n").text())
        for c in summary.find_all("li", class_="card")
    }
    severities = Counter(v.severity.value for v in report.findings)
    assert cards["documents"] == report.documents and cards["claims"] == report.claims
    assert cards["findings"] == len(report.findings)
    assert cards["pairwise violations"] == sum(f.pairs for f in report.findings)
    assert cards["claim uses skipped"] == len(report.skipped)
    for severity in Severity:
        assert cards[f"{'■▲●'[2 - severity.rank]} {severity.value}"] == severities[severity.value]
    rows = summary.find_all("table")[0].one("tbody").find_all("tr")
    by_rule = {r.find_all("th")[0].text(): int(r.find_all("td")[1].text()) for r in rows}
    assert by_rule == dict(Counter(v.rule for v in report.findings))


def test_every_finding_and_every_cited_claim_is_shown(report: Report) -> None:
    listing = tree_of(report).one("ol", id="violation-list")
    items = listing.find_all("li", class_="violation")
    assert len(items) == len(report.findings)
    for item, violation in zip(items, report.findings, strict=True):
        assert item.attrs["data-severity"] == violation.severity.value
        assert item.attrs["data-rule"] == violation.rule
        assert item.one("h3").text() == violation.message
        assert violation.severity.value in item.one("span", class_="badge").text()
        claims = item.find_all("li", class_="claim")
        assert len(claims) == len(violation.claims)
        for node, claim in zip(claims, violation.claims, strict=True):
            meta = node.one("dl").text()
            assert claim.source in meta and claim.location() in meta
            assert (claim.date.isoformat() if claim.date else "undated") in meta
            if claim.sentence:
                assert [m.text().lower() for m in node.find_all("mark")] == [claim.stated]
            else:
                assert node.find_all("mark") == []


def test_claim_links_only_when_the_url_is_known(report: Report) -> None:
    listing = tree_of(report).one("ol", id="violation-list")
    for item, violation in zip(
        listing.find_all("li", class_="violation"), report.findings, strict=True
    ):
        for node, claim in zip(item.find_all("li", class_="claim"), violation.claims, strict=True):
            links = [a.attrs["href"] for a in node.find_all("a") if a.text() == "open article"]
            assert links == ([claim.url] if claim.url else [])


def test_one_chart_per_cited_measure_with_a_mark_per_claim(report: Report) -> None:
    cited = {c for v in report.findings for c in v.claims}
    tree = tree_of(report)
    figures = tree.find_all("figure", class_="chart")
    assert sorted(f.attrs["data-measure"] or "" for f in figures) == sorted(
        {c.measure for c in cited}
    )
    for figure in figures:
        claims = [c for c in cited if c.measure == figure.attrs["data-measure"]]
        svg = figure.one("svg", class_="chart-svg")
        assert svg.attrs["role"] == "img"
        title = svg.one("title", id=svg.attrs["aria-labelledby"] or "")
        assert title.text() == figure.one("figcaption").text()
        assert len(svg.find_all("g", class_="mark")) == len(claims)
        rows = figure.one("details").one("tbody").find_all("tr")
        assert sorted(r.find_all("th")[0].text() for r in rows) == sorted(c.source for c in claims)


def test_all_claims_given_are_charted_and_uncited_ones_hollow(report: Report) -> None:
    everything = tuple(sample_claims().values())
    tree = tree_of(report, RenderContext(claims=everything))
    killed = tree.one("figure", data_measure="killed")
    marks = killed.find_all("g", class_="mark")
    expected = {c for c in everything if c.measure == "killed"}
    cited = {c for v in report.findings for c in v.claims if c.measure == "killed"}
    assert len(marks) == len(expected) > len(cited)
    assert len(killed.find_all("g", class_="violating")) == len(cited)
    assert "hollow: not cited" in killed.one("ul", class_="legend").text()


def test_unbounded_ends_are_drawn_as_arrows(report: Report) -> None:
    figure = tree_of(report).one("figure", data_measure="casualties")
    # One claim unbounded above, one below: each has an arrowhead (a 3-point polygon).
    for mark in figure.find_all("g", class_="mark"):
        arrows = [
            p
            for p in mark.find_all("polygon")
            if len(p.attrs["points"].split()) == 3 and p.attrs.get("stroke") is None
        ]
        assert len(arrows) == 1


def test_filters_offer_each_severity_and_rule_with_counts(report: Report) -> None:
    filters = tree_of(report).one("div", id="filters")
    assert "hidden" in filters.attrs  # revealed by the script, useless without it
    boxes = filters.find_all("input")
    assert all(b.attrs["type"] == "checkbox" and "checked" in b.attrs for b in boxes)
    values = {(b.attrs["name"], b.attrs["value"]) for b in boxes}
    assert values == {("severity", v.severity.value) for v in report.findings} | {
        ("rule", v.rule) for v in report.findings
    }
    labels = {lab.one("input").attrs["value"]: lab.text() for lab in filters.find_all("label")}
    assert labels["death_tolls_agree"].endswith("(2)")


def test_article_markup_is_text_everywhere(hostile: Report) -> None:
    markup = render(hostile, RenderContext())
    tree = parse(markup)
    assert len(tree.find_all("script")) == 1 and tree.find_all("img") == []
    assert tree.find_all("b") == []
    assert all(not k.startswith("on") for n in tree.iter() for k in n.attrs)
    assert "javascript:" not in " ".join(n.attrs.get("href") or "" for n in tree.find_all("a"))
    item = tree.one("li", class_="violation")
    assert HOSTILE in item.one("h3").text()
    assert HOSTILE in item.one("p", class_="detail").text()
    assert HOSTILE in item.find_all("blockquote")[0].text()
    assert HOSTILE in item.find_all("dl")[0].text()
    assert len(re.findall(r"<script", markup)) == 1


def test_no_findings_says_so_without_filters_or_charts() -> None:
    tree = tree_of(Report(findings=(), claims=3, documents=2, rules=1))
    assert tree.find_all("div", id="filters") == [] and tree.find_all("figure") == []
    assert "No findings" in tree.one("section", id="violations").text()


def test_undecided_only_when_asked(report: Report) -> None:
    first = report.findings[0]
    relation = Violation(
        rule=first.rule, severity=first.severity, message="maybe", claims=first.claims
    )
    undecided = report.model_copy(update={"undecided": (relation,)})
    assert tree_of(undecided).find_all("section", id="undecided") == []
    section = tree_of(undecided, RenderContext(show_undecided=True)).one("section", id="undecided")
    item = section.one("li", class_="violation")
    assert "undecided" in item.attrs["class"] and "sev-error" not in item.attrs["class"]
    assert "undecided" in section.one("span", class_="badge").text()


def test_skipped_claims_are_listed(report: Report) -> None:
    section = tree_of(report).one("section", id="skipped")
    rows = section.one("tbody").find_all("tr")
    assert [r.find_all("th")[0].text() for r in rows] == [s.rule for s in report.skipped]
    assert report.skipped[0].reason in rows[0].text()


def test_ids_are_unique_and_internal_links_resolve(report: Report) -> None:
    tree = tree_of(report, RenderContext(claims=tuple(sample_claims().values())))
    ids = [n.attrs["id"] for n in tree.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    targets = {n.attrs["href"][1:] for n in tree.find_all("a") if n.attrs["href"][:1] == "#"}
    assert targets and targets <= set(ids)
    referenced = {n.attrs[a] for n in tree.iter() for a in ("aria-labelledby",) if a in n.attrs}
    assert referenced <= set(ids)


def test_rendering_is_deterministic(report: Report) -> None:
    assert render(report, RenderContext()) == render(report, RenderContext())


def test_rule_descriptions_add_a_column_only_when_given(report: Report) -> None:
    def header(context: RenderContext) -> list[str]:
        summary = tree_of(report, context).one("section", id="summary")
        return [th.text() for th in summary.find_all("table")[0].one("thead").find_all("th")]

    assert "Description" not in header(RenderContext())
    described = RenderContext(rule_descriptions=(("toll_plausible", "Tolls <b>stay</b> sane"),))
    assert header(described)[-1] == "Description"
    summary = tree_of(report, described).one("section", id="summary")
    assert "Tolls <b>stay</b> sane" in summary.text() and summary.find_all("b") == []


def test_a_finding_card_shows_its_groups_the_band_and_the_pairs(report: Report) -> None:
    first = report.findings[0]
    item = tree_of(report).one("li", id="v1")
    assert item.attrs["data-kind"] == first.kind.value
    labels = [h.text() for h in item.find_all("h4", class_="group-label")]
    assert labels == ["Odd one out (1 claim)", "Against, nearest first (1 claim)"]
    strip = item.one("svg", class_="strip")
    assert len(strip.find_all("rect", class_="band")) == 1  # the range it is cited against
    assert f"Covers {first.pairs} pairwise violation" in item.text()


def test_claims_not_cited_in_full_are_counted(report: Report) -> None:
    first = report.findings[0]
    wider = first.cited[1].model_copy(update={"total": 12})
    more = first.model_copy(update={"cited": (first.cited[0], wider)})
    item = tree_of(report.model_copy(update={"findings": (more,)})).one("li", id="v1")
    assert "Against, nearest first (12 claims)" in item.text()
    assert "… and 11 more, not cited in full" in item.one("p", class_="more").text()
