// Temporary folders and databases for tests: real files, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed after the current test file. */
export function tempDir(prefix = 'feedlens-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A path for a new database file in a fresh folder. */
export function tempDbPath(): string {
  return join(tempDir(), 'feedlens.db');
}

/** A fixed clock: tests never read the real one. */
export const FIXED_NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
