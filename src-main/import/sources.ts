// Turns the path a user gave (a file, a zip, an extracted folder) into byte sources, and the
// SHA-256 that identifies the import. Nothing here is read whole: files are streamed and hashed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { badInput, cancelled } from './errors';
import { MAX_MEMBERS, MAX_TOTAL_BYTES } from './limits';
import type { ByteSource } from './types';

export type Progress = (done: number, total: number) => void;

/**
 * How many times each byte source (file or zip member, by display name) was opened in this
 * process. Private files must never be: the test that says so reads this (docs/IMPORT.md).
 */
export const openCounts = new Map<string, number>();

export function countOpen(name: string): void {
  openCounts.set(name, (openCounts.get(name) ?? 0) + 1);
}

/** A file on disk as a byte source; read errors arrive as one clear user error. */
export function fileSource(path: string, name: string, size: number): ByteSource {
  return {
    name,
    size,
    open() {
      countOpen(name);
      const out = new PassThrough({ highWaterMark: 1024 * 1024 });
      const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
      stream.on('error', (e) =>
        out.destroy(
          badInput(name, `cannot be read (${(e as NodeJS.ErrnoException).code ?? e.message})`),
        ),
      );
      out.on('close', () => stream.destroy());
      return stream.pipe(out);
    },
  };
}

/** The user's path: a single file, or every regular file under a folder (sorted, no dotfiles). */
export async function listPath(path: string): Promise<{ folder: boolean; files: ByteSource[] }> {
  const display = basename(path) || path;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw badInput(display, describeFsError(error));
  }
  if (info.isFile()) {
    // Checked on the size the file system reports, before a byte is hashed or read.
    if (info.size > MAX_TOTAL_BYTES) throw badInput(display, tooLarge('the file'));
    return { folder: false, files: [fileSource(path, display, info.size)] };
  }
  if (!info.isDirectory()) throw badInput(display, 'is neither a file nor a folder');
  const files: ByteSource[] = [];
  let total = 0;
  // A folder or file inside that cannot be listed is named in one line, not left to a stack trace.
  const unreadable = (at: string, error: unknown) =>
    badInput(
      at === path ? display : `${display}/${relative(path, at)}`,
      `cannot be read (${describeFsError(error)}); fix its permissions or leave it out of the import`,
    );
  const walk = async (dir: string): Promise<void> => {
    let entries: string[];
    try {
      entries = (await readdir(dir)).sort();
    } catch (error) {
      throw unreadable(dir, error);
    }
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === '__MACOSX') continue;
      const full = join(dir, entry);
      // Symbolic links are not followed: no loops, no escapes.
      let st;
      try {
        st = await lstat(full);
      } catch (error) {
        throw unreadable(full, error);
      }
      if (st.isDirectory()) await walk(full);
      else if (st.isFile()) {
        files.push(fileSource(full, `${display}/${relative(path, full)}`, st.size));
        total += st.size;
        if (files.length > MAX_MEMBERS)
          throw badInput(display, `more than ${MAX_MEMBERS} files in the folder`);
        if (total > MAX_TOTAL_BYTES) throw badInput(display, tooLarge('the folder'));
      }
    }
  };
  await walk(path);
  return { folder: true, files };
}

/** SHA-256 of the sources' bytes, with their names when there are several (a folder). */
export async function hashSources(
  files: readonly ByteSource[],
  folder: boolean,
  signal: AbortSignal,
  progress: Progress,
): Promise<string> {
  const total = files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  const outer = createHash('sha256');
  let done = 0;
  for (const file of files) {
    const hash = createHash('sha256');
    for await (const chunk of file.open()) {
      if (signal.aborted) throw cancelled(file.name);
      hash.update(chunk as Buffer);
      done += (chunk as Buffer).length;
      progress(done, total);
    }
    if (!folder) return hash.digest('hex');
    outer.update(`${file.name.split('/').slice(1).join('/')}\0${hash.digest('hex')}\n`);
  }
  return outer.digest('hex');
}

/** The first bytes of a source, for format detection. */
export async function readHead(source: ByteSource, max = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      n += (chunk as Buffer).length;
      if (n >= max) break;
    }
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
  return Buffer.concat(parts).subarray(0, max);
}

/** Whether a file starts like a zip archive (local header or an empty archive's end record). */
export async function isZipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
    return (
      bytesRead === 4 &&
      buffer[0] === 0x50 &&
      buffer[1] === 0x4b &&
      (buffer[2] === 3 || buffer[2] === 5)
    );
  } finally {
    await fh.close();
  }
}

function tooLarge(what: string): string {
  return `${what} holds more than ${MAX_TOTAL_BYTES / 1024 ** 3} GB, the most one import reads`;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be opened (${code ?? (error as Error).message})`;
}
