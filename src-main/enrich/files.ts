// Metadata from a file on this machine: a Zeeschuimer capture, a yt-dlp info JSON (or
// `--dump-json` lines), or a CSV `id,caption,creator,hashtags,sound,duration`. The format is
// detected from the content; the file is streamed; a bad line is a warning with its number.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { metadataOf, type MetadataRecord } from '../db/metadata';
import { badInput } from '../import/errors';
import { MAX_TOTAL_BYTES } from '../import/limits';
import { fileSource, readHead } from '../import/sources';
import type { ByteSource } from '../import/types';
import { readZeeschuimer } from '../import/zeeschuimer';
import { readMetadataCsv } from './csv-metadata';
import { parseObject, type Parsed } from './record-reading';
import { readYtdlp } from './ytdlp';

export type FileSourceKind = 'zeeschuimer' | 'ytdlp' | 'csv';

export type MetadataFile = {
  source: FileSourceKind;
  /** One record per video id (a later line about the same id wins). */
  records: MetadataRecord[];
  warnings: string[];
};

export type FileReadOptions = { nowMs: number; signal: AbortSignal };

const NOT_METADATA =
  'not a metadata file Feedlens can read (a Zeeschuimer capture, a yt-dlp info JSON or --dump-json lines, or a CSV with the header id,caption,creator,hashtags,sound,duration)';

export async function readMetadataFile(
  path: string,
  options: FileReadOptions,
): Promise<MetadataFile> {
  const name = basename(path) || path;
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw badInput(
      name,
      error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code})`,
    );
  });
  if (info.isDirectory()) throw badInput(name, 'is a folder; give one metadata file');
  if (info.size === 0) throw badInput(name, 'the file is empty');
  if (info.size > MAX_TOTAL_BYTES) throw badInput(name, 'is larger than 2 GB');
  const source = fileSource(path, name, info.size);
  const kind = detectMetadata(await readHead(source));
  if (kind === null) throw badInput(name, NOT_METADATA);
  const parsed = await readKind(kind, source, name, options);
  if (parsed.records.size === 0) {
    const why = parsed.warnings.slice(0, 3).join(' ');
    throw badInput(name, `holds no usable record${why ? `. ${why}` : ''}`);
  }
  return {
    source: kind === 'ytdlp-lines' || kind === 'ytdlp-whole' ? 'ytdlp' : kind,
    records: [...parsed.records.values()],
    warnings: parsed.warnings,
  };
}

/** Keys of yt-dlp's info dict, one of which any TikTok video's has. */
const YTDLP_KEYS = [
  'extractor',
  'extractor_key',
  'webpage_url',
  '_type',
  'uploader',
  'description',
  'title',
];

type Detected = 'zeeschuimer' | 'ytdlp-lines' | 'ytdlp-whole' | 'csv';

/** Decides by the first bytes: JSON lines (which kind), one JSON document, or a CSV header. */
export function detectMetadata(head: Buffer): Detected | null {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{')) {
    const first = start.split('\n', 1)[0]!.trim();
    const record = parseObject(first);
    // A pretty-printed (or very long) info JSON: yt-dlp writes these keys at its top level.
    if (record === null)
      return /"(extractor|webpage_url|_type)"\s*:/.test(start) ? 'ytdlp-whole' : null;
    if (Object.hasOwn(record, 'source_platform') && Object.hasOwn(record, 'data'))
      return 'zeeschuimer';
    return Object.hasOwn(record, 'id') && YTDLP_KEYS.some((k) => Object.hasOwn(record, k))
      ? 'ytdlp-lines'
      : null;
  }
  const header = start.split('\n', 1)[0]!.replace(/\r$/, '');
  const names = header.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  const known = ['caption', 'creator', 'hashtags', 'sound', 'duration'];
  if (names.includes('id') && names.some((n) => known.includes(n))) return 'csv';
  return null;
}

async function readKind(
  kind: Detected,
  source: ByteSource,
  name: string,
  options: FileReadOptions,
): Promise<Parsed> {
  switch (kind) {
    case 'zeeschuimer': {
      // The capture importer's own mapping, so an item reads the same imported or added.
      const batch = await readZeeschuimer(source, {
        fileName: name,
        onProgress: () => {},
        signal: options.signal,
        nowMs: options.nowMs,
      });
      const records = new Map<string, MetadataRecord>();
      for (const item of batch.items) records.set(item.id, metadataOf(item));
      return { records, warnings: batch.warnings };
    }
    case 'ytdlp-lines':
    case 'ytdlp-whole':
      return readYtdlp(source, name, kind === 'ytdlp-whole', options.signal);
    case 'csv':
      return readMetadataCsv(source, name, options.signal);
  }
}
