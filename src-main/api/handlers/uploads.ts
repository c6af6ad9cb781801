// Uploads: files the renderer streams to the main side in chunks (see contract/uploads.ts).
import type { uploadsCalls } from '../../contract/uploads';
import { appendChunk, beginUpload, finishUpload } from '../../operations/uploads';
import type { Handlers } from '../handler';

export const uploadsHandlers: Pick<Handlers, keyof typeof uploadsCalls> = {
  'uploads/begin': (args, ctx) => beginUpload(ctx, args),
  'uploads/chunk': (args) => appendChunk(args),
  'uploads/finish': ({ uploadId }) => finishUpload(uploadId),
};
