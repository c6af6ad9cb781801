import { useMemo } from 'react';
import { topicColour, topicLabel, type TopicTable } from '../cards/card-look';
import { profileDiffSentence } from '../explain/side-by-side';
import { countOf, formatTime, getDisplayZone } from '../format';
import { ChartFrame } from './ChartFrame';
import { DIFF_MARGIN, profileDiffModel, type DiffPoint } from './profile-diff-math';

const SIZE = { width: 560, height: 180 };

/**
 * The profile difference over time: per topic, the changed replay's weight minus the recorded
 * one's at each slate, with the shown slate marked. Its numbers are also a table.
 */
export function ProfileDiffChart({
  points,
  selected,
  topics,
}: {
  points: readonly DiffPoint[];
  /** The slate the feeds beside it show. */
  selected: number;
  /** The taxonomy (`TOPIC_TABLE`), passed in so this renders in tests without the bundler. */
  topics: TopicTable;
}) {
  const zone = getDisplayZone();
  const model = useMemo(() => profileDiffModel(points, SIZE, zone), [points, zone]);
  const name = (topic: string) => topicLabel(topics, topic);
  const innerWidth = SIZE.width - DIFF_MARGIN.left - DIFF_MARGIN.right;
  const innerHeight = SIZE.height - DIFF_MARGIN.top - DIFF_MARGIN.bottom;
  const selectedX = model.xs[selected];
  return (
    <ChartFrame
      id="what-if-profile-difference"
      title="How the profile differs over time"
      sentence={profileDiffSentence(
        model.series,
        points.map((p) => p.atMs),
        name,
        (ms) => formatTime(ms, 'minute'),
      )}
      n={`n = ${countOf(points.length, 'slate')}`}
      about="At each slate, every topic weight of the changed replay minus the recorded one's (above 0: the changed past likes that topic more). The five topics that differ most at any slate are drawn; the dashed line marks the slate whose feeds are shown side by side."
    >
      <svg
        className="profile-diff"
        data-testid="profile-diff-chart"
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-label="Profile difference per topic over time, changed minus recorded"
      >
        <g transform={`translate(${DIFF_MARGIN.left},${DIFF_MARGIN.top})`}>
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
          <line className="zero" x2={innerWidth} y1={model.zeroY} y2={model.zeroY} />
          {selectedX !== undefined && (
            <line className="selected-slate" x1={selectedX} x2={selectedX} y2={innerHeight} />
          )}
          {model.series.map((s) => (
            <path
              key={s.topic}
              className="series diff"
              d={s.path}
              stroke={topicColour(topics, s.topic)}
            >
              <title>{name(s.topic)}</title>
            </path>
          ))}
        </g>
      </svg>
      {model.series.length > 0 && (
        <p className="legend">
          {model.series.map((s) => (
            <span key={s.topic}>
              <span className="swatch" style={{ background: topicColour(topics, s.topic) }} />
              {name(s.topic)}{' '}
            </span>
          ))}
        </p>
      )}
      <details className="chart-data">
        <summary>The numbers as a table</summary>
        <div className="table-scroll">
          <table className="metrics">
            <thead>
              <tr>
                <th scope="col">Slate</th>
                {model.series.map((s) => (
                  <th key={s.topic} scope="col">
                    {name(s.topic)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={p.atMs}>
                  <td>{formatTime(p.atMs, 'minute')}</td>
                  {model.series.map((s) => (
                    <td key={s.topic}>{s.values[i]!.toFixed(3)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </ChartFrame>
  );
}
