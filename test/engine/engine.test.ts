// Unit checks: attribution exactness, output formatting, hashing, replay points, counterfactuals,
// metrics and the evaluation metrics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareItem, type FeedEvent } from '../../src-main/domain/types';
import {
  attribute,
  canonicalJson,
  compareIds,
  configHash,
  counterfactual,
  createRng,
  effectiveWeights,
  isoUtc,
  prepareCatalogue,
  PRESETS,
  recallNdcg,
  replay,
  replayMetrics,
  resolveConfig,
  round,
  stableHash,
  timeToAmplification,
  evaluate,
  type SlatePoints,
} from '../../src-main/engine';
import { F } from '../../src-main/engine/features';
import { calibrationKL, entropyBits } from '../../src-main/engine/metrics';
import { buildModel } from '../../src-main/engine/objectives';
import { makeCatalogue, streamArb, T0, toEvents } from './fixtures';

describe('attribution', () => {
  it('is exact for every preset and any features (Aumann–Shapley closed form)', () => {
    for (const preset of PRESETS) {
      const model = buildModel(
        effectiveWeights(
          resolveConfig({ preset, weights: preset === 'custom' ? { share: 3, follow: 7 } : {} }),
        ),
      );
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: F, maxLength: F }),
          (xs) => {
            const a = attribute(model, Float64Array.from(xs));
            const sum = a.total.reduce((x, y) => x + y, 0);
            expect(Math.abs(sum - (a.score - a.baseline))).toBeLessThanOrEqual(1e-9);
          },
        ),
        { numRuns: 300 },
      );
    }
  });

  it('gives zero to a feature at its baseline value and is linear-exact for a tiny step', () => {
    const model = buildModel(effectiveWeights(resolveConfig({})));
    const x = new Float64Array(F);
    x[0] = 1e-9;
    const a = attribute(model, x);
    expect(a.total.slice(1).every((v) => v === 0)).toBe(true);
    expect(Math.abs(a.total[0]! - (a.score - a.baseline))).toBeLessThan(1e-15);
  });
});

describe('formatting and hashing', () => {
  it('isoUtc equals Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds at 9 decimals, never printing -0', () => {
    expect(round(0.1234567894)).toBe(0.123456789);
    expect(round(-0.0000000001)).toBe(0);
    expect(Object.is(round(-0.0000000001), 0)).toBe(true);
  });

  it('orders decimal ids numerically and derives creation time from the id', () => {
    expect(['10', '9', '100'].sort(compareIds)).toEqual(['9', '10', '100']);
    const seconds = 1_700_000_000;
    const createdAt = (id: string) => prepareCatalogue([bareItem(id, null)]).createdAtMs[0];
    expect(createdAt(((BigInt(seconds) << 32n) + 12345n).toString())).toBe(seconds * 1000);
    expect(Number.isNaN(createdAt('42'))).toBe(true);
  });

  it('hashes canonical JSON: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    expect(stableHash({ a: 1, b: 2 })).toBe(stableHash({ b: 2, a: 1 }));
    expect(stableHash({ a: 1 })).not.toBe(stableHash({ a: 2 }));
    expect(configHash(resolveConfig({}))).toMatch(/^[0-9a-f]{16}$/);
    expect(configHash(resolveConfig({ preset: 'x-2026' }))).not.toBe(configHash(resolveConfig({})));
  });

  it('the PRNG is seeded and resumable', () => {
    const a = createRng(42);
    const first = [a.next(), a.next()];
    const b = createRng(42);
    expect([b.next(), b.next()]).toEqual(first);
    const resumed = createRng(a.state());
    // A resumed generator continues from the saved state.
    expect(resumed.next()).toBe(createRng(a.state()).next());
  });
});

const items = makeCatalogue(60, 2, { creators: 8, sounds: 10 });
const catalogue = prepareCatalogue(items);
const config = resolveConfig({});

function stream(seed: number, length = 60): FeedEvent[] {
  return toEvents(fc.sample(streamArb(length), { seed, numRuns: 1 })[0]!, items);
}

