// POST /api/export/traces: a replay's decision traces as JSONL, of any size. The engine builds
// slates synchronously, so they are written to a private temporary file as they come (one slate
// in memory at a time), then the file is streamed to the client with backpressure and removed.
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, openSync, rmSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { App } from '../../app';
import { contract } from '../../contract';
import { UserError, type ErrorCode } from '../../domain/errors';
import { asUserError } from '../../db/connection';
import { fdSink } from '../../export/atomic';
import { streamTraces, type TraceExport } from '../../export/traces';

const STATUS: Record<ErrorCode, number> = {
  'bad-args': 400,
  'unknown-call': 404,
  'not-found': 404,
  'bad-input': 400,
  conflict: 409,
  cancelled: 409,
  internal: 500,
};

export async function sendTraces(app: App, rawArgs: unknown, res: ServerResponse): Promise<void> {
  const parsed = contract['replay/run'].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at "${first.path.join('.')}"` : '';
    return fail(res, 'bad-args', `Bad arguments for the trace export${where}: ${first?.message}.`);
  }
  const file = join(app.ctx.tempDir, `traces-${randomBytes(6).toString('hex')}.jsonl`);
  try {
    let summary: TraceExport;
    const fd = openSync(file, 'wx', 0o600);
    try {
      summary = streamTraces(app.ctx, parsed.data, fdSink(fd));
    } finally {
      closeSync(fd);
    }
    const safeId = parsed.data.datasetId.replace(/[^\w.-]/g, '_');
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-length': statSync(file).size,
      'content-disposition': `attachment; filename="${safeId}-traces.jsonl"`,
      'x-feedlens-traces': String(summary.traces),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(file), res);
  } catch (error) {
    if (res.headersSent) throw error;
    const known = error instanceof UserError ? error : asUserError(error, app.ctx.dbPath);
    if (known) return fail(res, known.code, known.message);
    throw error;
  } finally {
    rmSync(file, { force: true });
  }
}

function fail(res: ServerResponse, code: ErrorCode, message: string): void {
  const text = JSON.stringify({ ok: false, error: { code, message } });
  res.writeHead(STATUS[code], {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(text);
}
