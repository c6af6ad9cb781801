// Every app keeps its uploads (and trace exports being sent) in its own temporary folder,
// `feedlens-<pid>-XXXXXX` (src-main/app.ts), and removes it on close. A crashed or killed app
// cannot, so every app (any shell: Electron, the browser shell, a CLI run) clears the folders of
// processes that are gone when it starts.
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APP_TEMP = /^feedlens-(\d+)-/;

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
