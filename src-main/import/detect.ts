// Format detection by content, never by file name (docs/IMPORT.md): the first bytes of a source say
// whether it is a zip, TikTok's JSON, TikTok's TXT, a Zeeschuimer capture or our event log.
import { readEventLogSource } from './event-log';
import { readTikTokJson } from './tiktok-json';
import { readTikTokTxt } from './tiktok-txt';
import type { ImportFormat, Reader } from './types';
import { readZeeschuimer } from './zeeschuimer';

export type Detected = ImportFormat | 'zip' | 'empty' | 'unknown';

export const READERS: Record<ImportFormat, Reader> = {
  'tiktok-json': readTikTokJson,
  'tiktok-txt': readTikTokTxt,
  zeeschuimer: readZeeschuimer,
  'event-log-csv': readEventLogSource,
  'event-log-jsonl': readEventLogSource,
};

// English and Dutch keys (txt-names.ts), or any key whose value is a TikTok date: a TXT export in
// a language we have no names for still starts its records with a dated line.
const TXT_KEY =
  /^(?:(?:Date|Link|Video Link|Search Term|Username|Shared Content|Comment|HashTag Link|Sound Link|Method|Effect Link|Datum|Zoekterm|Gebruikersnaam|Gedeelde inhoud|Methode|Reactie)\s*:|\p{L}[\p{L}\p{M}'’ ]{0,40}:\s?\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/mu;

/** What a source's first bytes (up to 64 KB) say it is. */
export function detect(head: Buffer): Detected {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const text = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head);
    if (TXT_KEY.test(text)) return 'tiktok-txt';
    // TikTok's JSON re-saved as UTF-16: the JSON scanner reads it (import/json-scan.ts).
    const start = text.replace(/^\uFEFF/, '').trimStart();
    return start.startsWith('{') && detectJson(start) === 'tiktok-json' ? 'tiktok-json' : 'unknown';
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start === '') return 'unknown';
  if (start.startsWith('{')) return detectJson(start);
  if (TXT_KEY.test(start.split('\n', 40).join('\n'))) return 'tiktok-txt';
  const header = start
    .split(/\r?\n/, 1)[0]!
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  if (header.includes('time') && header.includes('kind')) return 'event-log-csv';
  return 'unknown';
}

/** One JSON object per line is a capture or an event log; anything else starting '{' is TikTok's. */
function detectJson(text: string): Detected {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    // A pretty-printed export's first line is "{"; a capture line longer than the head is cut.
    const early = text.slice(0, 4096);
    if (/"source_platform"\s*:/.test(early) && /"item_id"\s*:/.test(early)) return 'zeeschuimer';
    return 'tiktok-json';
  }
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return 'unknown';
  const keys = first as Record<string, unknown>;
  if ('source_platform' in keys && ('item_id' in keys || 'data' in keys)) return 'zeeschuimer';
  if ('time' in keys && 'kind' in keys) return 'event-log-jsonl';
  return 'tiktok-json';
}
