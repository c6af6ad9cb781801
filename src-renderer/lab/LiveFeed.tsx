import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabState } from '@main/contract/lab';
import { call } from '../api/client';
import { WhyPanel } from '../screens/WhyPanel';
import {
  ACTION_KEYS,
  actionForKey,
  ACTION_LABELS,
  keysLabel,
  LAB_ACTIONS,
  type LabAction,
} from './keys';
import { LabCard } from './LabCard';
import { LabMetricsView } from './LabMetricsView';
import { ProfileBars } from './ProfileBars';
import type { LabSession } from './use-lab-session';
import { SIMULATED_SPEEDS, sendsWatchTime, watchSeconds, type WatchMode } from './watch-time';

/** The live feed: the card, the eight actions (buttons and keys), the profile and the "why". */
export function LiveFeed({ session, state }: { session: LabSession; state: LabState }) {
  const [mode, setMode] = useState<WatchMode>({ kind: 'simulated', speed: 10 });
  // When the card came on screen (real watch time is the time since); set once it shows.
  const shownAt = useRef(0);
  const cardId = state.card?.item.id ?? null;
  useEffect(() => {
    shownAt.current = performance.now();
  }, [cardId]);

  const { run } = session;
  const act = useCallback(
    (action: LabAction) => {
      if (cardId === null) return;
      const elapsed = performance.now() - shownAt.current;
      void run((sessionId) =>
        call('lab/act', {
          sessionId: sessionId ?? state.sessionId,
          action,
          itemId: cardId,
          ...(sendsWatchTime(action) ? { watchS: watchSeconds(mode, elapsed) } : {}),
        }),
      );
    },
    [run, cardId, mode, state.sessionId],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target.tagName : 'BODY';
      const action = actionForKey({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: target,
      });
      if (action === null) return;
      e.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act]);

  return (
    <div className="lab-live" data-events={state.metrics.events} data-busy={session.busy}>
      <div className="lab-card-column">
        {state.card ? (
          <LabCard item={state.card.item} position={state.metrics.videos + 1} />
        ) : (
          <p className="notice" role="note">
            The demo catalogue has no unseen video left for this feed. Use “Refresh feed” to start
            again as if new, or Reset.
          </p>
        )}
        <div className="lab-actions" role="group" aria-label="Actions on this video">
          {LAB_ACTIONS.map((action) => (
            <button
              key={action}
              type="button"
              data-action={action}
              aria-keyshortcuts={ACTION_KEYS[action].join(' ')}
              disabled={cardId === null}
              onClick={() => act(action)}
            >
              {ACTION_LABELS[action]} <kbd>{keysLabel(action)}</kbd>
            </button>
          ))}
        </div>
        <p className="muted lab-keys-help">
          Keys: ↓ or j watch and go on, s skip, l like, h share, c comment, f follow, n not
          interested, r rewatch. Watch, skip and not interested leave the card; the others act on it
          and re-rank what comes next.
        </p>
        <fieldset className="lab-watch-mode">
          <legend>Watch time</legend>
          <label>
            <input
              type="radio"
              name="watch-mode"
              checked={mode.kind === 'real'}
              onChange={() => setMode({ kind: 'real' })}
            />{' '}
            real (time on the card)
          </label>
          <label>
            <input
              type="radio"
              name="watch-mode"
              checked={mode.kind === 'simulated'}
              onChange={() => setMode({ kind: 'simulated', speed: 10 })}
            />{' '}
            simulated at{' '}
            <select
              aria-label="Simulated speed"
              value={mode.kind === 'simulated' ? mode.speed : 10}
              disabled={mode.kind !== 'simulated'}
              onChange={(e) => setMode({ kind: 'simulated', speed: Number(e.target.value) })}
            >
              {SIMULATED_SPEEDS.map((s) => (
                <option key={s} value={s}>
                  ×{s}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>
      <div className="lab-side">
        <h3>Your profile now</h3>
        <ProfileBars profile={state.profile} />
        <LabMetricsView state={state} />
        {state.upNext.length > 0 && (
          <p className="muted lab-up-next" data-testid="lab-up-next">
            Up next, as ranked now:{' '}
            {state.upNext
              .slice(0, 3)
              .map((i) => i.caption ?? i.id)
              .join(' · ')}
          </p>
        )}
        {state.card && (
          <details className="lab-why" open>
            <summary>Why this video?</summary>
            <WhyPanel entry={state.card} />
          </details>
        )}
      </div>
    </div>
  );
}
