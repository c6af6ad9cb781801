// "Your viewing" on a hand-made event list: every figure worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { EventKind, FeedEvent } from '../../src-main/domain/types';
import { civilFromDays } from '../../src-main/engine/format';
import { viewingOverview } from '../../src-main/engine/viewing';

// Monday 2024-11-04 22:00 UTC, and Tuesday 2024-11-05 23:30 UTC.
const T1 = Date.UTC(2024, 10, 4, 22);
const T2 = Date.UTC(2024, 10, 5, 23, 30);
const S = 1000;

let n = 0;
function ev(
  kind: EventKind,
  atMs: number,
  session: number,
  watchS: number | null = null,
): FeedEvent {
  return {
    id: `e${String(n++).padStart(6, '0')}`,
    atMs,
    kind,
    itemId: kind === 'search' ? null : '7300000000000000001',
    target: kind === 'search' ? { type: 'query', value: 'soup' } : null,
    watchS,
    watchRatio: null,
    level: null,
    evidence: kind === 'watch' ? 'inferred' : 'observed',
    session,
  };
}

const EVENTS: FeedEvent[] = [
  // Session 0: four watches (1 s, 30 s, 89 s, the last without a time) and a like; 120 s long.
  ev('watch', T1, 0, 1),
  ev('watch', T1 + 1 * S, 0, 30),
  ev('like', T1 + 20 * S, 0),
  ev('watch', T1 + 31 * S, 0, 89),
  ev('watch', T1 + 120 * S, 0),
  // Session 1: two watches (0.5 s, none), a search and a share; 50 s long.
  ev('watch', T2, 1, 0.5),
  ev('search', T2 + 10 * S, 1),
  ev('watch', T2 + 40 * S, 1),
  ev('share', T2 + 50 * S, 1),
  // Session 2: a like alone, a month later: activity, not viewing.
  ev('like', Date.UTC(2024, 11, 10, 12), 2),
];

const cell = (weekday: number, hour: number) => weekday * 24 + hour;

describe('viewing overview, in UTC', () => {
  const o = viewingOverview(EVENTS, []);

  it('counts videos started, timed ones, minutes and the ones left within 2 s', () => {
    expect(o.watches).toBe(6);
    expect(o.timedWatches).toBe(4);
    // 1 + 30 + 89 + 0.5 = 120.5 s = 2.008 min.
    expect(o.minutes).toBe(2);
    expect(o.minutesEvidence).toBe('inferred');
    // 1 s and 0.5 s are under DataSkop's 2 s.
    expect(o.leftWithinSeconds).toBe(2);
    expect(o.leftWithinS).toBe(2);
    expect(o.publishedMinutesPerMonth).toBe(850);
  });

  it('counts sessions with a watch, per day, by length, longest first', () => {
    expect(o.sessions).toBe(2);
    expect(o.days).toEqual([
      { date: '2024-11-04', minutes: 2, watches: 4, sessions: 1 },
      { date: '2024-11-05', minutes: 0, watches: 2, sessions: 1 },
    ]);
    // 120 s → the 1–5 minute bin; 50 s → under a minute.
    expect(o.sessionLengths).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(o.longestSessions).toEqual([
      {
        session: 0,
        startMs: T1,
        startLocal: '2024-11-04 22:00',
        lengthS: 120,
        watches: 4,
        minutes: 2,
      },
      {
        session: 1,
        startMs: T2,
        startLocal: '2024-11-05 23:30',
        lengthS: 50,
        watches: 2,
        minutes: 0,
      },
    ]);
  });

  it('sums months over the days the watch history covers', () => {
    expect(o.months).toEqual([
      { month: '2024-11', minutes: 2, watches: 6, coveredDays: 2, daysInMonth: 30 },
    ]);
    expect(o.activity).toEqual([
      { month: '2024-11', likes: 1, shares: 1, searches: 1 },
      { month: '2024-12', likes: 1, shares: 0, searches: 0 },
    ]);
  });

  it('puts each video started in its weekday × hour cell', () => {
    expect(o.heatmapWatches.reduce((a, b) => a + b, 0)).toBe(6);
    expect(o.heatmapWatches[cell(0, 22)]).toBe(4);
    expect(o.heatmapWatches[cell(1, 23)]).toBe(2);
    expect(o.heatmapMinutes[cell(0, 22)]).toBe(2);
    expect(o.heatmapMinutes[cell(1, 23)]).toBe(0);
  });
});

describe('viewing overview in another zone', () => {
  it('moves days and cells by the offset: UTC+1 puts session 1 on Wednesday at 00:30', () => {
    const o = viewingOverview(EVENTS, [{ fromMs: 0, offsetMinutes: 60 }]);
    expect(o.heatmapWatches[cell(0, 23)]).toBe(4);
    expect(o.heatmapWatches[cell(2, 0)]).toBe(2);
    // The day between, without a watch, is listed as zero.
    expect(o.days.map((d) => [d.date, d.watches, d.sessions])).toEqual([
      ['2024-11-04', 4, 1],
      ['2024-11-05', 0, 0],
      ['2024-11-06', 2, 1],
    ]);
    expect(o.longestSessions.map((s) => s.startLocal)).toEqual([
      '2024-11-04 23:00',
      '2024-11-06 00:30',
    ]);
  });

  it('follows a change of offset (daylight saving) at its instant', () => {
    const o = viewingOverview(EVENTS, [
      { fromMs: 0, offsetMinutes: 60 },
      { fromMs: T2 - 1, offsetMinutes: -300 },
    ]);
    expect(o.heatmapWatches[cell(0, 23)]).toBe(4);
    // 23:30 UTC − 5 h = 18:30 on Tuesday.
    expect(o.heatmapWatches[cell(1, 18)]).toBe(2);
  });

  it('gives the same answer whatever the events’ order', () => {
    const reversed = viewingOverview([...EVENTS].reverse(), []);
    expect(reversed).toEqual(viewingOverview(EVENTS, []));
  });

  it('is empty, not broken, without a watch', () => {
    const o = viewingOverview(
      EVENTS.filter((e) => e.kind !== 'watch'),
      [],
    );
    expect(o.watches).toBe(0);
    expect(o.minutesEvidence).toBeNull();
    expect(o.days).toEqual([]);
    expect(o.months).toEqual([]);
    expect(o.sessions).toBe(0);
    expect(o.activity.length).toBe(2);
  });
});

describe('civil dates from day numbers', () => {
  it('matches the calendar around leap days and eras', () => {
    for (const ms of [
      0,
      Date.UTC(2000, 1, 29),
      Date.UTC(2024, 1, 29),
      Date.UTC(2100, 2, 1),
      Date.UTC(1969, 11, 31),
    ]) {
      const d = new Date(ms);
      expect(civilFromDays(Math.floor(ms / 86_400_000))).toEqual({
        y: d.getUTCFullYear(),
        m: d.getUTCMonth() + 1,
        d: d.getUTCDate(),
      });
    }
  });
});
