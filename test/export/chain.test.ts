// The trace chain: each line carries the SHA-256 of the line before it; any change breaks a link.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { contract } from '../../src-main/contract';
import { CHAIN_GENESIS, checkChainFile, createChain } from '../../src-main/export/chain';
import { exportTraces } from '../../src-main/export/traces';
import { FIXED_NOW, tempDir } from '../helpers/temp';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const dir = tempDir();
/** checkChainFile over a file holding `text`. */
const checkChain = (text: string, head?: string) => {
  const file = join(dir, 'chain.jsonl');
  writeFileSync(file, text);
  return checkChainFile(file, head);
};

describe('hash-chained trace lines', () => {
  it('links each line to the SHA-256 of the one before, from 64 zeros', () => {
    const chain = createChain();
    const a = chain.next('{"n":1}');
    const b = chain.next('{"n":2,"x":{"y":[]}}');
    expect(a).toBe(`{"n":1,"prevSha256":"${CHAIN_GENESIS}"}`);
    expect(JSON.parse(b)).toEqual({ n: 2, x: { y: [] }, prevSha256: sha(a) });
    expect(chain.head()).toBe(sha(b));
    expect(checkChain(`${a}\n${b}\n`, sha(b))).toBeNull();
  });

  it('names the line whose link breaks when a line is changed, dropped or swapped', () => {
    const chain = createChain();
    const lines = [1, 2, 3].map((n) => chain.next(`{"n":${n}}`));
    const text = (ls: string[]) => `${ls.join('\n')}\n`;
    const changed = [lines[0]!, lines[1]!.replace('"n":2', '"n":7'), lines[2]!];
    expect(checkChain(text(changed))).toMatchObject({ line: 3, field: 'prevSha256' });
    expect(checkChain(text([lines[0]!, lines[2]!]))).toMatchObject({ line: 2 });
    expect(checkChain(text([lines[1]!, lines[0]!, lines[2]!]))).toMatchObject({ line: 1 });
    // The last line has no successor: the head recorded elsewhere (the manifest) catches it.
    const last = [lines[0]!, lines[1]!, lines[2]!.replace('"n":3', '"n":4')];
    expect(checkChain(text(last))).toBeNull();
    expect(checkChain(text(last), chain.head())).toMatchObject({ line: 3, field: '(line)' });
    expect(checkChain(lines.join('\n'))).toMatchObject({ line: 3, field: '(end)' });
  });

  it('is in every line that feedlens replay writes, and the chain holds', async () => {
    const app = startApp({ shell: 'cli', db: join(dir, 'x.db'), now: () => FIXED_NOW });
    try {
      const file = join(dir, 'demo.jsonl');
      const run = await exportTraces(
        app.ctx,
        contract['replay/run'].args.parse({ datasetId: 'demo', seed: 7 }),
        file,
      );
      const text = readFileSync(file, 'utf8');
      const lines = text.trimEnd().split('\n');
      expect(lines.length).toBe(run.traces);
      expect(JSON.parse(lines[0]!).prevSha256).toBe(CHAIN_GENESIS);
      expect(Object.keys(JSON.parse(lines[1]!)).at(-1)).toBe('prevSha256');
      // 1.5 MB of lines of about 100 KB: lines cross the reader's 1 MiB pieces.
      expect(text.length).toBeGreaterThan(1 << 20);
      expect(checkChainFile(file, run.chainHead)).toBeNull();
      expect(run.chainHead).toBe(sha(lines.at(-1)!));
    } finally {
      app.close();
    }
  }, 60_000);
});
