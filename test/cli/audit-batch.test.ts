// `feedlens audit` through the real CLI: a batch of 20 generated TikTok exports, one of them cut
// off halfway, completes on worker threads; the cut one is a failed row of the summary, the rest
// have their traces and reports, and a second run resumes by skipping what is done.
import { execFile, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRealExport } from '../../scripts/make-real-export';
import { tempDir } from '../helpers/temp';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/feedlens.js', import.meta.url));
const dir = tempDir('feedlens-audit-');
const input = join(dir, 'donations');
const out = join(dir, 'audit');
const CORRUPT = 'donor-07';
const audit = () =>
  run(process.execPath, [BIN, 'audit', '--input', input, '--out', out, '--jobs', '2'], {
    env: { ...process.env, TZ: 'UTC' },
    timeout: 280_000,
  });

type Row = Record<string, string>;
function readSummary(): Row[] {
  const [head, ...lines] = readFileSync(join(out, 'summary.csv'), 'utf8').trimEnd().split('\r\n');
  const columns = head!.split(',');
  // Only the failed row's error may be quoted, and it is the third column.
  return lines.map((line) => {
    const quoted = /^([^,]*),([^,]*),"((?:[^"]|"")*)",(.*)$/.exec(line);
    const cells = quoted
      ? [quoted[1]!, quoted[2]!, quoted[3]!.replace(/""/g, '"'), ...quoted[4]!.split(',')]
      : line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

let first: { stdout: string; stderr: string };
beforeAll(async () => {
  mkdirSync(input);
  for (let i = 1; i <= 20; i++) {
    const id = `donor-${String(i).padStart(2, '0')}`;
    const text = JSON.stringify(makeRealExport(1000 + i).exportJson);
    // One donation arrived cut off halfway, as an interrupted upload would leave it.
    writeFileSync(
      join(input, `${id}.json`),
      id === CORRUPT ? text.slice(0, text.length / 2) : text,
    );
  }
  first = await audit();
}, 300_000);

