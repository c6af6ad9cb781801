import type { Tick } from './chart-types';

/** Horizontal grid lines with their labels left of the plot (inside a translated plot group). */
export function YTicks({ ticks, width }: { ticks: readonly Tick[]; width: number }) {
  return ticks.map((t) => (
    <g key={t.label} transform={`translate(0,${t.position})`} className="tick">
      <line x2={width} />
      <text x={-6} dy="0.32em" textAnchor="end">
        {t.label}
      </text>
    </g>
  ));
}

/** Time labels under the plot, `height` being the plot's inner height. */
export function XTicks({ ticks, height }: { ticks: readonly Tick[]; height: number }) {
  return ticks.map((t) => (
    <text
      key={`${t.position}-${t.label}`}
      className="tick"
      x={t.position}
      y={height + 18}
      textAnchor="middle"
    >
      {t.label}
    </text>
  ));
}
