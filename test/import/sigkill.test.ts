// Issue #4 acceptance: killing the process (SIGKILL) during a large import leaves a database that
// opens, passes the integrity check and holds no part of that import.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { ROOT } from '../helpers/shell';
import { tempDbPath, tempDir } from '../helpers/temp';
import { writeG3Export } from './generate-export';
import { dbDigest, importPath, testApp, TIKTOK } from './helpers';

describe('a killed import', () => {
  it('leaves the database whole and without any part of the import', async () => {
    const dbPath = tempDbPath();
    const big = join(tempDir(), 'user_data_tiktok.json');
    await writeG3Export(big, 300_000);
    const app = testApp(dbPath);
    await importPath(app, join(TIKTOK, 'g3/user_data_tiktok.json'));
    const before = dbDigest(app.db);
    app.close();

    const child = spawn('node', ['bin/feedlens.js', 'import', big, '--db', dbPath, '--progress'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const killedWhile = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        // Rows are being written inside the one transaction: kill it there.
        const writing = /progress: Writing .*?(\d+) rows/.exec(stderr);
        if (writing && Number(writing[1]) > 0 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(writing[0]);
        }
      });
      child.once('exit', (code, signal) => {
        if (signal !== 'SIGKILL')
          reject(new Error(`exited with ${code} before it was killed:\n${stderr}`));
      });
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null
        ? resolve(null)
        : child.once('exit', resolve),
    );
    expect(child.signalCode).toBe('SIGKILL');
    expect(killedWhile).toMatch(/Writing/);

    const db = openDatabase(dbPath);
    try {
      expect(dbDigest(db)).toEqual(before);
      expect(db.prepare('SELECT COUNT(*) AS n FROM datasets').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  }, 120_000);
});
