// Writes the example event logs in fixtures/event-log (docs/EVENT-LOG.md) from a fixed seed:
// `npx tsx scripts/make-event-log.ts [out-dir]`. The output is committed; a rerun gives the same
// bytes.
//   sock-puppet.csv / .jsonl  two scripted sock puppets, every event kind, same rows in both files
//   eval-small.jsonl          36 users with stable topic tastes, for offline evaluation
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLUMNS } from '../src-main/import/event-log-schema';

type Row = Partial<Record<(typeof COLUMNS)[number], string | number>>;

/** mulberry32: a tiny seeded PRNG, so the fixtures never depend on Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Topic = { id: string; word: string; tags: string[]; lang: string };
const TOPICS: Topic[] = [
  { id: 'cooking', word: 'recipe', tags: ['foodtok', 'easyrecipe', 'homecooking'], lang: 'en' },
  { id: 'fitness', word: 'workout', tags: ['gymtok', 'legday', 'homeworkout'], lang: 'en' },
  { id: 'gaming', word: 'gaming', tags: ['gamingtok', 'videogames', 'pcgaming'], lang: 'en' },
  { id: 'pets', word: 'puppy', tags: ['dogsoftiktok', 'catsoftiktok', 'petsoftiktok'], lang: 'en' },
  { id: 'travel', word: 'travel', tags: ['traveltok', 'solotravel', 'traveltips'], lang: 'en' },
  {
    id: 'books',
    word: 'booktok',
    tags: ['bookrecommendations', 'bookish', 'romancebooks'],
    lang: 'en',
  },
  { id: 'music', word: 'guitar', tags: ['musictok', 'newmusic', 'guitartok'], lang: 'en' },
  { id: 'science', word: 'physics', tags: ['sciencetok', 'edutok', 'stem'], lang: 'en' },
  {
    id: 'finance',
    word: 'budget',
    tags: ['moneytok', 'personalfinance', 'investingtips'],
    lang: 'nl',
  },
];

type FixtureItem = {
  id: string;
  topic: number;
  creator: string;
  sound: string;
  caption: string;
  hashtags: string;
  duration: number;
  lang: string;
};

function makeItems(perTopic: number, random: () => number, firstSecs: number): FixtureItem[] {
  const items: FixtureItem[] = [];
  TOPICS.forEach((topic, t) => {
    for (let k = 0; k < perTopic; k++) {
      const n = items.length;
      // Ids as TikTok makes them: creation time (Unix seconds) in the upper 32 bits.
      const secs = BigInt(firstSecs + n * 7_919);
      const id = ((secs << 32n) | BigInt(Math.floor(random() * 2 ** 32))).toString();
      items.push({
        id,
        topic: t,
        creator: `@${topic.id.replace('-', '')}_maker${k % 4}`,
        sound: String(7_300_000_000_000_000_000n + BigInt(n) * 1_000_003n),
        caption: `${topic.word} clip ${k + 1}`,
        hashtags: [topic.tags[k % 3]!, topic.tags[(k + 1) % 3]!].join(' '),
        duration: 8 + Math.floor(random() * 52),
        lang: topic.lang,
      });
    }
  });
  return items;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The item columns go on the first row that mentions an item; later rows carry only its id. */
function withMetadata(rows: Row[], items: Map<string, FixtureItem>): Row[] {
  const described = new Set<string>();
  return rows.map((row) => {
    const it = row.item_id === undefined ? undefined : items.get(String(row.item_id));
    if (!it || described.has(it.id)) return row;
    described.add(it.id);
    return {
      ...row,
      creator: it.creator,
      sound: it.sound,
      caption: it.caption,
      hashtags: it.hashtags,
      duration_seconds: it.duration,
      language: it.lang,
    };
  });
}

function watchRow(time: number, user: string, it: FixtureItem, ratio: number): Row {
  const kind = ratio < 0.25 ? 'skip' : ratio > 1 ? 'rewatch' : 'watch';
  return {
    time: iso(time),
    kind,
    user,
    item_id: it.id,
    watch_seconds: round(ratio * it.duration, 1),
  };
}

