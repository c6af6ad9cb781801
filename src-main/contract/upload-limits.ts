// Upload sizes, in a file of their own so the renderer can import them without zod.

/** 512 KiB of bytes per chunk (about 700 KB as base64): well under a call's 1 MiB body limit. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/**
 * The largest file the UI can hand over: what one import reads at most (import/limits.ts
 * MAX_TOTAL_BYTES), so a larger file is refused before it is copied (the importers' own limits
 * are lower for most formats).
 */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
