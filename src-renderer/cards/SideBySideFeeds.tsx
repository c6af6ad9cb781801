import { useEffect, useMemo, useState } from 'react';
import type { CounterfactualDiff, SlateDetail } from '@main/contract/replay';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import type { Item } from '@main/domain/types';
import { ProfileDiffChart } from '../charts/ProfileDiffChart';
import {
  changedPoints,
  markLabel,
  metricDifferences,
  sideBySide,
  type SideRow,
} from '../explain/side-by-side';
import { countOf, formatTime } from '../format';
import { topicColour } from './card-look';
import { videoName } from './video-card';
import { Loading } from '../screens/Status';

/**
 * A what-if answer side by side: at a chosen slate, the feed as recorded beside the changed one
 * (each video marked as kept, moved, left or entered), the slate measures compared, and the
 * profile difference over time as a chart. The answer holds a few slates in full; `ask` fetches
 * another (the main side keeps the replays, so that is quick).
 */
export function SideBySideFeeds({
  diff,
  changed,
  ask,
}: {
  diff: CounterfactualDiff;
  changed: string;
  ask: (slate: number) => Promise<CounterfactualDiff>;
}) {
  const differing = useMemo(() => new Set(changedPoints(diff.points)), [diff]);
  const [index, setIndex] = useState(diff.shown);
  const [known, setKnown] = useState(() => gathered(new Map(), new Map(), diff));
  const [failed, setFailed] = useState<{ index: number; message: string } | null>(null);
  const chartPoints = useMemo(
    () => diff.points.map((p, i) => ({ atMs: p.atMs, diffs: diff.topicDiffs[i] ?? {} })),
    [diff],
  );
  const detail = known.details.get(index);
  useEffect(() => {
    if (detail) return;
    let current = true;
    ask(index).then(
      (more) => current && setKnown((k) => gathered(k.details, k.items, more)),
      (e: Error) => current && setFailed({ index, message: e.message }),
    );
    return () => {
      current = false;
    };
  }, [ask, detail, index]);
  const point = diff.points[index];
  if (!point) return null;
  const sides = detail && sideBySide(detail.base, detail.alt);
  const error = !detail && failed?.index === index ? failed.message : null;
  const items = known.items;
  const name = (id: string) => videoName(TOPIC_TABLE, items.get(id), id);
  return (
    <div className="side-by-side" data-testid="side-by-side">
      <p>
        <label>
          Feeds at{' '}
          <select value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {diff.points.map((p, i) => (
              <option key={p.atMs} value={i}>
                {formatTime(p.atMs, 'minute')}
                {differing.has(i) ? '' : ' (no change)'}
              </option>
            ))}
          </select>
        </label>{' '}
        <span className="muted">
          {countOf(point.entered, 'video')} entered, {point.left} left, {point.moved} moved.
        </span>
      </p>
      <p className="muted side-legend">
        Marked beside each video: <span className="side-key mark-entered">entered</span> the changed
        feed, <span className="side-key mark-left">left</span> it, or moved (↑ up, ↓ down, to or
        from which place); unmarked videos kept their place.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!sides && !error && <Loading label="Reading that slate’s feeds…" />}
      {sides && (
        <div className="side-columns">
          <FeedColumn title="As recorded" rows={sides.base} side="base" items={items} name={name} />
          <FeedColumn title={changed} rows={sides.alt} side="alt" items={items} name={name} />
        </div>
      )}
      {detail && (
        <table className="metrics" data-testid="metric-differences">
          <caption>The slate’s measures at {formatTime(point.atMs, 'minute')}</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">As recorded</th>
              <th scope="col">{changed}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {metricDifferences(detail.metrics.base, detail.metrics.alt).map((m) => (
              <tr key={m.key}>
                <th scope="row">{m.label}</th>
                <td>{m.base}</td>
                <td>{m.alt}</td>
                <td>{m.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProfileDiffChart
        points={chartPoints}
        selected={index}
        onSelect={setIndex}
        topics={TOPIC_TABLE}
      />
    </div>
  );
}

function FeedColumn({
  title,
  rows,
  side,
  items,
  name,
}: {
  title: string;
  rows: readonly SideRow[];
  side: 'base' | 'alt';
  items: ReadonlyMap<string, Item>;
  name: (id: string) => string;
}) {
  return (
    <section className="side-column" aria-label={title} data-side={side}>
      <h4>{title}</h4>
      <ol>
        {rows.map((row) => (
          <li
            key={row.itemId}
            className={`side-row mark-${row.mark}`}
            data-testid="side-row"
            data-mark={row.mark}
          >
            <span className="side-rank">{row.rank}</span>
            <span
              className="swatch"
              aria-hidden="true"
              style={{ background: topicColour(TOPIC_TABLE, items.get(row.itemId)?.topics[0]) }}
            />
            <span className="side-name" title={`id ${row.itemId}`}>
              {name(row.itemId)}
            </span>
            {row.mark !== 'same' && <span className="side-mark">{markLabel(row, side)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The slates and videos known so far, with those of another answer added. */
function gathered(
  details: ReadonlyMap<number, SlateDetail>,
  items: ReadonlyMap<string, Item>,
  more: CounterfactualDiff,
) {
  return {
    details: new Map([...details, ...more.details.map((d) => [d.index, d] as const)]),
    items: new Map([...items, ...more.items.map((i) => [i.id, i] as const)]),
  };
}
