"""Charts of claims by date for the HTML report: one inline SVG per measure.

A claim is a vertical bar from its low to its high end, placed at its date; an unbounded
end is an arrow to the edge of the plot. Each source has its own colour *and* marker
shape, and a claim cited in a finding has a filled marker (hollow otherwise), so no
distinction rests on colour alone. The SVG is drawn by hand rather than by a plotting
library: it stays small, deterministic, free of inline ``style`` attributes (which the
report's Content-Security-Policy forbids) and escapes article text like the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from crosscheck.interval import Interval
from crosscheck.model import Claim
from crosscheck.report.html.scales import DateScale, ValueScale, date_scale, value_scale
from crosscheck.report.html.templates.markup import Safe, h, join
from crosscheck.report.text import describe_interval

# Okabe–Ito hues, darkened where needed so each has at least 4.5:1 contrast on white.
PALETTE = ("#0072B2", "#C14F00", "#00805F", "#B03A86", "#7A5C00", "#5B4BB7", "#404040")
SHAPES = ("circle", "square", "diamond", "triangle", "triangle-down", "hexagon")
WIDTH, HEIGHT = 880, 300
STRIP_WIDTH, STRIP_LEFT, STRIP_ROW = 640, 200, 24
Point = tuple[float, float]
MARKER_R = 5.5
# Units a head count or a plain number needs no label for (as in the text report).
PLAIN_UNITS = ("item", "person", "count", "number")


@dataclass(frozen=True)
class SourceStyle:
    """How one source's claims are drawn."""

    colour: str
    shape: str


@dataclass(frozen=True)
class Plotted:
    """A claim on a chart, and whether some finding cites it."""

    claim: Claim
    violating: bool


def source_styles(sources: Iterable[str]) -> dict[str, SourceStyle]:
    """A distinct (colour, shape) per source, stable for a given set of sources."""
    # 7 colours and 6 shapes are coprime: 42 sources before any pair repeats.
    return {
        name: SourceStyle(PALETTE[i % len(PALETTE)], SHAPES[i % len(SHAPES)])
        for i, name in enumerate(sorted(set(sources)))
    }


def marker(shape: str, x: float, y: float, r: float, stroke: str, fill: str) -> Safe:
    """One marker of ``shape`` centred on (x, y)."""
    paint = {"stroke": stroke, "fill": fill, "stroke_width": "1.6"}
    if shape == "circle":
        return h("circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": f"{r:.1f}", **paint})
    points = {
        "square": [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
        "diamond": [(0, -1.25), (1.15, 0), (0, 1.25), (-1.15, 0)],
        "triangle": [(0, -1.2), (1.1, 0.85), (-1.1, 0.85)],
        "triangle-down": [(0, 1.2), (1.1, -0.85), (-1.1, -0.85)],
        "hexagon": [(1, 0), (0.5, 0.87), (-0.5, 0.87), (-1, 0), (-0.5, -0.87), (0.5, -0.87)],
    }[shape]
    coords = " ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in points)
    return h("polygon", {"points": coords, **paint})


def arrow(tip: Point, base_a: Point, base_b: Point, colour: str) -> Safe:
    """An arrowhead with its point at ``tip``: an end with no bound."""
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (tip, base_a, base_b))
    return h("polygon", {"points": coords, "fill": colour})


def claim_title(item: Plotted) -> str:
    """The tooltip of one mark."""
    c = item.claim
    when = c.date.isoformat() if c.date else "undated"
    cited = "cited in a finding" if item.violating else "not cited in a finding"
    read = describe_interval(c.interval, c.unit)
    return f'{c.source}, {when}: "{c.stated}" read as {read} ({cited})'


def seg(start: Point, end: Point, **paint: str) -> Safe:
    """A straight line between two points."""
    (x1, y1), (x2, y2) = start, end
    ends = {"x1": f"{x1:.1f}", "y1": f"{y1:.1f}", "x2": f"{x2:.1f}", "y2": f"{y2:.1f}"}
    return h("line", {**ends, **paint})


