// The Feed names the candidates a rule removed by caption and creator, as it names the feed's own.
import { expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

it('gives each removed candidate its caption and creator', async () => {
  const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
  const feed = unwrap(await app.router.invoke('feed/at', { datasetId: 'demo' }));
  app.close();
  // After the demo's week, the videos already watched are removed as seen; the demo knows them all.
  const seen = feed.removed.filter((r) => r.rule === 'seen');
  expect(seen.length).toBeGreaterThan(0);
  for (const r of seen) {
    expect(r.caption, r.itemId).toMatch(/\S/);
    expect(r.creator, r.itemId).toMatch(/^@/);
  }
});
