import { describe, expect, it } from 'vitest';
import { runFeedlens } from '../helpers/cli';
import { tempDbPath } from '../helpers/temp';

describe('feedlens CLI', () => {
  it('prints its usage for --help and exits 0', () => {
    const result = runFeedlens(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: feedlens <command>/);
    expect(result.stdout).toContain('datasets');
  });

  it('prints a command’s help', () => {
    const result = runFeedlens(['serve', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--no-open');
  });

  it('names an unknown command and exits 1 without a stack trace', () => {
    const result = runFeedlens(['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'feedlens: unknown command "frobnicate". Run `feedlens --help` for the list.\n',
    );
  });

  it('reports an unknown option as one clear line', () => {
    const result = runFeedlens(['datasets', '--colour']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^feedlens: .*--colour/);
  });

  it('lists and deletes datasets in the database given by --db or FEEDLENS_DB', () => {
    const db = tempDbPath();
    const listed = runFeedlens(['datasets', '--json', '--db', db]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((d) => d.id)).toEqual(['demo']);
    expect(runFeedlens(['datasets', 'delete', 'demo'], { FEEDLENS_DB: db }).stdout).toBe(
      'Deleted dataset demo.\n',
    );
    expect(JSON.parse(runFeedlens(['datasets', '--json', '--db', db]).stdout)).toEqual([]);
    const again = runFeedlens(['datasets', 'delete', 'demo', '--db', db]);
    expect(again).toMatchObject({ code: 1, stderr: 'feedlens: no dataset "demo".\n' });
  });

  it('refuses a database written by a newer Feedlens', async () => {
    const db = tempDbPath();
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db);
    raw.pragma('user_version = 9999');
    raw.close();
    const result = runFeedlens(['datasets', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^feedlens: This database was written by a newer Feedlens \(schema 9999;/,
    );
  });
});
