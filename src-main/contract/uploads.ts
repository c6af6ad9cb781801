import { z } from 'zod';
import { defineCall } from './define';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from './upload-limits';

const uploadId = z.string().regex(/^u[0-9a-f]{16}$/);

/**
 * How the renderer hands a dropped or picked file to the main side, the same way in every shell:
 * begin, send chunks in order, finish → a path on this machine that `import/start` accepts.
 * Several files picked together (a TXT export is one file per section) go into one folder, which
 * is imported as a whole: begin the later ones `beside` the first. Uploads live in a private
 * temporary folder that is removed when the app closes.
 */
export const uploadsCalls = {
  'uploads/begin': defineCall<{ uploadId: string }>()(
    z
      .object({
        name: z.string().min(1).max(255),
        size: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
        /** Put this file in the same folder as that earlier upload. */
        beside: uploadId.optional(),
      })
      .strict(),
  ),
  'uploads/chunk': defineCall<{ received: number }>()(
    z
      .object({
        uploadId,
        offset: z.number().int().min(0),
        base64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
      })
      .strict(),
  ),
  'uploads/finish': defineCall<{ path: string; folder: string }>()(z.object({ uploadId }).strict()),
};
