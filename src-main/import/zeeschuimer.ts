// Reads a Zeeschuimer NDJSON capture of TikTok (docs/IMPORT.md): one item the web page loaded per
// line. Captures are messy (browser sessions, mixed platforms), so a bad line is skipped with a
// warning; only a file with nothing usable fails.
import { UserError } from '../domain/errors';
import { topicsForText } from '../domain/taxonomy';
import type { Item, ItemStats } from '../domain/types';
import { EventBudget } from './event-budget';
import { cancelled } from './errors';
import {
  createdFromId,
  creatorHandle,
  cutToBytes,
  hashtagName,
  isTimeMs,
  VIDEO_ID,
} from './fields';
import { MAX_FIELD_BYTES, MAX_FUTURE_MS, MAX_WARNINGS } from './limits';
import { readLines } from './lines';
import type { ImportedEvent, Reader } from './types';

const PROGRESS_EVERY = 2000;
/** Lines looked at before a file with no Zeeschuimer-shaped line is rejected outright. */
const SNIFF_LINES = 100;

const LACKS = [
  'a capture records what the page loaded, not what was watched: no watch times, no likes',
  'no follows, searches, shares or comments',
];

type Json = Record<string, unknown>;
/** `captionCut`: the caption was longer than MAX_FIELD_BYTES and only its start is kept. */
type Capture = { updatedMs: number; item: Item; impression: ImportedEvent; captionCut: boolean };

export const readZeeschuimer: Reader = async (source, ctx) => {
  const items = new Map<string, { updatedMs: number; item: Item }>();
  const events: ImportedEvent[] = [];
  const budget = ctx.events ?? new EventBudget();
  const skipped: string[] = [];
  let skippedCount = 0;
  const cutLines: number[] = [];
  let shaped = 0;
  let nonBlank = 0;
  const notZeeschuimer = () =>
    new UserError(
      'bad-input',
      `${ctx.fileName}: this is not a Zeeschuimer capture (no line has Zeeschuimer's "source_platform" and "data" fields).`,
    );

  for await (const line of readLines(source, ctx.fileName, { skipBlank: true })) {
    if (ctx.signal.aborted) throw cancelled(ctx.fileName);
    if (line.number % PROGRESS_EVERY === 0) {
      ctx.onProgress({ bytes: line.bytesRead, totalBytes: source.size, records: line.number });
    }
    // Zeeschuimer lines can carry raw NUL bytes, which JSON forbids; 4CAT strips them too.
    const text = line.text.replaceAll('\0', '').trim();
    if (text === '') continue;
    nonBlank += 1;
    const record = parseObject(text);
    if (record && Object.hasOwn(record, 'source_platform') && Object.hasOwn(record, 'data')) {
      shaped += 1;
    }
    if (shaped === 0 && nonBlank >= SNIFF_LINES) throw notZeeschuimer();
    const capture = record ? toCapture(record, ctx.nowMs) : 'not valid JSON';
    if (typeof capture === 'string') {
      skippedCount += 1;
      if (skipped.length < MAX_WARNINGS) skipped.push(`line ${line.number}: skipped: ${capture}.`);
      continue;
    }
    budget.take(ctx.fileName, { line: line.number });
    events.push(capture.impression);
    if (capture.captionCut) cutLines.push(line.number);
    const seen = items.get(capture.item.id);
    // The newest copy of an item wins; on a tie, the later line (Zeeschuimer's own rule).
    if (!seen || capture.updatedMs >= seen.updatedMs) items.set(capture.item.id, capture);
  }
  if (shaped === 0) throw notZeeschuimer();
  if (events.length === 0) {
    const why = skipped.slice(0, 3).join(' ');
    throw new UserError(
      'bad-input',
      `${ctx.fileName}: no valid TikTok item in this capture. ${why}`,
    );
  }
  const warnings = [...skipped];
  if (skippedCount > skipped.length) {
    warnings.push(`… and ${skippedCount - skipped.length} more lines skipped.`);
  }
  if (cutLines.length > 0) {
    const lines = `${cutLines.slice(0, 5).join(', ')}${cutLines.length > 5 ? ', …' : ''}`;
    warnings.push(
      `${cutLines.length} caption(s) longer than ${MAX_FIELD_BYTES / 1024 / 1024} MB were cut to their first ${MAX_FIELD_BYTES / 1024 / 1024} MB (line ${lines}).`,
    );
  }
  return {
    format: 'zeeschuimer',
    datasetKind: 'zeeschuimer',
    items: [...items.values()].map((c) => c.item),
    events,
    warnings,
    lacks: LACKS,
  };
};

