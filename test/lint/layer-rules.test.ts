import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const bad = readFileSync(new URL('./bad/engine-impure.ts', import.meta.url), 'utf8');

async function lintAs(filePath: string) {
  const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
  const [result] = await eslint.lintText(bad, { filePath });
  return result!.messages.map((m) => `${m.line}:${m.ruleId}`);
}

describe('engine purity lint rule', () => {
  it('fires on every impure import and global inside src-main/engine', async () => {
    const messages = await lintAs('src-main/engine/impure.ts');
    expect(messages).toEqual(
      expect.arrayContaining([
        '3:no-restricted-imports',
        '4:no-restricted-imports',
        '5:no-restricted-imports',
        '6:no-restricted-imports',
        '8:no-restricted-globals',
        '9:no-restricted-properties',
      ]),
    );
  });

  it('applies to the shared domain types too', async () => {
    expect(await lintAs('src-main/domain/impure.ts')).toContain('8:no-restricted-globals');
  });

  it('keeps the renderer to the API contract', async () => {
    const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
    const code = [
      "import type { Db } from '@main/db/connection';",
      "import { runImport } from '@main/import/pipeline';",
      "import { readFileSync } from 'node:fs';",
      "import { createRouter } from '@main/api/router';",
      "import type { Args } from '@main/contract';",
      "import { PRESETS } from '@main/engine/presets';",
      'export type X = [Db, typeof runImport, typeof readFileSync, typeof createRouter];',
      'export type Y = [Args<"app/info">, typeof PRESETS];',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: 'src-renderer/screens/Bad.tsx' });
    const lines = result!.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.line);
    expect(lines).toEqual([1, 2, 3, 4]);
  });

  it('leaves the rest of the main side free to do I/O', async () => {
    const messages = await lintAs('src-main/import/impure.ts');
    expect(messages.filter((m) => /restricted/.test(m))).toEqual([]);
  });
});
