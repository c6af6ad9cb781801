// One explanation, told the same everywhere: over random slates whose items and removals carry
// every rule's cause and whose past events are of every signal kind, the Why panel's text (the
// renderer's pure formatting), the HTML report's text and `feedlens why`'s output name exactly
// the causes the engine recorded (no more, no fewer) and the same sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feed, FeedEntry } from '../../src-main/contract/feed';
import { bareItem, EVENT_KINDS, type Item } from '../../src-main/domain/types';
import {
  FEATURES,
  prepareCatalogue,
  type Contribution,
  type Feature,
  type RuleCause,
  type RuleEffect,
  type Removal,
  type Slate,
  type TraceBecause,
  type TraceItem,
} from '../../src-main/engine';
import { compareContributions } from '../../src-main/engine/trace';
import {
  explainRemovals,
  explainSlateItem,
  itemNames,
  removedByRule,
} from '../../src-main/explain';
import { decisionsSection } from '../../src-main/report/html';
import { slateDecisions } from '../../src-main/report/report-data';
import { whyLines } from '../../src-main/shells/cli/commands/why';
import { removedText, whyPanelText } from '../../src-renderer/explain/why-panel-text';

const T = Date.UTC(2026, 2, 7, 20, 0);
const DAY = 86_400_000;

/** Words that say each cause; none of the generated names, keys or captions contains one. */
const SAYS: Record<RuleCause['cause'], RegExp> = {
  'created-later': /not yet published: created/g,
  seen: /already seen: you/g,
  'not-interested': /“not interested” on/g,
  'negative-feedback': /negative feedback on (?:@|its sound)/g,
  keyword: /matches your keyword filter/g,
  'topic-sliders': /your topic sliders? /g,
  'not-followed': /out of network: you do not follow/g,
  'same-author': / in this feed/g,
  'exploration-slot': /into an exploration slot/g,
  'exploration-slots-above': /by the exploration slots above it/g,
  'same-as-previous': /passed over at rank/g,
};
const CAUSES = Object.keys(SAYS) as RuleCause['cause'][];

const name = fc.constantFrom('ana', 'bo', 'cy', 'dee');
const key = fc.oneof(
  name.map((n) => `creator:@${n}`),
  fc.integer({ min: 1, max: 9 }).map((n) => `sound:${n}`),
);
const ago = fc.integer({ min: 1, max: 200 * DAY }).map((d) => T - d);

const removalCause: fc.Arbitrary<[Removal['rule'], RuleCause]> = fc.oneof(
  ago.map((t) => ['unpublished', { cause: 'created-later', createdAtMs: T + (T - t) }] as const),
  fc
    .tuple(fc.nat(500), fc.constantFrom(...EVENT_KINDS), ago)
    .map(([i, kind, atMs]) => ['seen', { cause: 'seen', eventIndex: i, kind, atMs }] as const),
  fc
    .tuple(key, ago)
    .map(([k, atMs]) => ['not-interested', { cause: 'not-interested', key: k, atMs }] as const),
  fc
    .tuple(key, ago)
    .map(
      ([k, atMs]) =>
        ['fatigue', { cause: 'negative-feedback', key: k, atMs, filterDays: 14 }] as const,
    ),
  name.map((w) => ['keyword-filter', { cause: 'keyword', keyword: w, setBy: null }] as const),
) as fc.Arbitrary<[Removal['rule'], RuleCause]>;

const factor = fc.double({ min: 0.1, max: 2, noNaN: true });
const ranks = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }));
const effect: fc.Arbitrary<RuleEffect> = fc.oneof(
  fc.tuple(key, ago, factor).map(([k, atMs, f]) => ({
    rule: 'fatigue' as const,
    action: 'demoted' as const,
    factor: f,
    cause: { cause: 'negative-feedback' as const, key: k, atMs, filterDays: 14 },
  })),
  fc
    .tuple(fc.constantFrom('cooking', 'fitness'), fc.integer({ min: 0, max: 2 }), factor)
    .map(([topic, level, f]) => ({
      rule: 'topic-sliders' as const,
      action: 'promoted' as const,
      factor: f,
      cause: { cause: 'topic-sliders' as const, levels: [{ topic, level }] },
    })),
  fc.tuple(fc.option(name), factor).map(([n, f]) => ({
    rule: 'out-of-network' as const,
    action: 'demoted' as const,
    factor: f,
    cause: { cause: 'not-followed' as const, creator: n === null ? null : `@${n}` },
  })),
  fc.tuple(name, fc.integer({ min: 2, max: 9 }), factor).map(([n, k, f]) => ({
    rule: 'author-diversity' as const,
    action: 'demoted' as const,
    factor: f,
    cause: { cause: 'same-author' as const, key: `creator:@${n}`, n: k },
  })),
  ranks.map(([from, to]) => ({
    rule: 'exploration' as const,
    action: 'promoted' as const,
    from,
    to,
    cause: { cause: 'exploration-slot' as const },
  })),
  ranks.map(([from, to]) => ({
    rule: 'exploration' as const,
    action: 'demoted' as const,
    from,
    to,
    cause: { cause: 'exploration-slots-above' as const },
  })),
  fc.tuple(key, fc.integer({ min: 2, max: 20 }), ranks).map(([k, atRank, [from, to]]) => ({
    rule: 'adjacency' as const,
    action: 'demoted' as const,
    from,
    to,
    cause: { cause: 'same-as-previous' as const, key: k, atRank },
  })),
);

