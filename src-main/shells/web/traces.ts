// POST /api/export/traces: a replay's decision traces as JSONL, of any size. The engine builds
// slates synchronously, so they are written to a private temporary file as they come (one slate
// in memory at a time, on the app's worker thread), then the file is streamed to the client with
// backpressure and removed.
import { randomBytes } from 'node:crypto';
import { createReadStream, rmSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { App } from '../../app';
import { contract } from '../../contract';
import type { ErrorCode } from '../../domain/errors';

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
    // Written on the app's worker thread (app.ts); the main thread only sends the file.
    const written = await app.exportTraces(parsed.data, file);
    if (!written.ok) return fail(res, written.error.code, written.error.message);
    const safeId = parsed.data.datasetId.replace(/[^\w.-]/g, '_');
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-length': statSync(file).size,
      'content-disposition': `attachment; filename="${safeId}-traces.jsonl"`,
      'x-feedlens-traces': String(written.value.traces),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(file), res);
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
