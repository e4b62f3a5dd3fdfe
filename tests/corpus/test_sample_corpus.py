"""The sample corpus loads cleanly and its gold annotation is complete and consistent.

The gold file (tests/gold/corpus_gold.yaml) is what extraction is measured
against, so it is checked here against the articles themselves: every stated
amount is where the gold file says, every digit in an article is annotated, and
the figures produce the intended findings (one real contradiction, troop
estimates that agree).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml

from crosscheck.interval import Interval, Truth, at_most
from crosscheck.load.articles import LoadError, iter_documents
from crosscheck.model import Document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold" / "corpus_gold.yaml"
RULES = ROOT / "rules" / "nk_deployment.rules"
MEASURES = {
    "deployed", "killed", "wounded", "casualties",
    "launcher_caliber", "artillery_caliber", "missiles_launched",
}  # fmt: skip


@pytest.fixture(scope="module")
def docs(monkeypatch_module: pytest.MonkeyPatch) -> dict[str, Document]:
    monkeypatch_module.chdir(ROOT)  # paths as `crosscheck check corpus` reports them
    items = list(iter_documents([Path("corpus")]))
    assert [item.render() for item in items if isinstance(item, LoadError)] == []
    return {item.path: item for item in items if isinstance(item, Document)}


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert set(data) == {"claims", "not_claims"}
    return data  # type: ignore[no-any-return]


def _interval(entry: dict[str, Any]) -> Interval:
    low = None if entry["low"] is None else Fraction(entry["low"])
    high = None if entry["high"] is None else Fraction(entry["high"])
    return Interval(low, high, entry.get("low_inclusive", True), entry.get("high_inclusive", True))


def _file_line(entry: dict[str, Any]) -> str:
    lines = (ROOT / str(entry["document"])).read_text(encoding="utf-8").split("\n")
    return lines[int(entry["line"]) - 1]


def test_corpus_loads_with_metadata_for_every_article(docs: dict[str, Document]) -> None:
    assert len(docs) >= 12
    assert "corpus/manifest.yaml" not in docs
    for doc in docs.values():
        assert doc.date is not None and doc.url and doc.title, doc.path
        assert doc.source != Path(doc.path).stem, f"{doc.path} fell back to its file name"
    assert docs["corpus/kyiv_evening_notes.txt"].source == "Steppe Courier"
    assert docs["corpus/wire_brief_seoul.md"].date == date(2024, 12, 23)
    assert len({doc.source for doc in docs.values()}) >= 10


def test_the_rule_file_declares_every_gold_measure() -> None:
    declared = set(re.findall(r"^measure (\w+)", RULES.read_text(encoding="utf-8"), re.M))
    assert declared >= MEASURES


def test_every_gold_entry_is_where_it_says(
    docs: dict[str, Document], gold: dict[str, list[dict[str, Any]]]
) -> None:
    for entry in gold["claims"] + gold["not_claims"]:
        doc = docs[entry["document"]]
        assert entry["stated"] in _file_line(entry), entry
        body_line = doc.text.split("\n")[entry["line"] - doc.line_offset - 1]
        assert entry["stated"] in body_line, entry


def test_gold_claims_are_well_formed(gold: dict[str, list[dict[str, Any]]]) -> None:
    for entry in gold["claims"]:
        assert entry["measure"] in MEASURES, entry
        interval = _interval(entry)
        assert interval.low is not None and interval.low >= 0, entry
        if entry["hedge"] is not None:
            # written with the number, or before the first number of its coordination
            line = _file_line(entry).lower()
            before = line[: line.index(entry["stated"].lower())]
            assert entry["hedge"] in entry["stated"].lower() or entry["hedge"] in before, entry


def test_every_article_has_claims_and_every_digit_is_annotated(
    docs: dict[str, Document], gold: dict[str, list[dict[str, Any]]]
) -> None:
    entries = gold["claims"] + gold["not_claims"]
    assert {entry["document"] for entry in gold["claims"]} == set(docs)
    for path, doc in docs.items():
        for number, text in enumerate(doc.text.split("\n"), start=doc.line_offset + 1):
            stated = [e["stated"] for e in entries if e["document"] == path and e["line"] == number]
            covered = {i for s in stated for m in re.finditer(re.escape(s), text)
                       for i in range(m.start(), m.end())}  # fmt: skip
            for digits in re.finditer(r"\d+(?:,\d{3})*", text):
                assert digits.start() in covered, f"{path}:{number}: {digits.group()} not annotated"


def _claims(gold: dict[str, list[dict[str, Any]]], measure: str) -> list[dict[str, Any]]:
    return [entry for entry in gold["claims"] if entry["measure"] == measure]


def _cannot_agree(a: Interval, b: Interval, percent: int) -> bool:
    """Whether a and b differ by more than percent% (of the larger) for every choice."""
    keep = Fraction(100 - percent, 100)
    return (
        at_most(a.scale(keep) - b, 0) is Truth.FAILS or at_most(b.scale(keep) - a, 0) is Truth.FAILS
    )


def test_troop_estimates_all_agree_within_15_percent(
    gold: dict[str, list[dict[str, Any]]],
) -> None:
    deployed = _claims(gold, "deployed")
    assert len(deployed) >= 10
    for a, b in combinations(deployed, 2):
        assert not _cannot_agree(_interval(a), _interval(b), 15), (a["stated"], b["stated"])


def test_the_real_contradiction_is_killed_1100_against_100_deaths(
    docs: dict[str, Document], gold: dict[str, list[dict[str, Any]]]
) -> None:
    killed = _claims(gold, "killed")
    failing = {
        tuple(sorted((a["stated"], b["stated"])))
        for a, b in combinations(killed, 2)
        if docs[a["document"]].date == docs[b["document"]].date
        and _cannot_agree(_interval(a), _interval(b), 50)
    }
    assert failing == {("Over 1,000", "around 100"), ("approximately 1,100", "around 100")}


def test_one_launcher_caliber_and_one_artillery_caliber(
    gold: dict[str, list[dict[str, Any]]],
) -> None:
    assert {_interval(e) for e in _claims(gold, "launcher_caliber")} == {Interval.point(240)}
    assert {_interval(e) for e in _claims(gold, "artillery_caliber")} == {Interval.point(170)}
    spellings = {e["stated"] for e in _claims(gold, "launcher_caliber")}
    assert {"240 millimeter", "240mm"} <= spellings


def _seed_texts() -> list[str]:
    for folder in (Path("/work/shared/seeds"), ROOT.parent / "shared" / "seeds"):
        if folder.is_dir():
            return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return []


def test_no_sentence_is_copied_from_the_seeds(docs: dict[str, Document]) -> None:
    seeds = _seed_texts()
    if not seeds:
        pytest.skip("seed articles are not available here")

    def windows(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[\w,']+", text.lower())
        return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}

    seen = set().union(*(windows(seed) for seed in seeds))
    for doc in docs.values():
        copied = windows(doc.text) & seen
        assert not copied, f"{doc.path} repeats seed wording: {' '.join(sorted(copied)[0])}"
