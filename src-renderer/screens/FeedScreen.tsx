import { useState } from 'react';
import type { FeedEntry } from '@main/api/contract/feed';
import { useCall } from '../api/use-call';
import { WhyBars } from '../charts/WhyBars';
import { Status } from './Status';

export function FeedScreen({ datasetId }: { datasetId: string }) {
  const feed = useCall('feed/at', { datasetId, k: 20 });
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">The feed the recommender would build now</h2>
      <Status state={feed}>
        {(value) => (
          <>
            <p className="muted">
              At {new Date(value.atMs).toISOString().slice(0, 16).replace('T', ' ')} UTC, engine{' '}
              {value.engineVersion}. Open “Why?” on any video to see what drove its score.
            </p>
            <ol className="feed">
              {value.entries.map((entry) => (
                <FeedRow key={entry.item.id} entry={entry} />
              ))}
            </ol>
          </>
        )}
      </Status>
    </section>
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
          <WhyBars
            contributions={entry.contributions}
            score={entry.score}
            baseline={entry.baseline}
          />
        </div>
      )}
    </li>
  );
}
