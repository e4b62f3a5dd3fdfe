"""Every claim and decision extraction makes over the project's texts, as one file.

    python benchmarks/extract_snapshot.py OUT [--seeds DIR] [--generated-mb 1]

An exactness check for changes that must not change what extraction finds (speed work):
write a snapshot before and after and compare them (``cmp``, ``diff``). To compare a
working tree with HEAD, run this file under both with ``PYTHONPATH=<worktree>/engine``.

It extracts the development set (tests/gold/dev/*, held-out stories included, each
under its own rule file), the sample corpus under rules/, the seeds (``--seeds``,
default ../shared/seeds when present; once undated as loaded and once dated), and
``--generated-mb`` of generated text (benchmarks/generate.py) under rules/. Per document
it writes every claim of ``Extractor.claims`` (all fields, as JSON) and every decision of
``Extractor.decisions`` (what ``crosscheck explain`` shows: reason, reading, steps, and
the claim's JSON), and says if ``claims`` and the bound decisions disagree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.extract import Extractor
from crosscheck.load.articles import iter_documents
from crosscheck.load.rules import load_rules
from crosscheck.model import Document
from extract import read_documents
from generate import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def documents(folder: Path) -> list[Document]:
    """The articles under ``folder`` that load (load errors are left out)."""
    return [d for d in iter_documents([folder]) if isinstance(d, Document)]


def sets(seeds: Path | None, generated: Path | None) -> Iterator[tuple[str, Path, list[Document]]]:
    """(label, rule file or folder, documents) of each set of texts to extract."""
    for story in sorted((ROOT / "tests" / "gold" / "dev").iterdir()):
        if (story / "story.rules").is_file():
            yield story.name, story / "story.rules", documents(story / "articles")
    yield "corpus", ROOT / "rules", documents(ROOT / "corpus")
    if seeds is not None and seeds.is_dir():
        loaded = documents(seeds)
        yield "seeds", ROOT / "rules", loaded
        day = dt.date(2025, 1, 24)
        yield "seeds-dated", ROOT / "rules", [d.model_copy(update={"date": day}) for d in loaded]
    if generated is not None:
        day = dt.date(2025, 1, 24)
        generated_docs = [
            d.model_copy(update={"date": day}) for d in read_documents(str(generated))
        ]
        yield "generated", ROOT / "rules", generated_docs


def snapshot(extractor: Extractor, document: Document) -> Iterator[str]:
    """The lines of one document's snapshot."""
    yield f"## {document.path} ({document.source}, {document.date})"
    claims = extractor.claims(document)
    for claim in claims:
        yield "claim " + claim.model_dump_json()
    decisions = extractor.decisions(document)
    for decision in decisions:
        yield "decision " + decision.describe().replace("\n", "\n    ")
        if decision.claim is not None:
            yield "    claim " + decision.claim.model_dump_json()
    bound = [d.claim for d in decisions if d.claim is not None]
    if bound != claims:
        yield "!! claims() and the bound decisions differ"


def main() -> None:
    """Write the snapshot."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("out", type=Path)
    args.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args.add_argument("--generated-mb", type=float, default=1.0)
    options = args.parse_args()
    generated = None
    if options.generated_mb > 0:
        generated = options.out.with_suffix(".generated.txt")
        write_corpus(str(generated), options.generated_mb)
    with options.out.open("w", encoding="utf-8") as out:
        for label, rules, docs in sets(options.seeds, generated):
            extractor = Extractor(load_rules(rules))
            out.write(f"# {label}: {len(docs)} documents\n")
            for document in docs:
                out.write("\n".join(snapshot(extractor, document)) + "\n")
    if generated is not None:
        generated.unlink()


if __name__ == "__main__":
    main()
