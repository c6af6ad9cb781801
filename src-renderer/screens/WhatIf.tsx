import { useState } from 'react';
import type { Args } from '@main/api/contract';
import type { CounterfactualDiff } from '@main/api/contract/replay';
import type { EventKind } from '@main/domain/types';
import { call } from '../api/client';
import { countOf, formatCount, formatTime } from '../format';
import type { EngineSettings } from '../settings';

type Edit = Args<'replay/counterfactual'>['edits'];

/** Kinds for which "what if it had been a skip?" is a meaningful question. */
const SKIPPABLE = new Set<EventKind>(['watch', 'rewatch', 'like', 'favorite', 'share', 'comment']);

/** Replays the dataset without one event (or with it turned into a skip) and shows what changed. */
export function WhatIf({
  datasetId,
  eventId,
  kind,
  settings,
}: {
  datasetId: string;
  eventId: string;
  kind: EventKind;
  settings: EngineSettings;
}) {
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'running' }
    | { status: 'done'; label: string; diff: CounterfactualDiff }
    | { status: 'error'; message: string }
  >({ status: 'idle' });

  async function run(label: string, edits: Edit) {
    setState({ status: 'running' });
    try {
      const diff = await call('replay/counterfactual', { datasetId, edits, ...settings });
      setState({ status: 'done', label, diff });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }

  return (
    <div className="what-if" data-testid="what-if">
      <button type="button" onClick={() => void run('without it', [{ op: 'remove', eventId }])}>
        What if it had not happened?
      </button>{' '}
      {SKIPPABLE.has(kind) && (
        <button
          type="button"
          onClick={() =>
            void run('as a skip', [
              { op: 'alter', eventId, set: { kind: 'skip', watchRatio: 0.1 } },
            ])
          }
        >
          …had been a skip?
        </button>
      )}
      {state.status === 'running' && <p className="muted">Replaying twice…</p>}
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {state.status === 'done' && <DiffSummary label={state.label} diff={state.diff} />}
    </div>
  );
}

function DiffSummary({ label, diff }: { label: string; diff: CounterfactualDiff }) {
  const changed = diff.points.filter(
    (p) => p.entered.length + p.left.length + p.moved.length > 0 || p.profileDimsChanged > 0,
  );
  if (changed.length === 0)
    return <p>{label}: every later slate and the profile stay exactly the same.</p>;
  const first = changed[0]!;
  return (
    <div className="diff" data-testid="what-if-result">
      <p>
        {label}: {formatCount(changed.length)} of {countOf(diff.points.length, 'later feed')}{' '}
        {changed.length === 1 ? 'differs' : 'differ'}. At the first,{' '}
        {formatTime(first.atMs, 'minute')}: {countOf(first.entered.length, 'video')}{' '}
        {first.entered.length === 1 ? 'enters' : 'enter'}, {formatCount(first.left.length)}{' '}
        {first.left.length === 1 ? 'leaves' : 'leave'}, {formatCount(first.moved.length)}{' '}
        {first.moved.length === 1 ? 'moves' : 'move'};{' '}
        {countOf(first.profileDimsChanged, 'profile dimension')}{' '}
        {first.profileDimsChanged === 1 ? 'differs' : 'differ'}.
      </p>
      {first.profile.length > 0 && (
        <ul>
          {first.profile.slice(0, 5).map((d) => (
            <li key={d.dim}>
              <code>{d.dim}</code> {d.base.toFixed(3)} → {d.alt.toFixed(3)} (
              {d.diff >= 0 ? '+' : ''}
              {d.diff.toFixed(3)})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
