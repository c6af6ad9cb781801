// The Profile chart's default series is stored: the numbers are the replay's, a later open reads
// no events, and a change to the dataset's catalogue drops it (the next open replays again).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-main/contract';
import { startApp } from '../../src-main/app';
import { storeDefaultProfileSeries } from '../../src-main/operations/profile';
import { unwrap } from '../../src-main/api/router';
import { DIM_TYPES } from '../../src-main/engine/config';
import { countProfileSeries } from '../../src-main/db/profile-series';
import { writeMetadata } from '../../src-main/db/metadata';
import { bareItem } from '../../src-main/domain/types';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';
import { TIKTOK } from '../import/helpers';

describe('the stored profile series', () => {
  it('answers profile/stream exactly as the replay does, without reading any event', async () => {
    const db = tempDbPath();
    const first = startApp({ shell: 'test', db, now: () => FIXED_NOW });
    // Other settings are replayed, never stored.
    const other = { datasetId: 'demo', halfLifeDays: 3 };
    unwrap(await first.router.invoke('profile/stream', other));
    expect(countProfileSeries(first.ctx.db, 'demo')).toBe(0);
    // The first default answer comes from a replay, which it stores; then a zoom into its middle,
    // replayed too once the stored series is gone.
    const whole = unwrap(await first.router.invoke('profile/stream', { datasetId: 'demo' }));
    const third = (whole.full.toMs - whole.full.fromMs) / 3;
    const ranges = [
      {},
      { fromMs: Math.round(whole.full.fromMs + third), toMs: Math.round(whole.full.toMs - third) },
    ];
    first.ctx.db.prepare('DELETE FROM profile_series').run();
    const replayed = [
      whole,
      unwrap(await first.router.invoke('profile/stream', { datasetId: 'demo', ...ranges[1] })),
    ];
    // One replay stores every dimension's series.
    expect(countProfileSeries(first.ctx.db, 'demo')).toBe(DIM_TYPES.length);
    first.close();

    const second = startApp({ shell: 'test', db, now: () => FIXED_NOW });
    for (const [k, range] of ranges.entries()) {
      const stored = unwrap(
        await second.router.invoke('profile/stream', { datasetId: 'demo', ...range }),
      );
      expect(stored).toEqual(replayed[k]);
    }
    expect(replayed[0]!.buckets.length).toBeGreaterThan(100);
    expect(replayed[1]!.buckets.length).toBeGreaterThan(1);
    expect(replayed[1]!.buckets.length).toBeLessThan(replayed[0]!.buckets.length);
    // Nothing was loaded: the answer came from the stored series alone.
    expect(second.ctx.loaded.size).toBe(0);
    second.close();
  });

  it('is stored by an import, so the first open of the chart reads no event', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const done = new Promise<EventMap['import/finished']>((resolve) =>
      app.on('import/finished', resolve),
    );
    unwrap(await app.router.invoke('import/start', { path: join(TIKTOK, 'g2/user_data.json') }));
    const end = await done;
    if (!end.ok) throw new Error(end.error.message);
    const { datasetId } = end.summary;
    expect(countProfileSeries(app.ctx.db, datasetId)).toBe(DIM_TYPES.length);
    const stream = unwrap(await app.router.invoke('profile/stream', { datasetId }));
    expect(app.ctx.loaded.size).toBe(0);
    expect(stream.buckets.at(-1)!.eventIndex).toBe(end.summary.eventCount - 1);
    // Whatever the chart follows.
    const hashtags = unwrap(
      await app.router.invoke('profile/stream', { datasetId, dimension: 'hashtag' }),
    );
    expect(hashtags.buckets.length).toBe(stream.buckets.length);
    expect(app.ctx.loaded.size).toBe(0);
    app.close();
  });

  it('is stored again, to the same numbers, after metadata drops it', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    storeDefaultProfileSeries(app.ctx.db, 'demo');
    const before = unwrap(await app.router.invoke('profile/stream', { datasetId: 'demo' }));
    expect(app.ctx.loaded.size).toBe(0);
    writeMetadata(
      app.ctx.db,
      'csv',
      [{ ...bareItem('1', null), caption: 'not in the demo' }],
      FIXED_NOW,
    );
    expect(countProfileSeries(app.ctx.db, 'demo')).toBe(0);
    const after = unwrap(await app.router.invoke('profile/stream', { datasetId: 'demo' }));
    expect(after).toEqual(before);
    expect(countProfileSeries(app.ctx.db, 'demo')).toBe(DIM_TYPES.length);
    app.close();
  });
});
