"""Strategies for documents and the claims read from them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hypothesis import strategies as st

from crosscheck.dsl.ast import RuleSet
from crosscheck.interval import Interval, format_number
from crosscheck.model import AsOf, Claim, Document
from crosscheck.testing.values import amounts

SOURCES = ("Harbor Ledger", "Meridian Wire", "Pacific Dispatch")
FIRST_DAY = dt.date(2024, 12, 1)
_GAP = 100  # characters between two claims of a document: positions stay distinct


@st.composite
def documents(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 4,
    sources: Sequence[str] = SOURCES,
    days: int = 30,
    undated: bool = True,
) -> list[Document]:
    """Articles (empty texts) with distinct paths, drawn sources, and dates within
    ``days`` days of each other (or none, when ``undated``)."""
    count = draw(st.integers(min_size, max_size))
    result = []
    for index in range(count):
        date = None
        if not undated or draw(st.integers(0, 4)) > 0:
            date = FIRST_DAY + dt.timedelta(days=draw(st.integers(0, days)))
        source = draw(st.sampled_from(list(sources)))
        result.append(Document(path=f"doc{index}.md", text="", source=source, date=date))
    return result


@dataclass(frozen=True)
class Stated:
    """What one claim says before it is placed in its document: the measure, the
    interval (in the measure's unit), the article, and optionally its own date."""

    measure: str
    interval: Interval
    document: Document
    date: dt.date | None = None
    text: str | None = None
    hedge: str | None = None
    origin: str | None = None
    as_of: AsOf | None = None

    @property
    def day(self) -> dt.date | None:
        """The claim's date: its own, else its document's."""
        return self.date or self.document.date


def describe(interval: Interval) -> str:
    """How an article might have put an interval ("1,100", "more than 3,000", ...)."""
    low = None if interval.low is None else format_number(interval.low)
    high = None if interval.high is None else format_number(interval.high)
    if interval.is_point:
        return str(low)
    if high is None:
        return f"more than {low}" if not interval.low_closed else f"at least {low}"
    if interval.low == 0 and interval.low_closed:
        return f"up to {high}" if interval.high_closed else f"under {high}"
    if interval.low_closed and interval.high_closed:
        return f"{low} to {high}"
    return str(interval)


def place(ruleset: RuleSet, stated: Iterable[Stated]) -> list[Claim]:
    """Claims of ``stated``, in its order, each at its own position in its document."""
    taken: dict[str, int] = defaultdict(int)
    claims = []
    for item in stated:
        doc = item.document
        position = taken[doc.path]
        taken[doc.path] += 1
        text = item.text or describe(item.interval)
        start = position * _GAP
        measure = ruleset.measures[item.measure]
        claims.append(
            Claim(
                measure=item.measure,
                subject=measure.subject,
                interval=item.interval,
                unit=ruleset.unit_of(item.measure),
                stated=text,
                hedge=item.hedge,
                document=doc.path,
                source=doc.source,
                date=item.day,
                start=start,
                end=start + len(text),
                line=position + 1,
                column=1,
                url=doc.url,
                origin=item.origin,
                as_of=item.as_of,
            )
        )
    return claims


@st.composite
def claims(
    draw: st.DrawFn,
    ruleset: RuleSet,
    measure: str,
    *,
    docs: st.SearchStrategy[list[Document]] | None = None,
    values: st.SearchStrategy[Interval] | None = None,
    min_size: int = 0,
    max_size: int = 5,
) -> list[Claim]:
    """Claims of one measure of ``ruleset`` (intervals in its unit, ``amounts()`` by
    default), spread over drawn documents with their sources and dates."""
    return draw(
        claim_sets(
            ruleset,
            measures=[measure],
            docs=docs,
            values=values,
            min_size=min_size,
            max_size=max_size,
        )
    )


@st.composite
def claim_sets(
    draw: st.DrawFn,
    ruleset: RuleSet,
    *,
    measures: Sequence[str] | None = None,
    docs: st.SearchStrategy[list[Document]] | None = None,
    values: st.SearchStrategy[Interval] | None = None,
    min_size: int = 0,
    max_size: int = 8,
    repeats: bool = False,
) -> list[Claim]:
    """Claims of the given measures (default: all of ``ruleset``'s) in any mix,
    spread over drawn documents; each claim at a distinct position.

    With ``repeats``, a claim may repeat an earlier one in another document: the same
    measure, interval, origin and time (one reading printed by several outlets).
    """
    names = list(measures if measures is not None else ruleset.measures)
    if not names:
        return []
    pool = draw(docs if docs is not None else documents())
    values = values if values is not None else amounts(10_000)
    count = draw(st.integers(min_size, max_size))
    stated: list[Stated] = []
    for _ in range(count):
        doc = draw(st.sampled_from(pool))
        if repeats and stated and draw(st.integers(0, 2)) == 0:
            stated.append(repeated(draw(st.sampled_from(stated)), doc))
            continue
        origin, as_of = draw(provenances(ruleset, doc.date))
        measure = draw(st.sampled_from(names))
        stated.append(Stated(measure, draw(values), doc, origin=origin, as_of=as_of))
    return place(ruleset, stated)


def repeated(earlier: Stated, document: Document) -> Stated:
    """``earlier``'s figure as ``document`` prints it: the same measure, interval, origin
    and days (its own date, when ``earlier`` has no as-of, becomes the as-of)."""
    as_of = earlier.as_of
    if as_of is None and earlier.day is not None:
        as_of = AsOf(start=earlier.day, end=earlier.day)
    day = document.date if as_of is not None else earlier.day
    return Stated(
        earlier.measure, earlier.interval, document, day, origin=earlier.origin, as_of=as_of
    )


@st.composite
def provenances(
    draw: st.DrawFn, ruleset: RuleSet, day: dt.date | None
) -> tuple[str | None, AsOf | None]:
    """An origin of ``ruleset`` (or none) and the days a figure held: mostly the
    article's day, sometimes a span of days before it, or some day up to it."""
    origin = draw(st.none() | st.sampled_from(list(ruleset.origins))) if ruleset.origins else None
    if day is None:
        return origin, None
    shape = draw(st.integers(0, 5))
    if shape == 0:
        return origin, AsOf(start=None, end=day)
    if shape == 1:
        back = dt.timedelta(days=draw(st.integers(0, 6)))
        return origin, AsOf(
            start=day - back - dt.timedelta(days=draw(st.integers(0, 6))), end=day - back
        )
    return origin, AsOf(start=day, end=day)
