// Concurrent first starts on one new database (issue #20): each CLI process migrates the file and
// loads the demo; before the check moved under the write lock, one run in three of five trials
// failed with "UNIQUE constraint failed: datasets.id" or "table already exists".
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { ROOT } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

type Done = { code: number | null; stdout: string; stderr: string };

function datasetsCommand(db: string): Promise<Done> {
  const child = spawn('node', ['bin/feedlens.js', 'datasets', '--json', '--db', db], {
    cwd: ROOT,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('four first starts at once on a new database', () => {
  it('all exit 0 and the database holds the demo once', { timeout: 120_000 }, async () => {
    for (let trial = 0; trial < 3; trial++) {
      const db = tempDbPath();
      const runs = await Promise.all([1, 2, 3, 4].map(() => datasetsCommand(db)));
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const listed = JSON.parse(run.stdout) as { id: string }[];
        expect(listed.map((d) => d.id)).toEqual(['demo']);
      }
      const conn = openDatabase(db);
      try {
        expect(conn.prepare('SELECT COUNT(*) AS n FROM datasets').get()).toEqual({ n: 1 });
      } finally {
        conn.close();
      }
    }
  });
});
