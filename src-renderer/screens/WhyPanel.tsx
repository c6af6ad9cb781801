import { useMemo } from 'react';
import type { FeedEntry } from '@main/contract/feed';
import { OBJECTIVES } from '@main/engine/presets';
import { useCall } from '../api/use-call';
import { WhyBarsChart, WhyWaterfall } from '../charts/WhyCharts';
import { whySentence, type SentencePart } from '../explain/why-sentence';
import { formatTime } from '../format';

const EVENTS_SHOWN = 3;

export type EventLink = NonNullable<SentencePart['link']>;

/**
 * "Why this video" in three depths: one sentence naming past events, a waterfall from the
 * baseline to the score, and every number the engine recorded. With a `datasetId` the events are
 * named by their video (profile/events) and, with `onEvent`, open in the signal log; without one
 * (the Feed Lab) the sentence names them by kind and time.
 */
export function WhyPanel({
  entry,
  datasetId,
  onEvent,
}: {
  entry: FeedEntry;
  datasetId?: string;
  onEvent?: (event: EventLink) => void;
}) {
  const eventIds = useMemo(
    () => [...new Set(entry.because.flatMap((b) => b.events.map((e) => e.eventId)))].sort(),
    [entry],
  );
  const names = useCall(
    'profile/events',
    datasetId !== undefined && eventIds.length > 0 ? { datasetId, eventIds } : null,
  );
  // Until the names arrive (or if they cannot), the sentence names events by kind and time.
  const named = useMemo(
    () =>
      names.status === 'ready' ? new Map(names.value.map((e) => [e.eventId, e] as const)) : null,
    [names],
  );
  const parts = whySentence(entry, named, (atMs) => formatTime(atMs, 'minute'));
  return (
    <div className="why-panel" data-testid="why-panel">
      <p className="why-sentence" data-testid="why-sentence">
        {parts.map((part, i) =>
          part.link && onEvent ? (
            // A link, not a button: it wraps with the sentence and it does go somewhere.
            <a
              key={i}
              href={`#event-${part.link.eventIndex}`}
              data-event-index={part.link.eventIndex}
              title="Open this event in the signal log"
              onClick={(e) => {
                e.preventDefault();
                onEvent(part.link!);
              }}
            >
              {part.text}
            </a>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      <WhyWaterfall contributions={entry.contributions} baseline={entry.baseline} />
      {/* The third depth: folded, for whoever wants every number. */}
      <details className="why-raw">
        <summary>Every number behind it</summary>
        <RawTables entry={entry} />
      </details>
    </div>
  );
}

/** The engine's own record, unabridged: sources, contributions, past events, objectives, rules. */
function RawTables({ entry }: { entry: FeedEntry }) {
  return (
    <div>
      <p>
        {entry.slot === 'explore' ? (
          <span className="badge explore">
            exploration slot: shown to learn, not because it matches
          </span>
        ) : (
          <span className="badge">ranked on its predicted engagement</span>
        )}{' '}
        <span className="muted">from</span>{' '}
        {entry.sources.map((s) => (
          <code key={s} className="chip">
            {s}
          </code>
        ))}
      </p>
      <WhyBarsChart
        contributions={entry.contributions}
        score={entry.score}
        baseline={entry.baseline}
      />
      {entry.because.length > 0 && (
        <>
          <h4>Which of your past signals built those features</h4>
          <ul className="because" data-testid="why-because">
            {entry.because.map((b) => (
              <li key={`${b.feature}:${b.dim}`}>
                <strong>
                  {b.value >= 0 ? '+' : ''}
                  {b.value.toFixed(3)}
                </strong>{' '}
                from <code>{b.dim}</code>:{' '}
                {b.events.slice(0, EVENTS_SHOWN).map((e, i) => (
                  <span key={e.eventId}>
                    {i > 0 && ', '}
                    {e.kind} {e.eventId} on {formatTime(e.at, 'minute')} ({e.amount >= 0 ? '+' : ''}
                    {e.amount.toFixed(3)})
                  </span>
                ))}
                {b.events.length > EVENTS_SHOWN &&
                  `, ${b.events.length - EVENTS_SHOWN} more listed`}
                {b.others.count > 0 && (
                  <span className="muted">
                    {' '}
                    and {b.others.count} older or smaller ({b.others.value >= 0 ? '+' : ''}
                    {b.others.value.toFixed(3)})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Predicted engagement × preset weights</h4>
      <table className="objectives">
        <thead>
          <tr>
            <th scope="col">Objective</th>
            <th scope="col">Prediction</th>
            <th scope="col">Baseline</th>
            <th scope="col">Weight V</th>
            <th scope="col">V × (prediction − baseline)</th>
          </tr>
        </thead>
        <tbody>
          {OBJECTIVES.map((name) => {
            const o = entry.objectives[name];
            return (
              <tr key={name}>
                <td>{name}</td>
                <td>{o.p.toFixed(3)}</td>
                <td>{o.baseline.toFixed(3)}</td>
                <td>{o.weight}</td>
                <td>{(o.weight * (o.p - o.baseline)).toFixed(3)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {entry.rules.length > 0 && (
        <>
          <h4>What the re-ranking rules did</h4>
          <ul>
            {entry.rules.map((r, i) => (
              <li key={i}>
                <code>{r.rule}</code> {r.action}: {r.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