function sockPuppets(): Row[] {
  const random = prng(20250303);
  const items = makeItems(4, random, 1_735_700_000);
  // A caption that needs CSV quoting: a comma, a doubled quote and a line break.
  items[0]!.caption = 'Pasta "alla nonna", the real one\nstep by step #recipe';
  const rows: Row[] = [];
  const run = (user: string, start: number, likes: number, dislikes: number) => {
    let t = start;
    const step = (s: number) => (t += s * 1000);
    const fav = TOPICS[likes]!;
    rows.push({
      time: iso(t),
      kind: 'search',
      user,
      target_type: 'query',
      target: `${fav.word} ideas`,
    });
    rows.push({
      time: iso(step(20)),
      kind: 'topic-control',
      user,
      target_type: 'topic',
      target: fav.id,
      level: 2,
    });
    rows.push({
      time: iso(step(5)),
      kind: 'keyword-filter',
      user,
      target_type: 'keyword',
      target: TOPICS[dislikes]!.word,
    });
    for (let i = 0; i < 26; i++) {
      // The feed a puppet is shown leans to what it engages with, as a real feed would.
      const topic = i % 8 === 5 ? dislikes : random() < 0.5 ? likes : -1;
      const pool = topic < 0 ? items : items.filter((x) => x.topic === topic);
      const it = pool[Math.floor(random() * pool.length)]!;
      rows.push({ time: iso(step(2)), kind: 'impression', user, item_id: it.id });
      const liked = it.topic === likes;
      const ratio = liked ? 0.7 + random() * 0.6 : 0.05 + random() * 0.15;
      rows.push(watchRow(step(1 + Math.round(ratio * it.duration)), user, it, round(ratio, 3)));
      if (liked && i % 3 === 0)
        rows.push({ time: iso(step(1)), kind: 'like', user, item_id: it.id });
      if (liked && i % 7 === 0)
        rows.push({
          time: iso(step(2)),
          kind: 'follow',
          user,
          target_type: 'creator',
          target: it.creator,
        });
      if (it.topic === dislikes)
        rows.push({ time: iso(step(1)), kind: 'not-interested', user, item_id: it.id });
      if (i === 10) rows.push({ time: iso(step(3)), kind: 'share', user, item_id: it.id });
      if (i === 14) rows.push({ time: iso(step(9)), kind: 'comment', user, item_id: it.id });
      if (i === 18) rows.push({ time: iso(step(1)), kind: 'favorite', user, item_id: it.id });
      if (i === 22) rows.push({ time: iso(step(1)), kind: 'unlike', user, item_id: it.id });
    }
    rows.push({
      time: iso(step(4)),
      kind: 'unfollow',
      user,
      target_type: 'creator',
      target: fav.id + '_maker0',
    });
  };
  run('puppet-cook', Date.UTC(2025, 2, 3, 9, 0, 0), 0, 2);
  run('puppet-gamer', Date.UTC(2025, 2, 3, 9, 0, 30), 2, 3);
  const byItem = new Map(items.map((it) => [it.id, it]));
  // Every other event of the second puppet says its zone as +01:00: the log must read both.
  return withMetadata(rows, byItem).map((row, i) =>
    row.user === 'puppet-gamer' && i % 2 === 0 ? { ...row, time: plusOne(String(row.time)) } : row,
  );
}

function plusOne(utc: string): string {
  const local = new Date(Date.parse(utc) + 3_600_000).toISOString().replace('.000Z', '');
  return `${local}+01:00`;
}

function evalSmall(): Row[] {
  const random = prng(4242);
  const items = makeItems(20, random, 1_733_000_000);
  // Popularity falls with rank inside each topic, evenly across topics, so "most popular" alone
  // cannot guess a user's topics.
  const pickInTopic = (t: number) => {
    const weights = Array.from({ length: 20 }, (_, k) => 1 / (k + 3));
    let r = random() * weights.reduce((a, b) => a + b, 0);
    let k = 0;
    while ((r -= weights[k]!) > 0) k++;
    return items[t * 20 + Math.min(k, 19)]!;
  };
  const rows: Row[] = [];
  for (let u = 0; u < 36; u++) {
    const user = `u${String(u + 1).padStart(2, '0')}`;
    const first = u % TOPICS.length;
    const second = (first + 1 + Math.floor(random() * (TOPICS.length - 1))) % TOPICS.length;
    let t = Date.UTC(2025, 1, 1 + (u % 20), 17, 0, 0) + Math.floor(random() * 3600) * 1000;
    const count = 44 + Math.floor(random() * 16);
    for (let i = 0; i < count; i++) {
      const r = random();
      const topic = r < 0.55 ? first : r < 0.85 ? second : Math.floor(random() * TOPICS.length);
      const it = pickInTopic(topic);
      const likes = topic === first || topic === second;
      const ratio = likes ? 0.5 + random() * 0.6 : 0.05 + random() * 0.2;
      t += (2 + Math.round(ratio * it.duration)) * 1000;
      // A new session now and then: a gap of a few hours.
      if (random() < 0.05) t += 3 * 3_600_000;
      rows.push(watchRow(t, user, it, round(ratio, 3)));
      if (likes && random() < 0.3)
        rows.push({ time: iso((t += 1000)), kind: 'like', user, item_id: it.id });
      if (likes && random() < 0.05)
        rows.push({ time: iso((t += 2000)), kind: 'share', user, item_id: it.id });
    }
  }
  return withMetadata(rows, new Map(items.map((it) => [it.id, it])));
}

function jsonl(rows: Row[]): string {
  return (
    rows
      .map((row) =>
        JSON.stringify(
          Object.fromEntries(COLUMNS.flatMap((c) => (row[c] === undefined ? [] : [[c, row[c]]]))),
        ),
      )
      .join('\n') + '\n'
  );
}

function csv(rows: Row[]): string {
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  // CRLF, as RFC 4180 writes it.
  return (
    [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(','))].join(
      '\r\n',
    ) + '\r\n'
  );
}

// An output folder may be given (the test writes to a temporary one and compares).
const dir = process.argv[2] ?? fileURLToPath(new URL('../fixtures/event-log/', import.meta.url));
mkdirSync(dir, { recursive: true });
const puppets = sockPuppets();
writeFileSync(join(dir, 'sock-puppet.csv'), csv(puppets));
writeFileSync(join(dir, 'sock-puppet.jsonl'), jsonl(puppets));
writeFileSync(join(dir, 'eval-small.jsonl'), jsonl(evalSmall()));
