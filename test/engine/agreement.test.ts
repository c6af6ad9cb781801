// Agreement with the real feed (engine/agreement.ts): hand-computed cases and invariants over
// generated streams; and the candidate pool's merge and summary (engine/pool.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareItem, type FeedEvent, type Item } from '../../src-main/domain/types';
import {
  agreement,
  mergePool,
  prepareCatalogue,
  replay,
  resolveConfig,
  summarisePool,
} from '../../src-main/engine';
import { makeCatalogue, streamArb, T0, toEvents } from './fixtures';

const HOUR = 3_600_000;
const ALL_RULES = { seen: true, unpublished: true };

function watch(id: string, itemId: string, atMs: number, session: number): FeedEvent {
  return {
    id,
    atMs,
    kind: 'watch',
    itemId,
    target: null,
    watchS: null,
    watchRatio: null,
    level: null,
    evidence: 'inferred',
    session,
  };
}

describe('agreement over sessions', () => {
  const t0 = T0;
  const t1 = T0 + 2 * HOUR;
  const t2 = T0 + 4 * HOUR;
  // Six videos created a day before, and one posted after the second session began.
  const items: Item[] = [
    ...['1', '2', '3', '4', '5', '6'].map((id) => bareItem(id, T0 - 24 * HOUR)),
    bareItem('7', t1 + 10 * 60_000),
  ];
  const events: FeedEvent[] = [
    watch('e0', '1', t0, 0),
    watch('e1', '2', t0 + 60_000, 0),
    watch('e2', '3', t1, 1),
    watch('e3', '4', t1 + 60_000, 1),
    watch('e4', '1', t1 + 120_000, 1), // seen in session 0: no feed would serve it again
    watch('e5', '99', t1 + 180_000, 1), // not in the pool
    watch('e6', '7', t1 + 20 * 60_000, 1), // posted after the session began
    watch('e7', '1', t2, 2), // only a seen video: the session is skipped
  ];
  const slates = new Map([
    [t0, ['1', '3', '2']],
    [t1, ['4', '3', '5']],
    [t2, ['5', '6']],
  ]);
  const catalogue = prepareCatalogue(items);

  it('hand-computed: relevance, hits, NDCG, chance and their aggregates', () => {
    const a = agreement({ events, catalogue, slates, k: 2, rules: ALL_RULES });
    const ndcg0 = 1 / (1 + 1 / Math.log2(3));
    expect(a.sessions).toEqual([
      // Six servable videos (7 is not yet posted), 2 relevant: chance 2 · 2 / 6 over min(2, 2).
      { session: 0, atMs: t0, watched: 2, hits: 1, hitRate: 0.5, ndcg: ndcg0, chance: 2 / 6 },
      // 1 and 2 seen, 7 unpublished: four servable, {3, 4} relevant, both in the top 2.
      { session: 1, atMs: t1, watched: 2, hits: 2, hitRate: 1, ndcg: 1, chance: 0.5 },
    ]);
    expect(a.skippedSessions).toBe(1);
    expect(a.hitRate).toBe(3 / 4);
    // 3 hits of 4 videos compared: the 95 % Wilson interval (engine/wilson.ts) is 30.1 %–95.4 %.
    expect(a.compared).toBe(4);
    expect(a.interval!.low).toBeCloseTo(0.3006418, 6);
    expect(a.interval!.high).toBeCloseTo(0.9544127, 6);
    expect(a.ndcg).toBeCloseTo((ndcg0 + 1) / 2, 12);
    expect(a.chance).toBeCloseTo((4 / 6 + 1) / 4, 12);
  });

  it('with k beyond the slate and the servable videos: luck draws them all, hits stop at the slate', () => {
    const a = agreement({ events, catalogue, slates, k: 20, rules: ALL_RULES });
    // Session 0: DCG = 1 (video 1 at rank 1) + 1/log2(4) (video 2 at rank 3); ideal 1 + 1/log2(3).
    const ndcg0 = 1.5 / (1 + 1 / Math.log2(3));
    expect(a.sessions).toEqual([
      // Six servable videos, all drawn by luck: both relevant ones, chance 2 / min(20, 2) = 1.
      { session: 0, atMs: t0, watched: 2, hits: 2, hitRate: 1, ndcg: ndcg0, chance: 1 },
      { session: 1, atMs: t1, watched: 2, hits: 2, hitRate: 1, ndcg: 1, chance: 1 },
    ]);
  });

  it('with the seen rule off, a video watched again counts as relevant', () => {
    const a = agreement({
      events,
      catalogue,
      slates,
      k: 2,
      rules: { seen: false, unpublished: true },
    });
    expect(a.sessions.map((s) => s.watched)).toEqual([2, 3, 1]);
    expect(a.skippedSessions).toBe(0);
  });
});

