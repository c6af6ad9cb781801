// Every TikTok export generation and layout we ship a fixture for, imported through the real
// pipeline: exact counts per kind, exact first and last timestamps (UTC), sessions, duplicates.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { loadEvents, loadItems } from '../../src-main/db/datasets';
import { tempDbPath } from '../helpers/temp';
import { dbDigest, importPath, testApp, TIKTOK } from './helpers';

const FULL = {
  comment: 1,
  favorite: 3,
  follow: 2,
  'keyword-filter': 2,
  like: 3,
  search: 2,
  share: 2,
  watch: 7,
};
const FIRST = '2023-01-20T19:45:10.000Z';
const LAST = '2024-11-02T14:30:20.000Z';

const CASES = [
  {
    path: 'g1/user_data.json',
    format: 'tiktok-json',
    events: { watch: 7 },
    from: '2024-11-02T10:00:00.000Z',
    to: '2024-11-02T14:30:12.000Z',
    sessions: 2,
    duplicates: 1,
    items: 6,
  },
  {
    path: 'g2/user_data.json',
    format: 'tiktok-json',
    events: { ...FULL, favorite: 4 },
    from: FIRST,
    to: LAST,
    sessions: 11,
    duplicates: 2,
    items: 8,
  },
  {
    path: 'g3/user_data_tiktok.json',
    format: 'tiktok-json',
    events: FULL,
    from: FIRST,
    to: LAST,
    sessions: 10,
    duplicates: 2,
    items: 8,
  },
  {
    path: 'g4/user_data_tiktok.json',
    format: 'tiktok-json',
    events: FULL,
    from: FIRST,
    to: LAST,
    sessions: 10,
    duplicates: 2,
    items: 8,
  },
  {
    path: 'written-twice/user_data_tiktok.json',
    format: 'tiktok-json',
    events: FULL,
    from: FIRST,
    to: LAST,
    sessions: 10,
    duplicates: 2,
    items: 8,
  },
  {
    path: 'TikTok_Data_1730000000.zip',
    format: 'tiktok-json',
    events: FULL,
    from: FIRST,
    to: LAST,
    sessions: 10,
    duplicates: 2,
    items: 8,
  },
  {
    path: 'txt-folders',
    format: 'tiktok-txt',
    events: { comment: 1, favorite: 3, follow: 2, like: 3, search: 2, share: 2, watch: 7 },
    from: FIRST,
    to: LAST,
    sessions: 10,
    duplicates: 2,
    items: 8,
  },
  {
    path: 'txt-2020',
    format: 'tiktok-txt',
    events: { like: 3, search: 2, watch: 7 },
    from: FIRST,
    to: '2024-11-02T14:30:12.000Z',
    sessions: 5,
    duplicates: 1,
    items: 8,
  },
] as const;

let app: App | undefined;
afterEach(() => app?.close());

describe('TikTok export fixtures', () => {
  for (const c of CASES) {
    it(`imports ${c.path} with exact counts and UTC bounds`, async () => {
      app = testApp(tempDbPath());
      const s = await importPath(app, join(TIKTOK, c.path));
      expect(s).toMatchObject({
        format: c.format,
        kind: 'tiktok-export',
        events: c.events,
        from: c.from,
        to: c.to,
        sessions: c.sessions,
        duplicatesRemoved: c.duplicates,
        itemCount: c.items,
        itemsWithMetadata: 0,
        itemsWithoutMetadata: c.items,
        alreadyImported: false,
      });
      expect(s.eventCount).toBe(Object.values(c.events).reduce((a, b) => a + b, 0));
      expect(s.lacks).toContain(
        'no watch durations in TikTok exports: inferred from gaps between entries',
      );
      expect(s.inferred.join(' ')).toMatch(/watch times were estimated from the gap/);
      expect(s.warnings.some((w) => w.includes('content twice'))).toBe(
        c.path.startsWith('written-twice'),
      );
    });
  }

  it('keeps ids as strings, dates items from id >> 32 and labels only watches inferred', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, join(TIKTOK, 'g3/user_data_tiktok.json'));
    const items = loadItems(app.db, s.datasetId);
    const item = items.find((it) => it.id === '7431475397079860201')!;
    expect(item.createdAtMs).toBe(Date.UTC(2024, 9, 30, 8, 0, 0));
    expect(item).toMatchObject({
      caption: null,
      creator: null,
      hashtags: [],
      topics: [],
      stats: null,
    });
    const events = loadEvents(app.db, s.datasetId);
    // Keyword filters are the person's own settings (observed), standing from the first moment.
    for (const e of events) expect(e.evidence).toBe(e.kind === 'watch' ? 'inferred' : 'observed');
    const filters = events.filter((e) => e.kind === 'keyword-filter');
    expect(filters.map((e) => e.atMs)).toEqual([events[0]!.atMs, events[0]!.atMs]);
    const watches = events.filter((e) => e.kind === 'watch');
    // Sorted ascending; same-second entries keep the file's (newest-first) order reversed. Sessions
    // 0–7 are the older likes, follows and searches.
    expect(
      watches.map((w) => [new Date(w.atMs).toISOString().slice(11, 19), w.watchS, w.session]),
    ).toEqual([
      ['10:00:00', 4, 8],
      ['10:00:04', 0, 8],
      ['10:00:04', 5, 8],
      ['10:00:09', 21, 8],
      ['10:00:30', null, 8],
      ['14:30:00', 12, 9],
      ['14:30:12', null, 9],
    ]);
    expect(watches[1]!.itemId).toBe('7431865809607066602');
    const targets = events
      .filter((e) => e.target)
      .map((e) => `${e.kind}:${e.target!.type}:${e.target!.value}`);
    expect(targets.sort()).toEqual([
      'comment:text:so good, saving this',
      'favorite:hashtag:12345678',
      'favorite:sound:6800000000000000001',
      'follow:creator:@demo.chef',
      'keyword-filter:keyword:diet',
      'keyword-filter:keyword:spoilers',
      'search:query:cat videos',
      'search:query:easy pasta recipe',
      'share:creator:@demo.chef',
    ]);
  });

  it('cuts sessions at the configured gap', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, join(TIKTOK, 'g1/user_data.json'), 300);
    expect(s.sessions).toBe(1);
  });

  it('re-importing the same bytes changes nothing and says so', async () => {
    app = testApp(tempDbPath());
    const first = await importPath(app, join(TIKTOK, 'g3/user_data_tiktok.json'));
    const before = dbDigest(app.db);
    const again = await importPath(app, join(TIKTOK, 'g3/user_data_tiktok.json'));
    expect(again).toEqual({ ...first, alreadyImported: true });
    expect(dbDigest(app.db)).toEqual(before);
  });

  it('detects both event-log forms by their content', async () => {
    app = testApp(tempDbPath());
    const log = (name: string) => join(TIKTOK, '..', 'event-log', name);
    const csv = await importPath(app, log('sock-puppet.csv'), undefined, 'puppet-cook');
    const jsonl = await importPath(app, log('sock-puppet.jsonl'), undefined, 'puppet-gamer');
    expect([csv.format, jsonl.format]).toEqual(['event-log-csv', 'event-log-jsonl']);
    expect(csv.kind).toBe('event-log');
  });

  it('detects a Zeeschuimer capture by its content', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, join(TIKTOK, '..', 'zeeschuimer', 'capture.ndjson'));
    expect(s.format).toBe('zeeschuimer');
    expect(s.itemsWithMetadata).toBeGreaterThan(0);
  });
});
