// The Feed Lab's demo catalogue: 10,000 synthetic videos by 1,500 creators over the whole topic
// taxonomy, in 14 languages, with 1,000 sounds (some trending) and background viewers' sessions
// for co-engagement. Pure and seeded: the same seed always gives the same bytes
// (test/lab/catalogue-gen.test.ts); scripts/make-demo.ts writes it to fixtures/demo/.
// docs/LAB.md "The catalogue" says which numbers are published and which are OURS. Only plain
// arithmetic and square roots (exact in IEEE 754), so the bytes do not depend on the platform.
import { TOPICS, topicsForText, type TopicId } from '../domain/taxonomy';
import { LANGUAGE_WORDS } from '../domain/taxonomy-words/languages';
import type { Item } from '../domain/types';
import { createRng } from '../engine/random';
import {
  DIET_CAPTIONS,
  DIET_TAGS,
  GENERIC_TAGS,
  HANDLE_WORDS,
  LANGUAGE_SHARE,
  NAMES,
  ONE_TOPIC,
  SONG_NOUNS,
  SONG_WORDS,
  TASTE_CLUSTERS,
  TOPIC_POPULARITY,
  TWO_TOPICS,
} from './catalogue-words';

export const LAB_CATALOGUE_SEED = 20260901;
/** Every Lab video was posted in the 180 days before this instant; Lab sessions start at it. */
export const LAB_EPOCH_MS = Date.UTC(2026, 8, 1);

const VIDEOS = 10_000;
const CREATORS = 1_500;
const SOUNDS = 1_000;
const ORIGINAL_SOUNDS = 250;
const TRENDING_SOUNDS = 40;
const BACKGROUND_USERS = 800;
const DAY_S = 86_400;
const SPAN_DAYS = 180;
const FROM_S = LAB_EPOCH_MS / 1000 - SPAN_DAYS * DAY_S;

/** One background viewer's session: the videos they engaged with, in order. */
export type BackgroundSession = { user: string; session: number; items: string[] };
export type LabCatalogue = { items: Item[]; interactions: BackgroundSession[] };

type Rng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
};

function makeRng(seed: number): Rng {
  const base = createRng(seed);
  const int = (lo: number, hi: number): number => lo + base.int(hi - lo + 1);
  return {
    next: base.next,
    int,
    chance: (p) => base.next() < p,
    pick: (xs) => xs[int(0, xs.length - 1)]!,
  };
}

/** Weighted draws in O(log n): cumulative weights and a binary search. */
function sampler<T>(xs: readonly T[], weight: (x: T) => number): (rng: Rng) => T {
  const cum: number[] = [];
  let sum = 0;
  for (const x of xs) cum.push((sum += weight(x)));
  return (rng) => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return xs[lo]!;
  };
}

const split = (text: string | undefined): string[] => (text ? text.split(', ') : []);
const byLanguage = new Map(LANGUAGE_WORDS.map((l) => [l.language, l]));

function keywordsOf(topic: string, language: string): string[] {
  if (language === 'en') return [...TOPICS.find((t) => t.id === topic)!.keywords];
  return split(byLanguage.get(language)?.keywords[topic as TopicId]);
}

function hashtagsOf(topic: string, language: string): string[] {
  const english = TOPICS.find((t) => t.id === topic)!.hashtags;
  if (language === 'en') return [...english];
  const own = split(byLanguage.get(language)?.hashtags[topic as TopicId]);
  return [...own, ...english];
}

type Creator = {
  handle: string;
  language: string;
  topics: string[];
  /** Posts "what I eat in a day" diet content (the drifter's last stop). */
  diet: boolean;
  /** Zipf rank: popularity 1/(rank + 1). */
  rank: number;
  sound: string | null;
};

function makeCreators(rng: Rng): Creator[] {
  const languages = Object.keys(LANGUAGE_SHARE);
  const pickLanguage = sampler(languages, (l) => LANGUAGE_SHARE[l]!);
  const handles = new Set<string>();
  return Array.from({ length: CREATORS }, (_, rank) => {
    const language = pickLanguage(rng);
    const open = TOPICS.map((t) => t.id).filter((id) => keywordsOf(id, language).length > 0);
    const main = sampler(open, (id) => TOPIC_POPULARITY[id] ?? 1)(rng);
    const topics = [main];
    if (rng.chance(0.4)) {
      const clusters = TASTE_CLUSTERS.filter((c) => c.includes(main));
      const other =
        clusters.length > 0 && rng.chance(0.6)
          ? rng.pick(rng.pick(clusters).filter((t) => t !== main))
          : sampler(open, (id) => TOPIC_POPULARITY[id] ?? 1)(rng);
      if (!topics.includes(other) && open.includes(other)) topics.push(other);
    }
    const diet =
      language === 'en' &&
      (topics.includes('fitness') || topics.includes('health-wellness')) &&
      rng.chance(0.5);
    const name = rng.pick(NAMES);
    const word = rng.pick(HANDLE_WORDS);
    let handle = rng.chance(0.5) ? `@${name}.${word}` : `@${main.split('-')[0]}.${name}`;
    while (handles.has(handle)) handle = `${handle}${rng.int(0, 9)}`;
    handles.add(handle);
    return { handle, language, topics, diet, rank, sound: null };
  });
}

