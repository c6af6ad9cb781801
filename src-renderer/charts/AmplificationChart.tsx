import { useMemo } from 'react';
import type { Amplification } from '@main/contract/replay';
import { countOf, formatTime, getDisplayZone } from '../format';
import { amplificationModel, METRIC_MARGIN } from './metric-chart-math';
import { XTicks } from './Ticks';

const WIDTH = 360;
const ROW = 18;

/** Each amplified topic as a dot at the moment it first held the threshold share of the profile. */
export function AmplificationChart({
  amplification,
  domainMs,
  label,
}: {
  amplification: Amplification;
  /** The replay's time span, so this chart's axis matches the others. */
  domainMs: readonly [number, number];
  label: (topic: string) => string;
}) {
  const zone = getDisplayZone();
  const model = useMemo(
    () => amplificationModel(amplification.topics, WIDTH, ROW, zone, domainMs),
    [amplification, zone, domainMs],
  );
  const innerHeight = model.height - METRIC_MARGIN.top - METRIC_MARGIN.bottom;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${model.height}`}
      role="img"
      aria-label="When each topic was first amplified; the table below has the numbers"
    >
      <g transform={`translate(${METRIC_MARGIN.left},${METRIC_MARGIN.top})`}>
        <XTicks ticks={model.xTicks} height={innerHeight} />
        {model.rows.length === 0 && (
          <text className="tick" x={0} y={ROW / 2} dy="0.32em">
            No topic reached {Math.round(amplification.threshold * 100)}% of the profile.
          </text>
        )}
        {model.rows.map((r) => (
          <g key={r.topic} transform={`translate(0,${r.y})`}>
            <line className="amplification-rule" x2={r.x} />
            <circle className="metric-dot" cx={r.x} r={3.5}>
              <title>{`${label(r.topic)}: after ${countOf(r.events, 'event')}, ${formatTime(r.atMs, 'minute')}`}</title>
            </circle>
            <text
              className="tick"
              x={r.labelLeft ? r.x - 7 : r.x + 7}
              dy="0.32em"
              textAnchor={r.labelLeft ? 'end' : 'start'}
            >
              {label(r.topic)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
