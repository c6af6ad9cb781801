import { useMemo } from 'react';
import { ROW_HEIGHT, whyBars, type Contribution } from './why-bars-math';

const LABEL_WIDTH = 200;
const BAR_WIDTH = 320;

/** Signed per-feature contributions to one item's score; they sum to score − baseline. */
export function WhyBars({
  contributions,
  score,
  baseline,
}: {
  contributions: readonly Contribution[];
  score: number;
  baseline: number;
}) {
  const bars = useMemo(() => whyBars(contributions, BAR_WIDTH), [contributions]);
  const height = Math.max(bars.length, 1) * ROW_HEIGHT;
  return (
    <div className="why">
      <p className="muted">
        score {score.toFixed(3)} = baseline {baseline.toFixed(3)} + the contributions below
      </p>
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 70} ${height}`}
        role="img"
        aria-label="Feature contributions"
      >
        {bars.map((b) => (
          <g
            key={b.feature}
            transform={`translate(0,${b.y})`}
            className="why-row"
            data-feature={b.feature}
          >
            <text x={LABEL_WIDTH - 8} y={ROW_HEIGHT / 2} dy="0.32em" textAnchor="end">
              {b.feature}
            </text>
            <rect
              className={b.positive ? 'bar-positive' : 'bar-negative'}
              x={LABEL_WIDTH + b.x}
              y={3}
              width={Math.max(b.width, 1)}
              height={ROW_HEIGHT - 6}
            />
            <text x={LABEL_WIDTH + BAR_WIDTH + 6} y={ROW_HEIGHT / 2} dy="0.32em">
              {b.value > 0 ? '+' : ''}
              {b.value.toFixed(3)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
