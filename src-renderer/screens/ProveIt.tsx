import { useState } from 'react';
import type { Args } from '@main/contract';
import type { Proof } from '@main/contract/fidelity';
import { useCall } from '../api/use-call';
import { Status } from './Status';

/** What `feed/prove` needs besides the video: the feed's dataset, moment and settings. */
export type ProveArgs = Omit<Args<'feed/prove'>, 'itemId'>;

/**
 * "Prove it": takes away the events the explanation names first (1, 3, 5), replays, and says
 * where the video lands; then the reverse, with only those events. One call on click; the words
 * come with the answer (src-main/explain/fidelity.ts), the numbers fold under them.
 */
export function ProveIt({ args, itemId }: { args: ProveArgs; itemId: string }) {
  const [asked, setAsked] = useState(false);
  const proof = useCall('feed/prove', asked ? { ...args, itemId } : null);
  if (!asked)
    return (
      <p className="prove-it">
        <button type="button" onClick={() => setAsked(true)} data-testid="prove-it">
          Prove it
        </button>{' '}
        <span className="muted">
          take away the events this explanation names, replay your history, see where the video
          lands
        </span>
      </p>
    );
  return (
    <div className="prove-it" data-testid="proof" data-at-ms={args.atMs} aria-live="polite">
      <Status state={proof}>{(value) => <ProofView proof={value} />}</Status>
    </div>
  );
}

const place = (position: number | null) => (position === null ? 'out' : `#${position}`);

function ProofView({ proof }: { proof: Proof }) {
  if (proof.steps.length === 0)
    return (
      <p data-testid="proof-sentence">
        No past event of yours raises this video&apos;s score: there is nothing to take away.
      </p>
    );
  return (
    <>
      {proof.steps.map((step) => (
        <p key={step.k} data-testid="proof-sentence" data-k={step.k}>
          {step.words.without} <span className="muted">{step.words.only}</span>
        </p>
      ))}
      <details>
        <summary>The numbers</summary>
        <table data-testid="proof-table">
          <caption>
            Each row is a replay of your history at this moment, without (or with only) the events
            the explanation names first.
          </caption>
          <thead>
            <tr>
              <th scope="col">Events</th>
              <th scope="col">Place before → without them</th>
              <th scope="col">Score before → without them</th>
              <th scope="col">In the top 20 without them</th>
              <th scope="col">Place and score with only them</th>
            </tr>
          </thead>
          <tbody>
            {proof.steps.map((s) => (
              <tr key={s.k} data-events={s.events.map((e) => e.eventId).join(' ')}>
                <th scope="row">{s.k}</th>
                <td>
                  {place(proof.before.position)} → {place(s.without.position)}
                </td>
                <td>
                  {proof.before.score.toFixed(3)} → {s.without.score.toFixed(3)}
                </td>
                <td>{s.without.position !== null && s.without.position <= 20 ? 'yes' : 'no'}</td>
                <td>
                  {place(s.only.position)}, {s.only.score.toFixed(3)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