/** 19 digits starting with 7, like TikTok's music ids. */
function soundId(rng: Rng): string {
  let s = '7';
  while (s.length < 19) s += String(rng.int(0, 9));
  return s;
}

type Sounds = {
  titles: Map<string, string>;
  pickSong: (rng: Rng) => string;
  /** Trending songs: id and the day (since FROM_S) their two-week peak starts. */
  trending: { id: string; fromDay: number }[];
};

function makeSounds(rng: Rng, creators: Creator[]): Sounds {
  const titles = new Map<string, string>();
  const songs: string[] = [];
  while (titles.size < SOUNDS) {
    const id = soundId(rng);
    if (titles.has(id)) continue;
    const i = titles.size;
    if (i < ORIGINAL_SOUNDS) {
      // The most popular creators have an "original sound" of their own, as on TikTok.
      titles.set(id, `original sound - ${creators[i]!.handle.slice(1)}`);
      creators[i]!.sound = id;
    } else {
      const sped = rng.chance(0.2) ? ' (sped up)' : '';
      titles.set(id, `${rng.pick(SONG_WORDS)} ${rng.pick(SONG_NOUNS)}${sped}`);
      songs.push(id);
    }
  }
  const trending = songs.slice(0, TRENDING_SOUNDS).map((id) => ({
    id,
    // Trends of the last two months, so the Lab's feed meets them while they are fresh.
    fromDay: rng.int(SPAN_DAYS - 60, SPAN_DAYS - 14),
  }));
  return { titles, pickSong: sampler(songs, (id) => 1 / (songs.indexOf(id) + 1)), trending };
}

function fill(shape: string, k: string, j: string, rng: Rng): string {
  return shape
    .replace('{k}', k)
    .replace('{j}', j)
    .replace('{n}', String(rng.int(2, 30)));
}

