// The import pipeline: a path → sources → detected formats → readers → one batch → sorted,
// de-duplicated, sessioned events → one transaction. Everything streams; the only things held
// whole are the parsed events and items, which the write needs anyway.
import { basename } from 'node:path';
import type { Db } from '../db/connection';
import { findImportBySha256, getImportSummary, openImportWriter, writeImport } from '../db/imports';
import type { DatasetKind } from '../domain/types';
import { checkCompletion } from './activity-summary';
import { detect, READERS, type Detected } from './detect';
import { mergeTally, reportSections } from './export-sections';
import { badInput, cancelled } from './errors';
import { finalize } from './infer';
import { EventBudget } from './event-budget';
import { INFERRED_WATCH_CAP_S, MAX_WARNINGS } from './limits';
import { hashSources, isZipFile, listPath, readHead } from './sources';
import type { ByteSource, ImportBatch, ImportFormat, ImportSummary } from './types';
import { openZip } from './zip';

export type ImportProgress = { label: string; done: number; total: number | null; unit: string };

export type ImportRequest = {
  path: string;
  /** The dataset's name; the file or folder name when absent. */
  name?: string;
  /** For a multi-user event log: the one user whose events become the dataset. */
  user?: string;
  sessionGapMinutes: number;
  nowMs: number;
  /** MAX_EVENTS unless a test lowers it (reaching 20M events would take minutes). */
  maxEvents?: number;
  signal: AbortSignal;
  onProgress(progress: ImportProgress): void;
};

/** Formats by preference when one folder or zip holds several: the export before its TXT twin. */
const PREFERENCE: ImportFormat[] = [
  'tiktok-json',
  'tiktok-txt',
  'zeeschuimer',
  'event-log-jsonl',
  'event-log-csv',
];
const KIND_PREFIX: Record<DatasetKind, string> = {
  demo: 'demo',
  'tiktok-export': 'tiktok',
  zeeschuimer: 'capture',
  'event-log': 'log',
  lab: 'lab',
};

export async function runImport(
  db: Db,
  dbPath: string,
  req: ImportRequest,
): Promise<ImportSummary> {
  const name = req.name ?? (basename(req.path) || req.path);
  const check = () => {
    if (req.signal.aborted) throw cancelled(name);
  };
  const { folder, files } = await listPath(req.path);
  const bytesSha256 = await hashSources(
    files,
    folder,
    req.signal,
    throttle(req, 'Checking', 'bytes'),
  );
  // One user's run out of a multi-user log is its own dataset, so it has its own identity.
  const sha256 = req.user === undefined ? bytesSha256 : `${bytesSha256}/user=${req.user}`;
  const existing = findImportBySha256(db, sha256);
  if (existing) return { ...existing, alreadyImported: true };
  check();

  const zip = !folder && (await isZipFile(req.path)) ? await openZip(req.path, name) : null;
  try {
    const warnings: string[] = [];
    const chosen = await chooseSources(zip ? zip.members : files, zip !== null || folder, warnings);
    const batch = selectUser(await readAll(chosen, req, warnings), name, req.user);
    check();
    if (batch.events.length === 0)
      throw badInput(name, 'holds no events we can use (every section was empty)');
    const keywordFilters = addKeywordFilters(batch);
    const gapMs = req.sessionGapMinutes * 60_000;
    const result = finalize(batch, gapMs);
    const items = new Map(result.items.map((it) => [it.id, it]));
    const activitySummary = batch.activitySummary ?? null;
    const inferred = [
      `Sessions were cut where entries are ${req.sessionGapMinutes} minutes or more apart.`,
      ...(result.inferredWatches > 0
        ? [
            `${result.inferredWatches} watch times were estimated from the gap to the next watch (capped at ${INFERRED_WATCH_CAP_S / 60} minutes); the last watch of each session has none.`,
          ]
        : []),
      ...(keywordFilters > 0
        ? [
            'Keyword filters carry no date in the export: they are your settings when it was made, so they apply to every feed of this dataset (placed at its first moment).',
          ]
        : []),
    ];
    if (result.duplicatesRemoved > 0) {
      warnings.push(`${result.duplicatesRemoved} exact duplicate records were removed.`);
    }
    const id = `${KIND_PREFIX[batch.datasetKind]}-${bytesSha256.slice(0, 12)}${req.user === undefined ? '' : `-${slug(req.user)}`}`;
    const writer = dbPath === ':memory:' ? db : openImportWriter(dbPath);
    try {
      await writeImport(
        writer,
        {
          id,
          name: req.user === undefined ? name : `${name} · ${req.user}`,
          kind: batch.datasetKind,
          sourceSha256: sha256,
          createdAt: new Date(req.nowMs).toISOString(),
          warnings: capWarnings(warnings),
        },
        {
          format: batch.format,
          duplicatesRemoved: result.duplicatesRemoved,
          inferred,
          lacks: batch.lacks,
          sessionGapMinutes: req.sessionGapMinutes,
          sourceBytes: chosen.reduce((sum, s) => sum + (s.source.size ?? 0), 0),
          activitySummary,
          completion: checkCompletion(activitySummary, result.events, (id) => items.get(id)),
          keywordFilters: batch.keywordFilters ?? [],
          sections: batch.sections ? reportSections(batch.sections) : [],
          repairs: batch.repairs ?? [],
          skippedRecords: batch.skippedRecords ?? [],
          unknownKeys: batch.unknownKeys ?? [],
        },
        result.items,
        result.events,
        {
          signal: req.signal,
          onProgress: throttle(req, 'Writing', 'rows'),
          // A separate connection is invisible to readers until COMMIT, so it may yield.
          chunkRows: writer === db ? Number.POSITIVE_INFINITY : 20_000,
          onWait: waitingFor(req),
        },
      );
    } catch (error) {
      // Another process imported the same file while this one waited for the write lock.
      const landed = findImportBySha256(db, sha256);
      if (landed) return { ...landed, alreadyImported: true };
      throw error;
    } finally {
      if (writer !== db) writer.close();
    }
    return getImportSummary(db, id)!;
  } finally {
    zip?.close();
  }
}

