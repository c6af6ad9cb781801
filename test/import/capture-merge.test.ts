// Bug-shaped scenarios the import issue names: a capture's metadata reaches an export's videos,
// and a multi-user event log is imported one subject at a time.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { loadCatalogue } from '../../src-main/db/catalogue';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const fixture = (path: string) => join(ROOT, 'fixtures', path);
const SHARED = ['7420605698581150797', '7421255099413710332', '7424502095415862891'];

function freshApp() {
  return startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW, withoutDemo: true });
}

describe('a TikTok export beside a Zeeschuimer capture', () => {
  it('gives the export’s videos the capture’s creators, hashtags and topics', async () => {
    const app = freshApp();
    const exported = unwrap(
      await app.router.invoke('import/run', {
        path: fixture('tiktok/with-capture/user_data_tiktok.json'),
      }),
    );
    const before = loadCatalogue(app.db, exported.datasetId).filter((i) => SHARED.includes(i.id));
    expect(before.map((i) => i.creator)).toEqual([null, null, null]);

    const creators = async () =>
      unwrap(
        await app.router.invoke('profile/timeline', {
          datasetId: exported.datasetId,
          dimension: 'creator',
        }),
      ).topics;
    expect(await creators()).toEqual([]);

    unwrap(await app.router.invoke('import/run', { path: fixture('zeeschuimer/capture.ndjson') }));
    // The engine sees the new metadata at once: the loaded export is not served stale.
    expect((await creators()).length).toBeGreaterThan(0);
    const after = loadCatalogue(app.db, exported.datasetId);
    for (const id of SHARED) {
      const item = after.find((i) => i.id === id)!;
      expect(item.creator).toMatch(/^@/);
      expect(item.topics.length + item.hashtags.length).toBeGreaterThan(0);
    }
    // The two videos the capture did not load stay bare: nothing is invented.
    const bare = after.filter((i) => ['7431865809607066602', '7378904997376820207'].includes(i.id));
    expect(bare.map((i) => [i.creator, i.topics])).toEqual([
      [null, []],
      [null, []],
    ]);
    app.close();
  });
});

describe('a multi-user event log', () => {
  it('names its users instead of mixing their histories into one profile', async () => {
    const app = freshApp();
    const mixed = await app.router.invoke('import/run', {
      path: fixture('event-log/sock-puppet.csv'),
    });
    expect(mixed.ok).toBe(false);
    if (!mixed.ok) {
      expect(mixed.error.code).toBe('bad-input');
      expect(mixed.error.message).toMatch(
        /sock-puppet\.csv: holds the events of 2 users \(.+, .+\); import one at a time/,
      );
    }
    expect(unwrap(await app.router.invoke('datasets/list', {}))).toEqual([]);
    app.close();
  });

  it('lists the users of a log so one can be chosen, and none for an export', async () => {
    const app = freshApp();
    const users = async (path: string) =>
      unwrap(await app.router.invoke('import/users', { path: fixture(path) })).users;
    expect(await users('event-log/sock-puppet.csv')).toEqual(['puppet-cook', 'puppet-gamer']);
    expect(await users('tiktok/g3/user_data_tiktok.json')).toEqual([]);
    expect(unwrap(await app.router.invoke('datasets/list', {}))).toEqual([]);
    app.close();
  });

  it('imports one user per dataset, each idempotently', async () => {
    const app = freshApp();
    const path = fixture('event-log/sock-puppet.csv');
    const cook = unwrap(await app.router.invoke('import/run', { path, user: 'puppet-cook' }));
    expect(cook.name).toBe('sock-puppet.csv · puppet-cook');
    expect(cook.alreadyImported).toBe(false);
    const again = unwrap(await app.router.invoke('import/run', { path, user: 'puppet-cook' }));
    expect(again).toMatchObject({ datasetId: cook.datasetId, alreadyImported: true });
    const missing = await app.router.invoke('import/run', { path, user: 'nobody' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const lists = unwrap(await app.router.invoke('datasets/list', {}));
    expect(lists.map((d) => d.id)).toEqual([cook.datasetId]);
    app.close();
  });
});
