// A streaming JSON scanner over bytes. It validates the whole text (RFC 8259 grammar, strict UTF-8)
// without building it, and materialises only what its hooks select: the elements of chosen arrays,
// parsed in batches with the native JSON.parse (one call per chunk, not per record), or one chosen
// value whole. So an 80 MB export is never held as one string, and the bytes it does keep are
// those of the records being parsed.
import { TextDecoder } from 'node:util';
import { badInput, quote } from './errors';
import { MAX_DEPTH, MAX_FIELD_BYTES, MAX_RECORD_BYTES, MAX_WHOLE_VALUE_BYTES } from './limits';
import { Utf8Check } from './utf8';

export type Selection = 'descend' | 'skip' | { mode: 'elements' | 'whole'; id: string };

export type ScanHooks = {
  /**
   * Called when a container opens outside anything selected. `path` holds the object keys that
   * lead to it ('[]' for an array element). 'skip' stops selecting anywhere inside it.
   */
  select(path: readonly string[], kind: 'object' | 'array'): Selection;
  /** A batch of parsed elements (mode 'elements') or the one whole value, with start offsets. */
  onValues(id: string, values: unknown[], at: { bytes: number[]; lines: number[] }): void;
  /** Non-blank bytes after the top-level value: return true to stop reading there. */
  onTrailing(byte: number, first: number): boolean;
  /**
   * With this hook, damage that hand editing leaves is repaired instead of failing: a trailing
   * comma before `}` or `]` is ignored, and a record cut off just before its list's `]` is left
   * out. Each repair is reported with the line it is on and the path of the list it is in.
   */
  onRepair?(kind: 'trailing-comma' | 'cut-record', line: number, path: readonly string[]): void;
  /**
   * With this hook, a file that stops early or is damaged fails with a plain sentence naming the
   * part of the export it is in ("the Watch History"), from the path there; null for none.
   */
  describe?(path: readonly string[]): string | null;
};

// `keys`: the keys met so far in an object the scanner descends into (docs/IMPORT.md, "Repeated
// keys"); inside a selected or skipped value JSON.parse's rule applies and nothing is tracked.
type Frame = { array: boolean; key: string; skip: boolean; keys: Set<string> | null };

// Scanner states: what the next non-blank byte may be.
const VALUE = 0;
const VALUE_OR_END = 1;
const KEY_OR_END = 2;
const KEY = 3;
const COLON = 4;
const COMMA_OBJ = 5;
const COMMA_ARR = 6;
const DONE = 7;
const STOPPED = 8;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

export class JsonScanner {
  private readonly utf8: Utf8Check;
  private frames: Frame[] = [];
  private st = VALUE;
  private line = 1;
  private base = 0;
  private consumed = 0;
  private carry: Buffer | null = null;
  private escaped = false;
  // The selected region being collected: its mode, id and the depth it lives at.
  private cap: 'elements' | 'whole' | null = null;
  private capId = '';
  private capDepth = 0;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private segFrom = -1;
  private lastEnd = -1;
  private elemOpen = false;
  private elemStart = 0;
  private starts: number[] = [];
  private startLines: number[] = [];
  private afterComma = false;
  private commaLine = 0;
  // Set when the file starts with a UTF-16 byte order mark: the text is then read through it.
  private utf16: TextDecoder | null = null;

  constructor(
    private readonly fileName: string,
    private readonly hooks: ScanHooks,
  ) {
    this.utf8 = new Utf8Check(fileName);
  }

  get stopped(): boolean {
    return this.st === STOPPED;
  }

  push(input: Buffer): void {
    if (this.st === STOPPED) return;
    this.pushUtf8(this.fromUtf16(input, false));
  }

  private pushUtf8(chunk: Buffer): void {
    this.utf8.push(chunk);
    let buf = chunk;
    let base = this.consumed - (this.carry?.length ?? 0);
    if (this.consumed === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      buf = chunk.subarray(3);
      base = 3;
    }
    this.consumed += chunk.length;
    if (this.carry) buf = Buffer.concat([this.carry, buf]);
    this.base = base;
    this.run(buf, false);
  }

