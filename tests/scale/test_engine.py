"""The Dask engine on a real local cluster of 2 worker processes: its findings are the
single-process run's, on the sample corpus and on generated claim sets."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claim_factory import make_claim
from crosscheck.api import check
from crosscheck.cli.main import main
from crosscheck.evaluate import evaluate
from crosscheck.load.articles import iter_documents
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim
from crosscheck.scale import check_frame
from crosscheck.scale.api import GroupTooLarge, evaluate_frame
from crosscheck.scale.extract import article_document
from crosscheck.scale.frames import claims_frame
from crosscheck.scale.workers import ship
from crosscheck.testing import claim_sets, documents

ROOT = Path(__file__).resolve().parents[2]
CORPUS, RULES_DIR = ROOT / "corpus", ROOT / "rules"
RULES = load_rules(RULES_DIR)
# More scopes and windows than the sample rules have, over the same measures.
EXTRA = """
rule killed_under_casualties_soon: killed <= casualties across sources within 3 days
rule deployed_per_source: deployed agree within 5% per source
rule killed_per_document: killed agree within 20% per document
rule deployed_per_origin_week: deployed agree within 10% per origin within 2 days
rule casualties_grow_within_days: casualties nondecreasing over time within 4 days
"""


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def wider_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules")
    shutil.copy(RULES_DIR / "nk_deployment.rules", folder / "nk_deployment.rules")
    with (folder / "nk_deployment.rules").open("a", encoding="utf-8") as handle:
        handle.write(EXTRA)
    return folder


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", *args, "--format", "json", "--no-cache"])
    return code, capsys.readouterr().out


def test_cli_on_the_sample_corpus_reports_what_one_process_reports(
    client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = client.scheduler.address
    rules = ["--rules", str(RULES_DIR)]
    alone = _json([str(CORPUS), *rules], capsys)
    assert alone[0] == 1 and '"findings"' in alone[1]
    on_dask = _json([str(CORPUS), *rules, "--engine", "dask", "--scheduler", address], capsys)
    assert on_dask == alone
    claims = tmp_path / "claims.parquet"
    main(["extract", str(CORPUS), *rules, "--format", "parquet", "-o", str(claims), "--no-cache"])
    capsys.readouterr()
    from_parquet = _json(["--claims", str(claims), *rules, "--engine", "dask",
                          "--scheduler", address], capsys)  # fmt: skip
    assert from_parquet == alone


def test_a_table_of_articles_gives_the_findings_of_one_process(
    client: Client, wider_rules: Path
) -> None:
    docs = [d for d in iter_documents([CORPUS]) if not isinstance(d, Exception)]
    rows = [(d.path, d.text, d.source, d.date, d.url, d.title) for d in docs]
    table = pd.DataFrame(rows, columns=["path", "text", "source", "date", "url", "title"])
    found = check_frame(dd.from_pandas(table, npartitions=3), wider_rules)
    # A row is a document of its own: its text's lines count from 1 (no front matter).
    expected = check([article_document(row) for row in table.to_dict("records")], rules=wider_rules)
    assert found["finding"].tolist() == list(expected.findings)
    assert len(found) >= 4


_SETTINGS = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))


@_SETTINGS
@given(data=st.data())
def test_generated_claim_sets_give_the_findings_of_one_process(
    client: Client, wider_rules: Path, data: st.DataObject
) -> None:
    ruleset = load_rules(wider_rules)
    pool = documents(min_size=3, max_size=12, days=40)
    drawn: list[Claim] = data.draw(claim_sets(ruleset, docs=pool, max_size=60, repeats=True))
    places = st.sampled_from([None, None, "Nepal", " nepal", "Bhutan"])
    claims = [
        c.model_copy(update={"part": data.draw(places), "place": data.draw(places)}) for c in drawn
    ]  # places some claim counts as parts are parts everywhere (evaluate.places)
    parts = data.draw(st.integers(1, 4))
    frame = dd.from_pandas(claims_frame(claims), npartitions=parts)
    spread = evaluate_frame(frame, ruleset, bucket_days=data.draw(st.integers(1, 9)))
    alone = evaluate(ruleset, claims)
    assert spread.findings == alone.findings
    assert spread.skipped == alone.skipped
    assert spread.problems == ()


def test_one_reading_in_two_documents_is_one_finding_of_a_per_document_sum(
    client: Client,
) -> None:
    # parts_add_up is a sum per document; its findings group the violations of one
    # reading (who, when, values), and one outlet gave the same casualty figure in two
    # documents: one finding citing both, as in one process (a case CI found).
    same = {"source": "Harbor Ledger", "date": "2025-01-10", "subject": "nk_troops"}
    claims = [
        make_claim("casualties", document=f"doc{n}.md", low=734, high=1439, start=0, **same)
        for n in (1, 2)
    ]
    claims += [
        make_claim("killed", document=f"doc{n}.md", low=4059, start=100, **same) for n in (1, 2)
    ]
    claims += [
        make_claim("wounded", document=f"doc{n}.md", low=0, high=high, start=200, **same)
        for n, high in ((1, 179), (2, 740))
    ]
    frame = dd.from_pandas(claims_frame(claims), npartitions=2)
    spread = evaluate_frame(frame, RULES)
    alone = evaluate(RULES, claims)
    assert [f.rule for f in alone.findings].count("parts_add_up") == 1
    assert spread.findings == alone.findings


def test_a_group_too_large_is_reported_by_rule_and_size(client: Client) -> None:
    claims = list(check([CORPUS], rules=RULES_DIR).findings[0].claims)  # 3 claims
    frame = dd.from_pandas(claims_frame(claims * 3), npartitions=2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_frame(frame, RULES, max_group=5)
    said = [str(w.message) for w in caught if w.category is GroupTooLarge]
    assert said == [
        "rule death_tolls_agree: a group of 6 claims (more than 5) was evaluated by one "
        "worker: one time bucket of 56 days, as far as its window of 7 days lets it be split",
        "rule deaths_not_negative: a group of 6 claims (more than 5) was evaluated by one "
        "worker: the rule compares all its claims with each other (no `per` scope, no day "
        "window)",
        "rule deaths_within_casualties: a group of 9 claims (more than 5) was evaluated by "
        "one worker: the rule compares all its claims with each other (no `per` scope, no day "
        "window)",
        "rule parts_add_up: a group of 9 claims (more than 5) was evaluated by one worker: "
        "the rule compares the claims of one document with each other",
    ]


def test_each_worker_builds_the_extractor_once(client: Client) -> None:
    docs = [d for d in iter_documents([CORPUS]) if not isinstance(d, Exception)]
    table = pd.DataFrame({"path": [d.path for d in docs], "text": [d.text for d in docs]})
    for _ in range(2):
        check_frame(dd.from_pandas(table, npartitions=6), RULES)
    key = ship(RULES).key
    builds = client.run(_builds_of, key)
    assert sorted(builds.values()) <= [1, 1] and sum(builds.values()) >= 1


def _builds_of(key: str) -> int:
    from crosscheck.scale.workers import builds

    return builds(key)