describe('agreement invariants (generated streams)', () => {
  const items = makeCatalogue(40, 5, { creators: 6, sounds: 6 });
  const catalogue = prepareCatalogue(items);
  const config = resolveConfig({ slateSize: 5 });

  it('hits are the top k watched in the session; rates are their ratios; chance in (0, 1]', () => {
    fc.assert(
      fc.property(streamArb(30), fc.nat(), fc.integer({ min: 1, max: 8 }), (specs, seed, k) => {
        const events = toEvents(specs, items);
        const slates = new Map<number, string[]>();
        replay({
          events,
          catalogue,
          config: resolveConfig({ slateSize: k }),
          seed,
          points: { kind: 'session' },
          trackEvidence: false,
          onSlate: (s) => slates.set(s.trace.atMs, s.raw.itemIds),
          keepSlates: false,
        });
        const a = agreement({ events, catalogue, slates, k, rules: config.rules });
        for (const s of a.sessions) {
          // The slate already leaves out what a feed could not serve (seen, unpublished), so every
          // video of its top k that was really watched in the session is a hit, and only those.
          const watchedHere = new Set(
            events
              .filter(
                (e) => e.session === s.session && (e.kind === 'watch' || e.kind === 'rewatch'),
              )
              .filter((e) => e.evidence !== 'loaded')
              .map((e) => e.itemId),
          );
          const topK = slates.get(s.atMs)!.slice(0, k);
          expect(s.hits).toBe(topK.filter((id) => watchedHere.has(id)).length);
          expect(s.hitRate).toBe(s.hits / Math.min(k, s.watched));
          // A kept session has a watched video a feed could serve, so luck scores above zero.
          expect(s.chance).toBeGreaterThan(0);
          expect(s.chance).toBeLessThanOrEqual(1 + 1e-12);
          expect(s.ndcg).toBeLessThanOrEqual(1 + 1e-12);
        }
        const most = a.sessions.map((s) => Math.min(k, s.watched));
        const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
        expect(a.hitRate).toBeCloseTo(
          most.length ? sum(a.sessions.map((s) => s.hits)) / sum(most) : 0,
          12,
        );
        expect(a.compared).toBe(sum(most));
        if (a.interval) {
          expect(a.interval.low).toBeLessThanOrEqual(a.hitRate + 1e-12);
          expect(a.interval.high).toBeGreaterThanOrEqual(a.hitRate - 1e-12);
        } else expect(a.sessions).toEqual([]);
        const starts = new Set(events.map((e) => e.session)).size;
        expect(a.sessions.length + a.skippedSessions).toBe(starts);
      }),
      { numRuns: 300 },
    );
  });
});

describe('candidate pool', () => {
  const own = [bareItem('10', null), { ...bareItem('11', null), creator: '@a' }];
  const added = [
    { ...bareItem('11', null), caption: 'other copy' },
    { ...bareItem('12', null), hashtags: ['x'] },
  ];
  const demo = [{ ...bareItem('13', null), sound: 's' }];

  it('joins the parts in order, each id once, and labels each video with its source', () => {
    const pool = mergePool([
      { source: 'dataset', items: own },
      { source: 'added', items: added },
      { source: 'demo', items: demo },
    ]);
    expect(pool.items.map((i) => i.id)).toEqual(['10', '11', '12', '13']);
    expect(pool.items[1]!.creator).toBe('@a');
    expect(pool.sources).toEqual(['dataset', 'dataset', 'added', 'demo']);
  });

  it('says how big the pool is, how much is unseen at a moment and how much has metadata', () => {
    const pool = mergePool([
      { source: 'dataset', items: own },
      { source: 'added', items: added },
      { source: 'demo', items: demo },
    ]);
    const catalogue = prepareCatalogue(pool.items);
    const events = [watch('e0', '10', T0, 0), watch('e1', '11', T0 + HOUR, 0)];
    expect(summarisePool(pool, catalogue, events, T0 + 1)).toEqual({
      size: { dataset: 2, added: 1, demo: 1 },
      unseen: 3,
      withMetadata: 3,
      unavailable: 0,
    });
    expect(summarisePool(pool, catalogue, events, T0 + 2 * HOUR).unseen).toBe(2);
  });

  it('leaves deleted or private videos out of the pool: counted, never served', () => {
    const items = makeCatalogue(12, 3, { creators: 12, sounds: 12 });
    const gone = new Set([items[0]!.id, items[5]!.id, 'not-in-pool']);
    const pool = mergePool([{ source: 'dataset', items }], gone);
    expect([...pool.unavailable].sort()).toEqual([items[0]!.id, items[5]!.id].sort());
    const catalogue = prepareCatalogue(pool.items, { unservable: pool.unavailable });
    const summary = summarisePool(pool, catalogue, [], T0);
    expect(summary.size.dataset).toBe(10);
    expect(summary.unavailable).toBe(2);
    const like = { ...watch('e0', items[0]!.id, T0, 0), kind: 'like' as const };
    const result = replay({
      events: [like],
      catalogue,
      config: resolveConfig({ slateSize: 12 }),
      seed: 1,
      points: { kind: 'times', atMs: [T0 + 1] },
    });
    const { items: served, removed } = result.slates[0]!.trace;
    expect(served.length).toBeGreaterThan(0);
    // Not even candidates: no rule had to remove them.
    const met = [...served, ...removed].map((i) => i.itemId);
    for (const id of gone) expect(met).not.toContain(id);
  });
});

describe('candidate lists with unknown popularity', () => {
  it('put the newest posted video first, not the lowest id (oldest)', () => {
    // Ids carry creation seconds << 32: 1700000000 is older than 1700086400; no play counts.
    const old = `${(1_700_000_000n << 32n) | 5n}`;
    const fresh = `${(1_700_086_400n << 32n) | 1n}`;
    const cat = prepareCatalogue([
      { ...bareItem(old, null), hashtags: ['pasta'] },
      { ...bareItem(fresh, null), hashtags: ['pasta'] },
    ]);
    expect([...cat.byPopularity].map((i) => cat.items[i]!.id)).toEqual([fresh, old]);
  });
});
