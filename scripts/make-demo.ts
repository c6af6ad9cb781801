// Generates the bundled demo dataset in fixtures/demo/: a synthetic catalogue of 600 items and
// one persona's first week ("Sam", who starts broad and drifts into cooking and fitness), loaded
// on first start; and the Feed Lab's catalogue of 10,000 videos (src-main/lab/catalogue-gen.ts).
// `npx tsx scripts/make-demo.ts` rewrites the files; test/fixtures/demo.test.ts checks that they
// equal makeDemo(DEMO_SEED) byte for byte, so the generator must stay deterministic: a seeded
// PRNG and plain arithmetic only (no Math.random, no clock, no transcendental functions).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TOPICS, topicsForQuery, topicsForText, type Topic } from '../src-main/domain/taxonomy';
import type { EventKind, FeedEvent, Item, Target } from '../src-main/domain/types';
import {
  LAB_CATALOGUE_SEED,
  labCatalogueFiles,
  makeLabCatalogue,
} from '../src-main/lab/catalogue-gen';

export const DEMO_SEED = 20260301;
const ITEM_COUNT = 600;
const CREATOR_COUNT = 80;
const SOUND_COUNT = 60;
const DAY_S = 86_400;
const START_MS = Date.UTC(2026, 2, 1); // the persona's week starts after every item was posted
const CATALOGUE_FROM_S = START_MS / 1000 - 60 * DAY_S;

type Rng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
  weighted: <T>(xs: readonly T[], weight: (x: T) => number) => T;
};

/** mulberry32: tiny, fast and good enough for synthetic data. */
function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const weighted = <T>(xs: readonly T[], weight: (x: T) => number): T => {
    let r = next() * xs.reduce((sum, x) => sum + weight(x), 0);
    for (const x of xs) if ((r -= weight(x)) < 0) return x;
    return xs[xs.length - 1]!;
  };
  return { next, int, chance: (p) => next() < p, pick, weighted };
}

// Creators lean towards the topics that dominate real feeds, and towards Sam's two, so the
// persona's drift has enough unseen videos to land on.
const TOPIC_POPULARITY: Record<string, number> = {
  cooking: 14,
  fitness: 12,
  comedy: 4,
  pets: 3,
  dance: 3,
  music: 3,
  beauty: 2,
  fashion: 2,
  gaming: 2,
  travel: 2,
};
const HANDLE_WORDS: Record<string, string[]> = {
  cooking: ['chef', 'kitchen', 'bakes', 'eats'],
  fitness: ['lifts', 'fit', 'gains', 'coach'],
  comedy: ['lol', 'bits', 'jokes'],
  pets: ['paws', 'woof', 'meow'],
  music: ['beats', 'sings', 'keys'],
};
const list = (words: string): string[] => words.split(' ');
const NAMES = list(
  'marta leo ana jonas priya tom aiko sven lucia omar nina felix zoe ravi emma hugo ines kai mila noah sara theo yara ben lena max rosa ivan chloe diego',
);
const SONG_WORDS = list(
  'golden midnight neon paper summer velvet electric lonely wild sugar echo river',
);
const SONG_NOUNS = list('hour drive hearts city rain dreams lights motion tide fever season waves');
const GENERIC_TAGS = ['fyp', 'viral', 'foryou'];
const ONE_TOPIC = [
  '{k} check: day {n}',
  '{n} {k} tips nobody told me',
  'POV: you finally get into {k}',
  'rating {k} so you do not have to',
  '{k} + {k2} = my whole personality',
  'things I wish I knew about {k} sooner',
  'honest thoughts on {k} after {n} weeks',
  'when the {k} hits different ✨',
  'part {n}: {k} and {k2}',
  'unpopular opinion about {k}',
];
const TWO_TOPICS = [
  '{k} but make it {j}',
  '{k} meets {j}, part {n}',
  'trying {k} and {j} in one day',
];

const topicById = (id: string): Topic => TOPICS.find((t) => t.id === id)!;

type Creator = {
  handle: string;
  topics: string[];
  language: string;
  sounds: string[];
  /** Relative posting rate: a few creators post much more than the rest. */
  activity: number;
};

