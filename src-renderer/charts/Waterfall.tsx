import { useMemo } from 'react';
import type { Explanation } from '@main/contract/feed';
import { STEP_HEIGHT, waterfall } from './waterfall-math';

const LABEL_WIDTH = 130;
const CHART_WIDTH = 340;
const VALUE_WIDTH = 60;
const MARGIN = 18;

/** From the baseline to the score, one step per feature (at most 7, then "other"). */
export function Waterfall({ steps }: { steps: Explanation['waterfall'] }) {
  const chart = useMemo(() => waterfall(steps, CHART_WIDTH), [steps]);
  const { baseline } = steps;
  const bottom = MARGIN + chart.height;
  return (
    <svg
      className="waterfall"
      data-testid="why-waterfall"
      viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH + VALUE_WIDTH} ${bottom + MARGIN}`}
      role="img"
      aria-label={`From the baseline ${baseline.toFixed(3)} to the score ${chart.score.toFixed(3)}: ${chart.steps
        .map((s) => `${s.label} ${signed(s.value)}`)
        .join(', ')}`}
    >
      <g transform={`translate(${LABEL_WIDTH},0)`}>
        <line
          className="guide"
          x1={chart.baselineX}
          x2={chart.baselineX}
          y1={MARGIN - 4}
          y2={bottom}
        />
        <text x={chart.baselineX} y={MARGIN - 6} textAnchor="middle">
          baseline {baseline.toFixed(3)}
        </text>
        <line className="guide" x1={chart.scoreX} x2={chart.scoreX} y1={MARGIN} y2={bottom + 4} />
        <text x={chart.scoreX} y={bottom + 14} textAnchor="middle">
          score {chart.score.toFixed(3)}
        </text>
      </g>
      {chart.steps.map((s, i) => (
        <g
          key={s.label}
          className="waterfall-step"
          transform={`translate(0,${MARGIN + s.y})`}
          data-features={s.features.join(' ')}
        >
          <text x={LABEL_WIDTH - 8} y={STEP_HEIGHT / 2} dy="0.32em" textAnchor="end">
            {s.label}
          </text>
          <rect
            className={s.positive ? 'bar-positive' : 'bar-negative'}
            x={LABEL_WIDTH + s.x}
            y={3}
            width={Math.max(s.width, 1)}
            height={STEP_HEIGHT - 6}
          />
          {i < chart.steps.length - 1 && (
            // The connector: where this step ends, the next one starts.
            <line
              className="guide"
              x1={LABEL_WIDTH + (s.positive ? s.x + s.width : s.x)}
              x2={LABEL_WIDTH + (s.positive ? s.x + s.width : s.x)}
              y1={STEP_HEIGHT - 3}
              y2={STEP_HEIGHT + 3}
            />
          )}
          <text x={LABEL_WIDTH + CHART_WIDTH + 6} y={STEP_HEIGHT / 2} dy="0.32em">
            {signed(s.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(3)}`;
}
