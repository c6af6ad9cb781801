// A generated 1,000,000-event dataset for the browser tests at scale (issue 9): written once into
// a fresh database, with the profile series an import would store, so one file's tests share it.
import { storeDefaultProfileSeries } from '../../src-main/operations/profile';
import { openDatabase } from '../../src-main/db/connection';
import { insertDataset } from '../../src-main/db/datasets';
import type { FeedEvent, Item } from '../../src-main/domain/types';

export const MILLION_ID = 'generated-1m';
export const MILLION_EVENTS = 1_000_000;

/** Writes the dataset into the (new) database at `dbPath`. */
export function writeMillionDb(dbPath: string): void {
  const db = openDatabase(dbPath);
  insertDataset(
    db,
    {
      id: MILLION_ID,
      name: 'Generated, 1,000,000 events',
      kind: 'event-log',
      sourceSha256: null,
      // After the demo's, so the app opens on the demo.
      createdAt: '2099-01-01T00:00:00.000Z',
      warnings: [],
    },
    millionItems(),
    millionEvents(),
  );
  // What an import does after its transaction (the import handler): replay once, store the series.
  storeDefaultProfileSeries(db, MILLION_ID);
  db.close();
}

/** 2,700 videos over nine topics, each with a creator and a hashtag the taxonomy knows. */
const VIDEOS_PER_TOPIC = 300;
const videoId = (topic: number, k: number) =>
  String(7_300_000_000_000_000_000n + BigInt(topic * 1000 + k));
export function millionItems(): Item[] {
  return TOPICS.flatMap(([topic, tag], t) =>
    Array.from({ length: VIDEOS_PER_TOPIC }, (_, k) => ({
      id: videoId(t, k),
      creator: `@${topic}_maker${k % 5}`,
      sound: null,
      soundTitle: null,
      caption: `${topic} clip ${k}`,
      hashtags: [tag],
      topics: [topic],
      topicsInferred: false,
      durationS: 30,
      language: 'en',
      createdAtMs: null,
      stats: null,
      thumbnailUrl: null,
    })),
  );
}
const TOPICS = [
  ['cooking', 'foodtok'],
  ['fitness', 'gymtok'],
  ['gaming', 'gamingtok'],
  ['pets', 'dogsoftiktok'],
  ['travel', 'traveltok'],
  ['books', 'booktok'],
  ['music', 'musictok'],
  ['science', 'sciencetok'],
  ['finance', 'moneytok'],
] as const;

/**
 * A million watches (or `count`) over two and a half years (per million) in sessions of 500, from a
 * fixed seed: half of each session on a favourite topic that changes every 100,000 events, 30% of
 * watches inferred.
 */
export function* millionEvents(count = MILLION_EVENTS): Generator<FeedEvent> {
  let state = 4242;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let at = Date.UTC(2023, 0, 1);
  for (let i = 0; i < count; i++) {
    at += i % 500 === 499 ? 6 * 3_600_000 : 1000 + Math.floor(next() * 20_000);
    const favourite = Math.floor(i / 100_000) % TOPICS.length;
    const topic = next() < 0.5 ? favourite : Math.floor(next() * TOPICS.length);
    const k = Math.floor(next() * VIDEOS_PER_TOPIC);
    const watchS = Math.round(next() * 300) / 10;
    yield {
      id: `e${String(i).padStart(7, '0')}`,
      atMs: at,
      kind: 'watch',
      itemId: videoId(topic, k),
      target: null,
      watchS,
      watchRatio: watchS / 30,
      level: null,
      evidence: next() < 0.3 ? 'inferred' : 'observed',
      session: Math.floor(i / 500),
    };
  }
}
