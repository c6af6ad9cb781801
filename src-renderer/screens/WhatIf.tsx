import { useState } from 'react';
import type { Args } from '@main/contract';
import type { CounterfactualDiff } from '@main/contract/replay';
import type { EventKind } from '@main/domain/types';
import { call } from '../api/client';
import { SideBySideFeeds } from '../cards/SideBySideFeeds';
import { changedPoints } from '../explain/side-by-side';
import { countOf, formatCount, formatTime } from '../format';
import type { EngineSettings } from '../settings';
import { DimName } from '../words/DimName';
import { Loading } from './Status';

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
    | {
        status: 'done';
        label: string;
        column: string;
        diff: CounterfactualDiff;
        /** The same question, answered in full for another slate. */
        ask: (slate: number) => Promise<CounterfactualDiff>;
      }
    | { status: 'error'; message: string }
  >({ status: 'idle' });

  /** `label` ends the summary's first words, `column` heads the changed feed. */
  async function run(label: string, column: string, edits: Edit) {
    setState({ status: 'running' });
    const ask = (slate?: number) =>
      call('replay/counterfactual', { datasetId, edits, ...settings, slate });
    try {
      setState({ status: 'done', label, column, diff: await ask(), ask });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }

  return (
    <div className="what-if" data-testid="what-if">
      <button
        type="button"
        onClick={() => void run('without it', 'Had it not happened', [{ op: 'remove', eventId }])}
      >
        What if it had not happened?
      </button>{' '}
      {SKIPPABLE.has(kind) && (
        <button
          type="button"
          onClick={() =>
            void run('as a skip', 'Had it been a skip', [
              { op: 'alter', eventId, set: { kind: 'skip', watchRatio: 0.1 } },
            ])
          }
        >
          …had been a skip?
        </button>
      )}
      {state.status === 'running' && <Loading label="Replaying twice…" />}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === 'done' && <DiffSummary label={state.label} diff={state.diff} />}
      {state.status === 'done' && changedPoints(state.diff.points).length > 0 && (
        <SideBySideFeeds
          key={state.label}
          diff={state.diff}
          changed={state.column}
          ask={state.ask}
        />
      )}
    </div>
  );
}

function DiffSummary({ label, diff }: { label: string; diff: CounterfactualDiff }) {
  const changed = changedPoints(diff.points).length;
  const first = diff.firstChanged;
  if (changed === 0 || !first)
    return <p>{label}: every later slate and the profile stay exactly the same.</p>;
  return (
    <div className="diff" data-testid="what-if-result">
      <p>
        {label}: {formatCount(changed)} of {countOf(diff.points.length, 'later feed')}{' '}
        {changed === 1 ? 'differs' : 'differ'}. At the first, {formatTime(first.atMs, 'minute')}:{' '}
        {countOf(first.entered.length, 'video')} {first.entered.length === 1 ? 'enters' : 'enter'},{' '}
        {formatCount(first.left.length)} {first.left.length === 1 ? 'leaves' : 'leave'},{' '}
        {formatCount(first.moved.length)} {first.moved.length === 1 ? 'moves' : 'move'};{' '}
        {countOf(first.profileDimsChanged, 'profile dimension')}{' '}
        {first.profileDimsChanged === 1 ? 'differs' : 'differ'}.
      </p>
      {first.profile.length > 0 && (
        <ul>
          {first.profile.slice(0, 5).map((d) => (
            <li key={d.dim}>
              <DimName dim={d.dim} /> {d.base.toFixed(3)} → {d.alt.toFixed(3)} (
              {d.diff >= 0 ? '+' : ''}
              {d.diff.toFixed(3)})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
