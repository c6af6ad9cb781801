// SVG markup for the report's charts, from the geometry chart-math.ts computes. Plain strings: the
// report is one file with its charts inline, drawn without a browser or a DOM.
import { BAR_MARGIN, MARGIN, type BarChart, type LineChart } from './chart-math';

/** Text and attribute values safe inside HTML and SVG. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CAVEAT = 'Feedlens model, not TikTok’s';

/** A line chart with axes, a label at each line's end and the model caveat. */
export function lineChartSvg(chart: LineChart, title: string): string {
  const { width, height } = chart.size;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const xTicks = chart.xTicks
    .map(
      (t) =>
        `<g transform="translate(${t.position},${innerHeight})"><line y2="5"/><text y="18" text-anchor="middle">${escapeHtml(t.label)}</text></g>`,
    )
    .join('');
  const yTicks = chart.yTicks
    .map(
      (t) =>
        `<g transform="translate(0,${t.position})"><line x2="${innerWidth}" class="grid"/><text x="-6" dy="0.32em" text-anchor="end">${escapeHtml(t.label)}</text></g>`,
    )
    .join('');
  const lines = chart.paths
    .map(
      (p) =>
        `<path d="${p.path}" fill="none" stroke="${p.color}" stroke-width="2"/><text x="${innerWidth + 6}" y="${p.labelY}" dy="0.32em" fill="${p.color}">${escapeHtml(p.name)}</text>`,
    )
    .join('');
  return [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(`${title} (${CAVEAT})`)}">`,
    `<g transform="translate(${MARGIN.left},${MARGIN.top})" class="axis">${yTicks}${xTicks}`,
    `<line x2="${innerWidth}" y1="${chart.baseline}" y2="${chart.baseline}" class="zero"/>${lines}</g>`,
    `<text x="${width - 4}" y="${height - 4}" text-anchor="end" class="caveat">${CAVEAT}</text>`,
    '</svg>',
  ].join('');
}

/** Horizontal bars with their labels and values, and the model caveat under them. */
export function barChartSvg(chart: BarChart, title: string, format: (v: number) => string): string {
  const { width, height } = chart.size;
  const full = height + 20;
  const bars = chart.bars
    .map((b) => {
      const mid = b.y + chart.bandHeight / 2;
      const negative = b.value < 0;
      return [
        `<text x="${BAR_MARGIN.left - 8}" y="${mid}" dy="0.32em" text-anchor="end">${escapeHtml(b.label)}</text>`,
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${chart.bandHeight}" class="${negative ? 'bar negative' : 'bar'}"/>`,
        // A negative value's number goes right of the zero line: left of its bar is the label.
        `<text x="${negative ? chart.zeroX + 4 : b.x + b.width + 4}" y="${mid}" dy="0.32em" class="value">${escapeHtml(format(b.value))}</text>`,
      ].join('');
    })
    .join('');
  return [
    `<svg viewBox="0 0 ${width} ${full}" width="${width}" height="${full}" role="img" aria-label="${escapeHtml(`${title} (${CAVEAT})`)}">`,
    `<g class="axis">${bars}<line x1="${chart.zeroX}" x2="${chart.zeroX}" y2="${height}" class="zero"/></g>`,
    `<text x="${width - 4}" y="${full - 4}" text-anchor="end" class="caveat">${CAVEAT}</text>`,
    '</svg>',
  ].join('');
}
