// The audit folder (issue 10): every format holds the same rows, the manifest's hashes hold, and
// changing any single byte of any file makes verify fail naming that file (500 seeded trials).
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { createRng } from '../../src-main/engine';
import { csvCell, splitCsvLine } from '../../src-main/export/csv';
import { exportFolder } from '../../src-main/export/folder';
import { fileSha256, type Manifest } from '../../src-main/export/manifest';
import { NO_REDACTION } from '../../src-main/export/redact';
import { FORMATS, type ExportOptions } from '../../src-main/export/run';
import { TABLE_NAMES, TABLES } from '../../src-main/export/tables';
import { verifyFolder } from '../../src-main/export/verify';
import { FIXED_NOW, tempDir } from '../helpers/temp';

const dir = tempDir();
const out = join(dir, 'audit');
let app: App;
let manifest: Manifest;

const DEMO: ExportOptions = {
  datasetId: 'demo',
  preset: 'tiktok-algo101',
  seed: 7,
  withDemo: false,
  engine: {},
  formats: [...FORMATS],
  redaction: NO_REDACTION,
};

beforeAll(() => {
  app = startApp({ shell: 'cli', db: join(dir, 'x.db'), now: () => FIXED_NOW });
  manifest = JSON.parse(exportFolder(app.ctx, DEMO, out, 'kept').manifest) as Manifest;
}, 60_000);
afterAll(() => app.close());

/** A CSV file's data rows as raw fields (no cell of ours holds a newline). */
const csvRows = (table: string) =>
  readFileSync(join(out, `${table}.csv`), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map(splitCsvLine);

describe('the export folder', () => {
  it('holds every format, and the manifest lists each file with its true SHA-256', () => {
    const names = readdirSync(out).sort();
    expect(names).toEqual(
      [
        'manifest.json',
        'run.sqlite',
        'traces.jsonl',
        ...TABLE_NAMES.flatMap((t) => [`${t}.csv`, `${t}.parquet`]),
      ].sort(),
    );
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      names.filter((n) => n !== 'manifest.json'),
    );
    for (const f of manifest.files)
      expect(fileSha256(join(out, f.name))).toEqual({ bytes: f.bytes, sha256: f.sha256 });
    expect(manifest).toMatchObject({
      engineVersion: '1.3.0',
      options: { seed: 7, preset: 'tiktok-algo101' },
    });
    expect(manifest.inputs.map((i) => i.name)).toEqual([
      'demo/catalogue.json',
      'demo/persona-session.json',
    ]);
    expect(manifest.inputs[0]!.sha256).toBe(fileSha256('fixtures/demo/catalogue.json').sha256);
    expect(manifest.counts.slates).toBe(
      readFileSync(join(out, 'traces.jsonl'), 'utf8').trimEnd().split('\n').length,
    );
    expect(manifest.counts.rows.slates).toBe(manifest.counts.slates);
    expect(manifest.counts.rows.profile_deltas).toBeGreaterThan(manifest.counts.events);
    expect(verifyFolder(out)).toBeNull();
  });

  it('writes the same rows to CSV, SQLite and Parquet (Parquet read back by hyparquet)', async () => {
    const db = new Database(join(out, 'run.sqlite'), { readonly: true });
    try {
      for (const table of TABLE_NAMES) {
        const columns = TABLES[table].map((c) => c.name);
        const sqlite = db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
        const buffer = readFileSync(join(out, `${table}.parquet`));
        const file = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
        const parquet = (await parquetReadObjects({ file })).map((row) =>
          columns.map((c) => (typeof row[c] === 'bigint' ? Number(row[c]) : row[c])),
        );
        const csv = csvRows(table);
        expect(sqlite.length).toBe(manifest.counts.rows[table]);
        expect(parquet.length).toBe(sqlite.length);
        expect(csv.length).toBe(sqlite.length);
        expect(parquet).toEqual(sqlite);
        // CSV is text: the same cells as the table, written by csvCell and read back.
        expect(csv).toEqual(
          sqlite.map((row) => row.map((v) => splitCsvLine(csvCell(v as never))[0])),
        );
      }
    } finally {
      db.close();
    }
  });

  it('makes verify fail and name the file in 500 trials of one changed byte', () => {
    const files = ['manifest.json', ...manifest.files.map((f) => f.name)];
    const rng = createRng(20261203);
    const named = new Map<string, number>();
    for (let trial = 0; trial < 500; trial++) {
      const name = files[Math.floor(rng.next() * files.length)]!;
      const path = join(out, name);
      const original = readFileSync(path);
      const at = Math.floor(rng.next() * original.length);
      const changed = Buffer.from(original);
      changed[at] = (original[at]! + 1 + Math.floor(rng.next() * 255)) % 256;
      writeFileSync(path, changed);
      try {
        const found = verifyFolder(out);
        expect(found, `${name} byte ${at}`).not.toBeNull();
        expect(found!.file, `${name} byte ${at}`).toBe(name);
      } finally {
        writeFileSync(path, original);
      }
      named.set(name, (named.get(name) ?? 0) + 1);
    }
    expect(named.size).toBe(files.length);
    expect(verifyFolder(out)).toBeNull();
  }, 120_000);

  it('names the line and field of a broken trace chain, and an added file', () => {
    const path = join(out, 'traces.jsonl');
    const original = readFileSync(path, 'utf8');
    const lines = original.split('\n');
    lines[2] = lines[2]!.replace('"seed":7', '"seed":8');
    writeFileSync(path, lines.join('\n'));
    try {
      expect(verifyFolder(out)).toMatchObject({
        file: 'traces.jsonl',
        line: 4,
        field: 'prevSha256',
      });
    } finally {
      writeFileSync(path, original);
    }
    writeFileSync(join(out, 'extra.csv'), 'x\n');
    expect(verifyFolder(out)).toMatchObject({ file: 'extra.csv' });
  });

  it('is written whole or not at all, and never over an existing folder', () => {
    expect(() => exportFolder(app.ctx, DEMO, out, 'kept')).toThrow(/already exists/);
    expect(() =>
      exportFolder(app.ctx, { ...DEMO, datasetId: 'nope' }, join(dir, 'nope'), 'kept'),
    ).toThrow(/No dataset "nope"/);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes only the formats asked for', () => {
    const only = join(dir, 'only-csv');
    exportFolder(app.ctx, { ...DEMO, formats: ['csv'] }, only, 'kept');
    expect(readdirSync(only).sort()).toEqual(
      ['manifest.json', ...TABLE_NAMES.map((t) => `${t}.csv`)].sort(),
    );
    expect(verifyFolder(only)).toBeNull();
  });
});

describe('CSV cells', () => {
  it('escape every formula start (= + - @ tab CR) with an apostrophe, and quote per RFC 4180', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK("x")`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(splitCsvLine(`${csvCell('a,"b"')},${csvCell('@x')}`)).toEqual(['a,"b"', "'@x"]);
    // Numbers are numbers, not text: a negative score stays readable as one.
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('topic:cooking')).toBe('topic:cooking');
  });

  it('no text cell of a real export starts with a formula character', () => {
    for (const table of TABLE_NAMES) {
      const text = TABLES[table].map((c) => c.type === 'text');
      for (const row of csvRows(table))
        row.forEach((cell, i) => {
          if (text[i]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        });
    }
  });
});