describe('feedlens audit over 20 exports, one corrupt', () => {
  it('completes, says so, and prints a progress line per input', () => {
    expect(first.stdout.trim()).toBe(
      `Audited 20 inputs: 19 done now, 0 already done, 1 failed. Summary: ${join(out, 'summary.csv')}`,
    );
    const progress = first.stderr.trimEnd().split('\n');
    expect(progress).toHaveLength(20);
    progress.forEach((line, i) =>
      expect(line).toMatch(new RegExp(`^\\[${i + 1}/20\\] donor-\\d\\d: `)),
    );
  });

  it('reports the corrupt input in the summary with its reason, and the rest as done', () => {
    const rows = readSummary();
    expect(rows.map((r) => r.input)).toEqual(
      Array.from({ length: 20 }, (_, i) => `donor-${String(i + 1).padStart(2, '0')}`),
    );
    const bad = rows.find((r) => r.input === CORRUPT)!;
    expect(bad.status).toBe('failed');
    expect(bad.error).toMatch(/^donor-07\.json: the file stops in the middle of /);
    expect(existsSync(join(out, `input=${CORRUPT}`))).toBe(false);
    for (const row of rows.filter((r) => r.input !== CORRUPT)) {
      expect(row.status).toBe('done');
      expect(Number(row.events)).toBeGreaterThan(1000);
      expect(row.source_sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('writes each good input its traces, one line per slate, and its report', () => {
    for (const row of readSummary().filter((r) => r.status === 'done')) {
      const folder = join(out, `input=${row.input}`);
      const lines = readFileSync(join(folder, 'traces.jsonl'), 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(Number(row.slates));
      expect(JSON.parse(lines[0]!).configHash).toBe(row.config_hash);
      const report = readFileSync(join(folder, 'report.html'), 'utf8');
      expect(report).toContain(`<code>${row.source_sha256}</code>`);
      expect(JSON.parse(readFileSync(join(folder, 'audit.json'), 'utf8')).input).toBe(row.input);
      for (const table of ['slates', 'items', 'contributions', 'rules', 'profile_deltas'])
        expect(existsSync(join(folder, `${table}.parquet`))).toBe(true);
    }
  });

  it('writes a batch that feedlens verify accepts whole: 19 input folders, 1 failed input', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'verify', out]);
    expect(stdout).toContain('every hash holds');
    expect(stdout).toContain(
      'input folders: 19, each with its trace chain and files; failed inputs listed: 1',
    );
  });

  it('resumes: a second run skips the done inputs, leaves their files alone and retries the bad one', async () => {
    const traces = join(out, 'input=donor-01', 'traces.jsonl');
    const before = statSync(traces).mtimeMs;
    const again = await audit();
    expect(again.stdout).toContain('Audited 20 inputs: 0 done now, 19 already done, 1 failed.');
    expect(again.stderr.trimEnd().split('\n')).toEqual([
      '19 of 20 inputs already done with this preset and seed: skipped.',
      expect.stringMatching(/^\[20\/20\] donor-07: failed: donor-07\.json: /),
    ]);
    expect(statSync(traces).mtimeMs).toBe(before);
    const rows = readSummary();
    expect(rows.filter((r) => r.status === 'already-done')).toHaveLength(19);
    expect(rows.find((r) => r.input === CORRUPT)!.status).toBe('failed');
  }, 120_000);
});

describe('feedlens audit --shard', () => {
  it('splits the inputs between shards, each with its own summary, none twice or left out', async () => {
    const folder = join(dir, 'small');
    const shardOut = join(dir, 'shards');
    mkdirSync(folder);
    // Empty files fail at once, which is all a test of the split needs.
    const ids = Array.from({ length: 8 }, (_, i) => `d${i}`);
    for (const id of ids) writeFileSync(join(folder, `${id}.json`), '');
    const seen: string[] = [];
    for (const k of [0, 1, 2]) {
      const { stdout } = await run(process.execPath, [
        BIN,
        ...['audit', '--input', folder, '--out', shardOut, '--shard', `${k}/3`, '--jobs', '1'],
      ]);
      expect(stdout).toContain(`Summary: ${join(shardOut, `summary-${k}-of-3.csv`)}`);
      const rows = readFileSync(join(shardOut, `summary-${k}-of-3.csv`), 'utf8')
        .trimEnd()
        .split('\r\n')
        .slice(1);
      seen.push(...rows.map((r) => r.split(',')[0]!));
    }
    expect(seen.sort()).toEqual(ids);
  }, 60_000);

  it('refuses a shard outside its count in one line', async () => {
    const failed = await run(process.execPath, [
      BIN,
      ...['audit', '--input', dir, '--out', join(dir, 'x'), '--shard', '3/3'],
    ]).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toBe('feedlens: --shard takes K/N with 0 ≤ K < N, not "3/3".\n');
  });
});

describe('feedlens audit killed halfway', () => {
  it('resumes from where it was: done inputs skipped, the interrupted one redone', async () => {
    const folder = join(dir, 'killed-in');
    const killedOut = join(dir, 'killed-out');
    mkdirSync(folder);
    for (const id of ['donor-01', 'donor-02', 'donor-03', 'donor-04'])
      copyFileSync(join(input, `${id}.json`), join(folder, `${id}.json`));
    const args = [BIN, 'audit', '--input', folder, '--out', killedOut, '--jobs', '1'];
    // SIGKILL as soon as the first input is reported done: the second is then in flight.
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('[1/4]')) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(existsSync(join(killedOut, 'summary.csv'))).toBe(false);
    const { stdout, stderr } = await run(process.execPath, args);
    // Under load the kill may land after the second input finished too; never after the last.
    const skipped = Number(/^(\d) of 4 inputs already done/.exec(stderr)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(1);
    expect(skipped).toBeLessThan(4);
    expect(stdout).toContain(
      `Audited 4 inputs: ${4 - skipped} done now, ${skipped} already done, 0 failed.`,
    );
    const rows = readFileSync(join(killedOut, 'summary.csv'), 'utf8').trimEnd().split('\r\n');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(','))).toEqual(
      ['donor-01', 'donor-02', 'donor-03', 'donor-04'].map(
        (id, i) => `${id},${i < skipped ? 'already-done' : 'done'}`,
      ),
    );
  }, 120_000);
});
