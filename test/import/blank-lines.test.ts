// One capture line followed by 1 GB of blank lines (issue #20): blank-line runs are skipped at
// the speed of reading, not one await per line (docs/PERFORMANCE.md has the before/after).
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shell';
import { tempDbPath, tempDir } from '../helpers/temp';
import { importPath, testApp } from './helpers';

const BLANK_BYTES = Number(process.env.FEEDLENS_BLANK_BYTES ?? 1024 ** 3);

async function writeCapture(path: string): Promise<void> {
  const record = readFileSync(join(ROOT, 'fixtures', 'zeeschuimer', 'capture.ndjson'), 'utf8');
  const out = createWriteStream(path);
  out.write(record.slice(0, record.indexOf('\n') + 1));
  const blanks = Buffer.alloc(1024 * 1024, '\n');
  for (let written = 0; written < BLANK_BYTES; written += blanks.length) {
    if (!out.write(blanks)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('blank-line runs', () => {
  it('imports one record followed by 1 GB of blank lines in under 30 s', async () => {
    const file = join(tempDir(), 'capture.ndjson');
    await writeCapture(file);
    const app = testApp(tempDbPath());
    try {
      const started = performance.now();
      const summary = await importPath(app, file);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `1 record + ${BLANK_BYTES / 1024 ** 2} MiB of blank lines: ${seconds.toFixed(1)} s`,
      );
      expect(summary.format).toBe('zeeschuimer');
      expect(summary.itemCount).toBe(1);
      expect(seconds).toBeLessThan(30);
    } finally {
      app.close();
      rmSync(file, { force: true });
    }
  }, 120_000);
});
