// Streams a ByteSource as text lines, decoding strict UTF-8. Lines are split on the byte 0x0A
// before decoding (it never occurs inside a multi-byte UTF-8 sequence), so a bad byte can be
// reported with its exact offset and a huge file is never held whole.
import { UserError } from '../domain/errors';
import type { ByteSource } from './types';
import { firstInvalid } from './utf8';

export type Line = {
  /** The line's text without its `\n` or `\r\n` (and, on line 1, without a UTF-8 BOM). */
  text: string;
  /** 1-based. */
  number: number;
  /** Bytes consumed up to the end of this line, for progress. */
  bytesRead: number;
};

/** A problem on one line of a file; the reader turns it into "<file>: line N: <problem>.". */
export class LineError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(problem);
  }
}

/** A longer line is not text we can use, and buffering it could exhaust memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];

export type ReadLinesOptions = {
  /**
   * Skips empty lines (`\n` or `\r\n` alone) without yielding them; line numbers still count
   * them. For formats where a blank line means nothing (JSON Lines): a run of a billion blank
   * lines then costs one byte comparison each instead of an await each (docs/PERFORMANCE.md).
   * Not for CSV, where a blank line can sit inside a quoted field.
   */
  skipBlank?: boolean;
};

export async function* readLines(
  source: ByteSource,
  fileName: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pieces: Buffer[] = [];
  let pending = 0;
  let lineStart = 0;
  let offset = 0;
  let number = 0;

  // `bytes` includes the line's `\n` when it has one, so a character cut short by the line end
  // fails on this line, not the next.
  const finish = (bytes: Buffer, end: number, last: boolean): Line => {
    number += 1;
    let body = bytes;
    let bodyStart = lineStart;
    if (number === 1 && BOM.every((b, i) => bytes[i] === b)) {
      body = bytes.subarray(3);
      bodyStart += 3;
    }
    let text: string;
    try {
      // One decoder for the whole file, fed whole lines: its state is clean at each line end.
      text = decoder.decode(body, { stream: !last });
    } catch {
      const at = bodyStart + firstInvalid(body);
      throw new UserError('bad-input', `${fileName}: line ${number}: invalid UTF-8 at byte ${at}.`);
    }
    lineStart = end;
    if (text.endsWith('\n')) text = text.slice(0, -1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { text, number, bytesRead: end };
  };

  for await (const chunk of source.open()) {
    if (typeof chunk === 'string') throw new Error('readLines needs a byte stream, not text');
    let from = 0;
    for (;;) {
      if (options.skipBlank && pending === 0) {
        from = skipBlankLines(chunk, from);
        lineStart = offset + from;
      }
      const nl = chunk.indexOf(0x0a, from);
      if (nl < 0) break;
      pieces.push(chunk.subarray(from, nl + 1));
      const line = Buffer.concat(pieces);
      pieces = [];
      pending = 0;
      yield finish(line, offset + nl + 1, false);
      from = nl + 1;
    }
    if (from < chunk.length) {
      pieces.push(chunk.subarray(from));
      pending += chunk.length - from;
      if (pending > MAX_LINE_BYTES) {
        throw new UserError(
          'bad-input',
          `${fileName}: line ${number + 1} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB; this is not a text file we can read.`,
        );
      }
    }
    offset += chunk.length;
  }
  if (pending > 0) yield finish(Buffer.concat(pieces), offset, true);

  /** The index of the first byte after the empty lines starting at `from`, counting them. */
  function skipBlankLines(chunk: Buffer, from: number): number {
    let i = from;
    for (;;) {
      if (chunk[i] === 0x0a) i += 1;
      else if (chunk[i] === 0x0d && chunk[i + 1] === 0x0a) i += 2;
      else return i;
      number += 1;
    }
  }
}
