// The report's stylesheet, inlined into the HTML: system fonts only (nothing to download), and
// print rules so the PDF keeps each chart and table on one page.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6577; --line: #d7dce5; --accent: #2f5fb3; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 820px; padding: 24px 28px 48px; color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-top: 12px; border-top: 1px solid var(--line); }
.lead { margin: 0 0 12px; }
.caveat-box { background: #fff6df; border: 1px solid #e7c66a; padding: 8px 12px; border-radius: 6px; }
.note { color: var(--muted); font-size: 12px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
code { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; margin: 8px 0; max-width: 100%; height: auto; font-size: 11px; }
svg text:not([fill]) { fill: var(--ink); }
svg .axis line { stroke: #9aa3b2; }
svg .grid { stroke: #eef0f4; }
svg .zero { stroke: #6b7385; }
svg .bar { fill: var(--accent); }
svg .bar.negative { fill: #c2533b; }
svg .value { fill: var(--muted); }
svg .caveat { fill: var(--muted); font-style: italic; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  body { padding: 0; }
  section { break-inside: avoid; }
}
`;
