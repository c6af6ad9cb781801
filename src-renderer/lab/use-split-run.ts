// Two engines fed the same persona: each side is its own Lab session, started with its settings
// and the same persona seed, then run by autopilot for the same number of videos. The sides run
// one after the other (the machine's cores are shared), each in one call.
import { useCallback, useState } from 'react';
import type { LabSettings, LabState, PersonaId } from '@main/contract/lab';
import { call } from '../api/client';
import { useLabSession, type LabSession } from './use-lab-session';

export type SplitConfig = {
  persona: PersonaId;
  personaSeed: number;
  videos: number;
  a: LabSettings;
  /** Null runs side A alone (a lesson step with one configuration). */
  b: LabSettings | null;
};

/** The split screen's first comparison: exploration off (A) against the documented ε (B). */
export const DEFAULT_SPLIT: SplitConfig = {
  persona: 'drifter',
  personaSeed: 1,
  videos: 300,
  a: { preset: 'tiktok-algo101', explorationShare: 0, rules: { exploration: false } },
  b: { preset: 'tiktok-algo101' },
};

export type SplitRun = {
  a: LabSession;
  b: LabSession;
  running: boolean;
  runBoth: (config: SplitConfig) => Promise<{ a: LabState; b: LabState | null } | null>;
};

export function useSplitRun(): SplitRun {
  const a = useLabSession();
  const b = useLabSession();
  const [running, setRunning] = useState(false);
  const runBoth = useCallback(
    async (config: SplitConfig) => {
      setRunning(true);
      try {
        const left = await runSide(a, config.a, config);
        if (!left) return null;
        if (config.b === null) return { a: left, b: null };
        const right = await runSide(b, config.b, config);
        return right ? { a: left, b: right } : null;
      } finally {
        setRunning(false);
      }
    },
    [a, b],
  );
  return { a, b, running, runBoth };
}

async function runSide(
  session: LabSession,
  settings: LabSettings,
  config: SplitConfig,
): Promise<LabState | null> {
  const started = await session.start({
    settings,
    persona: config.persona,
    personaSeed: config.personaSeed,
  });
  if (!started) return null;
  return session.run(
    async () =>
      (await call('lab/autopilot', { sessionId: started.sessionId, videos: config.videos })).state,
  );
}