  end(): void {
    if (this.st === STOPPED) return;
    if (this.utf16) this.pushUtf8(this.fromUtf16(Buffer.alloc(0), true));
    this.utf8.end();
    if (this.carry) {
      this.base = this.consumed - this.carry.length;
      this.run(this.carry, true);
    }
    if (this.st !== DONE && this.st !== STOPPED) {
      if (this.consumed === 0) this.fail('the file is empty', 0);
      this.fail('the JSON ends early: the file is truncated', this.consumed, 'cut');
    }
  }

  /**
   * A file saved as UTF-16 (Windows editors offer it) starts with its byte order mark: it is read
   * as text re-encoded to UTF-8, chunk by chunk, so the scanner below sees UTF-8 only. Byte
   * offsets in its errors then count the UTF-8 form (docs/IMPORT.md).
   */
  private fromUtf16(chunk: Buffer, last: boolean): Buffer {
    if (this.consumed === 0 && this.utf16 === null && chunk.length >= 2) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe)
        this.utf16 = new TextDecoder('utf-16le', { fatal: true });
      else if (chunk[0] === 0xfe && chunk[1] === 0xff)
        this.utf16 = new TextDecoder('utf-16be', { fatal: true });
    }
    if (!this.utf16) return chunk;
    try {
      return Buffer.from(this.utf16.decode(chunk, { stream: !last }), 'utf8');
    } catch {
      return this.fail('invalid UTF-16 (a lone surrogate or a cut character)', this.consumed);
    }
  }

  /**
   * Fails at `byte`. Damage (`kind` 'cut' for a file that stops early, 'damaged' for a syntax
   * error) is told in a plain sentence when the caller gave `describe`; limits keep their wording.
   */
  private fail(problem: string, byte: number, kind?: 'cut' | 'damaged'): never {
    if (kind !== undefined && this.hooks.describe) {
      const place = this.hooks.describe(this.path()) ?? 'the export';
      throw badInput(
        this.fileName,
        kind === 'cut'
          ? `the file stops in the middle of ${place}, around line ${this.line}: was it cut when you edited it?`
          : `the file is damaged in ${place}, around line ${this.line} (${problem}): was it changed when you edited it?`,
      );
    }
    throw badInput(this.fileName, problem, { line: this.line, byte });
  }

  private path(): string[] {
    return this.frames.map((f) => (f.array ? '[]' : f.key));
  }

  private run(buf: Buffer, final: boolean): void {
    const n = buf.length;
    let i = 0;
    let tok = -1;
    scan: while (i < n) {
      const c = buf[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        if (c === 0x0a) this.line++;
        i++;
        continue;
      }
      const afterComma = this.afterComma;
      this.afterComma = false;
      // A `]` where a record's key, value or `}` should be: the record was cut off.
      const closesList = c === 0x5d && this.st !== VALUE_OR_END && this.st !== COMMA_ARR;
      if (closesList && !(afterComma && this.st === VALUE) && this.cutRecord()) {
        i = this.close(buf, i);
        continue;
      }
      switch (this.st) {
        case VALUE:
        case VALUE_OR_END: {
          if (c === 0x5d && (this.st === VALUE_OR_END || this.trailingComma(afterComma))) {
            i = this.close(buf, i);
            continue;
          }
          if (c === 0x7b || c === 0x5b) {
            this.open(buf, i, c === 0x5b);
            i++;
            continue;
          }
          const end = this.scalar(buf, i, c, final);
          if (end < 0) {
            tok = i;
            break scan;
          }
          this.valueStart(i);
          this.valueDone(buf, end);
          i = end;
          continue;
        }
        case KEY_OR_END:
        case KEY: {
          if (c === 0x7d && (this.st === KEY_OR_END || this.trailingComma(true))) {
            i = this.close(buf, i);
            continue;
          }
          if (c !== 0x22)
            this.fail(
              `expected a key in double quotes, found ${show(c)}`,
              this.base + i,
              'damaged',
            );
          const end = this.string(buf, i, final);
          if (end < 0) {
            tok = i;
            break scan;
          }
          this.key(buf, i, end);
          this.st = COLON;
          i = end;
          continue;
        }
        case COLON:
          if (c !== 0x3a)
            this.fail(`expected ':' after a key, found ${show(c)}`, this.base + i, 'damaged');
          this.st = VALUE;
          i++;
          continue;
        case COMMA_OBJ:
        case COMMA_ARR: {
          const obj = this.st === COMMA_OBJ;
          if (c === 0x2c) {
            this.st = obj ? KEY : VALUE;
            this.afterComma = true;
            this.commaLine = this.line;
            i++;
          } else if (c === (obj ? 0x7d : 0x5d)) {
            i = this.close(buf, i);
          } else {
            this.fail(
              `expected ',' or '${obj ? '}' : ']'}', found ${show(c)}`,
              this.base + i,
              'damaged',
            );
          }
          continue;
        }
        case DONE:
          if (this.hooks.onTrailing(this.base + i, c)) {
            this.st = STOPPED;
            return;
          }
          this.fail(`unexpected ${show(c)} after the end of the JSON`, this.base + i, 'damaged');
      }
    }
    const cut = tok >= 0 ? tok : n;
    this.chunkEnd(buf, cut);
    this.carry = tok >= 0 ? Buffer.from(buf.subarray(tok)) : null;
    if (final && this.carry)
      this.fail('the JSON ends early: the file is truncated', this.consumed, 'cut');
  }

  /** A `}` or `]` right after a comma: ignored, with a report, when the caller repairs. */
  private trailingComma(afterComma: boolean): boolean {
    if (!afterComma || !this.hooks.onRepair) return false;
    this.hooks.onRepair('trailing-comma', this.commaLine, this.path());
    return true;
  }

  /**
   * A `]` that closes a selected list while one of its records is still open: the record was cut
   * off (its end deleted by hand). It is dropped and the list closes after the records before it.
   */
  private cutRecord(): boolean {
    if (!this.hooks.onRepair || this.cap !== 'elements' || !this.elemOpen) return false;
    if (this.frames.length <= this.capDepth) return false;
    const line = this.startLines.at(-1)!;
    this.frames.length = this.capDepth;
    this.starts.pop();
    this.startLines.pop();
    this.elemOpen = false;
    // Kept bytes belong to the cut record only while no record has ended in this buffer; after
    // one has, they are the start of that record, still to be parsed.
    if (this.lastEnd < 0) {
      this.parts = [];
      this.partBytes = 0;
      this.segFrom = -1;
    }
    this.hooks.onRepair('cut-record', line, this.path());
    return true;
  }

  private open(buf: Buffer, i: number, array: boolean): void {
    if (this.frames.length >= MAX_DEPTH)
      this.fail(`nested deeper than ${MAX_DEPTH} levels`, this.base + i);
    this.valueStart(i);
    const parent = this.frames.at(-1);
    let skip = this.cap !== null || (parent?.skip ?? false);
    if (!skip) {
      const path = this.frames.map((f) => (f.array ? '[]' : f.key));
      const sel = this.hooks.select(path, array ? 'array' : 'object');
      if (sel === 'skip') skip = true;
      else if (sel !== 'descend') {
        skip = true;
        this.cap = sel.mode;
        this.capId = sel.id;
        this.parts = [];
        this.partBytes = 0;
        this.starts = [];
        this.startLines = [];
        this.lastEnd = -1;
        if (sel.mode === 'whole') {
          this.capDepth = this.frames.length;
          this.segFrom = i;
          this.starts.push(this.base + i);
          this.startLines.push(this.line);
        } else {
          this.capDepth = this.frames.length + 1;
          this.segFrom = -1;
          this.elemOpen = false;
        }
      }
    }
    this.frames.push({ array, key: '', skip, keys: array || skip ? null : new Set() });
    this.st = array ? VALUE_OR_END : KEY_OR_END;
  }

  private close(buf: Buffer, i: number): number {
    this.frames.pop();
    if (this.cap === 'elements' && this.frames.length === this.capDepth - 1) {
      if (this.lastEnd >= 0) this.emit(buf.subarray(this.segFrom, this.lastEnd));
      this.cap = null;
    }
    this.valueDone(buf, i + 1);
    return i + 1;
  }

  private valueStart(i: number): void {
    if (this.cap !== 'elements' || this.frames.length !== this.capDepth) return;
    if (this.segFrom < 0) this.segFrom = i;
    this.elemOpen = true;
    this.elemStart = i;
    this.starts.push(this.base + i);
    this.startLines.push(this.line);
  }

  private valueDone(buf: Buffer, end: number): void {
    const depth = this.frames.length;
    if (this.cap === 'elements' && depth === this.capDepth) {
      this.elemOpen = false;
      this.lastEnd = end;
      this.partBytes = 0;
    } else if (this.cap === 'whole' && depth === this.capDepth) {
      this.emit(buf.subarray(this.segFrom, end));
      this.cap = null;
    }
    this.st = depth === 0 ? DONE : this.frames[depth - 1]!.array ? COMMA_ARR : COMMA_OBJ;
  }

  /** At the end of a buffer: parse the elements completed in it, keep the bytes of an open one. */
  private chunkEnd(buf: Buffer, cut: number): void {
    if (this.cap === 'whole') {
      this.keep(buf.subarray(this.segFrom, cut), MAX_WHOLE_VALUE_BYTES);
      this.segFrom = 0;
    } else if (this.cap === 'elements') {
      if (this.lastEnd >= 0) this.emit(buf.subarray(this.segFrom, this.lastEnd));
      if (this.elemOpen) this.keep(buf.subarray(this.elemStart, cut), MAX_RECORD_BYTES);
      this.segFrom = this.elemOpen ? 0 : -1;
      this.elemStart = 0;
      this.lastEnd = -1;
    }
  }

  private keep(part: Buffer, limit: number): void {
    this.parts.push(part);
    this.partBytes += part.length;
    if (this.partBytes > limit) {
      this.fail(`a record larger than ${limit / 1024 / 1024} MB`, this.starts.at(-1) ?? this.base);
    }
  }

  private emit(last: Buffer): void {
    const bytes = this.parts.length === 0 ? last : Buffer.concat([...this.parts, last]);
    const at = { bytes: this.starts, lines: this.startLines };
    const text = this.cap === 'whole' ? bytes.toString('utf8') : `[${bytes.toString('utf8')}]`;
    let values: unknown[];
    try {
      values = this.cap === 'whole' ? [JSON.parse(text)] : (JSON.parse(text) as unknown[]);
    } catch (error) {
      // The scanner accepted these bytes, so only a repaired trailing comma can be in the way.
      if (!this.hooks.onRepair)
        this.fail(`invalid JSON (${(error as Error).message})`, at.bytes[0] ?? this.base);
      let parsed: unknown;
      try {
        parsed = JSON.parse(withoutTrailingCommas(text));
      } catch {
        this.fail(
          `invalid JSON (${(error as Error).message})`,
          at.bytes[0] ?? this.base,
          'damaged',
        );
      }
      values = this.cap === 'whole' ? [parsed] : (parsed as unknown[]);
    }
    // An element left open at the end of this batch started after the ones parsed here.
    const open = this.elemOpen && this.cap === 'elements' ? 1 : 0;
    const done = {
      bytes: at.bytes.slice(0, at.bytes.length - open),
      lines: at.lines.slice(0, at.lines.length - open),
    };
    this.starts = at.bytes.slice(at.bytes.length - open);
    this.startLines = at.lines.slice(at.lines.length - open);
    this.parts = [];
    this.partBytes = 0;
    this.hooks.onValues(this.capId, values, done);
  }

  private key(buf: Buffer, start: number, end: number): void {
    const len = end - start - 2;
    let name: string | null = null;
    if (this.escaped) name = JSON.parse(buf.toString('utf8', start, end)) as string;
    else if (len === 9 || len === 11) name = buf.toString('latin1', start + 1, end - 1);
    if (name !== null && FORBIDDEN_KEYS.has(name)) {
      this.fail(`a "${name}" key, which no export contains (refused as unsafe)`, this.base + start);
    }
    const top = this.frames.at(-1)!;
    if (top.skip) return;
    top.key = name ?? buf.toString('utf8', start + 1, end - 1);
    // JSON.parse would keep only the last copy, but the first one's records are already read:
    // a repeated section is refused rather than half-merged (docs/IMPORT.md, "Repeated keys").
    if (top.keys!.has(top.key))
      this.fail(
        `the key ${quote(top.key)} appears twice in the same object, so it is not clear which copy to read: keep one and import again`,
        this.base + start,
      );
    top.keys!.add(top.key);
  }

  private scalar(buf: Buffer, i: number, c: number, final: boolean): number {
    if (c === 0x22) return this.string(buf, i, final);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number(buf, i, final);
    const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : null;
    if (word === null) this.fail(`unexpected ${show(c)}`, this.base + i, 'damaged');
    for (let k = 1; k < word.length; k++) {
      if (i + k >= buf.length)
        return final ? this.fail('the JSON ends early', this.base + i, 'cut') : -1;
      if (buf[i + k] !== word.charCodeAt(k))
        this.fail(`unexpected ${show(c)}`, this.base + i, 'damaged');
    }
    return i + word.length;
  }

  /** The index after the closing quote, or -1 when the string continues in the next chunk. */
  private string(buf: Buffer, i: number, final: boolean): number {
    const n = buf.length;
    let j = i + 1;
    let escaped = false;
    for (;;) {
      if (j >= n) break;
      const c = buf[j]!;
      if (c === 0x22) {
        if (j - i - 1 > MAX_FIELD_BYTES) this.tooLong(i);
        this.escaped = escaped;
        return j + 1;
      }
      if (c === 0x5c) {
        escaped = true;
        if (j + 1 >= n) break;
        const e = buf[j + 1]!;
        if (e === 0x75) {
          if (j + 5 >= n) break;
          for (let k = 2; k < 6; k++)
            if (!isHex(buf[j + k]!)) this.fail('a bad \\u escape', this.base + j);
          j += 6;
        } else if (ESCAPES.has(e)) j += 2;
        else this.fail(`a bad escape \\${String.fromCharCode(e)}`, this.base + j);
        continue;
      }
      if (c < 0x20) this.fail('a control character inside a string', this.base + j);
      j++;
    }
    if (n - i > MAX_FIELD_BYTES) this.tooLong(i);
    if (final) this.fail('the JSON ends early, inside a string', this.base + i, 'cut');
    return -1;
  }

  private tooLong(i: number): never {
    this.fail(`a text value longer than ${MAX_FIELD_BYTES / 1024 / 1024} MB`, this.base + i);
  }

  private number(buf: Buffer, i: number, final: boolean): number {
    const n = buf.length;
    let j = i;
    const more = (): number => (final ? this.fail('an incomplete number', this.base + i) : -1);
    if (buf[j] === 0x2d) j++;
    if (j >= n) return more();
    if (buf[j] === 0x30) j++;
    else if (isDigit(buf[j]!)) while (j < n && isDigit(buf[j]!)) j++;
    else this.fail('an invalid number', this.base + i);
    if (j < n && buf[j] === 0x2e) {
      const d = ++j;
      while (j < n && isDigit(buf[j]!)) j++;
      if (j === d) return j >= n ? more() : this.fail('an invalid number', this.base + i);
    }
    if (j < n && (buf[j] === 0x65 || buf[j] === 0x45)) {
      j++;
      if (j < n && (buf[j] === 0x2b || buf[j] === 0x2d)) j++;
      const d = j;
      while (j < n && isDigit(buf[j]!)) j++;
      if (j === d) return j >= n ? more() : this.fail('an invalid number', this.base + i);
    }
    if (j >= n && !final) return -1;
    if (j - i > 400) this.fail('a number with more than 400 characters', this.base + i);
    return j;
  }
}

/** The text without commas that stand right before a `}` or `]` (outside strings). */
function withoutTrailingCommas(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') {
        out += text.slice(from, i);
        from = i + 1;
      }
    }
  }
  return out + text.slice(from);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

function show(c: number): string {
  return c >= 0x21 && c < 0x7f
    ? `'${String.fromCharCode(c)}'`
    : `byte 0x${c.toString(16).padStart(2, '0')}`;
}
