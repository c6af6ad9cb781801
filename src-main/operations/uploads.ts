// Uploads: files the renderer streams to the main side in chunks (see contract/uploads.ts).
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../domain/errors';
import type { ParsedArgs } from '../contract';
import type { Context } from './context';

type Upload = { path: string; size: number; received: number };
const uploads = new Map<string, Upload>();

function find(id: string): Upload {
  const upload = uploads.get(id);
  if (!upload) throw new UserError('not-found', `No upload "${id}" in progress.`);
  return upload;
}

/** Makes the empty file an upload's chunks are appended to, in this run's private folder. */
export function beginUpload(
  ctx: Context,
  { name, size, beside }: ParsedArgs<'uploads/begin'>,
): { uploadId: string } {
  const uploadId = `u${randomBytes(8).toString('hex')}`;
  // Each upload's folder is named after the upload that started it.
  const dir = join(ctx.tempDir, beside ?? uploadId);
  if (beside !== undefined && !existsSync(dir)) {
    throw new UserError('not-found', `No upload "${beside}" to put "${name}" beside.`);
  }
  mkdirSync(dir, { recursive: true });
  // Keep the file's own name (importers name it in messages) but never its folders.
  const safeName = basename(name).replace(/[^\w.\- ()]/g, '_') || 'upload';
  const path = join(dir, safeName);
  if (existsSync(path)) {
    throw new UserError('conflict', `Two files named "${safeName}" were picked together.`);
  }
  writeFileSync(path, '');
  uploads.set(uploadId, { path, size, received: 0 });
  return { uploadId };
}

/** Appends the chunk that starts at `offset`; refuses one out of order or past the size. */
export function appendChunk({ uploadId, offset, base64 }: ParsedArgs<'uploads/chunk'>): {
  received: number;
} {
  const upload = find(uploadId);
  if (offset !== upload.received) {
    throw new UserError(
      'conflict',
      `Chunk at byte ${offset} arrived, byte ${upload.received} expected.`,
    );
  }
  const bytes = Buffer.from(base64, 'base64');
  if (upload.received + bytes.length > upload.size) {
    throw new UserError('bad-args', 'The upload is larger than announced.');
  }
  appendFileSync(upload.path, bytes);
  upload.received += bytes.length;
  return { received: upload.received };
}

/** The uploaded file's path, once every byte arrived. */
export function finishUpload(uploadId: string): { path: string; folder: string } {
  const upload = find(uploadId);
  if (upload.received !== upload.size) {
    throw new UserError(
      'conflict',
      `The upload stopped at byte ${upload.received} of ${upload.size}.`,
    );
  }
  uploads.delete(uploadId);
  return { path: upload.path, folder: dirname(upload.path) };
}
