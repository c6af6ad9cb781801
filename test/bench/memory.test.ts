// The memory suite of `npm run bench` (issue #20) on a small export: each run is a process of its
// own that imports or replays for real and reports its own peak RSS, per event.
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../scripts/bench/memory';

afterEach(() => {
  delete process.env.FEEDLENS_BENCH_MEMORY_SIZES;
});

describe('the memory bench', () => {
  it('imports and replays a generated export in processes of their own, per event', async () => {
    process.env.FEEDLENS_BENCH_MEMORY_SIZES = '2000';
    const figures = await run();
    expect(Object.keys(figures)).toEqual(['import-2k', 'replay-2k']);
    for (const fig of Object.values(figures)) {
      // 2,000 watches and 40 likes, all read, all replayed.
      expect(fig.notes?.events).toBe(2040);
      expect(fig.unit).toBe('KB/event');
      expect(fig.value).toBeCloseTo((Number(fig.notes!.peakRssMb) * 1024) / 2040, 2);
      expect(Number(fig.notes!.peakRssMb)).toBeGreaterThanOrEqual(Number(fig.notes!.startRssMb));
    }
    expect(figures['import-2k']!.notes!.phases).toMatch(
      /Reading .*Writing .*Recording the profile/,
    );
  }, 120_000);
});
