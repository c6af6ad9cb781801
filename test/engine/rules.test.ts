// Re-ranking rules: published formulas, switches, and what each logs.
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src-main/domain/types';
import { prepareCatalogue, replay, resolveConfig, type ConfigInput } from '../../src-main/engine';
import {
  authorDiversityFactor,
  fatigueFactor,
  isExploreSlot,
  sliderFactor,
} from '../../src-main/engine/rules';
import { makeCatalogue, T0 } from './fixtures';

const config = resolveConfig({});
const items = makeCatalogue(80, 5, { creators: 6, sounds: 8 });
const catalogue = prepareCatalogue(items);
const DAY = 86_400_000;

function ev(i: number, partial: Partial<FeedEvent>): FeedEvent {
  return {
    id: `e${i}`,
    atMs: T0 + i * 60_000,
    kind: 'watch',
    itemId: items[i % items.length]!.id,
    target: null,
    watchS: null,
    watchRatio: 1,
    level: null,
    evidence: 'observed',
    session: 0,
    ...partial,
  };
}
const history = Array.from({ length: 12 }, (_, i) =>
  ev(i, { kind: i % 3 === 0 ? 'like' : 'watch' }),
);
const slateAt = (events: FeedEvent[], at: number, input: ConfigInput = {}) =>
  replay({
    events,
    catalogue,
    config: resolveConfig(input),
    seed: 3,
    points: { kind: 'times', atMs: [at] },
  }).slates[0]!.trace;

