import type { FeedEntry } from '@main/contract/feed';
import type { WhyClause } from '@main/contract/feed';
import { OBJECTIVES } from '@main/engine/presets';
import { WhyBarsChart, WhyWaterfall } from '../charts/WhyCharts';
import { whyPanelText } from '../explain/why-panel-text';
import { ProveIt, type ProveArgs } from './ProveIt';
import { OBJECTIVE_LABELS } from '../words/objectives';

export type EventLink = NonNullable<WhyClause['event']>;

/**
 * "Why this video" in three depths: one sentence naming past events, a waterfall from the
 * baseline to the score, and every number the engine recorded. Every word comes with the entry
 * (src-main/explain/, built with the feed): opening the panel calls nothing. With `onEvent`, the
 * events the sentence names open in the signal log; with `prove`, "Prove it" replays without them.
 */
export function WhyPanel({
  entry,
  onEvent,
  prove,
}: {
  entry: FeedEntry;
  onEvent?: (event: EventLink) => void;
  prove?: ProveArgs;
}) {
  const { explanation } = entry;
  return (
    <div className="why-panel" data-testid="why-panel">
      <p className="why-sentence" data-testid="why-sentence">
        {explanation.sentence.map((clause, i) =>
          clause.event && onEvent ? (
            // A link, not a button: it wraps with the sentence and it does go somewhere.
            <a
              key={i}
              href={`#event-${clause.event.eventIndex}`}
              data-event-index={clause.event.eventIndex}
              title="Open this event in the signal log"
              onClick={(e) => {
                e.preventDefault();
                onEvent(clause.event!);
              }}
            >
              {clause.text}
            </a>
          ) : (
            <span key={i}>{clause.text}</span>
          ),
        )}
      </p>
      {prove && <ProveIt args={prove} itemId={entry.item.id} />}
      <WhyWaterfall waterfall={explanation.waterfall} />
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
  const text = whyPanelText(entry.explanation);
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
      {text.reasons.length > 0 && (
        <>
          <h4>Which of your past signals built those features</h4>
          <ul className="because" data-testid="why-because">
            {text.reasons.map((line, i) => (
              <li key={i}>{line}</li>
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
                <td>{OBJECTIVE_LABELS[name]}</td>
                <td>{o.p.toFixed(3)}</td>
                <td>{o.baseline.toFixed(3)}</td>
                <td>{o.weight}</td>
                <td>{(o.weight * (o.p - o.baseline)).toFixed(3)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {text.rules.length > 0 && (
        <>
          <h4>What the re-ranking rules did</h4>
          <ul data-testid="why-rules">
            {text.rules.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
