// profile/events names past events for "why this video": place in the signal log, caption, creator.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

describe('profile/events', () => {
  it('gives each known event its signal-log position and its video, and skips unknown ids', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const page = unwrap(
      await app.router.invoke('profile/deltas', { datasetId: 'demo', offset: 10, limit: 3 }),
    );
    const ids = page.deltas.map((d) => d.eventId);
    const named = unwrap(
      await app.router.invoke('profile/events', { datasetId: 'demo', eventIds: [...ids, 'nope'] }),
    );
    expect(named.map((e) => [e.eventId, e.eventIndex])).toEqual(
      page.deltas.map((d) => [d.eventId, d.eventIndex]),
    );
    expect(named.map((e) => e.eventIndex)).toEqual([10, 11, 12]);
    const withVideo = named.filter((e) => e.itemId !== null);
    expect(withVideo.length).toBeGreaterThan(0);
    for (const e of withVideo) expect(e.creator).toMatch(/^@/);
    app.close();
  });
});
