// Reads one file of TikTok's TXT export (docs/IMPORT.md): `Key: value` lines, records separated by
// a blank line, one file per section, written in the app's language. The section comes from the
// file's name (txt-names.ts: English and Dutch), else from its records' shape (txt-shape.ts), else
// from the person's choice. One bad record is skipped and counted with its section and line, like
// the JSON reader's (tiktok-records.ts); a file fails only when none of its records can be read,
// and no file fails the import (docs/IMPORT.md).
import { TextDecoder } from 'node:util';
import type { ImportFile } from '../domain/types';
import { readActivitySummaryTxt } from './activity-summary';
import { EventBudget } from './event-budget';
import { badInput, cancelled } from './errors';
import type { SectionKey } from './export-sections';
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

const KEY_LINE = /^(\p{L}[\p{L}\p{M}'’ ]{0,40}?)\s*:+\s?(.*)$/u;

const NO_SECTION = 'its contents match no section Feedlens reads';

const CHOSEN: Record<'watch' | 'like' | 'favorite', Section> = {
  watch: 'watch',
  like: 'like',
  favorite: 'favorite-video',
};

/** Sections listed but not read that the "What's in your export" card still counts. */
const COUNTED: Record<string, SectionKey> = {
  follower: 'follower',
  'login history': 'login-history',
  'favourite collections': 'favorite-collection',
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
  const collector = new TikTokCollector(
    source.name,
    requireNow(ctx),
    ctx.events ?? new EventBudget(),
  );
  const batch: ImportBatch = {
    format: 'tiktok-txt',
    datasetKind: 'tiktok-export',
    items: [],
    events: [],
    warnings: [],
    lacks: TIKTOK_LACKS,
    files: [file],
    sections: collector.tallies,
    skippedRecords: [],
  };
  if (route.kind === 'not-read') {
    Object.assign(file, {
      state: 'ignored',
      section: route.section,
      note: 'not a signal of taste',
    });
    const counted = COUNTED[route.section];
    if (counted !== undefined) {
      collector.found(counted);
      await txtRecords(source, ctx, (record) => collector.count(counted, fieldsOf(record, null)));
    }
    return batch;
  }
  // Under a name we do not know, Activity Summary and Settings are known by their labels.
  const kind = route.kind === 'unknown' ? await summaryOrSettings(source) : route.kind;
  if (route.kind === 'unknown' && kind !== 'unknown') file.by = 'shape';
  if (kind === 'activity-summary' || kind === 'settings') {
    const lines = await wholeLines(source, ctx);
    file.section = kind;
    // Found even when empty, as in the JSON reader: the export has the section.
    collector.found(kind);
    if (!lines.some((line) => line.includes(':'))) file.state = 'empty';
    else if (kind === 'settings') {
      batch.keywordFilters = readSettingsTxt(lines);
      file.rows = batch.keywordFilters.length;
    } else {
      batch.activitySummary = readActivitySummaryTxt(lines);
      file.rows = batch.activitySummary === null ? 0 : 1;
    }
    collector.tallies.get(kind)!.rows = file.rows;
    return batch;
  }
  return readRecords(
    source,
    ctx,
    route.kind === 'section' ? route.section : null,
    file,
    batch,
    collector,
  );
};

/** A record's fields under the names the collector reads (`keys`: an unknown file's own). */
function fieldsOf(record: RawRecord, keys: ReadonlyMap<string, string> | null) {
  const rec: Record<string, string> = {};
  for (const [key, value] of record.fields) {
    const name = keys === null ? TXT_KEYS[keyForm(key)] : keys.get(key);
    if (name !== undefined && !Object.hasOwn(rec, name)) rec[name] = value;
  }
  return rec;
}

async function readRecords(
  source: ByteSource,
  ctx: ReadContext,
  named: Section | null,
  file: ImportFile,
  batch: ImportBatch,
  collector: TikTokCollector,
): Promise<ImportBatch> {
  const nowMs = requireNow(ctx);
  // Records of a file that is only counted (it waits for a choice, or is left out): their rows,
  // dates and skips are shown with the file; nothing of them is imported.
  const counted = { rows: 0, skipped: 0, first: Infinity, last: -Infinity };
  const count = (rec: Record<string, string>) => {
    const ms = rec.Date === undefined ? null : parseTikTokDate(rec.Date, nowMs, null);
    if (typeof ms !== 'number') return void counted.skipped++;
    counted.rows++;
    counted.first = Math.min(counted.first, ms);
    counted.last = Math.max(counted.last, ms);
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

  const take = (record: RawRecord, broken: string | null) => {
    if (mode === 'count' || section === null) {
      if (broken !== null) counted.skipped++;
      else count(fieldsOf(record, keys));
    } else if (broken !== null) collector.reject(section, broken, { line: record.line });
    else collector.add(section, fieldsOf(record, keys), { line: record.line });
  };

  let records = 0;
  const sample: [RawRecord, string | null][] = [];
  const flush = (record: RawRecord, broken: string | null) => {
    if (record.fields.length === 0) return; // a sentence, not a record ("You have no data...")
    records++;
    if (named !== null || keys !== null) return take(record, broken);
    sample.push([record, broken]);
    if (sample.length === SAMPLE) {
      decide(sample.filter(([, b]) => b === null).map(([r]) => r));
      for (const [r, b] of sample.splice(0)) take(r, b);
    }
  };
  await txtRecords(source, ctx, flush);
  if (sample.length > 0) {
    decide(sample.filter(([, b]) => b === null).map(([r]) => r));
    for (const [r, b] of sample.splice(0)) take(r, b);
  }
  collector.finish();

  const imported = mode === 'import' && section !== null;
  const tally = imported ? collector.tallies.get(section!) : undefined;
  const { read: rows, skipped } = imported
    ? collector.counts()
    : { read: counted.rows, skipped: counted.skipped };
  const from = imported
    ? (tally?.fromMs ?? null)
    : Number.isFinite(counted.first)
      ? counted.first
      : null;
  const to = imported ? (tally?.toMs ?? null) : Number.isFinite(counted.last) ? counted.last : null;
  Object.assign(file, { rows, skipped });
  if (from !== null && to !== null) {
    file.firstAt = new Date(from).toISOString();
    file.lastAt = new Date(to).toISOString();
  }
  if (records === 0) Object.assign(file, { state: 'empty', by: named === null ? null : 'name' });
  else if (rows === 0 && file.state === 'read' && section === null) {
    // Not records of a section: nothing was skipped from one.
    Object.assign(file, { state: 'ignored', by: null, note: NO_SECTION, skipped: 0 });
  } else if (rows === 0 && file.state === 'read') {
    // The first record's own problem and line, without the file name the list already shows.
    const error = collector.nothingRead();
    const note =
      error?.message.slice(source.name.length + 2).replace(/\.$/, '') ?? 'no record could be read';
    Object.assign(file, { state: 'failed', note });
  }
  if (file.state === 'read') {
    batch.events = collector.events;
    batch.items = [...collector.items.values()];
    batch.skippedRecords = collector.skipped();
  } else if (file.state === 'failed') {
    batch.skippedRecords = collector.skipped();
  }
  // The card lists a section this file holds for the import: read, failed, or empty by its name
  // (an empty section is found, as in the JSON reader); a file only counted adds nothing.
  if (file.state === 'empty' && named !== null) collector.found(named);
  else if (file.state !== 'read' && file.state !== 'failed') batch.sections = new Map();
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
  if (readActivitySummaryTxt(lines) !== null) return 'activity-summary';
  if (readSettingsTxt(lines).length > 0) return 'settings';
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
