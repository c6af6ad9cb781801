// Reads one file of TikTok's TXT export (docs/IMPORT.md): `Key: value` lines, records separated by
// a blank line, one file per section. The section comes from the file's name (the TXT layout has
// no other way to tell "Like List" from "Favorite Videos"), or from its keys when they are unique.
import { TextDecoder } from 'node:util';
import { EventBudget } from './event-budget';
import { badInput, cancelled } from './errors';
import { MAX_FIELD_BYTES, MAX_RECORD_BYTES } from './limits';
import { requireNow, TikTokCollector, TIKTOK_LACKS, type Section } from './tiktok-records';
import type { ByteSource, Reader } from './types';
import { firstInvalid, Utf8Check } from './utf8';

const SECTION_BY_NAME: Record<string, Section | null> = {
  'browsing history': 'watch',
  'video browsing history': 'watch',
  'watch history': 'watch',
  'like list': 'like',
  'liked videos': 'like',
  'favorite videos': 'favorite-video',
  'favorite sounds': 'favorite-sound',
  'favorite hashtags': 'favorite-hashtag',
  'favorite effects': 'favorite-effect',
  'share history': 'share',
  searches: 'search',
  'search history': 'search',
  comments: 'comment',
  following: 'follow',
  'following list': 'follow',
  'block list': 'block',
  // The own posts' hashtags only name tag ids, and only within their own file (see finish()).
  hashtag: 'own-hashtag',
  // Sections that are no signal of the user's taste: read past, not an error.
  follower: null,
  'follower list': null,
  'login history': null,
};

/** Keys as the TXT export writes them (both the 2020 and the later style) → the JSON names. */
const KEYS: Record<string, string> = {
  date: 'Date',
  link: 'Link',
  videolink: 'VideoLink',
  hashtaglink: 'Link',
  hashtagname: 'HashtagName',
  soundlink: 'Link',
  effectlink: 'EffectLink',
  searchterm: 'SearchTerm',
  sharedcontent: 'SharedContent',
  method: 'Method',
  comment: 'Comment',
  username: 'UserName',
  url: 'Url',
};

const KEY_LINE = /^([A-Za-z][A-Za-z ]{0,40}?)\s*:+\s?(.*)$/;

