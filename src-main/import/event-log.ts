// Reads the generic event log (docs/EVENT-LOG.md): CSV or JSONL, one event per
// row, for auditors' sock-puppet runs. Unlike a capture, an auditor's file is exact by intent, so
// the first bad row stops the import with its line number instead of being skipped.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../domain/errors';
import { csvRecords } from './csv';
import { cancelled } from './errors';
import { EventBudget } from './event-budget';
import { EventLogBuilder } from './event-log-batch';
import { COLUMNS, type Row, ruleBroken, rowSchema } from './event-log-schema';
import { MAX_FUTURE_MS } from './limits';
import { type Line, LineError, readLines } from './lines';
import type { ByteSource, ImportBatch, ReadContext, Reader } from './types';

const PROGRESS_EVERY = 2000;
const KNOWN = new Set<string>(COLUMNS);

type RawRow = { values: Record<string, unknown>; line: number; bytesRead: number };

export const readEventLogSource: Reader = async (source, ctx) => {
  const lines = readLines(source, ctx.fileName);
  const first = await firstNonBlank(lines);
  const isJsonl = first?.text.trimStart().startsWith('{') ?? false;
  const log = new EventLogBuilder();
  const budget = ctx.events ?? new EventBudget();
  try {
    if (first !== null) {
      for await (const raw of isJsonl ? jsonlRows(first, lines) : csvRows(first, lines)) {
        if (ctx.signal.aborted) throw cancelled(ctx.fileName);
        if (log.count > 0 && log.count % PROGRESS_EVERY === 0) {
          ctx.onProgress({ bytes: raw.bytesRead, totalBytes: source.size, records: log.count });
        }
        budget.take(ctx.fileName, { line: raw.line });
        log.add(parseRow(raw, ctx.nowMs), raw.line);
      }
    }
  } catch (error) {
    if (error instanceof LineError) throw bad(ctx.fileName, error.line, error.message);
    throw error;
  } finally {
    // Closes the file even when a header error left the line generator suspended.
    await lines.return(undefined);
  }
  if (log.count === 0)
    throw new UserError('bad-input', `${ctx.fileName}: the event log has no events.`);
  return log.batch(isJsonl ? 'event-log-jsonl' : 'event-log-csv');
};

/** Reads an event log file from disk, for the CLI (`feedlens evaluate`) and scripts. */
export async function readEventLog(path: string): Promise<ImportBatch> {
  const size = await stat(path).then(
    (s) => s.size,
    () => {
      throw new UserError('not-found', `${path}: no such file.`);
    },
  );
  const source: ByteSource = { name: basename(path), size, open: () => createReadStream(path) };
  const ctx: ReadContext = {
    fileName: path,
    onProgress: () => {},
    signal: new AbortController().signal,
  };
  return readEventLogSource(source, ctx);
}

// `nowMs` is optional in ReadContext: without it, only the 2000..2100 range applies.
function parseRow(raw: RawRow, nowMs: number | undefined): Row {
  const parsed = rowSchema.safeParse(raw.values, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const got = 'input' in issue && issue.input !== undefined ? ` (got ${show(issue.input)})` : '';
    throw new LineError(raw.line, `${issue.message}${got}`);
  }
  if (nowMs !== undefined && parsed.data.time > nowMs + MAX_FUTURE_MS) {
    throw new LineError(
      raw.line,
      `time ${new Date(parsed.data.time).toISOString()} is in the future`,
    );
  }
  const broken = ruleBroken(parsed.data);
  if (broken) throw new LineError(raw.line, broken);
  return parsed.data;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function bad(fileName: string, line: number, problem: string): UserError {
  return new UserError('bad-input', `${fileName}: line ${line}: ${problem}.`);
}

// Pulled by hand: leaving a `for await` early would close the generator the rows still need.
async function firstNonBlank(lines: AsyncGenerator<Line>): Promise<Line | null> {
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    if (next.value.text.trim() !== '') return next.value;
  }
  return null;
}

async function* rest(first: Line, lines: AsyncGenerator<Line>): AsyncGenerator<Line> {
  yield first;
  yield* lines;
}

async function* jsonlRows(first: Line, lines: AsyncGenerator<Line>): AsyncGenerator<RawRow> {
  for await (const line of rest(first, lines)) {
    const text = line.text.trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new LineError(line.number, 'not valid JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new LineError(line.number, 'a row must be a JSON object');
    }
    const values: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (!KNOWN.has(key)) throw new LineError(line.number, `unknown field ${JSON.stringify(key)}`);
      // null means "not given", as an empty CSV cell does.
      if (v !== null) values[key] = v;
    }
    yield { values, line: line.number, bytesRead: line.bytesRead };
  }
}

async function* csvRows(first: Line, lines: AsyncGenerator<Line>): AsyncGenerator<RawRow> {
  const records = csvRecords(rest(first, lines));
  const header = await records.next();
  if (header.done) return;
  const columns = header.value.fields;
  columns.forEach((name, i) => {
    if (!KNOWN.has(name))
      throw new LineError(header.value.line, `unknown column ${JSON.stringify(name)}`);
    if (columns.indexOf(name) !== i)
      throw new LineError(header.value.line, `column ${name} appears twice`);
  });
  for (const required of ['time', 'kind']) {
    if (!columns.includes(required))
      throw new LineError(header.value.line, `no ${required} column`);
  }
  for await (const record of records) {
    if (record.fields.length !== columns.length) {
      const n = record.fields.length;
      throw new LineError(record.line, `${n} fields, but the header has ${columns.length}`);
    }
    const values: Record<string, unknown> = {};
    // Column names were checked against the known list above, so no key here is "__proto__".
    record.fields.forEach((cell, i) => {
      if (cell !== '') values[columns[i]!] = cell;
    });
    yield { values, line: record.line, bytesRead: record.bytesRead };
  }
}
