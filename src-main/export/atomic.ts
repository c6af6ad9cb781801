// Writes a file so that it is either the whole new content or still the old file: a temporary
// file in the same folder (so the rename stays on one file system), fsync, then rename over the
// target. A failed or killed write never leaves a cut-off file under the target's name.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../domain/errors';
import { clearStaleOutputs, outputTempName } from '../stale-temp';

/** Appends text to an open file; given to the writer of an atomic file. */
export type Sink = (text: string) => void;

/**
 * The temporary name beside `target` (dot-prefixed so a folder listing hides it, with this
 * process's pid); first clears the ones a killed run left in that folder (src-main/stale-temp.ts).
 */
export function tempPathFor(target: string): string {
  clearStaleOutputs(dirname(target));
  return join(dirname(target), outputTempName(basename(target)));
}

/** Writes each piece to the open file as it comes (synchronously: the caller may be the engine). */
export function fdSink(fd: number): Sink {
  return (text) => {
    const bytes = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off);
  };
}

export async function writeAtomically<T>(
  target: string,
  write: (sink: Sink) => T | Promise<T>,
): Promise<T> {
  const temp = tempPathFor(target);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o644);
  } catch (error) {
    throw cannotWrite(target, error);
  }
  try {
    const result = await write(fdSink(fd));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
    return result;
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed after fsync: only the rename failed.
    }
    rmSync(temp, { force: true });
    if (error instanceof UserError) throw error;
    throw cannotWrite(target, error);
  }
}

function cannotWrite(target: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EISDIR'
            ? 'it is a folder'
            : ((error as Error).message ?? String(error));
  return new UserError(
    'bad-input',
    `Could not write ${target}: ${why}. Nothing was changed there.`,
  );
}