export const readTikTokTxt: Reader = async (source, ctx) => {
  const base = source.name
    .split(/[/\\›]/)
    .at(-1)!
    .trim();
  const name = base
    .replace(/\.txt$/i, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  const known = Object.hasOwn(SECTION_BY_NAME, name);
  let section: Section | null | undefined = known ? SECTION_BY_NAME[name] : undefined;
  const collector = new TikTokCollector(
    source.name,
    requireNow(ctx),
    ctx.events ?? new EventBudget(),
  );
  const warnings: string[] = [];
  if (section === null) {
    return {
      format: 'tiktok-txt',
      datasetKind: 'tiktok-export',
      items: [],
      events: [],
      warnings,
      lacks: TIKTOK_LACKS,
    };
  }
  let record: Record<string, string> = {};
  let lastKey: string | null = null;
  let recordLine = 0;
  let recordChars = 0;
  let records = 0;
  const flush = () => {
    if (Object.keys(record).length === 0) return;
    section ??= sectionFromKeys(record);
    if (section === undefined || section === null) {
      throw badInput(
        source.name,
        'a TikTok TXT file whose section is unknown (rename it as TikTok named it, e.g. "Like List.txt")',
      );
    }
    collector.add(section, record, { line: recordLine });
    records++;
    record = {};
    lastKey = null;
    recordChars = 0;
  };
  let lineNo = 0;
  for await (const { line, bytes } of textLines(source, ctx.signal)) {
    lineNo++;
    if (line.length > MAX_FIELD_BYTES)
      throw badInput(source.name, 'a line longer than 1 MB', { line: lineNo });
    if (line.trim() === '') {
      flush();
      if (records % 1000 === 0) ctx.onProgress({ bytes, totalBytes: source.size, records });
      continue;
    }
    if (Object.keys(record).length === 0) recordLine = lineNo;
    recordChars += line.length;
    if (recordChars > MAX_RECORD_BYTES)
      throw badInput(source.name, 'a record larger than 4 MB', { line: recordLine });
    const m = KEY_LINE.exec(line);
    const key = m ? KEYS[m[1]!.replace(/\s+/g, '').toLowerCase()] : undefined;
    if (m && key !== undefined) {
      if (key === '__proto__' || Object.hasOwn(record, key)) {
        throw badInput(source.name, `"${m[1]}" appears twice in one record`, { line: lineNo });
      }
      record[key] = m[2]!;
      lastKey = key;
    } else if (m && /^[A-Z]/.test(m[1]!) && m[1]!.split(' ').length <= 4) {
      lastKey = null; // a key we do not use (Login History's IP, ...)
    } else if (lastKey !== null) {
      record[lastKey] += `\n${line}`; // a comment that spans lines
    } else {
      throw badInput(source.name, 'expected a "Key: value" line', { line: lineNo });
    }
  }
  flush();
  const nothing = collector.nothingRead();
  if (nothing) throw nothing;
  collector.finish();
  if (records === 0 && known === false) {
    warnings.push(`${source.name}: no records; skipped.`);
  }
  return {
    format: 'tiktok-txt',
    datasetKind: 'tiktok-export',
    items: [...collector.items.values()],
    events: collector.events,
    warnings,
    lacks: TIKTOK_LACKS,
    sections: collector.tallies,
    skippedRecords: collector.skipped(),
  };
};

function sectionFromKeys(record: Record<string, string>): Section | undefined {
  if ('SearchTerm' in record) return 'search';
  if ('SharedContent' in record) return 'share';
  if ('Comment' in record) return 'comment';
  if ('EffectLink' in record) return 'favorite-effect';
  if ('VideoLink' in record) return 'watch'; // only the 2020 browsing history used "Video Link"
  return undefined;
}

/**
 * The file's lines, decoded strictly: UTF-8 with or without a BOM, or UTF-16 with a BOM. CRLF and
 * LF both end a line. A bad byte is an error naming its offset, never replaced.
 */
async function* textLines(source: ByteSource, signal: AbortSignal) {
  const stream = source.open();
  let decoder: TextDecoder | null = null;
  let utf8: Utf8Check | null = null;
  let rest = '';
  let offset = 0;
  try {
    for await (const raw of stream) {
      if (signal.aborted) throw cancelled(source.name);
      const chunk = raw as Buffer;
      if (decoder === null) {
        const enc =
          chunk[0] === 0xff && chunk[1] === 0xfe
            ? 'utf-16le'
            : chunk[0] === 0xfe && chunk[1] === 0xff
              ? 'utf-16be'
              : 'utf-8';
        decoder = new TextDecoder(enc, { fatal: true });
        if (enc === 'utf-8') utf8 = new Utf8Check(source.name);
      }
      utf8?.push(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw badInput(source.name, `invalid ${decoder.encoding.toUpperCase()}`, {
          byte: offset + badUtf16At(chunk, decoder.encoding),
        });
      }
      offset += chunk.length;
      const lines = (rest + text).split('\n');
      rest = lines.pop()!;
      if (rest.length > MAX_FIELD_BYTES)
        throw badInput(source.name, 'a line longer than 1 MB', { byte: offset });
      for (const line of lines)
        yield { line: line.endsWith('\r') ? line.slice(0, -1) : line, bytes: offset };
    }
    utf8?.end();
    try {
      rest += decoder?.decode() ?? '';
    } catch {
      throw badInput(source.name, 'the file ends inside a character', { byte: offset });
    }
    if (rest !== '') yield { line: rest.endsWith('\r') ? rest.slice(0, -1) : rest, bytes: offset };
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

/** Where in a chunk a UTF-16 decoder failed: the first unpaired surrogate. */
function badUtf16At(chunk: Buffer, encoding: string): number {
  if (encoding === 'utf-8') return firstInvalid(chunk);
  const le = encoding === 'utf-16le';
  for (let i = 0; i + 1 < chunk.length; i += 2) {
    const u = le ? chunk.readUInt16LE(i) : chunk.readUInt16BE(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next =
        i + 3 < chunk.length
          ? le
            ? chunk.readUInt16LE(i + 2)
            : chunk.readUInt16BE(i + 2)
          : 0xdc00;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return 0;
}
