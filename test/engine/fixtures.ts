// Small generated catalogues and event streams for engine tests (deterministic, seeded).
import fc from 'fast-check';
import type { EventKind, FeedEvent, Item } from '../../src-main/domain/types';
import { createRng } from '../../src-main/engine/random';

export const T0 = Date.UTC(2024, 4, 1); // 2024-05-01
const TOPIC_POOL = ['cooking', 'comedy', 'dance', 'gaming', 'pets', 'science', 'sports', 'travel'];

/** A catalogue of n items over a few creators, sounds, topics and languages. */
export function makeCatalogue(
  n: number,
  seed = 1,
  opts: { creators?: number; sounds?: number } = {},
): Item[] {
  const rng = createRng(seed);
  const creators = opts.creators ?? Math.max(3, Math.floor(n / 4));
  const sounds = opts.sounds ?? Math.max(3, Math.floor(n / 3));
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const t1 = TOPIC_POOL[rng.int(TOPIC_POOL.length)]!;
    const t2 = TOPIC_POOL[rng.int(TOPIC_POOL.length)]!;
    const topics = [...new Set([t1, t2])].sort();
    // TikTok-style ids: creation time in the high 32 bits.
    const created = Math.floor((T0 - rng.int(60) * 86_400_000) / 1000);
    const id = ((BigInt(created) << 32n) + BigInt(i)).toString();
    items.push({
      id,
      creator: `@c${rng.int(creators)}`,
      sound: `s${rng.int(sounds)}`,
      soundTitle: null,
      caption: `${topics.join(' and ')} clip ${i}`,
      hashtags: [topics[0]!, `tag${rng.int(5)}`],
      topics,
      topicsInferred: false,
      durationS: 5 + rng.int(120),
      language: rng.next() < 0.8 ? 'en' : 'de',
      createdAtMs: null,
      stats: { likes: rng.int(1000), shares: null, comments: null, plays: rng.int(100_000) },
      thumbnailUrl: null,
    });
  }
  return items;
}

const ITEM_KINDS: EventKind[] = [
  'impression',
  'watch',
  'watch',
  'watch',
  'rewatch',
  'like',
  'unlike',
  'favorite',
  'share',
  'comment',
  'skip',
  'not-interested',
];

export type StreamSpec = {
  kind: EventKind;
  item: number;
  gapMin: number;
  ratio: number | null;
  inferred: boolean;
  newSession: boolean;
  level: number;
  word: number;
  /** Picks the form of an event that has several (a favourite of a video, hashtag, sound...). */
  variant: number;
};

export const specArb = fc.record({
  kind: fc.constantFrom<EventKind>(
    ...ITEM_KINDS,
    'follow',
    'unfollow',
    'search',
    'keyword-filter',
    'topic-control',
  ),
  item: fc.nat(1000),
  gapMin: fc.integer({ min: 0, max: 3000 }),
  ratio: fc.option(fc.double({ min: 0, max: 2.5, noNaN: true }), { nil: null }),
  inferred: fc.boolean(),
  newSession: fc.boolean(),
  level: fc.integer({ min: 0, max: 2 }),
  word: fc.nat(7),
  variant: fc.nat(3),
});

export const streamArb = (maxLength = 25) => fc.array(specArb, { minLength: 1, maxLength });

/** Turns generated specs into a valid, time-ordered event log over `items`. */
export function toEvents(specs: readonly StreamSpec[], items: readonly Item[]): FeedEvent[] {
  let t = T0;
  let session = 0;
  return specs.map((s, i) => {
    t += s.gapMin * 60_000;
    if (i > 0 && s.newSession) session++;
    const item = items[s.item % items.length]!;
    const base: FeedEvent = {
      id: `e${String(i).padStart(4, '0')}`,
      atMs: t,
      kind: s.kind,
      itemId: item.id,
      target: null,
      watchS: null,
      watchRatio: null,
      level: null,
      evidence: s.inferred ? 'inferred' : 'observed',
      session,
    };
    switch (s.kind) {
      case 'watch':
        return { ...base, watchRatio: s.ratio };
      case 'impression':
        // A capture's page loads, as Zeeschuimer imports them.
        return s.variant % 2 === 1 ? { ...base, evidence: 'loaded' } : base;
      case 'favorite': {
        // A TikTok export's favourite hashtags (by name or numeric id), sounds and effects.
        const targets = [
          null,
          {
            type: 'hashtag' as const,
            value: s.word % 2 ? TOPIC_POOL[s.word]! : `${1000 + s.word}`,
          },
          { type: 'sound' as const, value: item.sound! },
          { type: 'effect' as const, value: `fx${s.word}` },
        ];
        const target = targets[s.variant]!;
        return target ? { ...base, itemId: null, target } : base;
      }
      case 'share': {
        // Share History also links to profiles, sounds and hashtags.
        const targets = [
          null,
          { type: 'creator' as const, value: item.creator! },
          { type: 'sound' as const, value: item.sound! },
          { type: 'hashtag' as const, value: TOPIC_POOL[s.word]! },
        ];
        const target = targets[s.variant]!;
        return target ? { ...base, itemId: null, target } : base;
      }
      case 'comment':
        // A comment whose video the export does not name, with its words.
        return s.variant % 2 === 1
          ? {
              ...base,
              itemId: null,
              target: { type: 'text', value: `so much ${TOPIC_POOL[s.word]}` },
            }
          : base;
      case 'not-interested':
        // A block list entry: a creator, no video.
        return s.variant % 2 === 1
          ? { ...base, itemId: null, target: { type: 'creator', value: item.creator! } }
          : base;
      case 'follow':
      case 'unfollow':
        return { ...base, itemId: null, target: { type: 'creator', value: item.creator! } };
      case 'search':
        return {
          ...base,
          itemId: null,
          target: { type: 'query', value: `${TOPIC_POOL[s.word]} recipe` },
        };
      case 'keyword-filter':
        return { ...base, itemId: null, target: { type: 'keyword', value: TOPIC_POOL[s.word]! } };
      case 'topic-control':
        return {
          ...base,
          itemId: null,
          target: { type: 'topic', value: TOPIC_POOL[s.word]! },
          level: s.level,
        };
      default:
        return base;
    }
  });
}
