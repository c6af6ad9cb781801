// Hands dropped or picked files to the main side in chunks (contract/uploads.ts), the same way
// in Electron and in the browser shell.
import type { Args } from '@main/contract';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from '@main/contract/upload-limits';
import { call } from './client';

export type UploadProgress = { done: number; total: number };

/**
 * Uploads the files and returns the path to import: the file itself when there is one, else the
 * folder they were put in together (a TXT export is one file per section). Null when cancelled.
 */
export async function uploadFiles(
  files: readonly File[],
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<string | null> {
  // Said before a byte is copied: the main side would refuse it anyway (upload-limits.ts).
  const tooBig = files.find((f) => f.size > MAX_UPLOAD_BYTES);
  if (tooBig)
    throw new Error(
      `${tooBig.name} is ${(tooBig.size / 1024 ** 3).toFixed(1)} GB; one import reads at most ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`,
    );
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  let first: { uploadId: string; path: string; folder: string } | null = null;
  for (const file of files) {
    const begin: Args<'uploads/begin'> = { name: file.name, size: file.size };
    if (first) begin.beside = first.uploadId;
    const { uploadId } = await call('uploads/begin', begin);
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      if (signal.aborted) return null;
      const chunk = file.slice(offset, offset + UPLOAD_CHUNK_BYTES);
      const bytes = new Uint8Array(await chunk.arrayBuffer());
      await call('uploads/chunk', { uploadId, offset, base64: toBase64(bytes) });
      done += bytes.length;
      onProgress({ done, total });
    }
    const finished = await call('uploads/finish', { uploadId });
    first ??= { uploadId, ...finished };
  }
  if (first === null) return null;
  return files.length === 1 ? first.path : first.folder;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
