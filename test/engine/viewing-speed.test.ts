// "Your viewing" at scale: one pass over 1,000,000 events (test/helpers/million.ts), timed without
// the browser or the database. The figure is recorded in docs/PERFORMANCE.md.
import { expect, it } from 'vitest';
import type { FeedEvent } from '../../src-main/domain/types';
import { viewingOverview } from '../../src-main/engine/viewing';
import { MILLION_EVENTS, millionEvents } from '../helpers/million';

/** Generous for a shared 2-core machine; a quiet one takes a small fraction of it. */
const BUDGET_MS = 2000;

it(`computes the overview of ${MILLION_EVENTS.toLocaleString('en')} events within ${BUDGET_MS} ms`, () => {
  const events: FeedEvent[] = [...millionEvents()];
  // A zone with a daylight-saving change every half year over the 2.5 years, as Intl would give.
  const offsets = Array.from({ length: 6 }, (_, k) => ({
    fromMs: Date.UTC(2023 + Math.floor(k / 2), k % 2 === 0 ? 2 : 9, 26, 1),
    offsetMinutes: k % 2 === 0 ? 120 : 60,
  }));
  const times: number[] = [];
  let watches = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    watches = viewingOverview(events, offsets).watches;
    times.push(performance.now() - started);
  }
  const median = [...times].sort((a, b) => a - b)[2]!;
  console.log(
    `viewing/overview engine, 1,000,000 events: median ${median.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
  expect(watches).toBe(MILLION_EVENTS);
  expect(median).toBeLessThanOrEqual(BUDGET_MS);
}, 60_000);
