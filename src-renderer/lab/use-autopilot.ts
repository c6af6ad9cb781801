// Autopilot at a chosen speed: "instant" asks for all N videos in one call; a speed in videos per
// second asks for them in small chunks, one every TICK_MS, so the card and profile move on screen.
import { useCallback, useRef, useState } from 'react';
import type { LabState, PersonaId } from '@main/contract/lab';
import { call } from '../api/client';
import type { LabSession } from './use-lab-session';

export const AUTOPILOT_SPEEDS = ['instant', 2, 10, 50] as const;
export type AutopilotSpeed = (typeof AUTOPILOT_SPEEDS)[number];

const TICK_MS = 500;

export type AutopilotRun = { persona: PersonaId; done: number; total: number; running: boolean };

export function useAutopilot(
  session: LabSession,
  onFinished: (state: LabState, persona: PersonaId) => void,
) {
  const [runState, setRunState] = useState<AutopilotRun | null>(null);
  const stopRef = useRef(false);
  const { run } = session;

  const start = useCallback(
    async (persona: PersonaId, total: number, speed: AutopilotSpeed) => {
      stopRef.current = false;
      const chunk = speed === 'instant' ? total : Math.max(1, Math.round((speed * TICK_MS) / 1000));
      let done = 0;
      let last: LabState | null = null;
      setRunState({ persona, done, total, running: true });
      while (done < total && !stopRef.current) {
        const videos = Math.min(chunk, total - done);
        const began = performance.now();
        const next = await run(async (sessionId) => {
          if (sessionId === null) throw new Error('Start a feed before running a persona.');
          return (await call('lab/autopilot', { sessionId, videos, persona })).state;
        });
        if (next === null) break;
        last = next;
        done += videos;
        setRunState({ persona, done, total, running: done < total });
        const wait = TICK_MS - (performance.now() - began);
        if (speed !== 'instant' && done < total && wait > 0)
          await new Promise((resolve) => setTimeout(resolve, wait));
      }
      setRunState((r) => (r ? { ...r, running: false } : r));
      if (last) onFinished(last, persona);
    },
    [run, onFinished],
  );
  const stop = useCallback(() => {
    stopRef.current = true;
  }, []);
  return { runState, start, stop };
}
