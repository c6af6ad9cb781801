// Strict UTF-8 over a byte stream, chunk by chunk: the native isUtf8 check on the fast path, and a
// byte-exact search only when it fails, so the error can name the offset of the bad byte.
import { isUtf8 } from 'node:buffer';
import { badInput } from './errors';

export class Utf8Check {
  private tail: Buffer | null = null;
  private offset = 0;

  constructor(private readonly fileName: string) {}

  /** Checks the next chunk; a character split across chunks is checked with the next one. */
  push(chunk: Buffer): void {
    const data = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    const start = this.offset - (this.tail?.length ?? 0);
    const cut = completePrefix(data);
    if (!isUtf8(data.subarray(0, cut))) this.fail(start + firstInvalid(data, cut));
    this.tail = cut < data.length ? Buffer.from(data.subarray(cut)) : null;
    this.offset += chunk.length;
  }

  end(): void {
    if (this.tail)
      this.fail(this.offset - this.tail.length, 'the file ends inside a UTF-8 character');
  }

  private fail(byte: number, problem = 'invalid UTF-8'): never {
    throw badInput(this.fileName, problem, { byte });
  }
}

/** The length of the prefix that does not end inside a multi-byte character. */
function completePrefix(b: Buffer): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? b.length - k : b.length;
  }
  return b.length;
}

/** Index of the first byte that starts an invalid sequence (Unicode Table 3-7). */
export function firstInvalid(b: Uint8Array, end = b.length): number {
  let i = 0;
  while (i < end) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || i + k >= end) return i;
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return end;
}
