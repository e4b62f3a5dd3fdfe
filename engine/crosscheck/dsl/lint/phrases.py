"""Lint checks of declarations: unused measures and subjects, and phrase lists.

Phrases are compared the way the extractor matches them (case, white space,
apostrophes and hyphens aside: ``phrase_key``). Where phrases of two measures
overlap, the extractor takes the longest phrase, so "killed or wounded" of
``casualties`` deliberately shadows "killed" of ``killed``; that is only a
problem when the longer phrase belongs to measures of another dimension.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from crosscheck.dsl import ast
from crosscheck.dsl.ast import measures_named
from crosscheck.dsl.lint.context import Fix, Found, LintContext, quoted
from crosscheck.text.phrases import phrase_key

_PhraseList = tuple[ast.Subject | ast.Measure, str | None, tuple[str, ...]]


def unused_measures(ctx: LintContext) -> Iterator[Found]:
    """A measure no rule names: its claims are extracted and never checked.

    PASS::

        measure killed: count
        rule few: killed <= 100

    FAIL::

        measure killed: count
        measure wounded: count
        rule few: killed <= 100
    """
    used = {ref.name for rule in ctx.ruleset.rules for ref in measures_named(rule.body)}
    for measure in ctx.ruleset.measures.values():
        if measure.name not in used:
            yield Found(
                measure.span,
                f"measure `{measure.name}` is never used by a rule",
                "write a rule that names it, or delete it",
                _deletion(ctx, measure, f"Delete measure `{measure.name}`"),
            )


def unused_subjects(ctx: LintContext) -> Iterator[Found]:
    """A subject no measure names.

    PASS::

        subject troops = "troops"
        measure killed: count of troops

    FAIL::

        subject troops = "troops"
        measure killed: count
    """
    used = {measure.subject for measure in ctx.ruleset.measures.values()}
    for subject in ctx.ruleset.subjects.values():
        if subject.name not in used:
            yield Found(
                subject.span,
                f"subject `{subject.name}` is never used by a measure",
                f"name it in a measure (`measure NAME: count of {subject.name}`) or delete it",
                _deletion(ctx, subject, f"Delete subject `{subject.name}`"),
            )


def _deletion(ctx: LintContext, statement: ast.Statement, title: str) -> Fix | None:
    edit = ctx.statement_removal(statement)
    return None if edit is None else Fix(title, (edit,))


def _phrase_lists(ctx: LintContext) -> Iterator[_PhraseList]:
    for subject in ctx.ruleset.subjects.values():
        yield subject, None, subject.phrases
    for measure in ctx.ruleset.measures.values():
        yield measure, "when", measure.when
        yield measure, "unless", measure.unless


def _list_name(owner: ast.Subject | ast.Measure, clause: str | None) -> str:
    if clause is None:
        return f"phrases of subject `{owner.name}`"
    return f"`{clause}` phrases of measure `{owner.name}`"


def repeated_phrases(ctx: LintContext) -> Iterator[Found]:
    """A phrase listed twice in one list (also spelt differently: "Self-propelled").

    PASS::

        measure killed: count
            when "killed" | "died"

    FAIL::

        measure killed: count
            when "killed" | "died" | "Killed"
    """
    for owner, clause, phrases in _phrase_lists(ctx):
        first: dict[str, str] = {}
        for index, phrase in enumerate(phrases):
            key = phrase_key(phrase)
            if key in first:
                spelt = "" if first[key] == phrase else f" (as {quoted(first[key])})"
                span = ctx.phrase_span(owner, clause, index)
                edit = ctx.phrase_removal(span)
                yield Found(
                    span,
                    f"{quoted(phrase)} is listed twice in the {_list_name(owner, clause)}{spelt}",
                    "delete one of them",
                    None if edit is None else Fix(f"Delete the repeated {quoted(phrase)}", (edit,)),
                )
            first.setdefault(key, phrase)


def shared_phrases(ctx: LintContext) -> Iterator[Found]:
    """A `when` phrase of two measures of one dimension and subject: the first one takes it.

    PASS::

        subject soldiers = "soldiers"
        subject civilians = "civilians"
        measure killed: count of soldiers
            when "deaths"
        measure civilians_killed: count of civilians
            when "deaths"

    FAIL::

        measure killed: count
            when "killed" | "deaths"
        measure dead: count
            when "deaths"
    """
    owners: dict[tuple[str, str, str | None], ast.Measure] = {}
    for measure in ctx.ruleset.measures.values():
        for index, phrase in enumerate(measure.when):
            key = (phrase_key(phrase), ctx.dimension(measure.name), measure.subject)
            first = owners.setdefault(key, measure)
            if first.name != measure.name:
                yield Found(
                    ctx.phrase_span(measure, "when", index),
                    f"{quoted(phrase)} is also a `when` phrase of `{first.name}` "
                    f"({first.span}), which is declared first and takes every number "
                    "the phrase pairs with",
                    "keep the phrase in one measure, or give the measures different subjects",
                )


def conflicting_phrases(ctx: LintContext) -> Iterator[Found]:
    """A phrase that is both a `when` and an `unless` phrase of one measure.

    PASS::

        measure killed: count
            when "killed"
            unless "wounded"

    FAIL::

        measure killed: count
            when "killed" | "wounded"
            unless "wounded"
    """
    for measure in ctx.ruleset.measures.values():
        wanted = {phrase_key(phrase) for phrase in measure.when}
        for index, phrase in enumerate(measure.unless):
            if phrase_key(phrase) in wanted:
                yield Found(
                    ctx.phrase_span(measure, "unless", index),
                    f"{quoted(phrase)} is both a `when` and an `unless` phrase of `{measure.name}`",
                    "a number it pairs with is dropped whenever the phrase occurs twice "
                    "in a sentence; keep it in one of the lists",
                )


def shadowed_phrases(ctx: LintContext) -> Iterator[Found]:
    """A `when` phrase inside a longer `when` phrase that only measures of another dimension own.

    The extractor takes the longest phrase, so where the longer one stands no
    number of the shorter phrase's dimension finds a phrase.

    PASS::

        measure killed: count
            when "killed"
        measure casualties: count
            when "killed or wounded"

    FAIL::

        measure caliber: length
            when "rocket launchers"
        measure launchers: count
            when "multiple rocket launchers"
    """
    owners: dict[str, list[ast.Measure]] = {}
    for measure in ctx.ruleset.measures.values():
        for phrase in measure.when:
            owners.setdefault(phrase_key(phrase), []).append(measure)
    for measure in ctx.ruleset.measures.values():
        dimension = ctx.dimension(measure.name)
        for index, phrase in enumerate(measure.when):
            longer = _longer_of_other_dimension(ctx, phrase_key(phrase), dimension, owners)
            if longer is not None:
                text, other = longer
                yield Found(
                    ctx.phrase_span(measure, "when", index),
                    f"{quoted(phrase)} of `{measure.name}` lies inside {quoted(text)} of "
                    f"`{other.name}`, a measure of another dimension; where the longer "
                    f"phrase stands, no number binds to `{measure.name}`",
                    f"add {quoted(text)} to the `when` phrases of `{measure.name}` too",
                )


def _longer_of_other_dimension(
    ctx: LintContext, key: str, dimension: str, owners: dict[str, list[ast.Measure]]
) -> tuple[str, ast.Measure] | None:
    inside = re.compile(r"(?<![a-z0-9])" + re.escape(key) + r"(?![a-z0-9])")
    for longer, measures in owners.items():
        if longer == key or not inside.search(longer):
            continue
        if all(ctx.dimension(m.name) != dimension for m in measures):
            first = measures[0]
            spelt = next(p for p in first.when if phrase_key(p) == longer)
            return spelt, first
    return None