const event = fc.record({
  index: fc.nat(500),
  kind: fc.constantFrom(...EVENT_KINDS),
  itemId: fc.option(fc.constantFrom('101', '102', '103')),
  atMs: ago,
  amount: fc.double({ min: -1, max: 1, noNaN: true }),
});
const because: fc.Arbitrary<TraceBecause> = fc.record({
  feature: fc.constantFrom<Feature>('topic', 'hashtag', 'creator', 'sound', 'language', 'duration'),
  dim: fc.constantFrom('topic:cooking', 'hashtag:pasta', 'creator:@ana', 'sound:3', 'language:en'),
  value: fc.double({ min: -1, max: 1, noNaN: true }),
  events: fc
    .array(event, { maxLength: 3 })
    .map((list) => list.map((e) => ({ ...e, eventId: `e${e.index}` }))),
  others: fc.record({ count: fc.nat(9), value: fc.double({ min: -1, max: 1, noNaN: true }) }),
});

const servedItem = fc.record({
  slot: fc.constantFrom<TraceItem['slot']>('exploit', 'explore'),
  because: fc.array(because, { maxLength: 4 }),
  rules: fc.array(effect, { maxLength: 4 }),
  followed: fc.constantFrom(0, 1),
  values: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
    minLength: FEATURES.length,
    maxLength: FEATURES.length,
  }),
});

/** Videos 100..199: every served or removed id, with captions and creators the words can name. */
const ITEMS: Item[] = Array.from({ length: 100 }, (_, i) => ({
  ...bareItem(String(100 + i), null),
  caption: `clip ${i}`,
  creator: `@ana`,
}));
const CATALOGUE = prepareCatalogue(ITEMS);
const NAMES = itemNames(ITEMS, CATALOGUE.indexOf);

const slateArb = fc
  .tuple(
    fc.array(servedItem, { minLength: 1, maxLength: 4 }),
    // At most five removals of each rule: the report words five of each.
    fc.array(removalCause, { maxLength: 5 }),
  )
  .map(([served, removals]): Slate => {
    const items = served.map((s, i) => {
      const features = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>;
      features.followed = s.followed;
      return {
        itemId: String(100 + i),
        rank: i + 1,
        slot: s.slot,
        because: s.because,
        rules: s.rules,
        features,
      } as TraceItem;
    });
    const contributions = served.map((s) =>
      FEATURES.map((feature, f): Contribution => ({ feature, value: s.values[f]! })).sort(
        compareContributions,
      ),
    );
    const removed = removals.map(([rule, cause], i) => ({ itemId: String(150 + i), rule, cause }));
    return {
      trace: { atMs: T, items, removed } as unknown as Slate['trace'],
      raw: {
        itemIds: items.map((t) => t.itemId),
        attributions: served.map(() => ({ baseline: 0.5 })) as Slate['raw']['attributions'],
        contributions,
      },
    };
  });

/** The Feed as feed/at gives it for this slate (the entries' explanations, the removals' words). */
function feedOf(slate: Slate): Feed {
  return {
    datasetId: 'd',
    atMs: T,
    engineVersion: 'x',
    seed: 0,
    preset: 'tiktok-algo101',
    configHash: 'c',
    slateId: 's',
    entries: slate.trace.items.map(
      (t, i) =>
        ({
          item: ITEMS[i],
          rank: t.rank,
          explanation: explainSlateItem(slate, i, ITEMS[i]!.creator, NAMES),
        }) as FeedEntry,
    ),
    removed: explainRemovals(slate).map((r) => ({ ...r, caption: null, creator: null })),
    removedByRule: removedByRule(slate.trace.removed),
    rules: {},
    pool: {} as Feed['pool'],
    candidates: 'pool',
  };
}

function recorded(slate: Slate): Map<string, number> {
  const counts = new Map<string, number>();
  const causes = [
    ...slate.trace.items.flatMap((t) => t.rules.map((r) => r.cause)),
    ...slate.trace.removed.map((r) => r.cause),
  ];
  for (const c of causes) counts.set(c.cause, (counts.get(c.cause) ?? 0) + 1);
  return counts;
}

function named(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cause of CAUSES) {
    const n = text.match(SAYS[cause])?.length ?? 0;
    if (n > 0) counts.set(cause, n);
  }
  return counts;
}

/** The report's text: its markup without tags, entities undone. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('every surface names exactly the causes the engine recorded', () => {
  it('the Why panel, the report and feedlens why', () => {
    const seenCauses = new Set<string>();
    const seenKinds = new Set<string>();
    fc.assert(
      fc.property(slateArb, (slate) => {
        const feed = feedOf(slate);
        const want = recorded(slate);
        for (const c of want.keys()) seenCauses.add(c);
        for (const t of slate.trace.items)
          for (const b of t.because) for (const e of b.events) seenKinds.add(e.kind);
        const panel = [
          ...feed.entries.flatMap((e) => {
            const text = whyPanelText(e.explanation);
            return [text.sentence, ...text.reasons, ...text.rules];
          }),
          ...feed.removed.map(removedText),
        ].join('\n');
        const report = plain(decisionsSection(slateDecisions(slate, CATALOGUE)));
        const cli = [...feed.entries.map((e) => e.item.id), ...feed.removed.map((r) => r.itemId)]
          .flatMap((id) => whyLines(feed, id))
          .join('\n');
        expect(named(panel)).toEqual(want);
        expect(named(report)).toEqual(want);
        expect(named(cli)).toEqual(want);
        // The same sentence, word for word, on every surface.
        for (const e of feed.entries) {
          const sentence = whyPanelText(e.explanation).sentence;
          expect(report).toContain(sentence);
          expect(cli).toContain(sentence);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
    // The runs met every rule's cause and every signal kind.
    expect([...seenCauses].sort()).toEqual([...CAUSES].sort());
    expect([...seenKinds].sort()).toEqual([...EVENT_KINDS].sort());
  });
});
