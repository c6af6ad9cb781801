// `feedlens replay` through the real CLI (bin/feedlens.js): reproducible traces, help, errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/feedlens.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'feedlens-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const feedlens = (...args: string[]) =>
  run(process.execPath, [BIN, ...args], { env: { ...process.env, TZ: 'UTC' } });

describe('feedlens replay', () => {
  it('run twice on the demo with --seed 7 gives identical files', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const first = await feedlens(
      'replay',
      '--db',
      join(dir, 'x.db'),
      '--dataset',
      'demo',
      '--seed',
      '7',
      '--out',
      a,
    );
    expect(first.stdout).toMatch(/Wrote \d+ traces/);
    await feedlens(
      'replay',
      '--db',
      join(dir, 'y.db'),
      '--dataset',
      'demo',
      '--seed',
      '7',
      '--out',
      b,
    );
    const textA = readFileSync(a, 'utf8');
    expect(textA.length).toBeGreaterThan(0);
    expect(readFileSync(b, 'utf8')).toBe(textA);
    const traces = textA
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const t of traces) {
      expect(Object.keys(t).slice(0, 10)).toEqual([
        'traceVersion',
        'slateId',
        'at',
        'seed',
        'preset',
        'configHash',
        'engineVersion',
        'profileRef',
        'items',
        'removed',
      ]);
      expect(t.seed).toBe(7);
      for (const item of t.items) {
        const sum = Object.values(item.contributions as Record<string, number>).reduce(
          (x, y) => x + y,
          0,
        );
        expect(Math.abs(sum - (item.score - item.baseline))).toBeLessThan(1e-7);
      }
    }
  }, 120_000);

  it('--without and --every change the output', async () => {
    const base = join(dir, 'base.jsonl');
    const without = join(dir, 'without.jsonl');
    const every = join(dir, 'every.jsonl');
    const db = join(dir, 'z.db');
    await feedlens('replay', '--db', db, '--dataset', 'demo', '--out', base);
    const w = await feedlens(
      'replay',
      '--db',
      db,
      '--dataset',
      'demo',
      '--without',
      'e000002',
      '--without',
      'nope',
      '--out',
      without,
    );
    expect(w.stderr).toMatch(/no event "nope"/);
    expect(readFileSync(without, 'utf8')).not.toBe(readFileSync(base, 'utf8'));
    await feedlens(
      'replay',
      '--db',
      db,
      '--dataset',
      'demo',
      '--every',
      '100',
      '--preset',
      'x-2026',
      '--out',
      every,
    );
    const lines = readFileSync(every, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(4);
    expect(JSON.parse(lines[0]!).preset).toBe('x-2026');
  }, 120_000);

  it('says how well the slates agree with the real feed, on stderr and in --json', async () => {
    const db = join(dir, 'agree.db');
    const plain = join(dir, 'plain.jsonl');
    const json = join(dir, 'json.jsonl');
    const a = await feedlens('replay', '--db', db, '--dataset', 'demo', '--out', plain);
    expect(a.stderr).toMatch(
      /^Agreement with the real feed: \d+\.\d% of the videos you watched next were in Feedlens's top 20 \(NDCG \d\.\d{3}\), against \d+\.\d% by chance, over \d+ session starts/,
    );
    expect(a.stderr.trimEnd().split('\n')).toHaveLength(1);
    const b = await feedlens('replay', '--db', db, '--dataset', 'demo', '--json', '--out', json);
    type Session = { session: number; atMs: number; watched: number; hits: number };
    const summary = JSON.parse(b.stdout) as {
      traces: number;
      agreement: { k: number; hitRate: number; sessions: Session[]; skippedSessions: number };
    };
    expect(summary.agreement.k).toBe(20);
    // Hits counted from the demo's events and the written traces: a slate serves only what a feed
    // could, so each served video watched in that session is one.
    const events = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../fixtures/demo/persona-session.json', import.meta.url)),
        'utf8',
      ),
    ) as { session: number; kind: string; itemId: string | null }[];
    const traces = readFileSync(json, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { atMs: number; items: { itemId: string }[] });
    let hits = 0;
    let most = 0;
    for (const s of summary.agreement.sessions) {
      const watched = new Set(
        events
          .filter((e) => e.session === s.session && (e.kind === 'watch' || e.kind === 'rewatch'))
          .map((e) => e.itemId),
      );
      const served = traces.find((t) => t.atMs === s.atMs)!.items.map((i) => i.itemId);
      expect(s.hits).toBe(served.filter((id) => watched.has(id)).length);
      hits += s.hits;
      most += Math.min(20, s.watched);
    }
    expect(hits).toBeGreaterThan(0);
    expect(summary.agreement.hitRate).toBeCloseTo(hits / most, 12);
    // The sentence on stderr says the same rate.
    expect(a.stderr).toContain(`${((100 * hits) / most).toFixed(1)}% of the videos you watched`);
    expect(summary.agreement.sessions.length + summary.agreement.skippedSessions).toBe(
      summary.traces,
    );
    // The traces are the same bytes whatever is printed beside them.
    expect(readFileSync(json, 'utf8')).toBe(readFileSync(plain, 'utf8'));
    const every = await feedlens(
      'replay',
      '--db',
      db,
      '--dataset',
      'demo',
      '--every',
      '50',
      '--json',
      '--out',
      join(dir, 'every50.jsonl'),
    );
    expect(every.stderr).toBe('');
    expect(JSON.parse(every.stdout).agreement).toBeNull();
  }, 120_000);

  it('documents itself and rejects bad flags', async () => {
    const help = await feedlens('replay', '--help');
    expect(help.stdout).toMatch(/feedlens replay \[--db FILE\] --dataset <id\|demo>/);
    expect(help.stdout).toMatch(/--every/);
    await expect(
      feedlens(
        'replay',
        '--db',
        join(dir, 'x.db'),
        '--dataset',
        'demo',
        '--preset',
        'nope',
        '--out',
        join(dir, 'n.jsonl'),
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/--preset must be one of/),
    });
    await expect(
      feedlens(
        'replay',
        '--db',
        join(dir, 'x.db'),
        '--dataset',
        'missing',
        '--out',
        join(dir, 'n.jsonl'),
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/No dataset "missing"/),
    });
  }, 60_000);
});
