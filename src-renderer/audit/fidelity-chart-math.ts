// Pure chart math for the fidelity report: POS@20 and DEL@k against k, for the named events and
// for random ones. d3 computes scales and paths, FidelityPanel.tsx renders them.
import { line, scaleLinear } from 'd3';
import type { FidelityRow } from '@main/engine';
import { formatPercent } from '../format';
import type { ChartSize, Tick } from '../charts/chart-types';

export const FIDELITY_MARGIN = { top: 10, right: 150, bottom: 30, left: 44 };

export type FidelitySeries = {
  measure: 'pos' | 'del';
  method: FidelityRow['method'];
  path: string;
  /** Where the series' label goes, at its last point. */
  end: { x: number; y: number };
};

export function fidelityChartModel(
  rows: readonly FidelityRow[],
  size: ChartSize,
): { series: FidelitySeries[]; xTicks: Tick[]; yTicks: Tick[] } {
  const innerWidth = size.width - FIDELITY_MARGIN.left - FIDELITY_MARGIN.right;
  const innerHeight = size.height - FIDELITY_MARGIN.top - FIDELITY_MARGIN.bottom;
  const ks = [...new Set(rows.map((r) => r.k))].sort((a, b) => a - b);
  const x = scaleLinear()
    .domain([ks[0] ?? 1, Math.max(ks.at(-1) ?? 1, (ks[0] ?? 1) + 1)])
    .range([0, innerWidth]);
  const y = scaleLinear().domain([0, 1]).range([innerHeight, 0]);
  const series: FidelitySeries[] = [];
  for (const measure of ['pos', 'del'] as const)
    for (const method of ['attributed', 'random'] as const) {
      const points = rows
        .filter((r) => r.method === method)
        .map((r) => [round(x(r.k)), round(y(r[measure]))] as [number, number]);
      if (points.length === 0) continue;
      const [ex, ey] = points.at(-1)!;
      series.push({ measure, method, path: line()(points) ?? '', end: { x: ex, y: ey } });
    }
  return {
    series,
    xTicks: ks.map((k) => ({ position: round(x(k)), label: `k = ${k}` })),
    yTicks: y.ticks(4).map((v) => ({ position: round(y(v)), label: formatPercent(v) })),
  };
}

const round = (v: number) => Math.round(v * 10) / 10;
