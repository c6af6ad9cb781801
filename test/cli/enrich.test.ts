// Issue 7 through the CLI: import a real-shaped export, enrich it from the local oEmbed stand-in
// and from each kind of file, then replay, with a tripwire proving that nothing but the stand-in
// on 127.0.0.1 was ever contacted (and nothing at all without --online).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnFeedlens, LOOPBACK_ONLY } from '../enrich/spawn-cli';
import { startOembedServer, type OembedServer } from '../helpers/oembed-server';
import { ROOT } from '../helpers/shell';
import { tempDbPath, tempDir } from '../helpers/temp';
import { spawnSync } from 'node:child_process';

const G3 = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');

let server: OembedServer;
beforeAll(async () => {
  server = await startOembedServer();
});
afterAll(() => server.close());

describe('feedlens enrich', () => {
  it('import, plan, files and --online touch nothing but the stand-in; replay runs after', async () => {
    const db = tempDbPath();
    const netLog = join(tempDir(), 'net.log');
    const cli = async (...args: string[]) => {
      const result = await spawnFeedlens([...args, '--db', db], netLog).done;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const summary = JSON.parse(await cli('import', G3, '--json')) as { datasetId: string };
    const plan = await cli('enrich');
    expect(plan).toContain('nothing was sent');
    expect(plan).toContain(
      `To send them, run: feedlens enrich --dataset ${summary.datasetId} --online`,
    );
    for (const file of [
      'enrich/meta.csv',
      'enrich/ytdlp-dump.jsonl',
      'enrich/ytdlp.info.json',
      'zeeschuimer/capture.ndjson',
    ]) {
      expect(await cli('enrich', '--file', join(ROOT, 'fixtures', file))).toMatch(
        /^Added metadata from /,
      );
    }
    // Without --online not one request, to any host.
    expect(server.requests.size).toBe(0);
    expect(existsSync(netLog)).toBe(false);

    const result = JSON.parse(
      await cli('enrich', '--online', '--base-url', server.baseUrl, '--rate', '100000', '--json'),
    ) as { asked: number; outcomes: Record<string, number>; cancelled: boolean };
    expect(result.cancelled).toBe(false);
    expect(result.asked).toBeGreaterThan(1000);
    expect(result.outcomes.found).toBeGreaterThan(900);
    expect(server.requests.size).toBe(result.asked);
    expect(existsSync(netLog)).toBe(false);
    // Answered before: a second run asks nothing.
    expect(await cli('enrich', '--online', '--base-url', server.baseUrl)).toMatch(
      /^Asked 0 videos/,
    );

    const out = join(tempDir(), 'traces.jsonl');
    const replay = await spawnFeedlens(
      ['replay', '--dataset', summary.datasetId, '--out', out, '--db', db],
      netLog,
    ).done;
    expect(replay.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').length).toBeGreaterThan(10);
    expect(existsSync(netLog)).toBe(false);
  }, 120_000);

  it('the tripwire is live: a connection beyond loopback is refused and logged', () => {
    const netLog = join(tempDir(), 'net.log');
    const probe = spawnSync(
      'node',
      [
        '--import',
        LOOPBACK_ONLY,
        '-e',
        "fetch('https://www.tiktok.com/oembed').catch((e) => console.log(e.cause.message))",
      ],
      { env: { ...process.env, FEEDLENS_NET_LOG: netLog }, encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toBe('loopback-only: refused a connection to www.tiktok.com:443');
    expect(readFileSync(netLog, 'utf8')).toMatch(/refused a connection to www\.tiktok\.com:443\n$/);
  });

  it('names the image hosts in the plan once thumbnails are on, and keeps the choice', async () => {
    const db = tempDbPath();
    const netLog = join(tempDir(), 'net.log');
    const cli = async (...args: string[]) =>
      await spawnFeedlens([...args, '--db', db], netLog).done;
    expect((await cli('import', G3)).code).toBe(0);
    expect((await cli('enrich')).stdout).toContain('Thumbnails are off: no image is downloaded');
    const on = await cli('enrich', '--thumbnails', 'on');
    expect(on.code).toBe(0);
    expect(on.stdout).toMatch(
      /^Thumbnails are on: each video found also has its image downloaded from tiktokcdn\.com, .+, which see your IP address too\.$/m,
    );
    // Kept as the setting: the next plan says the same without the flag.
    expect((await cli('enrich')).stdout).toContain('Thumbnails are on:');
    expect((await cli('enrich', '--thumbnails', 'off')).stdout).toContain('Thumbnails are off');
    expect(await cli('enrich', '--thumbnails', 'yes')).toMatchObject({
      code: 1,
      stderr: 'feedlens: --thumbnails takes on or off, not "yes".\n',
    });
    // A plan sends nothing, to any host (the tripwire logs every connection beyond loopback).
    expect(existsSync(netLog)).toBe(false);
  }, 60_000);

  it('fails in one line with exit 1', async () => {
    const netLog = join(tempDir(), 'net.log');
    const bad = await spawnFeedlens(
      ['enrich', '--file', G3, '--dataset', 'any', '--db', tempDbPath()],
      netLog,
    ).done;
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^feedlens: user_data_tiktok\.json: not a metadata file Feedlens can read \([^\n]*\)\.\n$/,
    );
    const none = await spawnFeedlens(['enrich', '--online', '--db', tempDbPath()], netLog).done;
    expect(none).toMatchObject({
      code: 1,
      stderr:
        'feedlens: No dataset to enrich: import your export first (feedlens import <file>).\n',
    });
  }, 60_000);
});
