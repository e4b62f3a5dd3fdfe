"""Lint checks of origins: declared and never compared, or named by another's phrase."""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.dsl.ast import Origin, ScopeKind
from crosscheck.dsl.lint.context import Found, LintContext
from crosscheck.text.phrases import phrase_key

_ORIGIN_SCOPES = (ScopeKind.ACROSS_ORIGINS, ScopeKind.PER_ORIGIN)


def _earlier(a: Origin, b: Origin) -> bool:
    return (a.span.path, a.span.line, a.span.column) < (b.span.path, b.span.line, b.span.column)


def unused_origins(ctx: LintContext) -> Iterator[Found]:
    """Origins declared while no rule compares by origin.

    PASS::

        origin kyiv = "Kyiv"
        measure killed: count
        rule tolls: killed agree within 50% across origins

    FAIL::

        origin kyiv = "Kyiv"
        measure killed: count
        rule tolls: killed agree within 50%
    """
    if any(rule.scope.kind in _ORIGIN_SCOPES for rule in ctx.ruleset.rules):
        return
    for origin in ctx.ruleset.origins.values():
        yield Found(
            origin.span,
            f"origin `{origin.name}` is never compared: no rule is `across origins` "
            "or `per origin`",
            "add `across origins` or `per origin` to a rule, or delete the origin",
        )


def overlapping_origins(ctx: LintContext) -> Iterator[Found]:
    """A phrase of one origin that another origin's phrase holds: the longer one wins, so
    the shorter origin never gets those figures.

    PASS::

        origin nis = "spy agency"
        origin kyiv = "Kyiv"

    FAIL::

        origin military = "spy agency"
        origin nis = "Seoul's spy agency"
    """
    owned = [
        (f" {phrase_key(phrase)} ", phrase, origin)
        for origin in ctx.ruleset.origins.values()
        for phrase in origin.phrases
    ]
    for key, phrase, origin in owned:
        for other_key, other_phrase, other in owned:
            if other is not origin and key != other_key and key in other_key:
                yield Found(
                    origin.span,
                    f"origin `{origin.name}`'s phrase {phrase!r} is inside origin "
                    f"`{other.name}`'s {other_phrase!r}: attributions to {other_phrase!r} "
                    f"go to `{other.name}`",
                    "make sure that is what you mean, or make the phrases distinct",
                )
            elif other is not origin and key == other_key and _earlier(origin, other):
                yield Found(
                    other.span,
                    f"origins `{origin.name}` and `{other.name}` share the phrase {phrase!r}",
                    "give each phrase to one origin",
                )