describe('rules', () => {
  it('author diversity is (1 − 0.25) · 0.5^n + 0.25 (Twitter 2023)', () => {
    expect([0, 1, 2, 3].map((n) => authorDiversityFactor(n, config))).toEqual([
      1, 0.625, 0.4375, 0.34375,
    ]);
  });

  it('fatigue: filtered for 14 days, then ×0.2 rising linearly to ×1 by day 140 (Twitter 2023)', () => {
    expect(fatigueFactor(0, config)).toBe(0);
    expect(fatigueFactor(13.9, config)).toBe(0);
    expect(fatigueFactor(14, config)).toBeCloseTo(0.2, 12);
    expect(fatigueFactor(77, config)).toBeCloseTo(0.6, 12);
    expect(fatigueFactor(140, config)).toBe(1);
  });

  it('topic sliders change frequency and never eliminate', () => {
    expect(sliderFactor(0, config)).toBe(0.25);
    expect(sliderFactor(1, config)).toBe(1);
    expect(sliderFactor(2, config)).toBe(2);
    expect(() => resolveConfig({ sliderMultipliers: [0, 1, 2] })).toThrow(/never|> 0/);
  });

  it('exploration slots spread evenly at share ε', () => {
    const slots = (e: number) =>
      Array.from({ length: 10 }, (_, p) => p).filter((p) => isExploreSlot(p, e));
    expect(slots(0.5)).toEqual([1, 3, 5, 7, 9]);
    expect(slots(0.2)).toEqual([4, 9]);
    expect(slots(0)).toEqual([]);
  });

  it('drops seen items and logs each one', () => {
    const trace = slateAt(history, T0 + DAY);
    const seen = new Set(history.map((e) => e.itemId));
    for (const it of trace.items) expect(seen.has(it.itemId)).toBe(false);
    expect(trace.removed.filter((r) => r.rule === 'seen').every((r) => seen.has(r.itemId))).toBe(
      true,
    );
    const off = slateAt(history, T0 + DAY, { rules: { seen: false } });
    expect(off.removed.filter((r) => r.rule === 'seen')).toEqual([]);
    expect(off.rules.seen.on).toBe(false);
  });

  it('keyword filters drop matching items (whole words), and switch off', () => {
    const word = items[20]!.topics[0]!;
    const events = [
      ...history,
      ev(12, { kind: 'keyword-filter', itemId: null, target: { type: 'keyword', value: word } }),
    ];
    const trace = slateAt(events, T0 + DAY);
    for (const it of trace.items) {
      const item = items.find((i) => i.id === it.itemId)!;
      expect(`${item.caption} ${item.hashtags.join(' ')}`.split(/\W+/)).not.toContain(word);
    }
    expect(
      trace.removed.some(
        (r) =>
          r.rule === 'keyword-filter' && r.cause.cause === 'keyword' && r.cause.keyword === word,
      ),
    ).toBe(true);
    // The removal names whose filter it was and how we know: the event that set it, observed.
    const observed = ev(12, {
      kind: 'keyword-filter',
      itemId: null,
      target: { type: 'keyword', value: word },
      evidence: 'observed',
    });
    const named = slateAt([...history, observed], T0 + DAY).removed.find(
      (r) => r.rule === 'keyword-filter',
    )!;
    expect(named.cause).toEqual({
      cause: 'keyword',
      keyword: word,
      setBy: { eventId: 'e12', evidence: 'observed' },
    });
    const off = slateAt(events, T0 + DAY, { rules: { 'keyword-filter': false } });
    expect(off.removed.some((r) => r.rule === 'keyword-filter')).toBe(false);
  });

  it('not interested: filtered within 14 days, then demoted by the fatigue ramp, then back', () => {
    const creator = items[0]!.creator!;
    const events = [
      ...history,
      ev(12, { kind: 'not-interested', itemId: null, target: { type: 'creator', value: creator } }),
    ];
    const at = events.at(-1)!.atMs;
    const creatorOf = (id: string) => items.find((i) => i.id === id)!.creator;
    const soon = slateAt(events, at + DAY, { slateSize: 40 });
    expect(soon.items.some((i) => creatorOf(i.itemId) === creator)).toBe(false);
    // Each removal records its cause as data: the key marked and when.
    const key = soon.removed.find((r) => r.rule === 'not-interested')!.cause;
    expect(key).toMatchObject({ cause: 'not-interested', atMs: at });
    // With that rule off, the fatigue rule filters it, saying it was negative feedback, and when.
    const filtered = slateAt(events, at + DAY, {
      slateSize: 40,
      rules: { 'not-interested': false },
    });
    expect(filtered.items.some((i) => creatorOf(i.itemId) === creator)).toBe(false);
    const fatigue = filtered.removed.filter((r) => r.rule === 'fatigue');
    expect(fatigue.length).toBeGreaterThan(0);
    for (const r of fatigue)
      expect(r.cause).toEqual({ ...key, cause: 'negative-feedback', filterDays: 14 });
    const later = slateAt(events, at + 50 * DAY, { slateSize: 40 });
    const demoted = later.items.filter((i) => creatorOf(i.itemId) === creator);
    expect(demoted.length).toBeGreaterThan(0);
    for (const d of demoted)
      expect(d.rules.find((r) => r.rule === 'fatigue')!.cause).toEqual({
        ...key,
        cause: 'negative-feedback',
        filterDays: 14,
      });
    for (const d of demoted)
      expect(d.rules.find((r) => r.rule === 'fatigue')!.factor).toBeCloseTo(
        0.2 + (0.8 * 36) / 126,
        9,
      );
    const muchLater = slateAt(events, at + 200 * DAY, { slateSize: 40 });
    for (const i of muchLater.items) expect(i.rules.some((r) => r.rule === 'fatigue')).toBe(false);
    // With the fatigue rule off, "not interested" is a permanent filter.
    const permanent = slateAt(events, at + 200 * DAY, { slateSize: 40, rules: { fatigue: false } });
    expect(permanent.items.some((i) => creatorOf(i.itemId) === creator)).toBe(false);
  });

  it('author diversity demotes a creator’s later items by the published factor', () => {
    const trace = slateAt(history, T0 + DAY, { slateSize: 30, rules: { exploration: false } });
    const demoted = trace.items.flatMap((i) =>
      i.rules.filter((r) => r.rule === 'author-diversity'),
    );
    expect(demoted.length).toBeGreaterThan(0);
    const allowed = Array.from({ length: 40 }, (_, n) =>
      Number(authorDiversityFactor(n + 1, config).toFixed(9)),
    );
    for (const r of demoted) {
      expect(allowed).toContain(r.factor);
      expect(r.cause.cause).toBe('same-author');
      const n = r.cause.cause === 'same-author' ? r.cause.n - 1 : -1;
      expect(r.factor).toBeCloseTo(authorDiversityFactor(n, config), 9);
    }
    for (const i of trace.items) {
      const factor = i.rules.reduce((f, r) => f * (r.factor ?? 1), 1);
      expect(i.rankScore).toBeCloseTo(i.score * factor, 6);
    }
  });

  it('exploration slots are marked, and the rule switches off', () => {
    const on = slateAt(history, T0 + DAY, { explorationShare: 0.25 });
    for (const it of on.items) if (it.slot === 'explore') expect(it.sources).toContain('explore');
    const off = slateAt(history, T0 + DAY, { rules: { exploration: false } });
    expect(off.items.every((i) => i.slot === 'exploit')).toBe(true);
  });

  it('topic sliders demote or promote by the slider factor', () => {
    const topic = items[30]!.topics[0]!;
    const events = [
      ...history,
      ev(12, {
        kind: 'topic-control',
        itemId: null,
        target: { type: 'topic', value: topic },
        level: 0,
      }),
    ];
    const trace = slateAt(events, T0 + DAY, { slateSize: 40 });
    const touched = trace.items.flatMap((i) => i.rules.filter((r) => r.rule === 'topic-sliders'));
    for (const r of touched) {
      expect(r.action).toBe('demoted');
      expect(r.factor).toBeGreaterThan(0);
    }
  });

  it('X 2026 demotes out-of-network candidates by 0.75', () => {
    const trace = slateAt(history, T0 + DAY, { preset: 'x-2026' });
    const oon = trace.items.flatMap((i) => i.rules.filter((r) => r.rule === 'out-of-network'));
    expect(oon.length).toBeGreaterThan(0);
    for (const r of oon) expect(r.factor).toBe(0.75);
  });
});
