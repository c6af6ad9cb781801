// The engine's purity rules (eslint.config.js): no clock, no randomness, no environment, no
// printing in src-main/engine/ and src-main/domain/. What those folders may import is checked by
// the layer rules instead (test/lint/layers.test.ts).
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
  it('fires on the clock, randomness, the environment and printing inside src-main/engine', async () => {
    expect(await lintAs('src-main/engine/impure.ts')).toEqual([
      '4:no-restricted-globals',
      '5:no-restricted-properties',
      '6:no-restricted-globals',
      '7:no-restricted-globals',
    ]);
  });

  it('applies to the shared domain types too', async () => {
    expect(await lintAs('src-main/domain/impure.ts')).toContain('4:no-restricted-globals');
  });

  it('leaves the rest of the main side free to read the clock', async () => {
    expect(await lintAs('src-main/import/impure.ts')).toEqual([]);
  });

  it('keeps the renderer to the @main/ alias', async () => {
    const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
    const code = [
      "import type { Args } from '../../src-main/contract';",
      "import type { Result } from '@main/contract';",
      'export type X = [Args<"app/info">, Result<"app/info">];',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: 'src-renderer/screens/Bad.tsx' });
    expect(result!.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual([
      '1:no-restricted-imports',
    ]);
  });
});