/** 19 digits starting with 7, like TikTok's music ids (which fit a signed 64-bit integer). */
function soundId(rng: Rng): string {
  let s = '7';
  while (s.length < 19) s += String(rng.int(0, 9));
  return s;
}

function makeCreators(rng: Rng): Creator[] {
  const popularity = (id: string): number => TOPIC_POPULARITY[id] ?? 1;
  const handles = new Set<string>();
  return Array.from({ length: CREATOR_COUNT }, (_, i) => {
    // The first creators cover every topic once, so the catalogue spans the whole taxonomy.
    const first = TOPICS[i]?.id ?? rng.weighted(TOPICS, (t) => popularity(t.id)).id;
    const topics = [first];
    for (let extra = rng.int(0, 2); extra > 0; extra--) {
      const id = rng.weighted(TOPICS, (t) => popularity(t.id)).id;
      if (!topics.includes(id)) topics.push(id);
    }
    const word = rng.pick(HANDLE_WORDS[first] ?? [first.split('-')[0]!]);
    const name = rng.pick(NAMES);
    let handle = rng.chance(0.5) ? `@${word}.${name}` : `@${name}.${word}`;
    while (handles.has(handle)) handle = `${handle}${rng.int(0, 9)}`;
    handles.add(handle);
    const language = rng.chance(0.8) ? 'en' : rng.pick(['es', 'de', 'fr']);
    return { handle, topics, language, sounds: [], activity: 0.2 + 3 * rng.next() * rng.next() };
  });
}

function makeSounds(rng: Rng, creators: Creator[]): Map<string, string> {
  const sounds = new Map<string, string>();
  while (sounds.size < SOUND_COUNT) {
    const i = sounds.size;
    // A quarter are creators' own "original sound"s, as on TikTok; the rest are songs.
    const title =
      i < SOUND_COUNT / 4
        ? `original sound - ${creators[i]!.handle.slice(1)}`
        : `${rng.pick(SONG_WORDS)} ${rng.pick(SONG_NOUNS)}${rng.chance(0.3) ? ' (sped up)' : ''}`;
    const id = soundId(rng);
    if (!sounds.has(id)) sounds.set(id, title);
  }
  const ids = [...sounds.keys()];
  creators.forEach((creator, i) => {
    if (i < SOUND_COUNT / 4) creator.sounds.push(ids[i]!);
    for (let n = rng.int(2, 4); n > 0; n--)
      creator.sounds.push(rng.pick(ids.slice(SOUND_COUNT / 4)));
  });
  return sounds;
}

