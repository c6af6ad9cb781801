// The Audit screen's export (export/run) and `feedlens replay` write the same decision traces:
// one format, hash chain included, whichever door an auditor uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { runFeedlens } from '../helpers/cli';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';

it('gives the same JSONL through the API as through the CLI', async () => {
  const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
  const folder = join(tempDir(), 'audit');
  unwrap(
    await app.router.invoke('export/run', { datasetId: 'demo', formats: ['jsonl'], out: folder }),
  );
  app.close();
  const viaApi = readFileSync(join(folder, 'traces.jsonl'), 'utf8');
  expect(viaApi.split('\n').length).toBeGreaterThan(10);

  const out = join(tempDir(), 'demo.jsonl');
  const cli = runFeedlens(['replay', '--db', tempDbPath(), '--dataset', 'demo', '--out', out]);
  expect(cli.code).toBe(0);
  expect(viaApi).toBe(readFileSync(out, 'utf8'));
});
