// Redaction and the consent preview (issue 10, item 3): dropped text, keyed creator pseudonyms and
// coarse times reach every file; the preview counts what the export writes; verify --inputs
// repeats an imported dataset's run, redaction included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { exportFolder } from '../../src-main/export/folder';
import type { Manifest } from '../../src-main/export/manifest';
import { previewExport } from '../../src-main/export/preview';
import type { SlateTrace } from '../../src-main/engine';
import { createRedactor, NO_REDACTION, pseudonym } from '../../src-main/export/redact';
import { verifyExport } from '../../src-main/export/reproduce';
import { FORMATS, type ExportOptions } from '../../src-main/export/run';
import { verifyFolder } from '../../src-main/export/verify';
import { FIXED_NOW, tempDir } from '../helpers/temp';

const dir = tempDir();
let app: App;
const DEMO: ExportOptions = {
  datasetId: 'demo',
  preset: 'tiktok-algo101',
  seed: 3,
  withDemo: false,
  engine: {},
  formats: ['jsonl', 'csv'],
  redaction: NO_REDACTION,
};
/** Every text file of an export folder, joined. */
const allText = (out: string) =>
  readdirSync(out)
    .filter((f) => /\.(jsonl|csv)$/.test(f))
    .map((f) => readFileSync(join(out, f), 'utf8'))
    .join('\n');

beforeAll(() => {
  app = startApp({ shell: 'cli', db: join(dir, 'x.db'), now: () => FIXED_NOW });
});
afterAll(() => app.close());

describe('redaction', () => {
  it('keeps search terms and handles unless asked, and drops or hashes them when asked', () => {
    const plain = join(dir, 'plain');
    exportFolder(app.ctx, DEMO, plain, 'kept');
    const before = allText(plain);
    expect(before).toContain('search:easy pasta recipe');
    expect(before).toContain('creator:@leo.pranks');

    const red = join(dir, 'redacted');
    const key = 'k'.repeat(32);
    exportFolder(
      app.ctx,
      { ...DEMO, redaction: { dropText: true, creatorKey: key, coarsen: 'hour' } },
      red,
      'hmac-sha256, key given, not stored',
    );
    const after = allText(red);
    expect(after).not.toContain('easy pasta');
    expect(after).not.toContain('home workout');
    expect(after).toContain('search:[dropped]');
    expect(after).not.toMatch(/creator:@/);
    expect(after).toContain(`creator:${pseudonym(key, '@leo.pranks')}`);
    expect(pseudonym('another key', '@leo.pranks')).not.toBe(pseudonym(key, '@leo.pranks'));
    // Every time is on the hour, in traces and tables.
    const times = after.match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g)!;
    expect(times.length).toBeGreaterThan(100);
    for (const t of times) expect(t).toMatch(/T\d\d:00:00\.000Z$/);
    const manifest = JSON.parse(readFileSync(join(red, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.options.redaction).toEqual({
      dropText: true,
      creators: 'hmac-sha256, key given, not stored',
      coarsen: 'hour',
    });
    expect(readFileSync(join(red, 'manifest.json'), 'utf8')).not.toContain(key);
    expect(verifyFolder(red)).toBeNull();
  });

  it('the preview counts exactly what the export writes, with the redaction applied', () => {
    const options: ExportOptions = {
      ...DEMO,
      formats: [...FORMATS],
      redaction: { dropText: true, creatorKey: null, coarsen: 'day' },
    };
    const preview = previewExport(app.ctx, options);
    const out = join(dir, 'previewed');
    const { facts } = exportFolder(app.ctx, options, out, 'kept');
    expect(preview.rows).toEqual(facts.rows);
    expect(preview.slates).toBe(facts.slates);
    expect(preview.fields.traces.at(-1)).toBe('prevSha256');
    expect(preview.fields.rules).toContain('detail');
    const example = preview.example.trace as { at: string; items: unknown[] };
    expect(example.at).toMatch(/T00:00:00\.000Z$/);
    expect(example.items).toHaveLength(1);
    expect(preview.example.profile_deltas).toMatchObject({ event_index: 0, event_id: 'e000000' });
  });
});

describe('verify --inputs on an imported dataset', () => {
  it('repeats the run byte for byte, and refuses another file as the input', async () => {
    const log = 'fixtures/event-log/sock-puppet.jsonl';
    const summary = unwrap(
      await app.router.invoke('import/run', { path: log, user: 'puppet-cook' }),
    );
    const out = join(dir, 'puppet');
    exportFolder(
      app.ctx,
      {
        ...DEMO,
        datasetId: summary.id,
        redaction: { dropText: true, creatorKey: 'secret', coarsen: 'day' },
      },
      out,
      'hmac-sha256, key given, not stored',
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.inputs).toEqual([
      { name: 'import', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), user: 'puppet-cook' },
    ]);
    expect(await verifyExport(out, log, 'secret')).toBeNull();
    expect(await verifyExport(out, log)).toMatchObject({
      file: 'manifest.json',
      field: 'options.redaction.creators',
    });
    // Only a follow names a creator in this log: its profile delta is the first difference.
    expect(await verifyExport(out, log, 'wrong key')).toMatchObject({
      file: 'profile_deltas.csv',
      field: 'dim',
    });
    expect(await verifyExport(out, 'fixtures/event-log/sock-puppet.csv', 'secret')).toMatchObject({
      problem: expect.stringMatching(/not the manifest's input/),
    });
  }, 60_000);
});

describe('redaction of rule causes', () => {
  it('drops the keyword, pseudonymises creators and coarsens times inside each cause', () => {
    const redact = createRedactor({ dropText: true, creatorKey: 'k', coarsen: 'day' });
    const at = Date.UTC(2026, 2, 3, 14, 5);
    const trace = {
      at: '2026-03-07T20:35:00.000Z',
      atMs: Date.UTC(2026, 2, 7, 20, 35),
      items: [],
      removed: [
        {
          itemId: '1',
          rule: 'keyword-filter',
          cause: { cause: 'keyword', keyword: 'cats', setBy: null },
        },
        {
          itemId: '2',
          rule: 'fatigue',
          cause: { cause: 'negative-feedback', key: 'creator:@x', atMs: at, filterDays: 14 },
        },
      ],
    } as unknown as SlateTrace;
    expect(redact.trace(trace).removed.map((r) => r.cause)).toEqual([
      { cause: 'keyword', keyword: '[dropped]', setBy: null },
      {
        cause: 'negative-feedback',
        key: `creator:${pseudonym('k', '@x')}`,
        atMs: Date.UTC(2026, 2, 3),
        filterDays: 14,
      },
    ]);
  });
});
