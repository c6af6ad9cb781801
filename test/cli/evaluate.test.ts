// `feedlens evaluate` through the real CLI on the shipped evaluation log.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/feedlens.js', import.meta.url));
const LOG = fileURLToPath(new URL('../../fixtures/event-log/eval-small.jsonl', import.meta.url));
const feedlens = (...args: string[]) =>
  run(process.execPath, [BIN, ...args], { env: { ...process.env, TZ: 'UTC' } });

describe('feedlens evaluate', () => {
  it('reports Recall@K, NDCG@K and coverage for the ranker and most-popular', async () => {
    const { stdout } = await feedlens('evaluate', '--events', LOG, '--k', '10', '--json');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ split: 'leave-last-out', k: 10 });
    expect(report.users).toBeGreaterThan(10);
    for (const ranker of [report.glassBox, report.mostPopular]) {
      for (const key of ['recall', 'ndcg', 'coverage']) {
        expect(ranker[key]).toBeGreaterThanOrEqual(0);
        expect(ranker[key]).toBeLessThanOrEqual(1);
      }
    }
    expect(report.glassBox.recall).toBeGreaterThan(report.mostPopular.recall);
    const again = await feedlens('evaluate', '--events', LOG, '--k', '10', '--json');
    expect(again.stdout).toBe(stdout);
  }, 60_000);

  it('prints a table, supports the temporal split, and documents itself', async () => {
    const table = await feedlens('evaluate', '--events', LOG, '--split', 'temporal');
    expect(table.stdout).toMatch(/glass box/);
    expect(table.stdout).toMatch(/most popular/);
    const help = await feedlens('evaluate', '--help');
    expect(help.stdout).toMatch(/--split leave-last-out\|temporal/);
    await expect(feedlens('evaluate', '--events', LOG, '--split', 'random')).rejects.toMatchObject({
      stderr: expect.stringMatching(/--split must be/),
    });
  }, 60_000);
});
