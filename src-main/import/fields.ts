// Field rules shared by the Zeeschuimer and event-log readers, so an item reads the same whichever
// file it came from.
import { bareItem, type Item } from '../domain/types';

export const VIDEO_ID = /^\d{1,19}$/;
export const MIN_TIME_MS = Date.UTC(2000, 0, 1);
export const MAX_TIME_MS = Date.UTC(2100, 0, 1);

/** Whether a value is an integer epoch-ms time in 2000..2099, the only range we accept. */
export function isTimeMs(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_TIME_MS &&
    value < MAX_TIME_MS
  );
}

/** A TikTok video id's upper 32 bits are its creation time in Unix seconds. */
export function createdFromId(id: string): number | null {
  const ms = Number(BigInt(id) >> 32n) * 1000;
  return isTimeMs(ms) ? ms : null;
}

/** An item known only by its id, dated by the id's creation time. */
export function itemFromId(id: string): Item {
  return bareItem(id, createdFromId(id));
}

/** Creators are stored as '@handle', whether the source wrote the '@' or not. */
export function creatorHandle(raw: string): string | null {
  const handle = raw.trim().replace(/^@/, '');
  return handle === '' ? null : `@${handle}`;
}

/** Hashtags are stored lower-case without '#'; empty ones are dropped. */
export function hashtagName(raw: string): string | null {
  const name = raw.trim().replace(/^#/, '').toLowerCase();
  return name === '' ? null : name;
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes) return text;
  const bytes = Buffer.from(text);
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back to the start of a character
  return bytes.toString('utf8', 0, end);
}
