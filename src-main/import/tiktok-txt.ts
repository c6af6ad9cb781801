// Reads one file of TikTok's TXT export (formats.md §2): `Key: value` lines, records separated by
// a blank line, one file per section, written in the app's language. The section comes from the
// file's name (txt-names.ts: English and Dutch), else from its records' shape (txt-shape.ts), else
// from the person's choice. One bad record is skipped and named with its line; a file fails only
// when none of its records can be read, and no file fails the import (docs/IMPORT.md).
import { TextDecoder } from 'node:util';
import type { ImportFile } from '../domain/types';
import { readActivitySummaryTxt } from './activity-summary';
import { EventBudget } from './event-budget';
import { badInput, cancelled } from './errors';
import { MAX_FIELD_BYTES, MAX_RECORD_BYTES, MAX_WHOLE_VALUE_BYTES } from './limits';
import { readSettingsTxt } from './settings';
import {
  parseTikTokDate,
  requireNow,
  TikTokCollector,
  TIKTOK_LACKS,
  type Section,
} from './tiktok-records';
import { keyForm, routeTxt, TXT_KEYS } from './txt-names';
import { readHead } from './sources';
import { shapeOf, type RawRecord } from './txt-shape';
import type { ByteSource, ImportBatch, ReadContext, Reader } from './types';
import { firstInvalid, Utf8Check } from './utf8';

/** Records looked at before an unknown file's shape is decided. */
const SAMPLE = 50;
/** Lines named per skip reason in a warning; the rest are counted. */
const LINES_NAMED = 5;