function toCapture(record: Json, nowMs: number | undefined): Capture | string {
  const platform = own(record, 'source_platform');
  if (platform !== 'tiktok.com') return `it comes from ${JSON.stringify(platform)}, not tiktok.com`;
  const data = own(record, 'data');
  if (!isObject(data)) return 'it has no "data" object';
  const id = own(data, 'id') ?? own(record, 'item_id');
  if (typeof id !== 'string' || !VIDEO_ID.test(id)) return 'it has no valid video id';
  const collectedMs = own(record, 'timestamp_collected');
  if (!isTimeMs(collectedMs)) return 'its timestamp_collected is not a time between 2000 and 2100';
  if (nowMs !== undefined && collectedMs > nowMs + MAX_FUTURE_MS)
    return 'its timestamp_collected is in the future';
  const updated = own(record, 'last_updated');
  const desc = own(data, 'desc');
  // An empty caption is known to be empty; only a missing one is unknown (null).
  const fullCaption = typeof desc === 'string' ? desc.replaceAll('\0', '') : null;
  const caption = fullCaption === null ? null : cutToBytes(fullCaption, MAX_FIELD_BYTES);
  return {
    updatedMs: isTimeMs(updated) ? updated : collectedMs,
    item: toItem(id, data, caption),
    captionCut: caption !== fullCaption,
    impression: {
      atMs: collectedMs,
      kind: 'impression',
      itemId: id,
      target: null,
      watchS: null,
      watchRatio: null,
      level: null,
      evidence: 'loaded',
    },
  };
}

function toItem(id: string, data: Json, caption: string | null): Item {
  const hashtags = hashtagsOf(data);
  const music = own(data, 'music');
  const video = own(data, 'video');
  const duration = isObject(video) ? own(video, 'duration') : undefined;
  const language = text(own(data, 'textLanguage'))?.toLowerCase();
  const created = count(own(data, 'createTime'));
  const createdMs = created === null ? null : created * 1000;
  return {
    id,
    creator: creatorOf(own(data, 'author')),
    sound: isObject(music) ? idText(own(music, 'id')) : null,
    soundTitle: isObject(music) ? text(own(music, 'title')) : null,
    caption,
    hashtags,
    topics: topicsForText(caption, hashtags),
    topicsInferred: false,
    durationS: typeof duration === 'number' && duration > 0 && duration <= 36_000 ? duration : null,
    // TikTok writes 'un' when it could not tell the language.
    language: language && language !== 'un' ? language : null,
    createdAtMs: isTimeMs(createdMs) ? createdMs : createdFromId(id),
    stats: statsOf(own(data, 'stats') ?? own(data, 'statsV2')),
    // Kept as a fact, never fetched: showing it would be a request to TikTok's servers.
    thumbnailUrl: null,
  };
}

function creatorOf(author: unknown): string | null {
  const handle = text(isObject(author) ? own(author, 'uniqueId') : author);
  return handle === null ? null : creatorHandle(handle);
}

function hashtagsOf(data: Json): string[] {
  const tags = new Set<string>();
  const collect = (list: unknown, key: string) => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      const tag = isObject(entry) ? text(own(entry, key)) : null;
      const name = tag === null ? null : hashtagName(tag);
      if (name !== null) tags.add(name);
    }
  };
  collect(own(data, 'challenges'), 'title');
  collect(own(data, 'textExtra'), 'hashtagName');
  return [...tags];
}

function statsOf(stats: unknown): ItemStats | null {
  if (!isObject(stats)) return null;
  return {
    likes: count(own(stats, 'diggCount')),
    shares: count(own(stats, 'shareCount')),
    comments: count(own(stats, 'commentCount')),
    plays: count(own(stats, 'playCount')),
  };
}

function parseObject(line: string): Json | null {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

// Only own properties are read, so keys such as "__proto__" or "constructor" in the input are
// inert data, and nothing from the input is ever spread into our objects.
function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string with NUL characters removed, or null. */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const clean = value.replaceAll('\0', '');
  return clean === '' ? null : clean;
}

/** A non-negative integer given as a number or a decimal string (TikTok uses both). */
function count(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** Music ids exceed 2^53, so only a string (or a small exact number) is trusted. */
function idText(value: unknown): string | null {
  if (typeof value === 'string') return VIDEO_ID.test(value) ? value : null;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? String(value)
    : null;
}
