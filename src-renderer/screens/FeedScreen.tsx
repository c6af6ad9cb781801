import { useState } from 'react';
import type { FeedEntry } from '@main/api/contract/feed';
import { useCall } from '../api/use-call';
import { formatUtc } from '../format';
import type { EngineSettings } from '../settings';
import { Status } from './Status';
import { WhyPanel } from './WhyPanel';

export function FeedScreen({
  datasetId,
  settings,
}: {
  datasetId: string;
  settings: EngineSettings;
}) {
  // null: just after the last event. Otherwise a moment picked on the timeline.
  const [atMs, setAtMs] = useState<number | null>(null);
  const feed = useCall('feed/at', {
    datasetId,
    k: 20,
    ...settings,
    ...(atMs === null ? {} : { atMs }),
  });
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">The feed the recommender would build now</h2>
      <p>
        <MomentPicker datasetId={datasetId} atMs={atMs} onChange={setAtMs} />
      </p>
      <Status state={feed}>
        {(value) => (
          <>
            <p className="muted">
              At {formatUtc(value.atMs, 'minute')}, preset {value.preset}, seed {value.seed}, engine{' '}
              {value.engineVersion}, config {value.configHash}. Open “Why?” on any video to see what
              drove its score.
            </p>
            <ol className="feed">
              {value.entries.map((entry) => (
                <FeedRow key={entry.item.id} entry={entry} />
              ))}
            </ol>
            {value.removed.length > 0 && (
              <details>
                <summary>{value.removed.length} candidates removed by rules</summary>
                <ul>
                  {value.removed.map((r) => (
                    <li key={`${r.itemId}:${r.rule}`}>
                      {r.itemId}: <code>{r.rule}</code> {r.detail}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </Status>
    </section>
  );
}

/** Any moment of the dataset: the feed is rebuilt from the events before it. */
function MomentPicker({
  datasetId,
  atMs,
  onChange,
}: {
  datasetId: string;
  atMs: number | null;
  onChange: (atMs: number | null) => void;
}) {
  const timeline = useCall('profile/timeline', { datasetId, topics: 1, points: 200 });
  if (timeline.status !== 'ready' || timeline.value.points.length === 0) return null;
  const moments = timeline.value.points.map((p) => p.atMs);
  const index = atMs === null ? moments.length : Math.max(0, moments.indexOf(atMs));
  return (
    <label className="moment">
      Moment{' '}
      <input
        type="range"
        min={0}
        max={moments.length}
        value={index}
        aria-valuetext={atMs === null ? 'now' : formatUtc(atMs, 'minute')}
        onChange={(e) => {
          const i = Number(e.target.value);
          onChange(i >= moments.length ? null : moments[i]!);
        }}
      />{' '}
      <span className="muted">
        {atMs === null ? 'after the last event' : formatUtc(atMs, 'minute')}
      </span>
    </label>
  );
}

function FeedRow({ entry }: { entry: FeedEntry }) {
  const [open, setOpen] = useState(false);
  const { item } = entry;
  const panelId = `why-${item.id}`;
  return (
    <li className="feed-item" data-testid="feed-item">
      <div className="feed-line">
        <span className="rank">{entry.rank}</span>
        <div className="feed-body">
          <div className="caption">
            {item.caption ?? <span className="muted">(no caption known)</span>}
          </div>
          <div className="muted">
            {item.creator ?? 'unknown creator'} · {item.topics.join(', ') || 'no topic'} · id{' '}
            {item.id}
            {entry.slot === 'explore' && <span className="badge explore">explore</span>}
          </div>
        </div>
        <span className="score">{entry.score.toFixed(3)}</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          Why?
        </button>
      </div>
      {open && (
        <div id={panelId}>
          <WhyPanel entry={entry} />
        </div>
      )}
    </li>
  );
}
