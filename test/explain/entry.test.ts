// "Why this video", built once on the main side (src-main/explain/): on the demo's real feed, and
// on small entries that pin each branch (follow, exploration, nothing known, reasons hidden).
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import {
  FEATURES,
  type Contribution,
  type Feature,
  type TraceBecause,
  type TraceEvent,
} from '../../src-main/engine';
import { compareContributions } from '../../src-main/engine/trace';
import { explainEntry, type EntryInput, type ItemNames } from '../../src-main/explain';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const NOW = Date.UTC(2026, 2, 8);
const sentence = (input: EntryInput, names: ItemNames = () => null) =>
  explainEntry(input, NOW, names)
    .sentence.map((c) => c.text)
    .join('');

function features(set: Partial<Record<Feature, number>> = {}): Record<Feature, number> {
  return {
    ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>),
    ...set,
  };
}

function contributions(set: Partial<Record<Feature, number>> = {}): Contribution[] {
  return FEATURES.map((feature) => ({ feature, value: set[feature] ?? 0 })).sort(
    compareContributions,
  );
}

function entry(over: Partial<EntryInput>): EntryInput {
  return {
    slot: 'exploit',
    because: [],
    features: features(),
    rules: [],
    creator: '@gains.nina',
    baseline: 0.5,
    contributions: contributions(),
    ...over,
  };
}

const LIKE: TraceEvent = {
  index: 41,
  eventId: 'e1',
  kind: 'like',
  itemId: '7000000000000000002',
  atMs: Date.UTC(2026, 2, 7, 20, 35),
  amount: 0.3,
};
const NAMES: ItemNames = (id) =>
  id === LIKE.itemId
    ? { caption: 'things I wish I knew about pilates sooner', creator: '@gains.nina' }
    : null;
const fitness: TraceBecause = {
  feature: 'topic',
  dim: 'topic:fitness',
  value: 0.9,
  events: [LIKE],
  others: { count: 4, value: 0.6 },
};

describe('explainEntry on the demo', () => {
  it('names real past events by caption, creator and time, each linked to its signal-log place', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const feed = unwrap(await app.router.invoke('feed/at', { datasetId: 'demo', k: 20 }));
    app.close();
    let linked = 0;
    let explored = 0;
    for (const e of feed.entries) {
      const text = e.explanation.sentence.map((c) => c.text).join('');
      expect(text).toMatch(/\.$/);
      if (e.slot === 'explore' && text.startsWith('Shown to explore: nothing')) explored++;
      const events = new Map(
        e.explanation.reasons.flatMap((r) => r.events).map((x) => [x.eventId, x]),
      );
      for (const c of e.explanation.sentence) {
        if (!c.event) continue;
        linked++;
        const event = events.get(c.event.eventId)!;
        expect(c.event.eventIndex).toBe(event.eventIndex);
        // The reason lists the same event in the same words, with its time.
        expect(event.words).toContain(c.text.replace(/ \(\d{4}-.*$/, ''));
        expect(c.text).toMatch(/\(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
        if (c.text.startsWith('followed')) expect(c.text).toMatch(/^followed @/);
        else expect(c.text).toMatch(/“.+” by @/);
      }
      // Every dimension behind it is listed once, named or with why not.
      for (const r of e.explanation.reasons) expect(r.why).not.toBe('');
    }
    expect(linked).toBeGreaterThan(10);
    expect(explored).toBeGreaterThan(0);
  });
});

describe('explainEntry', () => {
  it('names the event, counts the rest and says you follow the creator', () => {
    const x = explainEntry(
      entry({ because: [fitness], features: features({ followed: 1 }) }),
      NOW,
      NAMES,
    );
    expect(x.sentence.map((c) => c.text).join('')).toBe(
      'Picked for fitness: you liked “things I wish I knew about pilates sooner” by @gains.nina (2026-03-07 20:35 UTC), and 4 more signals about fitness; you follow @gains.nina.',
    );
    expect(x.sentence.flatMap((c) => (c.event ? [c.event] : []))).toEqual([
      { eventId: 'e1', eventIndex: 41 },
    ]);
  });

  it('without names, names events by kind and time', () => {
    expect(sentence(entry({ because: [fitness] }))).toBe(
      'Picked for fitness: you liked a video (2026-03-07 20:35 UTC), and 4 more signals about fitness.',
    );
  });

  it('says an exploration item is there to explore, and names what counts against it', () => {
    const skip: TraceEvent = {
      ...LIKE,
      eventId: 'e2',
      index: 7,
      kind: 'skip',
      atMs: Date.UTC(2026, 2, 6, 10),
      amount: -0.2,
    };
    const history: TraceBecause = {
      feature: 'topic',
      dim: 'topic:history',
      value: -0.4,
      events: [skip],
      others: { count: 0, value: 0 },
    };
    // A shared sound this small is noise, not a reason: listed, with why it is not named.
    const sound: TraceBecause = { ...fitness, feature: 'sound', dim: 'sound:1', value: 0.004 };
    const input = entry({
      slot: 'explore',
      because: [history, sound],
      contributions: contributions({ topic: -0.4, sound: 0.004 }),
    });
    expect(sentence(input)).toBe(
      'Shown to explore: nothing in your profile points here; you skipped a video (2026-03-06 10:00 UTC), which counts against it.',
    );
    const reasons = explainEntry(input, NOW, () => null).reasons;
    expect(reasons.map((r) => [r.dim, r.shown, r.why])).toEqual([
      ['sound:1', false, 'below 0.05: too small to be a reason'],
      ['topic:history', false, 'counts against it'],
    ]);
  });

  it('with no past signal behind it, says what it was ranked for', () => {
    const input = entry({
      contributions: contributions({ popularity: 0.3, freshness: 0.1, 'seen-similarity': -0.2 }),
    });
    expect(sentence(input)).toBe(
      'Ranked for its popularity and freshness: none of your past signals points to it directly.',
    );
  });

  it('steps the waterfall without zeros and names them', () => {
    const x = explainEntry(
      entry({ contributions: contributions({ topic: 0.3, freshness: -0.1 }) }),
      NOW,
      () => null,
    );
    expect(x.waterfall.steps.map((s) => [s.label, s.from, s.to])).toEqual([
      ['topic', 0.5, 0.8],
      ['freshness', 0.8, 0.8 - 0.1],
    ]);
    expect(x.waterfall.zeros).toHaveLength(FEATURES.length - 2);
    expect(x.waterfall.score).toBeCloseTo(0.7, 12);
  });

  it('words a rule effect from its cause', () => {
    const x = explainEntry(
      entry({
        rules: [
          {
            rule: 'fatigue',
            action: 'demoted',
            factor: 0.25,
            cause: {
              cause: 'negative-feedback',
              key: 'creator:@x',
              atMs: NOW - 20 * 86_400_000,
              filterDays: 14,
            },
          },
        ],
      }),
      NOW,
      () => null,
    );
    expect(x.rules.map((r) => r.words)).toEqual([
      'fatigue demoted: ×0.250: negative feedback on @x 20.0 days ago (2026-02-16), fading until it no longer counts',
    ]);
  });
});