function makeCaption(rng: Rng, topics: string[]): string {
  const [main, second] = topics.map((id) => topicById(id).keywords) as [
    string[],
    string[] | undefined,
  ];
  const k = rng.pick(main);
  const text = rng
    .pick(second ? TWO_TOPICS : ONE_TOPIC)
    .replace('{k}', k)
    .replace('{k2}', rng.pick(main.filter((w) => w !== k)))
    .replace('{j}', second ? rng.pick(second) : '')
    .replace('{n}', String(rng.int(2, 30)));
  return rng.chance(0.5) ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function makeItem(rng: Rng, creator: Creator, sounds: Map<string, string>): Item {
  // A second topic only ever comes from the creator's own mix, so combinations stay plausible.
  const wanted = [rng.pick(creator.topics)];
  const other = rng.pick(creator.topics);
  if (rng.chance(0.3) && !wanted.includes(other)) wanted.push(other);
  const caption = makeCaption(rng, wanted);
  const hashtags: string[] = [];
  for (let n = rng.int(1, 3); n > 0; n--) {
    const pool = rng.chance(0.2) ? GENERIC_TAGS : topicById(rng.pick(wanted)).hashtags;
    const tag = rng.pick(pool);
    if (!hashtags.includes(tag)) hashtags.push(tag);
  }
  const topics = topicsForText(caption, hashtags);
  if (topics.join() !== [...wanted].sort().join()) {
    throw new Error(`caption "${caption}" ${hashtags} maps to [${topics}], wanted [${wanted}]`);
  }
  const createdS = CATALOGUE_FROM_S + rng.int(0, 60 * DAY_S - 3600);
  const id = (BigInt(createdS) << 32n) | BigInt(rng.int(0, 2 ** 32 - 1));
  const sound = rng.pick(creator.sounds);
  const bucket = rng.next();
  const durationS =
    bucket < 0.6 ? rng.int(7, 30) : bucket < 0.9 ? rng.int(31, 90) : rng.int(91, 180);
  // Plays ~ 1/u²: a Pareto-like heavy tail (most videos get a few thousand, a few get millions).
  const u = 0.02 + 0.98 * rng.next();
  const plays = Math.floor(800 / (u * u)) + rng.int(0, 500);
  const likes = Math.floor(plays * (0.02 + 0.1 * rng.next() * rng.next()));
  return {
    id: id.toString(),
    creator: creator.handle,
    sound,
    soundTitle: sounds.get(sound)!,
    caption,
    hashtags,
    topics,
    topicsInferred: false,
    durationS,
    language: creator.language,
    createdAtMs: createdS * 1000,
    thumbnailUrl: null,
    stats: {
      likes,
      shares: Math.floor(likes * 0.06 * rng.next()),
      comments: Math.floor(likes * (0.005 + 0.03 * rng.next())),
      plays,
    },
  };
}

function makeCatalogue(rng: Rng): Item[] {
  const creators = makeCreators(rng);
  const sounds = makeSounds(rng, creators);
  // Every creator posts at least once; the rest of the catalogue follows their activity.
  const items = Array.from({ length: ITEM_COUNT }, (_, i) =>
    makeItem(rng, creators[i] ?? rng.weighted(creators, (c) => c.activity), sounds),
  );
  if (new Set(items.map((it) => it.id)).size !== items.length) throw new Error('duplicate item id');
  // Every id has 19 digits, so string order is numeric order, which is creation order.
  return items.sort((a, b) => (a.id < b.id ? -1 : 1));
}

// Sam: broad at first, then cooking and fitness take over; news and pranks never land.
const FOCUS = ['cooking', 'fitness'];
const DISLIKED = ['news-politics', 'pranks'];
const SEARCHES: Record<number, string> = {
  3: 'easy pasta recipe',
  8: 'home workout for beginners',
};
// Daily viewing slots: earliest start (minutes after midnight UTC), jitter, probability.
const SLOTS = [
  [7 * 60, 90, 0.3],
  [12 * 60, 60, 0.4],
  [20 * 60, 120, 1],
] as const;

type Draft = Omit<FeedEvent, 'id'>;

function makePersona(rng: Rng, catalogue: Item[]): FeedEvent[] {
  const starts: number[] = [];
  for (let day = 0; day < 7; day++) {
    for (const [minute, jitter, p] of SLOTS) {
      if (rng.chance(p))
        starts.push(START_MS + (day * DAY_S + (minute + rng.int(0, jitter)) * 60) * 1000);
    }
  }
  const byTopic = new Map(
    TOPICS.map((t) => [t.id, catalogue.filter((it) => it.topics.includes(t.id))]),
  );
  const seen = new Set<string>();
  const followed = new Set<string>();
  let notInterested = false;
  const events: Draft[] = [];

  starts.forEach((startMs, session) => {
    const drift = session / (starts.length - 1);
    const first = events.length;
    let t = startMs;
    const push = (kind: EventKind, item: Item | null, more: Partial<Draft> = {}): void => {
      const base = { atMs: t, kind, itemId: item?.id ?? null, target: null as Target | null };
      const fill = { watchS: null, watchRatio: null, level: null, evidence: 'observed' as const };
      events.push({ ...base, ...fill, session, ...more });
    };
    const watched = (kind: EventKind, item: Item, ratio: number): void => {
      const watchS = Math.round(item.durationS! * ratio * 10) / 10;
      push(kind, item, { watchS, watchRatio: watchS / item.durationS! });
      t += Math.round(watchS * 1000);
    };
    const react = (kind: EventKind, item: Item, p: number): boolean => {
      if (!rng.chance(p)) return false;
      t += rng.int(1000, 4000);
      push(kind, item);
      return true;
    };

    let searched: string | undefined;
    let boost = 0;
    const query = SEARCHES[session];
    if (query) {
      push('search', null, { target: { type: 'query', value: query } });
      [searched] = topicsForQuery(query);
      boost = 6;
      t += rng.int(8000, 20_000);
    }
    const weight = (topic: string): number => {
      if (boost > 0) return topic === searched ? 1 : 0;
      if (FOCUS.includes(topic)) return 1 + 20 * drift;
      return DISLIKED.includes(topic) ? (notInterested ? 0.1 : 0.8) : 1;
    };
    const affinity = (item: Item): number =>
      Math.max(
        ...item.topics.map((topic) =>
          FOCUS.includes(topic)
            ? 0.35 + 0.6 * drift
            : DISLIKED.includes(topic)
              ? 0.08
              : 0.4 - 0.2 * drift,
        ),
      );

    // An item adds at most 7 events, so a session ends with 22 to 51 of them.
    const target = rng.int(22, 45);
    while (events.length - first < target) {
      const open = TOPICS.filter((tp) => byTopic.get(tp.id)!.some((it) => !seen.has(it.id)));
      const topic = rng.weighted(open, (tp) => weight(tp.id)).id;
      const item = rng.pick(byTopic.get(topic)!.filter((it) => !seen.has(it.id)));
      seen.add(item.id);
      boost--;
      const a = affinity(item);
      if (!notInterested && session > 0 && item.topics.some((tp) => DISLIKED.includes(tp))) {
        watched('skip', item, 0.05 + 0.1 * rng.next());
        react('not-interested', item, 1);
        notInterested = true;
      } else if (rng.chance((1 - a) * 0.7)) {
        watched('skip', item, 0.03 + 0.15 * rng.next());
      } else {
        // Short videos loop when they hold Sam; long ones are at most finished.
        const ratio = 0.2 + 0.9 * a * (0.5 + rng.next());
        watched('watch', item, item.durationS! > 60 ? Math.min(ratio, 1) : ratio);
        if (ratio >= 0.9 && rng.chance(a * 0.25)) watched('rewatch', item, 0.3 + 0.7 * rng.next());
        if (ratio >= 0.5) {
          const liked = react('like', item, a * 0.55);
          react('favorite', item, a * 0.15);
          react('share', item, a * 0.08);
          react('comment', item, a * 0.06);
          const creator = item.creator!;
          const focus = item.topics.every((tp) => FOCUS.includes(tp));
          if (liked && focus && session >= 4 && followed.size < 2 && !followed.has(creator)) {
            t += rng.int(1000, 3000);
            push('follow', item, { target: { type: 'creator', value: creator } });
            followed.add(creator);
          }
        }
      }
      t += rng.int(400, 2500);
    }
  });

  const count = (kind: EventKind): number => events.filter((e) => e.kind === kind).length;
  if (count('follow') !== 2 || count('search') !== 2 || count('not-interested') !== 1) {
    throw new Error('the persona lost one of its scripted events; change the seed');
  }
  return events.map((e, i) => ({ id: `e${String(i).padStart(6, '0')}`, ...e }));
}

export type Demo = { catalogue: Item[]; events: FeedEvent[] };

/** The whole demo dataset for a seed. Pure: the same seed always gives the same data. */
export function makeDemo(seed: number): Demo {
  // Separate streams, so tuning the persona does not reshuffle the catalogue.
  const catalogue = makeCatalogue(makeRng(seed));
  return { catalogue, events: makePersona(makeRng(seed ^ 0x5eed), catalogue) };
}

// One element per line: small diffs when the generator changes, still plain JSON.
const jsonRows = (rows: readonly unknown[]): string =>
  `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;

/** The fixture files' exact contents, by file name. */
export function demoFiles(demo: Demo): Record<string, string> {
  return {
    'catalogue.json': jsonRows(demo.catalogue),
    'persona-session.json': jsonRows(demo.events),
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const dir = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const demo = makeDemo(DEMO_SEED);
  for (const [name, text] of Object.entries(demoFiles(demo))) writeFileSync(join(dir, name), text);
  console.log(`fixtures/demo: ${demo.catalogue.length} items, ${demo.events.length} events`);
  // The Feed Lab's larger catalogue (src-main/lab/catalogue-gen.ts), in the same folder.
  const lab = makeLabCatalogue(LAB_CATALOGUE_SEED);
  for (const [name, text] of Object.entries(labCatalogueFiles(lab)))
    writeFileSync(join(dir, name), text);
  console.log(`fixtures/demo: Lab ${lab.items.length} items, ${lab.interactions.length} sessions`);
}
