// The hash chain over trace lines (docs/EXPORTS.md, "Chain"): every JSONL line carries, as its
// last key, the SHA-256 of the previous line's bytes, so a changed, dropped or reordered line
// breaks every link after it. It lives here, not in the engine, because SHA-256 is node:crypto.
import { createHash } from 'node:crypto';

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
 * Checks the links of a JSONL text (lines separated by \n, a final \n) and, when given, that the
 * last line's hash is `head`. Returns the first broken link (1-based line), or null.
 */
export function checkChain(text: string, head?: string): ChainBreak | null {
  if (text !== '' && !text.endsWith('\n'))
    return {
      line: text.split('\n').length,
      field: '(end)',
      problem: 'the file does not end with a newline',
    };
  const lines = text === '' ? [] : text.slice(0, -1).split('\n');
  let prev = CHAIN_GENESIS;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let carried: unknown;
    try {
      carried = (JSON.parse(line) as { prevSha256?: unknown }).prevSha256;
    } catch {
      return { line: i + 1, field: '(line)', problem: 'not valid JSON' };
    }
    if (carried !== prev) {
      return {
        line: i + 1,
        field: 'prevSha256',
        problem:
          i === 0
            ? 'is not the genesis value (64 zeros)'
            : `is not the SHA-256 of line ${i} (line ${i} or this field was changed)`,
      };
    }
    if (!line.endsWith(`,"prevSha256":"${prev}"}`))
      return { line: i + 1, field: 'prevSha256', problem: 'is not the last key of the line' };
    prev = sha256Hex(line);
  }
  if (head !== undefined && prev !== head) {
    return {
      line: lines.length,
      field: '(line)',
      problem: 'its SHA-256 is not the chain head in the manifest (the last line was changed)',
    };
  }
  return null;
}