describe('replay points', () => {
  it('builds slates at each session start, every N events, or at given times', () => {
    const events = stream(1);
    const starts = events
      .filter((e, i) => i === 0 || e.session !== events[i - 1]!.session)
      .map((e) => e.atMs);
    const times = (points: SlatePoints) =>
      replay({ events, catalogue, config, seed: 1, points, keepSlates: false }).times;
    expect(times({ kind: 'session' })).toEqual([...new Set(starts)]);
    expect(times({ kind: 'every', n: 10 }).length).toBe(Math.floor(events.length / 10));
    const r = replay({
      events,
      catalogue,
      config,
      seed: 1,
      points: { kind: 'times', atMs: [T0, T0 + 1e9] },
    });
    expect(r.slates.map((s) => s.trace.at)).toEqual([isoUtc(T0), isoUtc(T0 + 1e9)]);
    expect(r.slates[0]!.trace.profileRef.events).toBe(0);
  });

  it('a slate sees only the events before its time', () => {
    const events = stream(2);
    const t = events[Math.floor(events.length / 2)]!.atMs;
    const r = replay({ events, catalogue, config, seed: 1, points: { kind: 'times', atMs: [t] } });
    expect(r.slates[0]!.trace.profileRef.events).toBe(events.filter((e) => e.atMs < t).length);
  });
});

describe('counterfactual replay', () => {
  const base: FeedEvent[] = Array.from({ length: 30 }, (_, i) => ({
    id: `e${i}`,
    atMs: T0 + i * 600_000 + (i >= 15 ? 86_400_000 : 0),
    kind: i % 4 === 0 ? 'like' : 'watch',
    itemId: items[i % 12]!.id,
    target: null,
    watchS: null,
    watchRatio: 1,
    level: null,
    evidence: 'observed',
    session: i >= 15 ? 1 : 0,
  }));

  it('removing a like changes the profile from that point and reports slate differences', () => {
    const cf = counterfactual({
      events: base,
      catalogue,
      config,
      seed: 4,
      edits: [{ op: 'remove', eventId: 'e0' }],
    });
    expect(cf.points).toHaveLength(2);
    expect(cf.points[0]!.profileDimsChanged).toBe(0);
    const later = cf.points[1]!;
    expect(later.profileDimsChanged).toBeGreaterThan(0);
    for (const d of later.profile) expect(d.diff).toBeLessThan(0);
  });

  it('a finish turned into a skip lowers that item’s dimensions', () => {
    const cf = counterfactual({
      events: base,
      catalogue,
      config,
      seed: 4,
      edits: [{ op: 'alter', eventId: 'e1', set: { kind: 'skip' } }],
    });
    expect(cf.points[1]!.profile.every((d) => d.diff < 0)).toBe(true);
  });

  it('switching a rule off is a counterfactual too, and missing ids are reported', () => {
    const cf = counterfactual({
      events: base,
      catalogue,
      config,
      seed: 4,
      edits: [{ op: 'remove', eventId: 'nope' }],
      configPatch: { rules: { exploration: false, 'author-diversity': false, adjacency: false } },
    });
    expect(cf.missing).toEqual(['nope']);
    expect(cf.points[1]!.profileDimsChanged).toBe(0);
    const changed = cf.points.some((p) => p.entered.length + p.left.length + p.moved.length > 0);
    expect(changed).toBe(true);
    expect(cf.alt.configHash).not.toBe(cf.base.configHash);
  });
});

