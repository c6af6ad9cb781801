// Pure chart math for agreement with the real feed over sessions: d3 computes scales and path
// strings, React (AgreementChart.tsx) renders them. Tested in test/renderer/agreement-chart-math.test.ts.
import { line, max, scaleLinear, scaleUtc } from 'd3';
import type { AgreementSession } from '@main/contract/feed';
import { formatPercent, type DisplayZone } from '../format';
import type { ChartSize, Tick } from './chart-types';
import { timeTicks } from './time-ticks';

export const AGREEMENT_MARGIN = { top: 10, right: 16, bottom: 26, left: 40 };

export type AgreementChartModel = {
  /** One dot per session: its hit rate. */
  dots: { session: number; x: number; y: number; hitRate: number; atMs: number }[];
  hitPath: string;
  chancePath: string;
  xTicks: Tick[];
  yTicks: Tick[];
};

export function agreementChartModel(
  sessions: readonly AgreementSession[],
  size: ChartSize,
  zone: DisplayZone,
): AgreementChartModel {
  const innerWidth = size.width - AGREEMENT_MARGIN.left - AGREEMENT_MARGIN.right;
  const innerHeight = size.height - AGREEMENT_MARGIN.top - AGREEMENT_MARGIN.bottom;
  const first = sessions[0]?.atMs ?? 0;
  const last = sessions.at(-1)?.atMs ?? first;
  // One session (or all at one time) still gets a domain, centred.
  const x = scaleUtc()
    .domain(
      first === last
        ? [new Date(first - 1), new Date(last + 1)]
        : [new Date(first), new Date(last)],
    )
    .range([0, innerWidth]);
  const peak = max(sessions, (s) => Math.max(s.hitRate, s.chance)) ?? 0;
  const y = scaleLinear()
    .domain([0, peak > 0 ? peak : 1])
    .nice()
    .range([innerHeight, 0]);
  const path = (value: (s: AgreementSession) => number) =>
    line<AgreementSession>()
      .x((s) => round(x(new Date(s.atMs))))
      .y((s) => round(y(value(s))))(sessions) ?? '';
  return {
    dots: sessions.map((s) => ({
      session: s.session,
      x: round(x(new Date(s.atMs))),
      y: round(y(s.hitRate)),
      hitRate: s.hitRate,
      atMs: s.atMs,
    })),
    hitPath: path((s) => s.hitRate),
    chancePath: path((s) => s.chance),
    xTicks: timeTicks(x.domain()[0]!.getTime(), x.domain()[1]!.getTime(), 5, zone).map((t) => ({
      position: round(x(new Date(t.ms))),
      label: t.label,
    })),
    yTicks: y.ticks(4).map((v) => ({ position: round(y(v)), label: formatPercent(v) })),
  };
}

/** Three decimals keep SVG output stable across platforms. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
