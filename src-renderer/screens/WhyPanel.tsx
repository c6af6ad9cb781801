import type { FeedEntry } from '@main/api/contract/feed';
import { OBJECTIVES } from '@main/engine/presets';
import { WhyBars } from '../charts/WhyBars';
import { formatTime } from '../format';

const EVENTS_SHOWN = 3;

/** Everything the engine recorded about one recommendation, from score down to past events. */
export function WhyPanel({ entry }: { entry: FeedEntry }) {
  return (
    <div className="why-panel">
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
      <WhyBars contributions={entry.contributions} score={entry.score} baseline={entry.baseline} />
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
