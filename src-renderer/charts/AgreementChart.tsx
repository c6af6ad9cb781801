import { useMemo } from 'react';
import type { Agreement } from '@main/contract/feed';
import { countOf, formatCount, formatPercent, formatTime, getDisplayZone } from '../format';
import { AGREEMENT_MARGIN, agreementChartModel } from './agreement-chart-math';
import { ChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';
import type { ChartSize } from './chart-types';
import { YTicks } from './Ticks';

const SIZE: ChartSize = { width: 760, height: 180 };

/** Hit rate per session start (dots and line) against the chance level (dashed), and its table. */
export function AgreementChart({ agreement }: { agreement: Agreement }) {
  const { sessions, k } = agreement;
  const zone = getDisplayZone();
  const model = useMemo(() => agreementChartModel(sessions, SIZE, zone), [sessions, zone]);
  const innerWidth = SIZE.width - AGREEMENT_MARGIN.left - AGREEMENT_MARGIN.right;
  const innerHeight = SIZE.height - AGREEMENT_MARGIN.top - AGREEMENT_MARGIN.bottom;
  return (
    <ChartFrame
      id="feed-agreement"
      title="Agreement at each session start"
      sentence={`The share of the videos you really watched next that were in Feedlens’s top ${k} at the session’s start, against what random picks would get.`}
      n={`n = ${countOf(sessions.length, 'session')}`}
      about={
        <p>
          At the start of each session Feedlens ranks every video you had not seen yet, from what
          your export says you did before. A hit is a video you watched in that session (up to {k})
          among its first {k}. Chance is the hit rate of {k} random picks from the same unseen pool.
          Sessions whose videos could not have been served at all are left out.
        </p>
      }
    >
      <svg
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-label="Agreement with the real feed per session start; the table below has the numbers"
        data-testid="agreement-chart"
      >
        <g transform={`translate(${AGREEMENT_MARGIN.left},${AGREEMENT_MARGIN.top})`}>
          <YTicks ticks={model.yTicks} width={innerWidth} />
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
              <title>{`${formatTime(d.atMs, 'minute')}: ${formatPercent(d.hitRate)}`}</title>
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
      <ChartTable summary="The same as a table">
        {() => (
          <table className="metrics" data-testid="agreement-table">
            <thead>
              <tr>
                <th scope="col">Session start</th>
                <th scope="col">Watched, could be served</th>
                <th scope="col">In the top {k}</th>
                <th scope="col">Hit rate</th>
                <th scope="col">NDCG</th>
                <th scope="col">Chance</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.session}>
                  <td>{formatTime(s.atMs, 'minute')}</td>
                  <td>{formatCount(s.watched)}</td>
                  <td>{formatCount(s.hits)}</td>
                  <td>{formatPercent(s.hitRate)}</td>
                  <td>{s.ndcg.toFixed(2)}</td>
                  <td>{formatPercent(s.chance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartTable>
    </ChartFrame>
  );
}
