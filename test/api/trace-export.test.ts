// The UI's trace export (replay/run, serialised in the renderer) and `feedlens replay` write the
// same bytes: one format, whichever door an auditor uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { runFeedlens } from '../helpers/cli';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';

it('gives the same JSONL through the API as through the CLI', async () => {
  const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
  const run = unwrap(
    await app.router.invoke('replay/run', { datasetId: 'demo', every: 'session' }),
  );
  app.close();
  // What the renderer does with the result after it crossed the transport as JSON.
  const viaApi = (JSON.parse(JSON.stringify(run)) as typeof run).traces
    .map((t) => `${JSON.stringify(t)}\n`)
    .join('');

  const out = join(tempDir(), 'demo.jsonl');
  const cli = runFeedlens(['replay', '--db', tempDbPath(), '--dataset', 'demo', '--out', out]);
  expect(cli.code).toBe(0);
  expect(viaApi).toBe(readFileSync(out, 'utf8'));
});
