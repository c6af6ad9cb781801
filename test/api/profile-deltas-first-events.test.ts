// A signal-log page replays only the events up to its end (read alone from SQLite while the whole
// dataset is not loaded): its deltas are exactly those of a replay over every event.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

describe('profile/deltas', () => {
  it('gives the same page from the first events alone as from all of them', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const page = (offset: number, halfLifeDays?: number) =>
      app.router.invoke('profile/deltas', { datasetId: 'demo', offset, limit: 40, halfLifeDays });
    const { total } = unwrap(await page(0));
    expect(total).toBeGreaterThan(400);
    for (const [offset, halfLifeDays] of [
      [0, undefined],
      [Math.floor(total / 2), undefined],
      [total - 25, 3],
    ] as const) {
      app.ctx.loaded.clear();
      const alone = unwrap(await page(offset, halfLifeDays));
      // Every event read (as the Feed screen's timeline does), then the same page again.
      const [data] = [...app.ctx.loaded.values()];
      expect(data!.events.length).toBe(total);
      const whole = unwrap(await page(offset, halfLifeDays));
      expect(alone).toEqual(whole);
      expect(alone.total).toBe(total);
      expect(alone.deltas.length).toBe(Math.min(40, total - offset));
      expect(alone.deltas.some((d) => d.changes.length > 0)).toBe(true);
    }
    app.close();
  });
});
