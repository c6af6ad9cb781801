// Issue #11, item 3: an app killed mid-upload leaves its upload in its temporary folder; the next
// browser shell to start clears it, and leaves the folders of apps still running alone.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { startWebServer } from '../../src-main/shells/web/server';
import { startShell } from '../helpers/shell';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';

/** The temporary folders in the system's temp folder of the app with this pid. */
const foldersOf = (pid: number) =>
  readdirSync(tmpdir())
    .filter((name) => name.startsWith(`feedlens-${pid}-`))
    .map((name) => join(tmpdir(), name));

describe('stale temporary uploads', () => {
  it('are cleared when the browser shell starts, once the app that made them is gone', async () => {
    const shell = await startShell('node', [
      'bin/feedlens.js',
      'serve',
      '--no-open',
      '--db',
      tempDbPath(),
    ]);
    const call = async (name: string, args: unknown) => {
      const res = await fetch(`${shell.origin}/api/call/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${shell.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      return (await res.json()) as { ok: boolean; value: { uploadId: string } };
    };
    const begun = await call('uploads/begin', { name: 'export.json', size: 10 });
    expect(begun.ok).toBe(true);
    const { uploadId } = begun.value;
    expect(
      await call('uploads/chunk', { uploadId, offset: 0, base64: 'eyJoYWxmIjo=' }),
    ).toMatchObject({ ok: true });
    const pid = shell.child.pid!;
    const [folder] = foldersOf(pid);
    expect(readdirSync(join(folder!, uploadId))).toEqual(['export.json']);

    // Killed mid-upload: nothing runs its cleanup, so the half upload stays behind.
    const exited = new Promise((resolve) => shell.child.once('exit', resolve));
    process.kill(pid, 'SIGKILL');
    await exited;
    expect(existsSync(join(folder!, uploadId, 'export.json'))).toBe(true);

    // The next browser shell clears it; this test's own app, still running, keeps its folder.
    const app = startApp({
      shell: 'web',
      db: tempDbPath(),
      now: () => FIXED_NOW,
      withoutDemo: true,
    });
    writeFileSync(join(app.ctx.tempDir, 'in-use'), '');
    const renderer = tempDir();
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    const server = await startWebServer({ app, rendererDir: renderer });
    try {
      expect(foldersOf(pid)).toEqual([]);
      expect(readdirSync(app.ctx.tempDir)).toEqual(['in-use']);
    } finally {
      await server.close();
      app.close();
    }
  }, 60_000);
});
