// viewing/overview on the realistic export, through the router: every figure is recomputed here
// another way, from the fixture's own JSON (counts, months, the weekday × hour cells, in UTC and
// in New York across its daylight-saving change of 2025-03-09) or by SQL over the stored events
// (minutes, videos left within 2 s, sessions), never by the engine under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import type { ViewingOverviewResult } from '../../src-main/contract/viewing';
import { zoneOffsets } from '../../src-main/operations/viewing';
import { tempDbPath } from '../helpers/temp';
import { importPath, testApp, TIKTOK } from '../import/helpers';

const PATH = join(TIKTOK, 'realistic-g3', 'user_data_tiktok.json');
type Rec = Record<string, string>;
const activity = (
  JSON.parse(readFileSync(PATH, 'utf8')) as {
    'Your Activity': Record<string, Record<string, Rec[]>>;
  }
)['Your Activity'];
/** Distinct records' UTC times (TikTok writes some records twice; the importer keeps one). */
function times(section: string, key: string): number[] {
  const distinct = new Set(activity[section]![key]!.map((r) => JSON.stringify(r)));
  return [...distinct].map((json) => {
    const r = JSON.parse(json) as Rec;
    return Date.parse(`${(r.Date ?? r.date)!.replace(' ', 'T')}Z`);
  });
}
const watches = times('Watch History', 'VideoList');

/** Weekday (0 = Monday) and hour of an instant in a zone, as Intl's wall clock says. */
function wall(ms: number, timeZone: string): { cell: number; month: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!);
  return { cell: weekday * 24 + Number(parts.hour), month: `${parts.year}-${parts.month}` };
}

let app: App;
let datasetId: string;
const overview = async (timeZone: string): Promise<ViewingOverviewResult> =>
  unwrap(await app.router.invoke('viewing/overview', { datasetId, timeZone }));

beforeAll(async () => {
  app = testApp(tempDbPath());
  datasetId = (await importPath(app, PATH)).datasetId;
});
afterAll(() => app?.close());

describe('viewing/overview on the realistic G3 export', () => {
  it('counts every video started, per month and per weekday × hour (UTC)', async () => {
    const o = await overview('UTC');
    expect(o.watches).toBe(watches.length);
    const cells = new Array<number>(168).fill(0);
    const months = new Map<string, number>();
    for (const ms of watches) {
      const { cell, month } = wall(ms, 'UTC');
      cells[cell]!++;
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    expect(o.heatmapWatches).toEqual(cells);
    expect(Object.fromEntries(o.months.map((m) => [m.month, m.watches]))).toEqual(
      Object.fromEntries(months),
    );
    expect(o.days.reduce((sum, d) => sum + d.watches, 0)).toBe(watches.length);
  });

  it('places each video in New York’s hours, before and after the clocks changed', async () => {
    const o = await overview('America/New_York');
    const cells = new Array<number>(168).fill(0);
    for (const ms of watches) cells[wall(ms, 'America/New_York').cell]!++;
    expect(watches.some((ms) => ms < Date.UTC(2025, 2, 9, 7))).toBe(true);
    expect(watches.some((ms) => ms > Date.UTC(2025, 2, 9, 7))).toBe(true);
    expect(o.heatmapWatches).toEqual(cells);
    expect(o.timeZone).toBe('America/New_York');
  });

  it('counts likes, shares and searches per month', async () => {
    const o = await overview('UTC');
    const expected = new Map<string, { likes: number; shares: number; searches: number }>();
    const add = (list: number[], key: 'likes' | 'shares' | 'searches') => {
      for (const ms of list) {
        const month = wall(ms, 'UTC').month;
        const row = expected.get(month) ?? { likes: 0, shares: 0, searches: 0 };
        row[key]++;
        expected.set(month, row);
      }
    };
    add(times('Like List', 'ItemFavoriteList'), 'likes');
    add(times('Share History', 'ShareHistoryList'), 'shares');
    add(times('Searches', 'SearchList'), 'searches');
    const nonEmpty = o.activity.filter((a) => a.likes + a.shares + a.searches > 0);
    expect(Object.fromEntries(nonEmpty.map(({ month, ...counts }) => [month, counts]))).toEqual(
      Object.fromEntries(expected),
    );
  });

  it('sums the stored watch times into minutes, and counts those under 2 s and the sessions', async () => {
    const o = await overview('UTC');
    const sql = app.db
      .prepare(
        `SELECT SUM(watch_s) AS seconds, COUNT(watch_s) AS timed,
                SUM(watch_s < 2) AS left, COUNT(DISTINCT session) AS sessions
           FROM events WHERE dataset_id = ? AND kind = 'watch'`,
      )
      .get(datasetId) as { seconds: number; timed: number; left: number; sessions: number };
    expect(o.minutes).toBeCloseTo(sql.seconds / 60, 1);
    expect(o.timedWatches).toBe(sql.timed);
    expect(o.leftWithinSeconds).toBe(sql.left);
    expect(o.sessions).toBe(sql.sessions);
    expect(o.minutesEvidence).toBe('inferred');
    const longest = app.db
      .prepare(
        `SELECT MAX(at_ms) - MIN(at_ms) AS ms FROM events WHERE dataset_id = ?
           AND session IN (SELECT session FROM events WHERE dataset_id = ? AND kind = 'watch')
         GROUP BY session ORDER BY ms DESC LIMIT 1`,
      )
      .get(datasetId, datasetId) as { ms: number };
    expect(o.longestSessions[0]!.lengthS).toBeCloseTo(longest.ms / 1000, 1);
    expect(o.sessionLengths.reduce((a, b) => a + b, 0)).toBe(sql.sessions);
    expect(o.days.reduce((sum, d) => sum + d.sessions, 0)).toBe(sql.sessions);
  });

  it('refuses a time zone it does not know, and a dataset that is not there', async () => {
    const zone = await app.router.invoke('viewing/overview', {
      datasetId,
      timeZone: 'Mars/Olympus',
    });
    expect(zone.ok).toBe(false);
    if (!zone.ok) expect(zone.error.code).toBe('bad-args');
    const missing = await app.router.invoke('viewing/overview', {
      datasetId: 'nope',
      timeZone: 'UTC',
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not-found');
  });
});

describe('a time zone as a table of offsets', () => {
  it('finds Berlin’s two clock changes of 2025 to the millisecond', () => {
    expect(zoneOffsets('Europe/Berlin', Date.UTC(2025, 0, 1), Date.UTC(2025, 11, 31))).toEqual([
      { fromMs: Date.UTC(2025, 0, 1), offsetMinutes: 60 },
      { fromMs: Date.UTC(2025, 2, 30, 1), offsetMinutes: 120 },
      { fromMs: Date.UTC(2025, 9, 26, 1), offsetMinutes: 60 },
    ]);
  });

  it('gives one entry for a zone without changes, and for a span under a day', () => {
    expect(zoneOffsets('UTC', 0, Date.UTC(2025, 0, 1))).toEqual([{ fromMs: 0, offsetMinutes: 0 }]);
    expect(zoneOffsets('Asia/Kolkata', 1000, 2000)).toEqual([{ fromMs: 1000, offsetMinutes: 330 }]);
  });
});
