// yt-dlp's metadata of TikTok videos: an info JSON (`--write-info-json`, one document, possibly a
// playlist with `entries`) or `--dump-json` lines (one video per line). Fields as yt-dlp's TikTok
// extractor writes them: id, title/description, tags, uploader/uploader_id/channel, track/artist,
// duration, view/like/comment/repost counts, timestamp/upload_date, thumbnail.
import type { MetadataRecord } from '../db/metadata';
import { badInput } from '../import/errors';
import { createdFromId, creatorHandle, hashtagName, isTimeMs, VIDEO_ID } from '../import/fields';
import { MAX_FIELD_BYTES, MAX_WHOLE_VALUE_BYTES } from '../import/limits';
import { readLines } from '../import/lines';
import type { ByteSource } from '../import/types';
import { cancelledRead, parseObject, SkipLog, type Parsed } from './record-reading';
import { captionHashtags } from './oembed';

type Json = Record<string, unknown>;

export async function readYtdlp(
  source: ByteSource,
  name: string,
  whole: boolean,
  signal: AbortSignal,
): Promise<Parsed> {
  const records = new Map<string, MetadataRecord>();
  const skips = new SkipLog();
  const take = (value: Json, line: number) => {
    for (const entry of entries(value)) {
      const record = ytdlpRecord(entry);
      if (typeof record === 'string') skips.add(line, record);
      else records.set(record.id, record);
    }
  };
  if (whole) {
    const value = parseObject(await readWhole(source, name));
    if (value === null)
      throw badInput(name, 'is neither yt-dlp JSON lines nor one valid JSON document');
    take(value, 1);
    return { records, warnings: skips.warnings() };
  }
  for await (const line of readLines(source, name)) {
    if (signal.aborted) throw cancelledRead(name);
    if (line.text.trim() === '') continue;
    const value = parseObject(line.text);
    if (value === null) skips.add(line.number, 'not a JSON object');
    else take(value, line.number);
  }
  return { records, warnings: skips.warnings() };
}

/** A playlist's videos, or the one video. */
function entries(value: Json): Json[] {
  const list = own(value, 'entries');
  if (own(value, '_type') === 'playlist' && Array.isArray(list))
    return list.filter((e): e is Json => typeof e === 'object' && e !== null && !Array.isArray(e));
  return [value];
}

/** One info JSON is a single document; it is read whole, within the whole-value limit. */
async function readWhole(source: ByteSource, name: string): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source.open()) {
    size += (chunk as Buffer).length;
    if (size > MAX_WHOLE_VALUE_BYTES)
      throw badInput(
        name,
        `one JSON document larger than ${MAX_WHOLE_VALUE_BYTES / 1024 / 1024} MB is not a yt-dlp info JSON`,
      );
    parts.push(chunk as Buffer);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw badInput(name, 'is not valid UTF-8');
  }
}

export function ytdlpRecord(entry: Json): MetadataRecord | string {
  const id = own(entry, 'id');
  if (typeof id === 'number') return 'its "id" is a number; TikTok ids must be strings';
  if (typeof id !== 'string' || !VIDEO_ID.test(id)) return 'it has no TikTok video id';
  const caption = captionOf(entry);
  if (caption !== null && Buffer.byteLength(caption) > MAX_FIELD_BYTES)
    return 'its description is longer than 1 MB';
  const tags = own(entry, 'tags');
  const hashtags = new Set(captionHashtags(caption));
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      const name = typeof tag === 'string' ? hashtagName(tag) : null;
      if (name !== null) hashtags.add(name);
    }
  }
  const track = text(own(entry, 'track'));
  const artist = text(own(entry, 'artist'));
  const duration = own(entry, 'duration');
  return {
    id,
    creator: creatorOf(entry),
    sound: null,
    soundTitle: track === null ? null : artist === null ? track : `${track} – ${artist}`,
    caption,
    hashtags: [...hashtags],
    durationS: typeof duration === 'number' && duration > 0 && duration <= 36_000 ? duration : null,
    language: null,
    createdAtMs: createdOf(entry) ?? createdFromId(id),
    stats: statsOf(entry),
    thumbnailUrl: thumbnailOf(own(entry, 'thumbnail')),
  };
}

/**
 * `description` is the caption (an empty one is known to be empty); `title` only when there is no
 * description, and never yt-dlp's stand-in title "TikTok video #<id>".
 */
function captionOf(entry: Json): string | null {
  const description = own(entry, 'description');
  if (typeof description === 'string') return description.replaceAll('\0', '').trim();
  const title = text(own(entry, 'title'));
  return title === null || /^TikTok video #\d+$/.test(title) ? null : title;
}

/** `uploader` is the handle; `uploader_id` only when it is not TikTok's numeric user id. */
function creatorOf(entry: Json): string | null {
  const uploaderId = text(own(entry, 'uploader_id'));
  const handle =
    text(own(entry, 'uploader')) ??
    (uploaderId !== null && !/^\d+$/.test(uploaderId) ? uploaderId : null) ??
    text(own(entry, 'channel'));
  return handle === null ? null : creatorHandle(handle);
}

function createdOf(entry: Json): number | null {
  const timestamp = own(entry, 'timestamp');
  if (typeof timestamp === 'number' && isTimeMs(Math.round(timestamp * 1000)))
    return Math.round(timestamp * 1000);
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(text(own(entry, 'upload_date')) ?? '');
  if (!date) return null;
  const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  return isTimeMs(ms) ? ms : null;
}

function statsOf(entry: Json): MetadataRecord['stats'] {
  const stats = {
    likes: count(own(entry, 'like_count')),
    shares: count(own(entry, 'repost_count')),
    comments: count(own(entry, 'comment_count')),
    plays: count(own(entry, 'view_count')),
  };
  return Object.values(stats).every((v) => v === null) ? null : stats;
}

export function thumbnailOf(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\//.test(value) && value.length <= 4096
    ? value
    : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const clean = value.replaceAll('\0', '').trim();
  return clean === '' ? null : clean;
}

function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