/** A caption and hashtags for the wanted topics, checked to map back to exactly those topics. */
function writeWords(
  rng: Rng,
  creator: Creator,
  wanted: string[],
): { caption: string; hashtags: string[]; topics: string[] } {
  const lang = creator.language;
  for (let attempt = 0; attempt < 40; attempt++) {
    const diet = creator.diet && rng.chance(0.8);
    const [main, second] = wanted as [string, string | undefined];
    const k = rng.pick(keywordsOf(main, lang));
    const text = diet
      ? fill(rng.pick(DIET_CAPTIONS), '', '', rng)
      : second
        ? fill(
            rng.pick(TWO_TOPICS[lang] ?? TWO_TOPICS.default!),
            k,
            rng.pick(keywordsOf(second, lang)),
            rng,
          )
        : fill(rng.pick(ONE_TOPIC[lang]!), k, '', rng);
    const hashtags: string[] = [];
    const add = (tag: string): void => {
      const t = tag.toLowerCase().replaceAll(' ', '');
      if (!hashtags.includes(t)) hashtags.push(t);
    };
    if (diet) add(rng.pick(DIET_TAGS));
    for (let n = rng.int(1, 3); n > 0; n--) {
      const topic = rng.pick(wanted);
      add(rng.chance(0.6) ? rng.pick(hashtagsOf(topic, lang)) : rng.pick(keywordsOf(topic, lang)));
    }
    if (rng.chance(0.35)) add(rng.pick(GENERIC_TAGS[lang] ?? GENERIC_TAGS.default!));
    // TikTok's caption (`desc`) usually carries the hashtags inline.
    const caption = rng.chance(0.6) ? `${text} ${hashtags.map((h) => `#${h}`).join(' ')}` : text;
    const topics = topicsForText(caption, hashtags);
    const expected = diet
      ? topics.length > 0 && topics.includes('fitness')
      : sameSet(topics, wanted);
    if (expected) return { caption, hashtags, topics };
  }
  throw new Error(`no caption for ${wanted.join('+')} in ${lang}: change the words`);
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Duration shares (OURS): most videos are short, a long tail runs to three minutes. */
function duration(rng: Rng): number {
  const u = rng.next();
  if (u < 0.35) return rng.int(5, 15);
  if (u < 0.7) return rng.int(16, 35);
  if (u < 0.88) return rng.int(36, 60);
  if (u < 0.97) return rng.int(61, 120);
  return rng.int(121, 180);
}

function makeItem(rng: Rng, creator: Creator, sounds: Sounds, ids: Set<string>): Item {
  const wanted = [rng.pick(creator.topics)];
  const other = rng.pick(creator.topics);
  if (rng.chance(0.25) && other !== wanted[0]) wanted.push(other);
  const { caption, hashtags, topics } = writeWords(rng, creator, wanted);
  const createdS = FROM_S + rng.int(0, SPAN_DAYS * DAY_S - 3600);
  let id = '';
  while (id === '' || ids.has(id)) {
    id = ((BigInt(createdS) << 32n) | BigInt(rng.int(0, 2 ** 32 - 1))).toString();
  }
  ids.add(id);
  const day = Math.floor((createdS - FROM_S) / DAY_S);
  const trends = sounds.trending.filter((t) => day >= t.fromDay && day < t.fromDay + 14);
  const sound =
    creator.sound && rng.chance(0.3)
      ? creator.sound
      : trends.length > 0 && rng.chance(0.35)
        ? rng.pick(trends).id
        : sounds.pickSong(rng);
  // Plays: the creator's Zipf popularity times a heavy per-video tail 1/u² (OURS).
  const u = 0.05 + 0.95 * rng.next();
  const plays = Math.floor((500 + 200_000 / (creator.rank + 1)) / (u * u)) + rng.int(0, 300);
  const likes = Math.floor(plays * (0.02 + 0.1 * rng.next() * rng.next()));
  return {
    id,
    creator: creator.handle,
    sound,
    soundTitle: sounds.titles.get(sound)!,
    caption,
    hashtags,
    topics,
    topicsInferred: false,
    durationS: duration(rng),
    language: creator.language,
    createdAtMs: createdS * 1000,
    stats: {
      likes,
      shares: Math.floor(likes * 0.06 * rng.next()),
      comments: Math.floor(likes * (0.005 + 0.03 * rng.next())),
      plays,
    },
    thumbnailUrl: null,
  };
}

/** Background viewers: each has a taste (often one of the clusters) and a few sessions. */
function makeInteractions(rng: Rng, items: Item[], dietIds: Set<string>): BackgroundSession[] {
  const byTopic = new Map<string, (r: Rng) => Item>();
  for (const t of TOPICS) {
    const list = items.filter((it) => it.topics.includes(t.id));
    if (list.length > 0)
      byTopic.set(
        t.id,
        sampler(list, (it) => Math.sqrt(it.stats!.plays!)),
      );
  }
  const dietItems = items.filter((it) => dietIds.has(it.id));
  byTopic.set(
    'diet',
    sampler(dietItems, (it) => Math.sqrt(it.stats!.plays!)),
  );
  const pickTopic = sampler(
    [...byTopic.keys()].filter((t) => t !== 'diet'),
    (t) => TOPIC_POPULARITY[t] ?? 1,
  );
  const out: BackgroundSession[] = [];
  for (let u = 0; u < BACKGROUND_USERS; u++) {
    const taste = rng.chance(0.6) ? [...rng.pick(TASTE_CLUSTERS)] : [pickTopic(rng)];
    if (taste.includes('fitness') && rng.chance(0.4)) taste.push('diet');
    taste.push(pickTopic(rng));
    const user = `u${String(u).padStart(4, '0')}`;
    for (let session = rng.int(1, 4) - 1; session >= 0; session--) {
      const seen = new Set<string>();
      for (let n = rng.int(10, 40); n > 0; n--) seen.add(byTopic.get(rng.pick(taste))!(rng).id);
      out.push({ user, session, items: [...seen] });
    }
  }
  return out;
}

/** The Lab catalogue for a seed. Pure: the same seed always gives the same data. */
export function makeLabCatalogue(seed: number): LabCatalogue {
  const rng = makeRng(seed);
  const creators = makeCreators(rng);
  const sounds = makeSounds(rng, creators);
  const pickCreator = sampler(creators, (c) => 1 / Math.sqrt(c.rank + 1));
  const ids = new Set<string>();
  // Every creator posts at least once; the rest follow a flatter power law than popularity.
  const items = Array.from({ length: VIDEOS }, (_, i) =>
    makeItem(rng, creators[i] ?? pickCreator(rng), sounds, ids),
  );
  const dietCreators = new Set(creators.filter((c) => c.diet).map((c) => c.handle));
  const dietIds = new Set(
    items
      .filter(
        (it) => dietCreators.has(it.creator!) && it.hashtags.some((h) => DIET_TAGS.includes(h)),
      )
      .map((it) => it.id),
  );
  const interactions = makeInteractions(makeRng(seed ^ 0xbac6), items, dietIds);
  // Every id has 19 digits, so string order is numeric order, which is creation order.
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items, interactions };
}

/** The fixture files' exact contents: JSON lines, one item or session per line. */
export function labCatalogueFiles(cat: LabCatalogue): Record<string, string> {
  const lines = (rows: readonly unknown[]): string =>
    rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
  return {
    'lab-catalogue.jsonl': lines(cat.items),
    'lab-interactions.jsonl': lines(cat.interactions),
  };
}
