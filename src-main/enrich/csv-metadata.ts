// A metadata CSV anyone can fill in or a research API can produce (RFC 4180, UTF-8):
//   id,caption,creator,hashtags,sound,duration
// Only `id` is required; columns may come in any order; an empty cell is unknown. `hashtags` are
// separated by spaces, commas or semicolons, with or without '#'; `sound` is a sound id when it is
// all digits, else a sound title; `duration` is in seconds.
import type { MetadataRecord } from '../db/metadata';
import { csvRecords } from '../import/csv';
import { badInput } from '../import/errors';
import { createdFromId, creatorHandle, hashtagName, VIDEO_ID } from '../import/fields';
import { MAX_FIELD_BYTES } from '../import/limits';
import { LineError, readLines } from '../import/lines';
import type { ByteSource } from '../import/types';
import { captionHashtags } from './oembed';
import { cancelledRead, SkipLog, type Parsed } from './record-reading';

export const CSV_COLUMNS = ['id', 'caption', 'creator', 'hashtags', 'sound', 'duration'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export async function readMetadataCsv(
  source: ByteSource,
  name: string,
  signal: AbortSignal,
): Promise<Parsed> {
  const records = new Map<string, MetadataRecord>();
  const skips = new SkipLog();
  let columns: (Column | null)[] | null = null;
  try {
    for await (const row of csvRecords(readLines(source, name))) {
      if (signal.aborted) throw cancelledRead(name);
      if (columns === null) {
        columns = row.fields.map((f) => {
          const column = f.trim().toLowerCase();
          return (CSV_COLUMNS as readonly string[]).includes(column) ? (column as Column) : null;
        });
        continue;
      }
      if (row.fields.length !== columns.length) {
        skips.add(row.line, `it has ${row.fields.length} fields, the header has ${columns.length}`);
        continue;
      }
      const cells = new Map<Column, string>();
      columns.forEach((column, i) => {
        if (column !== null) cells.set(column, row.fields[i]!.trim());
      });
      const record = csvRecord(cells);
      if (typeof record === 'string') skips.add(row.line, record);
      else records.set(record.id, record);
    }
  } catch (error) {
    // A broken quote makes the rest of the file ambiguous: the file is refused, naming the line.
    if (error instanceof LineError) throw badInput(name, error.message, { line: error.line });
    throw error;
  }
  return { records, warnings: skips.warnings() };
}

function csvRecord(cells: Map<Column, string>): MetadataRecord | string {
  const id = cells.get('id') ?? '';
  if (!VIDEO_ID.test(id)) return `"${id.slice(0, 30)}" is not a TikTok video id`;
  for (const [column, value] of cells) {
    if (Buffer.byteLength(value) > MAX_FIELD_BYTES) return `its ${column} is longer than 1 MB`;
  }
  const caption = known(cells.get('caption'));
  const hashtags = new Set(captionHashtags(caption));
  for (const tag of (cells.get('hashtags') ?? '').split(/[\s,;]+/)) {
    const name = hashtagName(tag);
    if (name !== null) hashtags.add(name);
  }
  const sound = known(cells.get('sound'));
  const durationText = known(cells.get('duration'));
  const duration = durationText === null ? null : Number(durationText);
  if (duration !== null && !(Number.isFinite(duration) && duration > 0 && duration <= 36_000))
    return `its duration "${durationText!.slice(0, 20)}" is not a number of seconds between 0 and 36000`;
  const creator = known(cells.get('creator'));
  return {
    id,
    creator: creator === null ? null : creatorHandle(creator),
    sound: sound !== null && /^\d{1,19}$/.test(sound) ? sound : null,
    soundTitle: sound !== null && !/^\d{1,19}$/.test(sound) ? sound : null,
    caption,
    hashtags: [...hashtags],
    durationS: duration,
    language: null,
    createdAtMs: createdFromId(id),
    stats: null,
    thumbnailUrl: null,
  };
}

function known(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}