describe('metrics', () => {
  it('entropy and KL behave as defined', () => {
    expect(
      entropyBits(
        new Map([
          ['a', 0.5],
          ['b', 0.5],
        ]),
      ),
    ).toBe(1);
    const p = new Map([
      ['a', 0.5],
      ['b', 0.5],
    ]);
    expect(calibrationKL(p, p)).toBeCloseTo(0, 12);
    expect(calibrationKL(p, new Map([['a', 1]]))).toBeGreaterThan(1);
  });

  it('reports per-slate metrics and time to amplification', () => {
    const events = stream(1); // 11 events: five slates
    const r = replay({
      events,
      catalogue,
      config,
      seed: 1,
      points: { kind: 'every', n: 2 },
      snapshots: true,
    });
    const m = replayMetrics(r, catalogue, config);
    expect(m).toHaveLength(r.slates.length);
    // Each figure recounted from the slate's items and the profile snapshot, as its doc defines it.
    const topicsOf = (id: string) => new Set(items.find((i) => i.id === id)!.topics);
    m.forEach((x, s) => {
      const served = r.slates[s]!.trace.items;
      const weights = [...r.profiles![s]!]
        .filter(([dim, w]) => dim.startsWith('topic:') && w > 0)
        .map(([, w]) => w)
        .sort((a, b) => b - a);
      const total = weights.reduce((a, b) => a + b, 0);
      const top3 = total > 0 ? weights.slice(0, 3).reduce((a, b) => a + b, 0) / total : 0;
      expect(x.top3Share).toBeCloseTo(top3, 8);
      let distance = 0;
      let pairs = 0;
      for (let a = 0; a < served.length; a++)
        for (let b = a + 1; b < served.length; b++) {
          const A = topicsOf(served[a]!.itemId);
          const B = topicsOf(served[b]!.itemId);
          const shared = [...A].filter((t) => B.has(t)).length;
          const union = A.size + B.size - shared;
          distance += union === 0 ? 1 : 1 - shared / union;
          pairs++;
        }
      expect(x.intraListDistance).toBeCloseTo(pairs ? distance / pairs : 0, 8);
      const explored = served.filter((i) => i.slot === 'explore').length;
      expect(x.explorationShare).toBeCloseTo(explored / served.length, 8);
    });
    expect(m.some((x) => x.top3Share > 0 && x.intraListDistance > 0)).toBe(true);
    const likes: FeedEvent[] = Array.from({ length: 10 }, (_, i) => ({
      ...events[0]!,
      id: `l${i}`,
      kind: 'like',
      atMs: T0 + i,
      itemId: items.find((it) => it.topics.includes('cooking'))!.id,
    }));
    expect(timeToAmplification(likes, catalogue, config, 0.3).cooking).toBe(1);
  });

  it('leaves calibration KL and homogeneity undefined (null) on slates with no topic, not a constant', () => {
    // Without topics, q̃ = 0.01 p and KL would be log2(100) ≈ 6.64 at every slate, whatever happened.
    // One video with a topic, watched first (so seen, never served again): the profile has a
    // topic mix, the slates of bare videos after it have none.
    const cooking = { ...bareItem('6999999', T0 - 1), topics: ['cooking'] };
    const bare = Array.from({ length: 30 }, (_, i) => bareItem(String(7_000_000 + i), T0 - 1));
    const plain = prepareCatalogue([cooking, ...bare]);
    const watches: FeedEvent[] = [cooking, ...bare.slice(0, 5)].map((item, i) => ({
      ...stream(1)[0]!,
      id: `w${i}`,
      kind: 'watch',
      atMs: T0 + i * 3_600_000,
      itemId: item.id,
      session: i,
    }));
    const r = replay({
      events: watches,
      catalogue: plain,
      config,
      seed: 1,
      points: { kind: 'session' },
    });
    const m = replayMetrics(r, plain, config).slice(1);
    expect(m.length).toBeGreaterThan(0);
    for (const x of m) {
      expect(x.profileEntropy).toBe(0); // one topic: p = {cooking: 1}, defined
      expect(x.calibrationKL).toBeNull();
      expect(x.homogeneity).toBeNull();
    }
    // With topics on both sides, both are numbers.
    const topical = replayMetrics(
      replay({ events: stream(1), catalogue, config, seed: 1, points: { kind: 'every', n: 2 } }),
      catalogue,
      config,
    );
    expect(topical.some((x) => x.calibrationKL !== null && x.homogeneity !== null)).toBe(true);
  });
});

describe('evaluation', () => {
  it('Recall@K and NDCG@K by hand', () => {
    expect(recallNdcg(['a', 'b', 'c'], ['b'], 3)).toEqual({ recall: 1, ndcg: 1 / Math.log2(3) });
    expect(recallNdcg(['a', 'b'], ['c'], 2)).toEqual({ recall: 0, ndcg: 0 });
  });

  it('beats most-popular on users with stable tastes, and reports both', () => {
    const rng = createRng(9);
    const topics = ['cooking', 'comedy', 'dance', 'gaming', 'pets', 'science', 'sports', 'travel'];
    const rows = [];
    for (let u = 0; u < 40; u++) {
      const taste = topics[u % topics.length]!;
      const mine = items.filter((i) => i.topics.includes(taste));
      for (let k = 0; k < 8; k++)
        rows.push({
          user: `u${u}`,
          itemId: mine[rng.int(mine.length)]!.id,
          atMs: T0 + u * 1e6 + k * 1000,
        });
    }
    const report = evaluate(rows, { split: 'leave-last-out', k: 10, items });
    expect(report.users).toBeGreaterThan(0);
    expect(report.glassBox.recall).toBeGreaterThan(report.mostPopular.recall);
    expect(report.glassBox.coverage).toBeGreaterThan(0);
  });
});
