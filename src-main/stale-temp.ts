// Every app keeps its uploads (and trace exports being sent) in its own temporary folder,
// `feedlens-<pid>-XXXXXX` (src-main/app.ts), and removes it on close. A crashed or killed app
// cannot, so every app (any shell: Electron, the browser shell, a CLI run) clears the folders of
// processes that are gone when it starts. Every temporary file or folder beside an output
// (`.NAME.<pid>-<random>.tmp`, renamed over NAME when complete) carries its writer's pid the same
// way, and the next write into that folder clears the ones whose writer is gone.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APP_TEMP = /^feedlens-(\d+)-/;
const OUTPUT_TEMP = /^\..+\.(\d+)-[0-9a-f]+\.tmp$/;

/** The prefix for `mkdtemp` in the system temp folder: `feedlens-<pid>-<purpose>-`. */
export function appTempPrefix(purpose: string): string {
  return join(tmpdir(), `feedlens-${process.pid}-${purpose}-`);
}

/** A temporary name for NAME in its folder: dot-prefixed (hidden), with this process's pid. */
export function outputTempName(name: string): string {
  return `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** Removes the `outputTempName`s in `dir` whose writing process no longer runs. */
export function clearStaleOutputs(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // No folder yet: nothing stale in it.
  }
  for (const name of names) {
    const pid = OUTPUT_TEMP.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid)))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Removes the temporary folders of Feedlens processes that no longer run. */
export function clearStaleTempFolders(parent = tmpdir()): void {
  for (const name of readdirSync(parent)) {
    const pid = APP_TEMP.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid)))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, whose folder is not ours to clear.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