const KEY_LINE = /^(\p{L}[\p{L}\p{M}'’ ]{0,40}?)\s*:+\s?(.*)$/u;

const NO_SECTION = 'its contents match no section Feedlens reads';

const CHOSEN: Record<'watch' | 'like' | 'favorite', Section> = {
  watch: 'watch',
  like: 'like',
  favorite: 'favorite-video',
};

export const readTikTokTxt: Reader = async (source, ctx) => {
  const member = ctx.member ?? source.name;
  const route = routeTxt(member);
  const file: ImportFile = {
    name: member,
    state: 'read',
    section: null,
    by: 'name',
    rows: 0,
    skipped: 0,
    firstAt: null,
    lastAt: null,
    note: null,
  };
  const batch: ImportBatch = {
    format: 'tiktok-txt',
    datasetKind: 'tiktok-export',
    items: [],
    events: [],
    warnings: [],
    lacks: TIKTOK_LACKS,
    files: [file],
  };
  if (route.kind === 'not-read') {
    Object.assign(file, {
      state: 'ignored',
      section: route.section,
      note: 'not a signal of taste',
    });
    return batch;
  }
  // Under a name we do not know, Activity Summary and Settings are known by their labels.
  const kind = route.kind === 'unknown' ? await summaryOrSettings(source) : route.kind;
  if (route.kind === 'unknown' && kind !== 'unknown') file.by = 'shape';
  if (kind === 'activity-summary' || kind === 'settings') {
    const lines = await wholeLines(source, ctx);
    file.section = kind;
    if (!lines.some((line) => line.includes(':'))) file.state = 'empty';
    else if (kind === 'settings') {
      batch.keywordFilters = readSettingsTxt(lines).keywordFilters;
      file.rows = batch.keywordFilters.length;
    } else {
      batch.activitySummary = readActivitySummaryTxt(lines);
      file.rows = Object.keys(batch.activitySummary).length;
    }
    return batch;
  }
  return readRecords(source, ctx, route.kind === 'section' ? route.section : null, file, batch);
};

async function readRecords(
  source: ByteSource,
  ctx: ReadContext,
  named: Section | null,
  file: ImportFile,
  batch: ImportBatch,
): Promise<ImportBatch> {
  const nowMs = requireNow(ctx);
  const collector = new TikTokCollector(source.name, nowMs, ctx.events ?? new EventBudget());
  const skips = new Map<string, number[]>();
  const skip = (reason: string, line: number) => {
    const lines = skips.get(reason);
    if (lines) lines.push(line);
    else skips.set(reason, [line]);
    file.skipped++;
  };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const dated = (rec: Record<string, string>, line: number): number | null => {
    const ms =
      rec.Date === undefined ? 'a record without a date' : parseTikTokDate(rec.Date, nowMs);
    if (typeof ms === 'string') {
      skip(ms, line);
      return null;
    }
    return ms;
  };
  const seen = (ms: number) => {
    file.rows++;
    first = Math.min(first, ms);
    last = Math.max(last, ms);
  };

  // What to do with a record once the section is known: import it, or only count it.
  let section: Section | null = named;
  let keys: ReadonlyMap<string, string> | null = null;
  let mode: 'import' | 'count' = 'import';
  const decide = (sample: readonly RawRecord[]) => {
    const shape = shapeOf(sample);
    file.by = 'shape';
    keys = shape?.keys ?? new Map();
    if (shape === null) {
      Object.assign(file, { state: 'ignored', note: NO_SECTION });
      mode = 'count';
    } else if (shape.section !== 'video-links') section = shape.section;
    else if (ctx.choice === undefined) {
      Object.assign(file, { state: 'needs-choice', section: 'video-links' });
      mode = 'count';
    } else if (ctx.choice === 'ignore') {
      Object.assign(file, { state: 'ignored', section: 'video-links', by: 'choice' });
      file.note = 'you chose to leave it out';
      mode = 'count';
    } else {
      section = CHOSEN[ctx.choice];
      file.by = 'choice';
    }
    if (section !== null) file.section = section;
  };
  if (named !== null) file.section = named;

  const take = (record: RawRecord) => {
    const rec: Record<string, string> = {};
    for (const [key, value] of record.fields) {
      const name = keys === null ? TXT_KEYS[keyForm(key)] : keys.get(key);
      if (name !== undefined && !Object.hasOwn(rec, name)) rec[name] = value;
    }
    const ms = dated(rec, record.line);
    if (ms === null) return;
    if (mode === 'count' || section === null) return seen(ms);
    const events = collector.events.length;
    let skipped = 0;
    for (const n of collector.skipped.values()) skipped += n;
    collector.add(section, rec, { line: record.line });
    if (section === 'own-hashtag' || collector.events.length > events) return seen(ms);
    // The collector skipped it (no video link, no name): find which reason grew.
    let total = 0;
    for (const [reason, n] of collector.skipped) {
      total += n;
      if (total > skipped) return skip(reason, record.line);
    }
  };

  let records = 0;
  const sample: RawRecord[] = [];
  const flush = (record: RawRecord, broken: string | null) => {
    if (record.fields.length === 0) return; // a sentence, not a record ("You have no data...")
    records++;
    if (broken !== null) return skip(broken, record.line);
    if (named !== null || keys !== null) return take(record);
    sample.push(record);
    if (sample.length === SAMPLE) {
      decide(sample);
      for (const r of sample.splice(0)) take(r);
    }
  };
  await txtRecords(source, ctx, flush);
  if (sample.length > 0) {
    decide(sample);
    for (const r of sample.splice(0)) take(r);
  }
  collector.finish();

  if (records === 0) Object.assign(file, { state: 'empty', by: named === null ? null : 'name' });
  else if (file.rows === 0 && file.state === 'read' && section === null) {
    Object.assign(file, { state: 'ignored', by: null, note: NO_SECTION, skipped: 0 });
    skips.clear(); // not records of a section: nothing was skipped from one
  } else if (file.rows === 0 && file.state === 'read') {
    const [reason, lines] = [...skips][0] ?? ['no record could be read', [0]];
    Object.assign(file, { state: 'failed', note: `${reason} (line ${lines[0]})` });
  }
  if (Number.isFinite(first)) {
    file.firstAt = new Date(first).toISOString();
    file.lastAt = new Date(last).toISOString();
  }
  for (const [reason, lines] of skips) {
    const listed = lines.slice(0, LINES_NAMED).join(', ');
    const more = lines.length > LINES_NAMED ? ` and ${lines.length - LINES_NAMED} more` : '';
    const what = `${file.section === null ? '' : `${file.section} `}record${lines.length === 1 ? '' : 's'}`;
    const at = `line${lines.length === 1 ? '' : 's'} ${listed}${more}`;
    batch.warnings.push(`${source.name}: skipped ${lines.length} ${what} (${reason}) at ${at}.`);
  }
  if (file.state === 'read') {
    batch.events = collector.events;
    batch.items = [...collector.items.values()];
  }
  return batch;
}

/**
 * Hands each of the file's records to `onRecord` as written: `Key: value` lines up to a blank
 * line, with lines that continue a value (a comment over several lines) joined to it. A record
 * with a line that is neither, or a key twice, comes `broken` with why, to be skipped.
 */
async function txtRecords(
  source: ByteSource,
  ctx: ReadContext,
  onRecord: (record: RawRecord, broken: string | null) => void,
): Promise<void> {
  let record: RawRecord = { fields: [], line: 0 };
  let broken: string | null = null;
  let open = false; // whether the last line started or continued a value
  let chars = 0;
  let lineNo = 0;
  let count = 0;
  for await (const { line, bytes } of textLines(source, ctx.signal)) {
    lineNo++;
    if (line.length > MAX_FIELD_BYTES)
      throw badInput(source.name, 'a line longer than 1 MB', { line: lineNo });
    if (line.trim() === '') {
      if (record.fields.length > 0 || broken !== null) {
        onRecord(record, broken);
        if (++count % 1000 === 0)
          ctx.onProgress({ bytes, totalBytes: source.size, records: count });
      }
      record = { fields: [], line: 0 };
      broken = null;
      open = false;
      chars = 0;
      continue;
    }
    if (record.line === 0) record.line = lineNo;
    chars += line.length;
    if (chars > MAX_RECORD_BYTES)
      throw badInput(source.name, 'a record larger than 4 MB', { line: record.line });
    const m = KEY_LINE.exec(line);
    const isKey =
      m !== null &&
      (TXT_KEYS[keyForm(m[1]!)] !== undefined ||
        (/^\p{Lu}/u.test(m[1]!) && m[1]!.trim().split(/\s+/).length <= 4));
    if (isKey) {
      const key = m[1]!.trim();
      if (record.fields.some(([k]) => keyForm(k) === keyForm(key)))
        broken ??= `"${key}" twice in one record`;
      record.fields.push([key, m[2]!]);
      open = true;
    } else if (open && record.fields.length > 0) {
      record.fields.at(-1)![1] += `\n${line}`; // a comment that spans lines
    } else {
      broken ??= 'a line that is not "Key: value"';
    }
  }
  if (record.fields.length > 0 || broken !== null) onRecord(record, broken);
}

/** Whether a file's first lines read as an Activity Summary or as Settings with keyword filters. */
async function summaryOrSettings(
  source: ByteSource,
): Promise<'activity-summary' | 'settings' | 'unknown'> {
  const head = await readHead(source, 16 * 1024);
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : null;
  const lines = new TextDecoder(utf16 ?? 'utf-8').decode(head).split(/\r?\n/);
  if (Object.keys(readActivitySummaryTxt(lines)).length > 0) return 'activity-summary';
  if (readSettingsTxt(lines).keywordFilters.length > 0) return 'settings';
  return 'unknown';
}

/** Every non-blank line of a small file (Settings, Activity Summary), read whole. */
async function wholeLines(source: ByteSource, ctx: ReadContext): Promise<string[]> {
  const lines: string[] = [];
  let chars = 0;
  for await (const { line } of textLines(source, ctx.signal)) {
    chars += line.length;
    if (chars > MAX_WHOLE_VALUE_BYTES)
      throw badInput(source.name, 'larger than 16 MB, far more than TikTok writes here');
    if (line.trim() !== '') lines.push(line);
  }
  return lines;
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
