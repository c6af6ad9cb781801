// Audit exports through the router (what the Audit screen calls): preview, then the folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { verifyFolder } from '../../src-main/export/verify';
import { FIXED_NOW, tempDir } from '../helpers/temp';

const dir = tempDir();
const app = startApp({ shell: 'web', db: join(dir, 'x.db'), now: () => FIXED_NOW });
afterAll(() => app.close());

describe('export/preview and export/run', () => {
  it('previews with the settings and redaction, then writes a folder that verifies', async () => {
    const args = {
      datasetId: 'demo',
      seed: 2,
      halfLifeDays: 3,
      coarsen: 'day' as const,
      formats: ['jsonl' as const, 'csv' as const],
    };
    const preview = await app.router.invoke('export/preview', args);
    expect(preview.ok).toBe(true);
    const out = join(dir, 'audit');
    const written = await app.router.invoke('export/run', { ...args, out });
    expect(written).toMatchObject({ ok: true, value: { out, slates: 15 } });
    if (!preview.ok || !written.ok) return;
    expect(preview.value.slates).toBe(written.value.slates);
    expect(written.value.files.map((f) => f.name)).toContain('traces.jsonl');
    expect(verifyFolder(out)).toBeNull();
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.options.engine).toEqual({ halfLifeDays: 3 });
    expect(manifest.config.halfLifeDays).toBe(3);
    expect(manifest.manifestSha256).toBe(written.value.manifestSha256);
  }, 60_000);

  it('refuses a relative folder and an existing one in one sentence', async () => {
    const relative = await app.router.invoke('export/run', { datasetId: 'demo', out: 'audit' });
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'bad-args', message: expect.stringMatching(/full path/) },
    });
    const again = await app.router.invoke('export/run', { datasetId: 'demo', out: dir });
    expect(again).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already exists/) },
    });
  });
});
