"""The keys of cached results: hashes of everything a result depends on.

A key changes whenever any input of the result changes (the text and metadata of
a document, the parts of the rule set that extraction or evaluation read, the
version and files of crosscheck itself, see ``codeid``), so a cached result is
found only when it is still right.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from pydantic_core import PydanticSerializationError

from crosscheck.cache.codec import CODEC_VERSION
from crosscheck.cache.codeid import code_id
from crosscheck.dsl.ast import RuleSet
from crosscheck.load.articles import ArticleFile
from crosscheck.model import Document


def _sha256(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape"))  # a file name need not be UTF-8
        digest.update(b"\0")
    return digest.hexdigest()


def ruleset_key(ruleset: RuleSet) -> str:
    """A hash of what extraction depends on: subjects, origins, measures, phrase sets, hedge
    and vague settings."""
    parts = (
        sorted((k, repr(v)) for k, v in ruleset.subjects.items()),
        sorted((k, repr(v.phrases)) for k, v in ruleset.origins.items()),
        sorted((k, repr(v)) for k, v in ruleset.measures.items()),
        sorted((k, str(v)) for k, v in ruleset.hedges.items()),
        sorted((k, str(v)) for k, v in ruleset.vague.items()),
        sorted((k, repr(v)) for k, v in ruleset.phrase_sets.items()),
        sorted((k, repr(v)) for k, v in ruleset.hedge_words.items()),
        code_id(),
        CODEC_VERSION,
    )
    return _sha256(repr(parts))


def evaluation_key(ruleset: RuleSet, keep_undecided: bool, pairs: bool, cite: int) -> str:
    """A hash of what evaluation depends on besides the claims: the rules and their
    measures, and what the report lists (undecided relations, pairs, claims cited)."""
    listing = f"{keep_undecided}|{pairs}|{cite}"
    return _sha256(ruleset_key(ruleset), repr(ruleset.rules), listing)


def document_key(document: Document, rules_key: str) -> str:
    """The cache key of one document's claims under one rule set."""
    try:
        fields = document.model_dump_json()
    except PydanticSerializationError:  # a file name that is not UTF-8: JSON cannot hold it
        fields = repr(document.model_dump())
    return _sha256(rules_key, fields)


def file_key(article: ArticleFile, rules_key: str) -> str:
    """The cache key of one article file's document keys: its path and inherited metadata."""
    return _sha256(rules_key, article.path.as_posix(), repr(article.fallback))


def corpus_key(document_keys: Iterable[str]) -> str:
    """One hash of a corpus's document keys, in reading order."""
    digest = hashlib.sha256()
    for key in document_keys:
        digest.update(key.encode("ascii"))
    return digest.hexdigest()


def outcome_key(evaluation: str, corpus: str) -> str:
    """The cache key of a whole evaluation: these rules over this corpus's claims."""
    return _sha256(evaluation, corpus)
