// Hands a dropped or picked file to the main side in chunks (contract/uploads.ts), the same way
// in Electron and in the browser shell.
import { UPLOAD_CHUNK_BYTES } from '@main/api/contract/upload-limits';
import { call } from './client';

export type UploadProgress = { done: number; total: number };

/** Returns the path the main side stored the file at; stops early when `signal` aborts. */
export async function uploadFile(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<string | null> {
  const { uploadId } = await call('uploads/begin', { name: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    if (signal.aborted) return null;
    const chunk = new Uint8Array(
      await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer(),
    );
    await call('uploads/chunk', { uploadId, offset, base64: toBase64(chunk) });
    onProgress({ done: Math.min(offset + UPLOAD_CHUNK_BYTES, file.size), total: file.size });
  }
  const { path } = await call('uploads/finish', { uploadId });
  return path;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
