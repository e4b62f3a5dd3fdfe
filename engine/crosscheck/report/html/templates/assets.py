"""The stylesheet and script inlined in every HTML report.

They are constants so that the report's Content-Security-Policy can allow exactly
them by hash, and nothing else.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root {
  color-scheme: light;
  --fg: #1b1f24; --muted: #4f5660; --bg: #f4f6f8; --card: #ffffff; --line: #d5dae1;
  --accent: #0b5394; --focus: #1a56db; --head: #14213d;
  --error: #a4161a; --error-bg: #fdecec;
  --warning: #7a4a00; --warning-bg: #fff3d1;
  --info: #0b5394; --info-bg: #e5effa;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
}
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a { color: var(--accent); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.skip { position: absolute; left: -9999px; top: .5rem; }
.skip:focus { left: .5rem; z-index: 10; background: #fff; padding: .5rem 1rem; }
.page-head { background: var(--head); color: #fff; padding: 1.5rem 0 1rem; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.page-head h1 { margin: 0; font-size: 1.75rem; letter-spacing: -.01em; }
.page-head .lede { margin: .25rem 0 .75rem; color: #e3e8f2; font-size: 1.05rem; }
.toc { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0; padding: 0;
  list-style: none; }
.toc a { color: #fff; text-underline-offset: 3px; }
.toc a:focus-visible { outline-color: #ffd54a; }
main section { margin: 2rem 0; }
h2 { font-size: 1.35rem; margin: 0 0 .75rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--line); }
.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem;
  grid-template-columns: repeat(auto-fill, minmax(7.75rem, 1fr)); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: .6rem .9rem; }
.card .n { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.15;
  font-variant-numeric: tabular-nums; }
.card .k { color: var(--muted); font-size: .9rem; }
.card.sev-error { border-top: 5px solid var(--error); }
.card.sev-warning { border-top: 5px solid var(--warning); }
.card.sev-info { border-top: 5px solid var(--info); }
.tables { display: grid; gap: 1rem; margin-top: 1rem;
  grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
.tables h3 { font-size: 1rem; margin: 0 0 .35rem; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--card); font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem;
  border-bottom: 1px solid var(--line); }
thead th { background: #eef1f5; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; letter-spacing: .05em;
  text-transform: uppercase; padding: .05rem .55rem; border-radius: 999px;
  border: 1px solid currentColor; white-space: nowrap; }
.sev-error .badge, .badge.sev-error { color: var(--error); background: var(--error-bg); }
.sev-warning .badge, .badge.sev-warning { color: var(--warning); background: var(--warning-bg); }
.sev-info .badge, .badge.sev-info { color: var(--info); background: var(--info-bg); }
.badge.undecided { color: var(--muted); background: #eceff3; }
.filters { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: .75rem 1rem; margin: 0 0 1rem; display: flex; flex-wrap: wrap;
  gap: .5rem 2rem; align-items: flex-end; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: .2rem; }
.filters label { display: inline-flex; align-items: center; gap: .4rem; min-height: 2rem;
  margin-right: 1rem; cursor: pointer; }
.filters input { width: 1.15rem; height: 1.15rem; margin: 0; accent-color: var(--accent); }
button { font: inherit; color: var(--accent); background: #fff; cursor: pointer;
  border: 1px solid var(--accent); border-radius: 6px; padding: .3rem .9rem; }
.status { font-weight: 600; margin: 0 0 .75rem; }
.violations { list-style: none; margin: 0; padding: 0; }
.violation { background: var(--card); border: 1px solid var(--line);
  border-left: 6px solid var(--muted); border-radius: 8px; padding: 1rem 1.25rem;
  margin: 0 0 1rem; }
.violation.sev-error { border-left-color: var(--error); }
.violation.sev-warning { border-left-color: var(--warning); }
.violation.sev-info { border-left-color: var(--info); }
.v-head { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem .75rem; }
.v-head .rule { font-weight: 600; }
.v-head .num-link { margin-left: auto; color: var(--muted); font-size: .9rem; }
.violation h3 { font-size: 1.1rem; margin: .4rem 0 .2rem; }
.detail { color: var(--muted); margin: 0 0 .5rem; overflow-wrap: anywhere; }
.claims { list-style: none; margin: 0; padding: 0; }
.claim { border-top: 1px dashed var(--line); padding: .75rem 0 0; margin-top: .75rem; }
.sentence { margin: 0 0 .5rem; padding: .45rem .8rem; background: #f8f9fb;
  border-left: 3px solid #b8c0cc; font-family: Georgia, "Times New Roman", serif;
  font-size: 1.02rem; overflow-wrap: anywhere; }
.sentence.missing { font-family: inherit; color: var(--muted); font-style: italic; }
mark { background: #ffe38a; color: inherit; padding: 0 .15em; border-radius: 3px;
  box-shadow: inset 0 -2px 0 #b07d00; font-weight: 700; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .9rem; margin: 0;
  font-size: .92rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.interval { font-weight: 600; font-variant-numeric: tabular-nums; }
.chart { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.25rem; margin: 0 0 1rem; }
.chart h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
.chart-scroll { overflow-x: auto; }
.chart-svg { display: block; width: 100%; min-width: 42rem; max-width: 55rem; height: auto; }
.chart-svg text { font-family: inherit; font-size: 12px; fill: #3d434b; }
.chart-svg .tick.y { text-anchor: end; dominant-baseline: middle; }
.chart-svg .tick.x { text-anchor: middle; }
.chart-svg .axis-title { text-anchor: middle; font-size: 13px; fill: #1b1f24; }
.chart-svg .grid { stroke: #e4e7eb; }
.chart-svg .axis { stroke: #6b7079; }
.chart-svg .lane { stroke: #8a9099; stroke-dasharray: 4 4; }
.strip { display: block; width: 100%; max-width: 40rem; height: auto; margin: .25rem 0 .5rem; }
.strip text { font-family: inherit; font-size: 12px; fill: #3d434b; }
.strip .tick.y { text-anchor: end; dominant-baseline: middle; }
.strip .tick.x { text-anchor: middle; }
.strip .grid { stroke: #e4e7eb; }
.strip .band { fill: #fdf0d5; stroke: #c99a2e; stroke-dasharray: 3 3; }
.group-label { font-size: .95rem; margin: .9rem 0 0; }
.more { color: var(--muted); margin: .4rem 0 0; }
.kind { font-size: .85rem; padding: .05rem .5rem; border-radius: 999px; background: #eef1f5; }
.covers { color: var(--muted); margin: .6rem 0 0; }
.legend { list-style: none; margin: .5rem 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: .25rem 1.25rem; font-size: .92rem; }
.legend li { display: inline-flex; align-items: center; gap: .35rem; }
.legend .key { color: var(--muted); }
.swatch { width: 16px; height: 16px; flex: none; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: .92rem; margin: .25rem 0 .5rem; }
summary { cursor: pointer; color: var(--accent); }
.empty { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.25rem; }
.page-foot { color: var(--muted); font-size: .85rem; padding: 1rem 0 2rem; }
@media (max-width: 40rem) {
  .page-head h1 { font-size: 1.4rem; }
  .violation, .chart { padding: .75rem; }
  .meta { gap: .1rem .6rem; }
  .v-head .num-link { margin-left: 0; }
}
@media print {
  .filters, .skip, .toc { display: none !important; }
  .violation[hidden] { display: block !important; }
}
"""

# Reveals the filters (they are useless without a script) and applies them.
JS = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.getElementById("violation-list");
  if (!form || !list) { return; }
  var items = Array.prototype.slice.call(list.children);
  var status = document.getElementById("filter-status");
  function chosen(name) {
    var out = new Set();
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      if (box.checked) { out.add(box.value); }
    });
    return out;
  }
  function apply() {
    var severities = chosen("severity"), rules = chosen("rule"), shown = 0;
    items.forEach(function (item) {
      var show = severities.has(item.dataset.severity) && rules.has(item.dataset.rule);
      item.hidden = !show;
      if (show) { shown += 1; }
    });
    status.textContent = "Showing " + shown + " of " + items.length + " findings";
  }
  form.addEventListener("change", apply);
  document.getElementById("filter-reset").addEventListener("click", function () {
    form.querySelectorAll("input[type='checkbox']").forEach(function (box) {
      box.checked = true;
    });
    apply();
  });
  form.hidden = false;
  status.hidden = false;
  apply();
})();
"""


def csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """Nothing from the network, no plugins or forms; only our own style and script."""
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(CSS)}; script-src {csp_hash(JS)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
