import { useMemo, useState } from 'react';
import type { ProfileTimeline } from '@main/api/contract/profile';
import { formatCount, formatTime, getDisplayZone } from '../format';
import { MARGIN, profileChartModel, type ChartSize } from './profile-chart-math';

const SIZE: ChartSize = { width: 760, height: 300 };

/** The profile's strongest topics over time. d3 supplies the geometry; React owns every element. */
export function ProfileChart({ timeline }: { timeline: ProfileTimeline }) {
  const zone = getDisplayZone();
  const model = useMemo(() => profileChartModel(timeline, SIZE, zone), [timeline, zone]);
  const [hover, setHover] = useState<number | null>(null);
  const point = hover === null ? null : timeline.points[hover];
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-label={`Interest profile over time: ${timeline.topics.join(', ')}; the data is also a table below`}
        data-testid="profile-chart"
        onMouseLeave={() => setHover(null)}
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {model.yTicks.map((t) => (
            <g key={t.label} transform={`translate(0,${t.position})`} className="tick">
              <line x2={SIZE.width - MARGIN.left - MARGIN.right} />
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
              y={SIZE.height - MARGIN.top - MARGIN.bottom + 18}
              textAnchor="middle"
            >
              {t.label}
            </text>
          ))}
          {model.series.map((s) => (
            <path
              key={s.topic}
              className="series"
              d={s.path}
              stroke={s.color}
              data-topic={s.topic}
            />
          ))}
          {model.points.map((p, i) => (
            <rect
              key={i}
              className="hover-band"
              x={p.x - 3}
              width={6}
              height={SIZE.height - MARGIN.top - MARGIN.bottom}
              onMouseEnter={() => setHover(i)}
            />
          ))}
          {hover !== null && (
            <line
              className="hover-line"
              x1={model.points[hover]!.x}
              x2={model.points[hover]!.x}
              y2={SIZE.height - MARGIN.top - MARGIN.bottom}
            />
          )}
        </g>
      </svg>
      <figcaption className="legend">
        {model.series.map((s) => (
          <span key={s.topic} className="legend-item">
            <span className="swatch" style={{ background: s.color }} />
            {s.topic}
            <span className="muted">
              {' '}
              {(point ? (point.weights[s.topic] ?? 0) : s.last).toFixed(2)}
            </span>
          </span>
        ))}
        {point && (
          <span className="muted">
            {' '}
            at event #{formatCount(point.eventIndex + 1)}, {formatTime(point.atMs, 'minute')}
          </span>
        )}
      </figcaption>
      <details className="chart-data">
        <summary>The chart’s data as a table</summary>
        <div className="table-scroll">
          <table className="metrics" data-testid="profile-chart-table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                {timeline.topics.map((t) => (
                  <th key={t} scope="col">
                    {t}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {timeline.points.map((p) => (
                <tr key={p.eventIndex}>
                  <td>{formatCount(p.eventIndex + 1)}</td>
                  <td>{formatTime(p.atMs, 'minute')}</td>
                  {timeline.topics.map((t) => (
                    <td key={t}>{(p.weights[t] ?? 0).toFixed(2)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
