// The import pipeline: a path → sources → detected formats → readers → one batch → sorted,
// de-duplicated, sessioned events → one transaction. Everything streams; the only things held
// whole are the parsed events and items, which the write needs anyway.
import { basename } from 'node:path';
import type { Db } from '../db/connection';
import { findImportBySha256, getImportSummary, openImportWriter, writeImport } from '../db/imports';
import { loadSectionChoices } from '../db/section-choices';
import type { DatasetKind, ImportFile, Item, SectionChoice } from '../domain/types';
import { checkCompletion } from './activity-summary';
import { detect, READERS, type Detected } from './detect';
import { mergeTally, reportSections } from './export-sections';
import { badInput, cancelled } from './errors';
import { finalize } from './infer';
import { EventBudget } from './event-budget';
import { INFERRED_WATCH_CAP_S, MAX_WARNINGS } from './limits';
import { hashSources, isZipFile, listPath, readHead } from './sources';
import { isPrivatePath } from './txt-names';
import type { ByteSource, ImportBatch, ImportFormat, ImportSummary } from './types';
import { openZip } from './zip';

export type ImportProgress = { label: string; done: number; total: number | null; unit: string };

export type ImportRequest = {
  path: string;
  /** The dataset's name; the file or folder name when absent. */
  name?: string;
  /** For a multi-user event log: the one user whose events become the dataset. */
  user?: string;
  /** What files that need a choice are (file path inside the export → choice). */
  sections?: Readonly<Record<string, SectionChoice>>;
  sessionGapMinutes: number;
  nowMs: number;
  /** MAX_EVENTS unless a test lowers it (reaching 2.5M events would take minutes). */
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
  const listed = await listPath(req.path);
  const { folder } = listed;
  // Private files (messages, chats) are set aside by name before a byte of them is hashed or read.
  const [privateFiles, files] = splitPrivate(listed.files, folder ? 'folder' : 'file');
  if (files.length === 0 && privateFiles.length > 0 && !folder)
    throw badInput(name, 'is a private section (messages or a chat): Feedlens never opens it');
  const bytesSha256 = await hashSources(
    files,
    folder,
    req.signal,
    throttle(req, 'Checking', 'bytes'),
  );
  // One user's run out of a multi-user log is its own dataset, so it has its own identity.
  const sha256 = req.user === undefined ? bytesSha256 : `${bytesSha256}/user=${req.user}`;
  const remembered = loadSectionChoices(db);
  const choices = new Map([...remembered, ...Object.entries(req.sections ?? {})]);
  const existing = findImportBySha256(db, sha256);
  // The same export again is nothing new, unless a file that needed a choice now has one.
  const replace = existing?.files.some((f) => f.state === 'needs-choice' && choices.has(f.name));
  if (existing && !replace) return { ...existing, alreadyImported: true };
  check();

  const zip = !folder && (await isZipFile(req.path)) ? await openZip(req.path, name) : null;
  try {
    const warnings: string[] = [];
    const [zipPrivate, members] = zip ? splitPrivate(zip.members, 'zip') : [[], files];
    const left: ImportFile[] = [...privateFiles, ...zipPrivate].map((source) =>
      fileState(memberOf(source, zip ? 'zip' : folder ? 'folder' : 'file'), 'private', {
        note: 'private: never opened',
      }),
    );
    const container = zip ? 'zip' : folder ? 'folder' : 'file';
    const chosen = await chooseSources(members, container, warnings, left);
    const read = await readAll(chosen, req, warnings, choices);
    const batch = selectUser(read.batch, name, req.user);
    check();
    const listedFiles = [...read.files, ...left].sort((a, b) => (a.name < b.name ? -1 : 1));
    if (batch.events.length === 0) throw nothingToImport(name, listedFiles);
    const keywordFilters = addKeywordFilters(batch);
    const given = new Map(
      Object.entries(req.sections ?? {}).filter(([file]) =>
        listedFiles.some((f) => f.name === file && f.by === 'choice'),
      ),
    );
    for (const file of Object.keys(req.sections ?? {}))
      if (!listedFiles.some((f) => f.name === file && f.by === 'choice'))
        warnings.push(
          `A section choice names "${file}", but no file of this export by that name needed one.`,
        );
    const gapMs = req.sessionGapMinutes * 60_000;
    const result = finalize(batch, gapMs);
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
          completion: checkCompletion(activitySummary, result.events, itemLookup(result.items)),
          keywordFilters: batch.keywordFilters ?? [],
          sections: batch.sections ? reportSections(batch.sections) : [],
          repairs: batch.repairs ?? [],
          skippedRecords: batch.skippedRecords ?? [],
          unknownKeys: batch.unknownKeys ?? [],
          files: listedFiles,
        },
        result.items,
        result.events,
        {
          signal: req.signal,
          onProgress: throttle(req, 'Writing', 'rows'),
          // A separate connection is invisible to readers until COMMIT, so it may yield.
          chunkRows: writer === db ? Number.POSITIVE_INFINITY : 20_000,
          onWait: waitingFor(req),
          replace,
          sectionChoices: given,
        },
      );
    } catch (error) {
      // Another process imported the same file while this one waited for the write lock.
      const landed = replace ? undefined : findImportBySha256(db, sha256);
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

type Chosen = { source: ByteSource; format: ImportFormat; member: string };
type Container = 'zip' | 'folder' | 'file';

/** A source's path inside the export: what the summary lists and section choices name. */
function memberOf(source: ByteSource, container: Container): string {
  if (container === 'zip') return source.name.slice(source.name.indexOf(' › ') + 3);
  if (container === 'folder') return source.name.split('/').slice(1).join('/');
  return source.name;
}

/**
 * Private files apart from the rest, by name. A single file picked on its own is judged only when
 * it is a TXT section: a zip's own name ("chat backup.zip") says nothing about its members.
 */
function splitPrivate(sources: readonly ByteSource[], container: Container) {
  const secret = (s: ByteSource) =>
    (container !== 'file' || /\.txt$/i.test(s.name)) && isPrivatePath(memberOf(s, container));
  return [sources.filter(secret), sources.filter((s) => !secret(s))] as const;
}

function fileState(name: string, state: ImportFile['state'], more: Partial<ImportFile> = {}) {
  return {
    name,
    state,
    section: null,
    by: null,
    rows: 0,
    skipped: 0,
    firstAt: null,
    lastAt: null,
    note: null,
    ...more,
  } satisfies ImportFile;
}

/**
 * Detects every source and keeps those of the preferred format; says what it left out (in
 * `warnings`, and in `left` as files with their state). In a TXT export every `.txt` file goes to
 * the TXT reader, whatever its first bytes: an empty section is a sentence in the app's language.
 */
async function chooseSources(
  sources: readonly ByteSource[],
  container: Container,
  warnings: string[],
  left: ImportFile[],
): Promise<Chosen[]> {
  const found = new Map<Detected, ByteSource[]>();
  for (const source of sources) {
    const kind = detect(await readHead(source));
    if (container === 'file' && (kind === 'empty' || kind === 'unknown')) {
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
  const event = format.startsWith('event-log');
  const takes = (kind: Detected, source: ByteSource) =>
    kind === format ||
    (event && kind.startsWith('event-log')) ||
    (format === 'tiktok-txt' &&
      (kind === 'empty' || kind === 'unknown') &&
      /\.txt$/i.test(source.name));
  const chosen: Chosen[] = [];
  for (const [kind, list] of found) {
    const out = list.filter((source) => !takes(kind, source));
    for (const source of list)
      if (takes(kind, source))
        chosen.push({
          source,
          format: kind === 'empty' || kind === 'unknown' ? 'tiktok-txt' : (kind as ImportFormat),
          member: memberOf(source, container),
        });
    if (out.length === 0) continue;
    const why =
      kind === 'zip'
        ? 'a zip inside the import is not opened; import it on its own'
        : kind === 'empty'
          ? 'empty'
          : kind === 'unknown'
            ? 'not an export'
            : `a ${kind} file beside a ${format} one; import it on its own`;
    warnings.push(
      `Skipped ${out.length} file(s) (${why}): ${out
        .slice(0, 3)
        .map((s) => s.name)
        .join(', ')}.`,
    );
    for (const source of out)
      left.push(
        fileState(memberOf(source, container), kind === 'empty' ? 'empty' : 'ignored', {
          note: why,
        }),
      );
  }
  // Readers see files in the order they were listed (a folder's name order, a zip's order).
  const order = new Map(sources.map((s, i) => [s, i]));
  return chosen.sort((a, b) => order.get(a.source)! - order.get(b.source)!);
}

/** Runs each source's reader and merges the batches (a TXT export is one file per section). */
async function readAll(
  sources: Chosen[],
  req: Pick<ImportRequest, 'signal' | 'nowMs' | 'maxEvents' | 'onProgress'>,
  warnings: string[],
  choices: ReadonlyMap<string, SectionChoice>,
): Promise<{ batch: ImportBatch; files: ImportFile[] }> {
  const total = sources.reduce((sum, s) => sum + (s.source.size ?? 0), 0);
  const progress = throttle(req, 'Reading', 'bytes');
  let before = 0;
  let merged: ImportBatch | null = null;
  const items = new Map<string, ImportBatch['items'][number]>();
  const events = new EventBudget(req.maxEvents);
  const files: ImportFile[] = [];
  for (const { source, format, member } of sources) {
    const batch = await READERS[format](source, {
      fileName: source.name,
      signal: req.signal,
      nowMs: req.nowMs,
      events,
      member,
      choice: choices.get(member),
      onProgress: ({ bytes }) => progress(before + bytes, total),
    });
    before += source.size ?? 0;
    for (const it of batch.items) if (!items.has(it.id)) items.set(it.id, it);
    warnings.push(...batch.warnings);
    files.push(...(batch.files ?? [fileState(member, 'read', { rows: batch.events.length })]));
    if (merged === null) merged = { ...batch, events: [...batch.events], items: [] };
    else {
      for (const e of batch.events) merged.events.push(e);
      mergeReport(merged, batch);
    }
  }
  return { batch: { ...merged!, items: [...items.values()] }, files };
}

/**
 * Why an import with no events cannot be made, in one line: the files that need a choice (with
 * the flag to give it), else the first file that failed, else every section was empty.
 */
function nothingToImport(name: string, files: readonly ImportFile[]) {
  const pending = files.filter((f) => f.state === 'needs-choice');
  if (pending.length > 0) return badInput(name, pendingSentence(pending));
  const failed = files.find((f) => f.state === 'failed');
  if (failed?.note) {
    const m = /^(.*) \(line (\d+)\)$/.exec(failed.note);
    return badInput(failed.name, m ? m[1]! : failed.note, m ? { line: Number(m[2]) } : {});
  }
  return badInput(name, 'holds no events we can use (every section was empty)');
}

/** The one sentence that says which files need a choice and how to give it. */
export function pendingSentence(pending: readonly Pick<ImportFile, 'name' | 'rows'>[]): string {
  const listed = pending.map((f) => `"${f.name}" (${f.rows} records)`).join(', ');
  const flags = pending.map((f) => `--section "${f.name}=watch"`).join(' ');
  return `${pending.length === 1 ? 'one file holds' : `${pending.length} files hold`} dated video links under a name Feedlens does not know, and watch history, likes and favourites look alike: ${listed}; say which with ${flags} (or =like, =favorite, =ignore)`;
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
    const container = zip ? 'zip' : folder ? 'folder' : 'file';
    const members = splitPrivate(zip ? zip.members : files, container)[1];
    const chosen = await chooseSources(members, container, [], []);
    if (!chosen.every((c) => c.format.startsWith('event-log'))) return [];
    const reading = { ...req, onProgress: () => undefined };
    return usersOf((await readAll(chosen, reading, [], new Map())).batch);
  } finally {
    zip?.close();
  }
}

/** Items by id, indexed on first use: most imports have no activity summary to check. */
function itemLookup(items: readonly Item[]): (id: string) => Item | undefined {
  let byId: Map<string, Item> | undefined;
  return (id) => (byId ??= new Map(items.map((it) => [it.id, it]))).get(id);
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
function throttle(req: Pick<ImportRequest, 'onProgress'>, label: string, unit: string) {
  let last = -1;
  return (done: number, total: number | null) => {
    const step = total ? total / 200 : 1;
    if (done - last < step && done !== total) return;
    last = done;
    req.onProgress({ label, done, total, unit });
  };
}