def label(x: float, y: float, text: str, cls: str, **extra: str) -> Safe:
    """A text label whose look comes from the stylesheet class ``cls``."""
    return h("text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "class": cls, **extra}, text)


def claim_mark(
    item: Plotted, pos: float, scale: ValueScale, style: SourceStyle, horizontal: bool = False
) -> Safe:
    """The bar, caps, arrows and marker of one claim, across the value axis at ``pos``."""
    iv = item.claim.interval
    inward = 1.0 if scale.bottom > scale.top else -1.0  # from the high edge into the plot
    high = scale.top if iv.high is None else scale.y(iv.high)
    low = scale.bottom if iv.low is None else scale.y(iv.low)

    def pt(along: float, across: float = 0.0) -> Point:
        return (along, pos + across) if horizontal else (pos + across, along)

    paint = {"stroke": style.colour, "stroke_width": "3" if item.violating else "2"}
    parts: list[Safe] = []
    if not iv.is_point:
        a1 = high + (8 * inward if iv.high is None else 0)
        a2 = low - (8 * inward if iv.low is None else 0)
        parts.append(seg(pt(a1), pt(a2), **paint))
        ends = ((iv.low, iv.low_closed, low), (iv.high, iv.high_closed, high))
        # A cap marks an end that belongs to the interval; an open end has none.
        caps = [a for value, closed, a in ends if value is not None and closed]
        parts += [seg(pt(a, -5), pt(a, 5), **paint) for a in caps]
    if iv.high is None:
        base = scale.top + 9 * inward
        parts.append(arrow(pt(scale.top), pt(base, -5), pt(base, 5), style.colour))
    if iv.low is None:
        base = scale.bottom - 9 * inward
        parts.append(arrow(pt(scale.bottom), pt(base, -5), pt(base, 5), style.colour))
    fill = style.colour if item.violating else "#ffffff"
    x, y = pt(_anchor(high, low, iv.low is None, iv.high is None))
    parts.append(marker(style.shape, x, y, MARKER_R, style.colour, fill))
    cls = "mark violating" if item.violating else "mark"
    return h("g", {"class": cls}, h("title", None, claim_title(item)), *parts)


def _anchor(top: float, bottom: float, no_low: bool, no_high: bool) -> float:
    # The marker sits on the finite end of a half-open claim, mid-bar otherwise.
    if no_high and not no_low:
        return bottom
    if no_low and not no_high:
        return top
    return (top + bottom) / 2


def x_positions(items: Sequence[Plotted], xs: DateScale) -> list[float]:
    """Each item's horizontal position; claims of one day spread side by side."""
    groups: dict[int | None, list[int]] = {}
    for index, item in enumerate(items):
        day = item.claim.date.toordinal() if item.claim.date else None
        groups.setdefault(day, []).append(index)
    out = [0.0] * len(items)
    for day, members in groups.items():
        gap = min(12.0, 64.0 / max(len(members) - 1, 1))
        centre = xs.x(day)
        for rank, index in enumerate(members):
            out[index] = centre + (rank - (len(members) - 1) / 2) * gap
    return out


def y_axis(ys: ValueScale, xs: DateScale, title: str) -> Safe:
    """Horizontal grid lines with value labels, the vertical axis and its title."""
    parts: list[Safe] = []
    for value, text in ys.ticks:
        y = ys.y(value)
        parts += [
            seg((xs.left, y), (xs.right, y), class_="grid"),
            label(xs.left - 8, y, text, "tick y"),
        ]
    parts.append(seg((xs.left, ys.top), (xs.left, ys.bottom), class_="axis"))
    mid = (ys.top + ys.bottom) / 2
    parts.append(label(16, mid, title, "axis-title", transform=f"rotate(-90 16 {mid:.1f})"))
    return join(parts)


def x_axis(ys: ValueScale, xs: DateScale) -> Safe:
    """Date ticks and labels, the undated lane, the horizontal axis and its title."""
    parts: list[Safe] = []
    for day, text in xs.ticks:
        x = xs.x(day)
        parts += [
            seg((x, ys.bottom), (x, ys.bottom + 5), class_="axis"),
            label(x, ys.bottom + 20, text, "tick x"),
        ]
    if xs.undated_x is not None:
        parts.append(seg((xs.undated_left, ys.top), (xs.undated_left, ys.bottom), class_="lane"))
        parts.append(label(xs.undated_x, ys.bottom + 20, "undated", "tick x"))
    parts.append(seg((xs.left, ys.bottom), (xs.right, ys.bottom), class_="axis"))
    parts.append(label((xs.left + xs.right) / 2, HEIGHT - 8, "date of the article", "axis-title"))
    return join(parts)


def chart_svg(
    items: Sequence[Plotted], styles: dict[str, SourceStyle], title: str, title_id: str
) -> Safe:
    """The SVG of one measure's claims, labelled by ``title`` for assistive technology."""
    ys = value_scale([p.claim.interval for p in items], top=16, bottom=HEIGHT - 52)
    xs = date_scale([p.claim.date for p in items], left=84, right=WIDTH - 16)
    unit = items[0].claim.unit if items else ""
    y_title = items[0].claim.measure + ("" if unit in PLAIN_UNITS else f" ({unit})")
    marks = [
        claim_mark(item, x, ys, styles[item.claim.source])
        for item, x in zip(items, x_positions(items, xs), strict=True)
    ]
    attrs = {
        "viewBox": f"0 0 {WIDTH} {HEIGHT}",
        "role": "img",
        "aria_labelledby": title_id,
        "xmlns": "http://www.w3.org/2000/svg",
        "class": "chart-svg",
    }
    return h(
        "svg",
        attrs,
        h("title", {"id": title_id}, title),
        y_axis(ys, xs, y_title),
        x_axis(ys, xs),
        marks,
    )


def plotted_by_measure(
    cited: Iterable[Claim], others: Iterable[Claim] = ()
) -> dict[str, list[Plotted]]:
    """Per measure with a cited claim: that measure's claims, cited ones marked, by date."""
    violating = set(cited)
    measures = {c.measure for c in violating}
    unique = dict.fromkeys([*sorted(violating, key=_order), *others])
    out: dict[str, list[Plotted]] = {m: [] for m in sorted(measures)}
    for claim in sorted(unique, key=_order):
        if claim.measure in measures:
            out[claim.measure].append(Plotted(claim, claim in violating))
    return out


def _order(claim: Claim) -> tuple[bool, date, str, str, int]:
    return (
        claim.date is None,
        claim.date or date.min,
        claim.source,
        claim.document,
        claim.start or 0,
    )


def swatch(style: SourceStyle, filled: bool) -> Safe:
    """A small marker for the legend."""
    fill = style.colour if filled else "#ffffff"
    return h(
        "svg",
        {"class": "swatch", "viewBox": "0 0 16 16", "aria_hidden": "true", "focusable": "false"},
        marker(style.shape, 8, 8, 5, style.colour, fill),
    )


def legend(items: Sequence[Plotted], styles: dict[str, SourceStyle]) -> Safe:
    """Which marker is which source, and what filled and arrows mean."""
    sources = sorted({p.claim.source for p in items})
    entries = [h("li", None, swatch(styles[s], True), s) for s in sources]
    grey = SourceStyle("#404040", "circle")
    entries.append(h("li", {"class": "key"}, swatch(grey, True), "filled: cited in a finding"))
    if not all(p.violating for p in items):
        entries.append(h("li", {"class": "key"}, swatch(grey, False), "hollow: not cited"))
    if any(p.claim.interval.low is None or p.claim.interval.high is None for p in items):
        entries.append(h("li", {"class": "key"}, "\u2191 arrow: no bound on that side"))
    return h("ul", {"class": "legend", "aria_label": "Legend"}, entries)


def values_table(items: Sequence[Plotted]) -> Safe:
    """The chart's data as a table: its text alternative."""
    head = h(
        "tr",
        None,
        [
            h("th", {"scope": "col"}, t)
            for t in ("Source", "Date", "Stated", "Read as", "In a finding", "Location")
        ],
    )
    rows = [
        h(
            "tr",
            None,
            h("th", {"scope": "row"}, p.claim.source),
            h("td", None, p.claim.date.isoformat() if p.claim.date else "undated"),
            h("td", None, p.claim.stated),
            h("td", None, describe_interval(p.claim.interval, p.claim.unit)),
            h("td", None, "yes" if p.violating else "no"),
            h("td", None, h("code", None, p.claim.location())),
        )
        for p in items
    ]
    return h(
        "div",
        {"class": "table-scroll"},
        h("table", None, h("thead", None, head), h("tbody", None, rows)),
    )


def caption(measure: str, items: Sequence[Plotted]) -> str:
    """One sentence saying what the chart shows."""
    sources = len({p.claim.source for p in items})
    days = sorted(p.claim.date for p in items if p.claim.date)
    span = f", {days[0].isoformat()} to {days[-1].isoformat()}" if days else ""
    cited = sum(p.violating for p in items)
    return (
        f"{measure}: {len(items)} claim{'s' * (len(items) != 1)} from {sources} "
        f"source{'s' * (sources != 1)}{span}; {cited} cited in findings."
    )


def chart_figure(
    measure: str, items: Sequence[Plotted], styles: dict[str, SourceStyle], chart_id: str
) -> Safe:
    """A figure: heading, SVG, legend and the values as a table in a disclosure."""
    text = caption(measure, items)
    svg = chart_svg(items, styles, text, f"{chart_id}-title")
    scroll = h(
        "div",
        {
            "class": "chart-scroll",
            "tabindex": "0",
            "role": "region",
            "aria_label": f"Chart of {measure}",
        },
        svg,
    )
    table = h("details", None, h("summary", None, "Values as a table"), values_table(items))
    return h(
        "figure",
        {"class": "chart", "id": chart_id, "data_measure": measure},
        h("h3", None, h("code", None, measure)),
        scroll,
        legend(items, styles),
        h("figcaption", None, text),
        table,
    )


def comparison_strip(
    claims: Sequence[Claim], styles: dict[str, SourceStyle], band: Interval | None = None
) -> Safe:
    """A number line of a finding's claims, one row each: the disagreement at a glance.

    ``band`` (the range of the claims the odd one is cited against) is shaded behind the
    rows, so the odd claim out shows outside it. Hidden from assistive technology: the
    claim list beside it says the same in words.
    """
    if not claims or len({c.unit for c in claims}) > 1:
        return Safe("")
    bottom = len(claims) * STRIP_ROW + 4
    shown = [c.interval for c in claims] + ([band] if band is not None else [])
    scale = value_scale(shown, top=STRIP_WIDTH - 16, bottom=STRIP_LEFT)
    parts: list[Safe] = []
    for value, text in scale.ticks:
        x = scale.y(value)
        parts += [seg((x, 4), (x, bottom), class_="grid"), label(x, bottom + 16, text, "tick x")]
    if band is not None:
        parts.append(band_rect(band, scale, bottom))
    for row, claim in enumerate(claims):
        mid = 4 + STRIP_ROW * (row + 0.5)
        when = claim.date.isoformat() if claim.date else "undated"
        name = claim.source if len(claim.source) <= 24 else claim.source[:23] + "\u2026"
        parts.append(label(STRIP_LEFT - 12, mid, f"{name} \u00b7 {when}", "tick y"))
        style = styles[claim.source]
        parts.append(claim_mark(Plotted(claim, True), mid, scale, style, horizontal=True))
    view = f"0 0 {STRIP_WIDTH} {bottom + 24}"
    attrs = {"viewBox": view, "class": "strip", "aria_hidden": "true", "focusable": "false"}
    return h("svg", attrs, parts)


def band_rect(band: Interval, scale: ValueScale, bottom: float) -> Safe:
    """The shaded range of the claims a finding's odd claim is cited against."""
    left = scale.bottom if band.low is None else scale.y(band.low)
    right = scale.top if band.high is None else scale.y(band.high)
    x, width = min(left, right), max(abs(right - left), 2.0)
    rect = {"x": f"{x:.1f}", "y": "2", "width": f"{width:.1f}", "height": f"{bottom:.1f}"}
    return h("rect", {"class": "band", **rect})
