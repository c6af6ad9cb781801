// `feedlens export`: one folder holding traces.jsonl, a CSV, SQLite and Parquet encoding of the
// run's tables, and manifest.json. The folder is built under a temporary name beside the target
// and renamed into place at the end, so a failed or killed export leaves no half folder.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../domain/errors';
import type { Context } from '../operations/context';
import { datasetSourceSha256, getDataset } from '../db/datasets';
import { fdSink, tempPathFor, type Sink } from './atomic';
import { csvHeader, csvLine } from './csv';
import {
  buildManifest,
  fileSha256,
  MANIFEST,
  type CreatorRedaction,
  type InputFile,
} from './manifest';
import { createParquetTable, type ParquetTable } from './parquet';
import { runExport, type ExportOptions, type ExportSink, type RunFacts } from './run';
import { createSqliteTables, type SqliteTables } from './sqlite-file';
import { TABLE_NAMES, TABLES, type TableName } from './tables';

export const TRACES_FILE = 'traces.jsonl';
export const SQLITE_FILE = 'run.sqlite';

const DEMO_FILES = ['catalogue.json', 'persona-session.json'];

/** The files the dataset came from, by SHA-256 (what `verify --inputs` checks a file against). */
export function inputsOf(ctx: Context, datasetId: string, withDemo: boolean): InputFile[] {
  const demo = (names: string[]) =>
    names.map((n) => ({
      name: `demo/${n}`,
      sha256: fileSha256(join(ctx.fixturesDir, 'demo', n)).sha256,
    }));
  if (getDataset(ctx.db, datasetId)?.kind === 'demo') return demo(DEMO_FILES);
  const source = datasetSourceSha256(ctx.db, datasetId);
  if (source === null) return [];
  const [sha256, user] = source.split('/user=') as [string, string | undefined];
  const own: InputFile =
    user === undefined ? { name: 'import', sha256 } : { name: 'import', sha256, user };
  return withDemo ? [own, ...demo(['catalogue.json'])] : [own];
}

/** Writers for every chosen format, into `dir`; `finish` closes them and lists the files. */
function folderWriters(dir: string, options: ExportOptions): ExportSink & { finish(): string[] } {
  const files: string[] = [];
  const fds: number[] = [];
  const open = (name: string): Sink => {
    const fd = openSync(join(dir, name), 'wx', 0o644);
    fds.push(fd);
    files.push(name);
    return fdSink(fd);
  };
  const has = (f: string) => options.formats.includes(f as never);
  const jsonl = has('jsonl') ? open(TRACES_FILE) : null;
  const csv = new Map<TableName, Sink>();
  if (has('csv'))
    for (const t of TABLE_NAMES) {
      const sink = open(`${t}.csv`);
      sink(csvHeader(TABLES[t]));
      csv.set(t, sink);
    }
  let sqlite: SqliteTables | null = null;
  if (has('sqlite')) {
    sqlite = createSqliteTables(join(dir, SQLITE_FILE));
    files.push(SQLITE_FILE);
  }
  const parquet = new Map<TableName, ParquetTable>();
  if (has('parquet')) for (const t of TABLE_NAMES) parquet.set(t, createParquetTable(TABLES[t]));
  return {
    trace: (line) => jsonl?.(`${line}\n`),
    rows(table, rows) {
      if (rows.length === 0) return;
      csv.get(table)?.(rows.map(csvLine).join(''));
      sqlite?.insert(table, rows);
      parquet.get(table)?.add(rows);
    },
    finish() {
      for (const fd of fds) {
        fsyncSync(fd);
        closeSync(fd);
      }
      sqlite?.close();
      for (const [t, table] of parquet) {
        writeFileSync(join(dir, `${t}.parquet`), table.encode(), { flag: 'wx' });
        files.push(`${t}.parquet`);
      }
      for (const name of files.filter((f) => !f.endsWith('.csv') && f !== TRACES_FILE)) {
        const fd = openSync(join(dir, name), 'r');
        fsyncSync(fd);
        closeSync(fd);
      }
      return files;
    },
  };
}

export type FolderExport = { facts: RunFacts; manifest: string };

/** The export's files, written into the empty folder `dir`: the run's facts and the file names. */
export function writeExportFiles(
  ctx: Context,
  options: ExportOptions,
  dir: string,
): { facts: RunFacts; files: string[] } {
  const writers = folderWriters(dir, options);
  const facts = runExport(ctx, options, writers);
  return { facts, files: writers.finish() };
}

/**
 * `dir`'s manifest.json, covering `files` (the export's, and for an audit input folder also its
 * report and audit record); returns its text.
 */
export function writeManifest(
  ctx: Context,
  dir: string,
  options: ExportOptions,
  creators: CreatorRedaction,
  facts: RunFacts,
  files: string[],
): string {
  const inputs = inputsOf(ctx, options.datasetId, options.withDemo);
  const manifest = buildManifest(dir, options, creators, facts, inputs, files);
  writeFileSync(join(dir, MANIFEST), manifest, { flag: 'wx' });
  return manifest;
}

export function exportFolder(
  ctx: Context,
  options: ExportOptions,
  out: string,
  creators: CreatorRedaction,
): FolderExport {
  if (existsSync(out))
    throw new UserError(
      'bad-input',
      `${out} already exists; an export never overwrites: choose a new folder.`,
    );
  if (!existsSync(dirname(out)))
    throw new UserError('bad-input', `Could not write ${out}: its folder does not exist.`);
  const temp = tempPathFor(out);
  mkdirSync(temp);
  try {
    const { facts, files } = writeExportFiles(ctx, options, temp);
    const manifest = writeManifest(ctx, temp, options, creators, facts, files);
    renameSync(temp, out);
    return { facts, manifest };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof UserError) throw error;
    throw new UserError(
      'bad-input',
      `Could not write ${out}: ${(error as Error).message}. Nothing was written.`,
    );
  }
}