type Chosen = { source: ByteSource; format: ImportFormat };

/** Detects every source and keeps those of the preferred format; says what it left out. */
async function chooseSources(
  sources: readonly ByteSource[],
  container: boolean,
  warnings: string[],
): Promise<Chosen[]> {
  const found = new Map<Detected, ByteSource[]>();
  for (const source of sources) {
    const kind = detect(await readHead(source));
    if (!container && (kind === 'empty' || kind === 'unknown')) {
      throw badInput(
        source.name,
        kind === 'empty'
          ? 'the file is empty'
          : 'not a file Feedlens can read (a TikTok export in JSON or TXT, a zip of one, a Zeeschuimer capture or a Feedlens event log)',
      );
    }
    found.set(kind, [...(found.get(kind) ?? []), source]);
  }
  const format = PREFERENCE.find((f) => found.has(f));
  if (format === undefined) {
    const shown = sources
      .slice(0, 3)
      .map((s) => s.name)
      .join(', ');
    throw badInput(
      sources[0]?.name.split(' › ')[0] ?? 'import',
      `holds no TikTok export, Zeeschuimer capture or event log (looked at ${sources.length} files${shown ? `: ${shown}` : ''})`,
    );
  }
  for (const [kind, list] of found) {
    if (kind === format || (format.startsWith('event-log') && kind.startsWith('event-log')))
      continue;
    const why =
      kind === 'zip'
        ? 'a zip inside the import is not opened; import it on its own'
        : kind === 'empty'
          ? 'empty'
          : kind === 'unknown'
            ? 'not an export'
            : `a ${kind} file beside a ${format} one; import it on its own`;
    warnings.push(
      `Skipped ${list.length} file(s) (${why}): ${list
        .slice(0, 3)
        .map((s) => s.name)
        .join(', ')}.`,
    );
  }
  const event = format.startsWith('event-log');
  return [...found]
    .filter(([k]) => k === format || (event && String(k).startsWith('event-log')))
    .flatMap(([k, list]) => list.map((source) => ({ source, format: k as ImportFormat })));
}

/** Runs each source's reader and merges the batches (a TXT export is one file per section). */
async function readAll(
  sources: Chosen[],
  req: ImportRequest,
  warnings: string[],
): Promise<ImportBatch> {
  const total = sources.reduce((sum, s) => sum + (s.source.size ?? 0), 0);
  const progress = throttle(req, 'Reading', 'bytes');
  let before = 0;
  let merged: ImportBatch | null = null;
  const items = new Map<string, ImportBatch['items'][number]>();
  const events = new EventBudget(req.maxEvents);
  for (const { source, format } of sources) {
    const batch = await READERS[format](source, {
      fileName: source.name,
      signal: req.signal,
      nowMs: req.nowMs,
      events,
      onProgress: ({ bytes }) => progress(before + bytes, total),
    });
    before += source.size ?? 0;
    for (const it of batch.items) if (!items.has(it.id)) items.set(it.id, it);
    warnings.push(...batch.warnings);
    if (merged === null) merged = { ...batch, events: [...batch.events], items: [] };
    else {
      for (const e of batch.events) merged.events.push(e);
      mergeReport(merged, batch);
    }
  }
  return { ...merged!, items: [...items.values()] };
}

