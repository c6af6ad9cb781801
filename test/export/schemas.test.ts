// docs/manifest.schema.json and docs/export-rows.schema.json say what the code writes: the same
// keys in the same order, the same columns, the same nullability.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { exportFolder } from '../../src-main/export/folder';
import { NO_REDACTION } from '../../src-main/export/redact';
import { TABLE_NAMES, TABLES } from '../../src-main/export/tables';
import { FIXED_NOW, tempDir } from '../helpers/temp';

type Schema = {
  required: string[];
  properties: Record<string, Schema & { type?: string | string[] }>;
  $defs: Record<string, Schema & { 'x-columns': string[] }>;
};
const read = (name: string) => JSON.parse(readFileSync(`docs/${name}`, 'utf8')) as Schema;

const dir = tempDir();
let app: App;
let manifest: Record<string, Record<string, unknown>>;
beforeAll(() => {
  app = startApp({ shell: 'cli', db: join(dir, 'x.db'), now: () => FIXED_NOW });
  const options = {
    datasetId: 'demo',
    preset: 'x-2026' as const,
    seed: 1,
    withDemo: false,
    engine: {},
  };
  const run = exportFolder(
    app.ctx,
    { ...options, formats: ['jsonl'], redaction: NO_REDACTION },
    join(dir, 'out'),
    'kept',
  );
  manifest = JSON.parse(run.manifest) as typeof manifest;
}, 60_000);
afterAll(() => app.close());

describe('export schemas', () => {
  it('the manifest schema lists the manifest keys in the order written', () => {
    const schema = read('manifest.schema.json');
    expect(Object.keys(manifest)).toEqual(schema.required);
    expect(Object.keys(schema.properties)).toEqual(schema.required);
    for (const part of ['dataset', 'options', 'counts', 'chain'])
      expect(Object.keys(manifest[part]!)).toEqual(schema.properties[part]!.required);
    expect(Object.keys(manifest.options!.redaction as object)).toEqual(
      schema.properties.options!.properties.redaction!.required,
    );
  });

  it('the rows schema has every table with its columns, in order, and their nullability', () => {
    const defs = read('export-rows.schema.json').$defs;
    expect(Object.keys(defs)).toEqual([...TABLE_NAMES]);
    for (const t of TABLE_NAMES) {
      expect(defs[t]!['x-columns']).toEqual(TABLES[t].map((c) => c.name));
      for (const c of TABLES[t]) {
        const type = defs[t]!.properties[c.name]!.type;
        const base = { text: 'string', int: 'integer', real: 'number' }[c.type];
        expect(type, `${t}.${c.name}`).toEqual(c.nullable ? [base, 'null'] : base);
      }
    }
  });
});
