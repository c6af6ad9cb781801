// One live Lab session on the main side, seen from a screen: its latest state, one call at a time
// (an action pressed while the last is in flight is ignored, so a click always means the card on
// screen), and the session forgotten on the main side when the screen goes away.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Args } from '@main/contract';
import type { LabState } from '@main/contract/lab';
import { call } from '../api/client';

export type LabSession = {
  state: LabState | null;
  error: string | null;
  busy: boolean;
  /** Runs one call that answers with the session's new state; null if busy or it failed. */
  run: (next: (sessionId: string | null) => Promise<LabState>) => Promise<LabState | null>;
  start: (args: Args<'lab/start'>) => Promise<LabState | null>;
};

export function useLabSession(): LabSession {
  const [state, setState] = useState<LabState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const sessionRef = useRef<string | null>(null);

  const run = useCallback(async (next: (sessionId: string | null) => Promise<LabState>) => {
    if (busyRef.current) return null;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const value = await next(sessionRef.current);
      if (sessionRef.current !== null && sessionRef.current !== value.sessionId) {
        void endSession(sessionRef.current);
      }
      sessionRef.current = value.sessionId;
      setState(value);
      return value;
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const start = useCallback((args: Args<'lab/start'>) => run(() => call('lab/start', args)), [run]);

  useEffect(
    () => () => {
      if (sessionRef.current !== null) void endSession(sessionRef.current);
    },
    [],
  );

  return { state, error, busy, run, start };
}

/** Ends a session the screen no longer shows; a failure only means it was already gone. */
async function endSession(sessionId: string): Promise<void> {
  await call('lab/end', { sessionId }).catch(() => undefined);
}
