// How long an online run has left, from the progress events it pushed so far. Pure: the screen
// stamps each event with the time it arrived and passes the stamps in.

export type ProgressSample = { atMs: number; done: number };

/** The rate is measured over the last WINDOW_MS of samples, so a pause (a 429's backoff) shows. */
const WINDOW_MS = 30_000;

/**
 * Seconds left at the recent rate: (total − done) / (Δdone / Δt) over the samples of the last
 * WINDOW_MS. Null until two samples in that window show progress.
 */
export function etaSeconds(samples: readonly ProgressSample[], total: number): number | null {
  const latest = samples.at(-1);
  if (!latest) return null;
  const start = samples.find((s) => s.atMs >= latest.atMs - WINDOW_MS)!;
  const done = latest.done - start.done;
  const elapsedMs = latest.atMs - start.atMs;
  if (done <= 0 || elapsedMs <= 0) return null;
  return Math.max(0, total - latest.done) / (done / (elapsedMs / 1000));
}

/** Keeps the samples an ETA needs (the last WINDOW_MS) plus the new one. */
export function addSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
): ProgressSample[] {
  return [...samples.filter((s) => s.atMs >= sample.atMs - WINDOW_MS), sample];
}
