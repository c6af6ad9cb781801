// How many seconds a manual action says were watched: real (the time the card was on screen) or
// simulated, the same time run at a chosen speed (×10: three seconds on a card count as thirty).
// Pure and tested (test/renderer/lab-keys.test.ts).

export type WatchMode = { kind: 'real' } | { kind: 'simulated'; speed: number };

export const SIMULATED_SPEEDS = [2, 5, 10, 30] as const;

/** The contract accepts at most an hour of watching per action. */
const MAX_WATCH_S = 3600;

export function watchSeconds(mode: WatchMode, elapsedMs: number): number {
  const seconds = Math.max(0, elapsedMs) / 1000;
  const scaled = mode.kind === 'real' ? seconds : seconds * mode.speed;
  return Math.min(MAX_WATCH_S, Math.round(scaled * 10) / 10);
}

/** Only leaving a card says how long it was watched; acting on it (like, share...) does not. */
export function sendsWatchTime(action: string): boolean {
  return action === 'watch' || action === 'skip';
}
