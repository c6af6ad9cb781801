// Property tests over generated event streams (fast-check, 1,000 streams per property): the
// invariants the engine promises in docs/ALGORITHM.md.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src-main/domain/types';
import {
  deltaAt,
  foldSignals,
  prepareCatalogue,
  replay,
  resolveConfig,
  storeToState,
  traceLine,
  type ConfigInput,
} from '../../src-main/engine';
import { F } from '../../src-main/engine/features';
import { makeCatalogue, streamArb, toEvents } from './fixtures';

const RUNS = { numRuns: 1000 };
const SLOW = 90_000;
const items = makeCatalogue(40, 11, { creators: 5, sounds: 6 });
const catalogue = prepareCatalogue(items);
const small = {
  slateSize: 8,
  candidates: {
    interestDims: 6,
    perDim: 10,
    followed: 10,
    coEngagement: 10,
    popular: 12,
    explore: 6,
  },
};
const config = resolveConfig(small);
const byId = new Map(items.map((i) => [i.id, i]));

function serialise(events: FeedEvent[], seed: number, input: ConfigInput = small): string {
  const cfg = resolveConfig(input);
  const result = replay({
    events,
    catalogue: prepareCatalogue(items),
    config: cfg,
    seed,
    points: { kind: 'every', n: 6 },
  });
  const deltas = Array.from({ length: result.viewer.applied }, (_, i) =>
    JSON.stringify(deltaAt(result.viewer.log, result.viewer.store, result.viewer.events, i, cfg)),
  );
  return [...deltas, ...result.slates.map((s) => traceLine(s.trace))].join('\n');
}

describe('engine properties (1,000 generated streams each)', () => {
  it(
    'the same seed gives byte-identical serialised output',
    () => {
      fc.assert(
        fc.property(
          streamArb(20),
          fc.nat(),
          fc.constantFrom('tiktok-algo101', 'twitter-2023', 'x-2026') as fc.Arbitrary<
            ConfigInput['preset']
          >,
          (specs, seed, preset) => {
            const events = toEvents(specs, items);
            const input = { ...small, preset };
            expect(serialise(events, seed, input)).toBe(serialise(events, seed, input));
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it('contributions sum to score − baseline within 1e-9, per objective and in total', () => {
    fc.assert(
      fc.property(
        streamArb(20),
        fc.nat(),
        fc.constantFrom('tiktok-algo101', 'twitter-2023', 'x-2026') as fc.Arbitrary<
          ConfigInput['preset']
        >,
        (specs, seed, preset) => {
          const events = toEvents(specs, items);
          const result = replay({
            events,
            catalogue,
            config: resolveConfig({ ...small, preset }),
            seed,
            points: { kind: 'every', n: 4 },
          });
          for (const slate of result.slates) {
            for (const a of slate.raw.attributions) {
              const sum = a.total.reduce((x, y) => x + y, 0);
              expect(Math.abs(sum - (a.score - a.baseline))).toBeLessThanOrEqual(1e-9);
              for (let k = 0; k < a.p.length; k++) {
                let s = 0;
                for (let f = 0; f < F; f++) s += a.perObjective[k * F + f]!;
                expect(Math.abs(s - (a.p[k]! - a.p0[k]!))).toBeLessThanOrEqual(1e-9);
              }
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('replaying all events equals applying them one by one', () => {
    // Also with page loads counted and inferred watches not: every evidence factor path.
    const counted = resolveConfig({ ...small, evidenceFactor: { loaded: 0.3, inferred: 0 } });
    fc.assert(
      fc.property(streamArb(25), fc.boolean(), (specs, loadedCounts) => {
        const cfg = loadedCounts ? counted : config;
        const events = toEvents(specs, items);
        const fast = replay({ events, catalogue, config: cfg, seed: 1, points: { kind: 'none' } });
        const slow = foldSignals(events, items, cfg);
        const fastDeltas = slow.deltas.map((_, i) =>
          deltaAt(fast.viewer.log, fast.viewer.store, fast.viewer.events, i, cfg),
        );
        expect(fastDeltas).toEqual(slow.deltas);
        const state = storeToState(fast.viewer.store);
        expect(new Map([...state.dims].sort())).toEqual(new Map([...slow.state.dims].sort()));
        expect(state.controls).toEqual(slow.state.controls);
      }),
      RUNS,
    );
  });

  it('a like never lowers the liked item’s topic weights at that moment', () => {
    fc.assert(
      fc.property(streamArb(25), (specs) => {
        const events = toEvents(specs, items);
        const { deltas } = foldSignals(events, items, config);
        for (const d of deltas) {
          if (d.kind !== 'like') continue;
          const liked = byId.get(events[d.eventIndex]!.itemId!)!;
          for (const topic of liked.topics) {
            const change = d.changes.find((c) => c.dim === `topic:${topic}`);
            if (change) expect(change.after).toBeGreaterThanOrEqual(change.before);
          }
        }
      }),
      RUNS,
    );
  });

  it('"not interested" on a creator keeps that creator out of the next slate', () => {
    fc.assert(
      fc.property(
        streamArb(20),
        fc.nat(items.length - 1),
        fc.boolean(),
        fc.nat(),
        (specs, pick, byTarget, seed) => {
          const events = toEvents(specs, items);
          const item = items[pick]!;
          const last = events.at(-1)!;
          const ni: FeedEvent = {
            ...last,
            id: 'ni',
            atMs: last.atMs + 60_000,
            kind: 'not-interested',
            itemId: byTarget ? null : item.id,
            target: byTarget ? { type: 'creator', value: item.creator! } : null,
            evidence: 'observed',
          };
          const result = replay({
            events: [...events, ni],
            catalogue,
            config,
            seed,
            points: { kind: 'times', atMs: [ni.atMs + 1] },
          });
          const slate = result.slates[0]!.trace.items;
          for (const entry of slate) expect(byId.get(entry.itemId)!.creator).not.toBe(item.creator);
        },
      ),
      RUNS,
    );
  });

  it('with the adjacency rule on, no two adjacent slate items share a creator or a sound', () => {
    fc.assert(
      fc.property(
        streamArb(20),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (specs, seed, share) => {
          const events = toEvents(specs, items);
          const cfg = resolveConfig({ ...small, explorationShare: share });
          const result = replay({
            events,
            catalogue,
            config: cfg,
            seed,
            points: { kind: 'every', n: 3 },
          });
          for (const slate of result.slates) {
            const list = slate.trace.items.map((e) => byId.get(e.itemId)!);
            for (let i = 1; i < list.length; i++) {
              expect(list[i]!.creator === list[i - 1]!.creator).toBe(false);
              expect(list[i]!.sound === list[i - 1]!.sound).toBe(false);
            }
          }
        },
      ),
      RUNS,
    );
  });
});