/** Adds what one more file of a TikTok export says about itself (a TXT export is one per section). */
function mergeReport(into: ImportBatch, batch: ImportBatch): void {
  into.activitySummary ??= batch.activitySummary;
  if (batch.keywordFilters)
    into.keywordFilters = [
      ...new Set([...(into.keywordFilters ?? []), ...batch.keywordFilters]),
    ].sort();
  if (batch.sections) {
    const sections = new Map(into.sections);
    for (const [key, tally] of batch.sections)
      sections.set(key, mergeTally(sections.get(key), tally));
    into.sections = sections;
  }
  into.repairs = [...(into.repairs ?? []), ...(batch.repairs ?? [])];
  into.skippedRecords = [...(into.skippedRecords ?? []), ...(batch.skippedRecords ?? [])];
  into.unknownKeys = [...(into.unknownKeys ?? []), ...(batch.unknownKeys ?? [])];
}

/**
 * The person's keyword filters become keyword-filter events, observed (the export's Settings say
 * they are set) and placed at the dataset's first moment: the export does not date them, and they
 * are the person's own standing filter, so every feed built from the dataset applies them (the
 * engine's keyword-filter rule, which names them in each removal it makes). Returns how many.
 */
function addKeywordFilters(batch: ImportBatch): number {
  const words = batch.keywordFilters ?? [];
  let first = Number.POSITIVE_INFINITY;
  for (const e of batch.events) if (e.atMs < first) first = e.atMs;
  if (words.length === 0 || first === Number.POSITIVE_INFINITY) return 0;
  for (const value of words) {
    batch.events.push({
      atMs: first,
      kind: 'keyword-filter',
      itemId: null,
      target: { type: 'keyword', value },
      watchS: null,
      watchRatio: null,
      level: null,
      evidence: 'observed',
    });
  }
  return words.length;
}

/**
 * A dataset is one subject's history: an event log with several users (a sock-puppet run) is
 * imported one user at a time, and the error lists who is in it.
 */
function selectUser(batch: ImportBatch, name: string, user: string | undefined): ImportBatch {
  const users = usersOf(batch);
  const listed = `${users.slice(0, 10).join(', ')}${users.length > 10 ? ', …' : ''}`;
  if (user === undefined) {
    if (users.length <= 1) return batch;
    throw badInput(
      name,
      `holds the events of ${users.length} users (${listed}); import one at a time with \`feedlens import --user NAME\``,
    );
  }
  if (!users.includes(user)) {
    throw badInput(name, `has no user "${user}"${users.length ? ` (it has ${listed})` : ''}`);
  }
  return { ...batch, events: batch.events.filter((e) => e.user === user) };
}

function usersOf(batch: ImportBatch): string[] {
  return [...new Set(batch.events.flatMap((e) => (e.user === undefined ? [] : [e.user])))].sort();
}

/**
 * The subjects of a multi-user event log, so the UI can ask which one to import; [] for a source
 * with none (every TikTok export, capture and single-subject log). Reads the file, writes nothing.
 */
export async function listUsers(
  req: Pick<ImportRequest, 'path' | 'nowMs' | 'signal'>,
): Promise<string[]> {
  const name = basename(req.path) || req.path;
  const { folder, files } = await listPath(req.path);
  const zip = !folder && (await isZipFile(req.path)) ? await openZip(req.path, name) : null;
  try {
    const chosen = await chooseSources(zip ? zip.members : files, zip !== null || folder, []);
    if (!chosen.every((c) => c.format.startsWith('event-log'))) return [];
    const reading = { ...req, sessionGapMinutes: 0, onProgress: () => undefined };
    return usersOf(await readAll(chosen, reading, []));
  } finally {
    zip?.close();
  }
}

/** A user name as it may stand in a dataset id. */
function slug(user: string): string {
  return (
    user
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'user'
  );
}

function capWarnings(warnings: string[]): string[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [
    ...warnings.slice(0, MAX_WARNINGS),
    `…and ${warnings.length - MAX_WARNINGS} more warnings.`,
  ];
}

/**
 * While another process writes: a "Waiting" progress once a second, whose unit names what it
 * waits for ("3 s for another Feedlens process (import of export.zip)").
 */
function waitingFor(req: ImportRequest) {
  let last = -1;
  return (holder: string, waitedMs: number) => {
    const seconds = Math.floor(waitedMs / 1000);
    if (seconds === last) return;
    last = seconds;
    req.onProgress({ label: 'Waiting', done: seconds, total: null, unit: `s for ${holder}` });
  };
}

/** Reports progress at most about 200 times per phase, and always at its end. */
function throttle(req: ImportRequest, label: string, unit: string) {
  let last = -1;
  return (done: number, total: number | null) => {
    const step = total ? total / 200 : 1;
    if (done - last < step && done !== total) return;
    last = done;
    req.onProgress({ label, done, total, unit });
  };
}
