"""Helpers for extraction tests: a rule set built straight from AST nodes, documents."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.ast import Measure, RuleSet, Subject
from crosscheck.extract import Extractor
from crosscheck.model import Claim, Document


def troop_ruleset() -> RuleSet:
    """The measures of the sample rule file, written out as AST nodes."""
    subjects = {
        "nk_troops": Subject(
            "nk_troops", ("North Korean troops", "North Korean soldiers", "DPRK forces")
        )
    }
    measures = [
        Measure(
            "deployed",
            "count",
            subject="nk_troops",
            when=("deployed", "sent", "stationed"),
            unless=("border",),
        ),
        Measure(
            "killed",
            "count",
            subject="nk_troops",
            cumulative=True,
            when=("killed", "died", "deaths"),
            unless=("wounded", "injured"),
        ),
        Measure(
            "wounded",
            "count",
            subject="nk_troops",
            cumulative=True,
            when=("wounded", "injured", "injuries"),
        ),
        Measure(
            "casualties",
            "count",
            subject="nk_troops",
            cumulative=True,
            when=("casualties", "killed or wounded", "killed or injured", "losses"),
        ),
        Measure(
            "launcher_caliber", "length", unit="mm", when=("rocket launchers", "salvo launchers")
        ),
        Measure(
            "artillery_caliber", "length", unit="mm", when=("self-propelled artillery", "howitzers")
        ),
        Measure("missiles_launched", "count", when=("ballistic missiles",)),
    ]
    return RuleSet(
        subjects=subjects,
        measures={m.name: m for m in measures},
        rules=(),
        hedges={"approximately": Fraction(1, 10)},
        vague={"several hundred": (Fraction(200), Fraction(900))},
    )


def doc(
    text: str, path: str = "t.txt", line_offset: int = 0, date: dt.date | None = None
) -> Document:
    """A document around ``text``."""
    return Document(path=path, text=text, source="Test Wire", line_offset=line_offset, date=date)


def said(claim: Claim) -> list[str]:
    """A claim as the YAML cases write it: [measure, stated], and its part when it has one."""
    return [claim.measure, claim.stated] + ([claim.part] if claim.part is not None else [])


def extractor_for(rules: str, name: str = "test.rules") -> Extractor:
    """An extractor for a rule file a test writes out."""
    return Extractor(build_ruleset([parse(rules, name)]))


def measured(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    """Each claim ``extractor`` finds in ``text``, as (measure, stated)."""
    return [(c.measure, c.stated) for c in extractor.claims(doc(text))]
