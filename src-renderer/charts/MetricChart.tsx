import { useMemo } from 'react';
import { formatTime, getDisplayZone } from '../format';
import { METRIC_MARGIN, metricChartModel, type MetricPoint } from './metric-chart-math';
import type { ChartSize } from './chart-types';

const SIZE: ChartSize = { width: 360, height: 150 };

/** One measure over the replay's slates: a line with a dot per slate (its value in a tooltip). */
export function MetricChart({
  points,
  label,
  format,
  tick = format,
  floorMax,
}: {
  points: readonly MetricPoint[];
  /** For the accessible name: "Profile entropy per slate". */
  label: string;
  /** The value in its tooltip. */
  format: (value: number) => string;
  /** The axis labels (defaults to `format`). */
  tick?: (value: number) => string;
  floorMax?: number;
}) {
  const zone = getDisplayZone();
  const model = useMemo(
    () => metricChartModel(points, SIZE, zone, tick, floorMax),
    [points, zone, tick, floorMax],
  );
  const innerWidth = SIZE.width - METRIC_MARGIN.left - METRIC_MARGIN.right;
  const innerHeight = SIZE.height - METRIC_MARGIN.top - METRIC_MARGIN.bottom;
  return (
    <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={label}>
      <g transform={`translate(${METRIC_MARGIN.left},${METRIC_MARGIN.top})`}>
        {model.yTicks.map((t) => (
          <g key={t.label} transform={`translate(0,${t.position})`} className="tick">
            <line x2={innerWidth} />
            <text x={-6} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {model.xTicks.map((t) => (
          <text
            key={`${t.position}-${t.label}`}
            className="tick"
            x={t.position}
            y={innerHeight + 18}
            textAnchor="middle"
          >
            {t.label}
          </text>
        ))}
        <path className="series metric" d={model.path} />
        {model.dots.map((d) => (
          <circle key={d.atMs} className="metric-dot" cx={d.x} cy={d.y} r={2.5}>
            <title>{`${formatTime(d.atMs, 'minute')}: ${format(d.value)}`}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}
