import { useMemo } from 'react';
import type { AgreementSession } from '@main/api/contract/feed';
import { formatPercent, formatTime, getDisplayZone } from '../format';
import { AGREEMENT_MARGIN, agreementChartModel } from './agreement-chart-math';
import type { ChartSize } from './profile-chart-math';

const SIZE: ChartSize = { width: 760, height: 180 };

/** Hit rate per session start (dots and line) against the chance level (dashed). */
export function AgreementChart({ sessions }: { sessions: readonly AgreementSession[] }) {
  const zone = getDisplayZone();
  const model = useMemo(() => agreementChartModel(sessions, SIZE, zone), [sessions, zone]);
  const innerWidth = SIZE.width - AGREEMENT_MARGIN.left - AGREEMENT_MARGIN.right;
  const innerHeight = SIZE.height - AGREEMENT_MARGIN.top - AGREEMENT_MARGIN.bottom;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-label="Agreement with the real feed per session start; the table below has the numbers"
        data-testid="agreement-chart"
      >
        <g transform={`translate(${AGREEMENT_MARGIN.left},${AGREEMENT_MARGIN.top})`}>
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
              key={t.label}
              className="tick"
              x={t.position}
              y={innerHeight + 18}
              textAnchor="middle"
            >
              {t.label}
            </text>
          ))}
          <path className="series chance" d={model.chancePath} />
          <path className="series hits" d={model.hitPath} />
          {model.dots.map((d) => (
            <circle key={d.session} className="hit-dot" cx={d.x} cy={d.y} r={3}>
              <title>
                {formatTime(d.atMs, 'minute')}: {formatPercent(d.hitRate)}
              </title>
            </circle>
          ))}
        </g>
      </svg>
      <figcaption className="legend">
        <span className="legend-item">
          <span className="swatch hits" /> hit rate at each session start
        </span>
        <span className="legend-item">
          <span className="swatch chance" /> chance (random picks from the unseen pool)
        </span>
      </figcaption>
    </figure>
  );
}
