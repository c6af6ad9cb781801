// The hash chain over trace lines (docs/EXPORTS.md, "Chain"): every JSONL line carries, as its
// last key, the SHA-256 of the previous line's bytes, so a changed, dropped or reordered line
// breaks every link after it. It lives here, not in the engine, because SHA-256 is node:crypto.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** What the first line carries as its previous line's hash: 64 zeros (no line before it). */
export const CHAIN_GENESIS = '0'.repeat(64);

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

/** Appends `"prevSha256"` as the last key of a one-line JSON object. */
export function chainLine(objectJson: string, prevSha256: string): string {
  return `${objectJson.slice(0, -1)},"prevSha256":"${prevSha256}"}`;
}

/** Turns JSON objects into chained lines one at a time; `head` is the hash of the last line. */
export function createChain(): { next(objectJson: string): string; head(): string } {
  let prev = CHAIN_GENESIS;
  return {
    next(objectJson) {
      const line = chainLine(objectJson, prev);
      prev = sha256Hex(line);
      return line;
    },
    head: () => prev,
  };
}

export type ChainBreak = { line: number; field: string; problem: string };

/**
 * Checks the links of a JSONL file (lines ending in \n), reading it in 1 MiB pieces so that a
 * file of any size fits, and, when given, that the last line's hash is `head`. Returns the first
 * broken link (1-based line), or null.
 */
export function checkChainFile(path: string, head?: string): ChainBreak | null {
  let prev = CHAIN_GENESIS;
  let n = 0;
  const check = (line: Buffer): ChainBreak | null => {
    n++;
    let carried: unknown;
    try {
      carried = (JSON.parse(line.toString('utf8')) as { prevSha256?: unknown }).prevSha256;
    } catch {
      return { line: n, field: '(line)', problem: 'not valid JSON' };
    }
    if (carried !== prev) {
      const problem =
        n === 1
          ? 'is not the genesis value (64 zeros)'
          : `is not the SHA-256 of line ${n - 1} (line ${n - 1} or this field was changed)`;
      return { line: n, field: 'prevSha256', problem };
    }
    if (!line.toString('utf8').endsWith(`,"prevSha256":"${prev}"}`))
      return { line: n, field: 'prevSha256', problem: 'is not the last key of the line' };
    prev = sha256Hex(line);
    return null;
  };
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let pending: Buffer[] = [];
  try {
    for (let got; (got = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      const chunk = buf.subarray(0, got);
      let start = 0;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, start)) {
        const broken = check(Buffer.concat([...pending, chunk.subarray(start, i)]));
        if (broken) return broken;
        pending = [];
        start = i + 1;
      }
      // The buffer is reused by the next read: keep a copy of the unfinished line.
      if (start < got) pending.push(Buffer.from(chunk.subarray(start)));
    }
  } finally {
    closeSync(fd);
  }
  if (pending.length > 0)
    return { line: n + 1, field: '(end)', problem: 'the file does not end with a newline' };
  if (head !== undefined && prev !== head) {
    return {
      line: n,
      field: '(line)',
      problem: 'its SHA-256 is not the chain head in the manifest (the last line was changed)',
    };
  }
  return null;
}
