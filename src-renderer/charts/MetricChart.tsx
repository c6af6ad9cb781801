import { useMemo } from 'react';
import { formatTime, getDisplayZone } from '../format';
import { METRIC_MARGIN, metricChartModel, type MetricPoint } from './metric-chart-math';
import type { ChartSize } from './chart-types';
import { XTicks, YTicks } from './Ticks';

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
        <YTicks ticks={model.yTicks} width={innerWidth} />
        <XTicks ticks={model.xTicks} height={innerHeight} />
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
