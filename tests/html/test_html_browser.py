"""The HTML report in a real headless Chromium, driven by Playwright.

Needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium) and the Python
package playwright, a test dependency (its own browser download, `playwright install`, is
not used). Skipped, saying so, when there is no Chromium.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_builders import HOSTILE, sample_claims
from playwright import sync_api

from crosscheck.model import Report, Severity
from crosscheck.report import RenderContext
from crosscheck.report.html.page import render

# Another Chromium can be named with CROSSCHECK_CHROMIUM (e.g. on a developer's machine).
CHROMIUM = Path(os.environ.get("CROSSCHECK_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found (install: apt-get install -y chromium)", allow_module_level=True
    )

# Without the background-networking flags Chromium keeps dialling out and this
# machine's closed network refuses it; --no-sandbox because CI runs as root.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Opened:
    """A page showing a rendered report, and every error the page reported."""

    def __init__(self, page: sync_api.Page) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        # Any request the report makes would be an external load; file:// of itself aside.
        self.requests: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))


def open_report(
    browser: sync_api.Browser,
    tmp_path: Path,
    report: Report,
    context: RenderContext,
    width: int = 1200,
) -> Opened:
    target = tmp_path / "report.html"
    target.write_text(render(report, context), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    opened = Opened(page)
    page.goto(target.as_uri())
    assert opened.requests == [target.as_uri()]
    return opened


def visible_violations(page: sync_api.Page) -> list[str]:
    return page.eval_on_selector_all(
        "#violation-list > li", "items => items.filter(i => !i.hidden).map(i => i.id)"
    )


def tab_to(page: sync_api.Page, selector: str, limit: int = 80) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_report_renders_and_filters_by_keyboard(
    browser: sync_api.Browser, tmp_path: Path, report: Report
) -> None:
    context = RenderContext(claims=tuple(sample_claims().values()))
    opened = open_report(browser, tmp_path, report, context)
    page = opened.page
    ids = [f"v{i}" for i in range(1, len(report.findings) + 1)]
    assert visible_violations(page) == ids
    for index, violation in enumerate(report.findings, start=1):
        assert page.locator(f"#v{index} h3").inner_text() == violation.message
    measures = sorted({c.measure for v in report.findings for c in v.claims})
    for measure in measures:
        chart = page.locator(f"figure[data-measure='{measure}'] svg.chart-svg")
        assert chart.is_visible() and chart.bounding_box()["height"] > 100  # type: ignore[index]
    assert page.locator("figure.chart").count() == len(measures)
    assert page.locator("#filters").is_visible()  # the script ran under the policy

    tab_to(page, "input[name='severity'][value='error']")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Space")
    errors = {f"v{i}" for i, v in enumerate(report.findings, 1) if v.severity is Severity.ERROR}
    assert errors and visible_violations(page) == [i for i in ids if i not in errors]
    assert page.locator("#filter-status").inner_text() == (
        f"Showing {len(ids) - len(errors)} of {len(ids)} findings"
    )
    tab_to(page, "input[name='rule'][value='casualties_agree']")
    page.keyboard.press("Space")
    assert visible_violations(page) == ["v4"]
    tab_to(page, "#filter-reset")
    page.keyboard.press("Enter")
    assert visible_violations(page) == ids

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert opened.errors == []


def test_narrow_screen_has_no_page_wide_horizontal_scroll(
    browser: sync_api.Browser, tmp_path: Path, report: Report
) -> None:
    page = open_report(browser, tmp_path, report, RenderContext(), width=360).page
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_article_script_does_not_run_and_is_shown_as_text(
    browser: sync_api.Browser, tmp_path: Path, hostile: Report
) -> None:
    opened = open_report(browser, tmp_path, hostile, RenderContext())
    page = opened.page
    page.wait_for_timeout(200)  # give an onerror handler, were there one, time to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    sentence = page.locator("#v1 blockquote.sentence").first.inner_text()
    assert HOSTILE in sentence
    assert HOSTILE in page.locator("#v1 h3").inner_text()
    assert opened.errors == []


def test_the_policy_blocks_a_script_the_report_did_not_ship(
    browser: sync_api.Browser, tmp_path: Path, report: Report
) -> None:
    page = open_report(browser, tmp_path, report, RenderContext()).page
    with pytest.raises(sync_api.Error, match="Content Security Policy"):
        page.add_script_tag(content="window.__injected = 1")
    assert page.evaluate("typeof window.__injected") == "undefined"


ROOT = Path(__file__).resolve().parents[2]


def cli_report(tmp_path: Path, corpus: Path) -> Path:
    """`crosscheck check CORPUS --format html -o report.html`, as a user runs it."""
    from crosscheck.cli.main import main

    target = tmp_path / "report.html"
    rules = str(ROOT / "rules")
    code = main(
        [
            "check",
            str(corpus),
            "--rules",
            rules,
            "--format",
            "html",
            "-o",
            str(target),
            "--no-cache",
            "--jobs",
            "1",
        ]
    )
    assert code in (0, 1)
    return target


def test_sample_corpus_report_in_the_browser(browser: sync_api.Browser, tmp_path: Path) -> None:
    import json

    from crosscheck.cli.main import main

    target = cli_report(tmp_path, ROOT / "corpus")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    opened = Opened(page)
    page.goto(target.as_uri())
    assert opened.requests == [target.as_uri()]
    json_out = tmp_path / "report.json"
    main(
        [
            "check",
            str(ROOT / "corpus"),
            "--rules",
            str(ROOT / "rules"),
            "--format",
            "json",
            "-o",
            str(json_out),
            "--no-cache",
            "--jobs",
            "1",
        ]
    )
    violations = json.loads(json_out.read_text(encoding="utf-8"))["findings"]
    assert violations, "the sample corpus holds a real contradiction"
    ids = [f"v{i}" for i in range(1, len(violations) + 1)]
    assert visible_violations(page) == ids
    for index, violation in enumerate(violations, start=1):
        assert violation["rule"] in page.locator(f"#v{index}").inner_text()
    cited = [c for v in violations for group in v["cited"] for c in group["claims"]]
    for measure in sorted({c["measure"] for c in cited}):
        assert page.locator(f"figure[data-measure='{measure}'] svg.chart-svg").is_visible()
    first_rule = violations[0]["rule"]
    others = sorted({v["rule"] for v in violations} - {first_rule})
    for rule in others:
        page.locator(f"input[name='rule'][value='{rule}']").uncheck()
    expected = [i for i, v in zip(ids, violations, strict=True) if v["rule"] == first_rule]
    assert visible_violations(page) == expected
    shot = Path(os.environ.get("CROSSCHECK_SCREENSHOT", tmp_path / "sample.png"))
    page.locator("#filter-reset").click()
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert opened.errors == []


def test_hostile_article_through_the_cli_does_not_run(
    browser: sync_api.Browser, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (
        "2024-12-23_newsweek_more-troops.md",
        "2024-12-23_harbor-ledger_spy-agency-toll.md",
    ):
        text = (ROOT / "corpus" / name).read_text(encoding="utf-8")
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "hostile.md").write_text(
        "---\nsource: <b>Evil</b> Outlet\ndate: 2024-12-23\n---\n"
        "Officials said around 50 North Korean soldiers have been killed "
        '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">.\n',
        encoding="utf-8",
    )
    target = cli_report(tmp_path, corpus)
    page = browser.new_page()
    opened = Opened(page)
    page.goto(target.as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert "<script>window.__pwned=1</script>" in page.locator("body").inner_text()
    assert opened.errors == []
