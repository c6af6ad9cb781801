// Issue #18: an export a person edited by hand imports with what was repaired and skipped said
// plainly; a cut file gets one plain sentence; keys this version does not know are listed with
// their counts and never their content; the export's own Activity Summary and keyword filters
// reach the summary, the Profile's call and the trace of a slate a filter shaped.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { makeHandEditedExport } from '../../scripts/make-hand-edited-export';
import { readTikTokJson } from '../../src-main/import/tiktok-json';
import { tempDbPath } from '../helpers/temp';
import { dbDigest, importPath, testApp, TIKTOK } from './helpers';

const DIR = join(TIKTOK, 'hand-edited');
const EXPORT = join(DIR, 'user_data_tiktok.json');

let app: App | undefined;
afterEach(() => app?.close());

describe('a hand-edited export', () => {
  it('is the committed script’s output, byte for byte', () => {
    const made = makeHandEditedExport();
    expect(readFileSync(EXPORT, 'utf8')).toBe(made.json);
    expect(readFileSync(join(DIR, 'cut-off.json'), 'utf8')).toBe(made.cutOff);
    expect(readFileSync(join(DIR, 'meta.csv'), 'utf8')).toBe(made.metaCsv);
  });

  it('imports, with its repairs and skipped records in the summary', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, EXPORT);
    // 50 watches (the profile link skipped), 3 likes, 1 favourite (the cut one left out), 2
    // follows, 1 search, 1 block (the 2015 one skipped) and the 2 For You keyword filters.
    expect(s.events).toEqual({
      watch: 50,
      like: 3,
      favorite: 1,
      follow: 2,
      search: 1,
      'not-interested': 1,
      'keyword-filter': 2,
    });
    expect(s.repairs).toEqual([
      'user_data_tiktok.json: 2 trailing commas (line 231, 260) ignored: TikTok never writes them, so the file was probably edited by hand.',
      'user_data_tiktok.json: the last record of the Favorite Videos (line 240) was cut off, so it was left out.',
    ]);
    expect(s.skippedRecords).toEqual([
      {
        section: 'Watch History',
        reason: 'no readable video link',
        count: 1,
        lines: [expect.any(Number)],
      },
      {
        section: 'Block List',
        reason: 'a date before TikTok (2016), from the musical.ly years: old accounts carry them',
        count: 1,
        lines: [expect.any(Number)],
      },
    ]);
    const text = readFileSync(EXPORT, 'utf8').split('\n');
    expect(text[s.skippedRecords[1]!.lines[0]! - 1]).toMatch(/^\s+\{$/);
    expect(text[s.skippedRecords[1]!.lines[0]!]).toContain('2015-08-20');
  });

  it('lists keys it does not know with their counts, never their content', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, EXPORT);
    expect(s.unknownKeys).toEqual([
      { path: 'Your Activity › Reposts', rows: 3 },
      { path: 'Creator Rewards', rows: 2 },
    ]);
    const all = JSON.stringify(s);
    for (const secret of ['unknown-section-secret', 'unknown-root-secret', 'private-never-read'])
      expect(all).not.toContain(secret);
  });

  it('lists at most 50 unknown keys one by one, and counts the rest together', async () => {
    app = testApp(tempDbPath());
    const keys = Array.from({ length: 60 }, (_, i) => `"New ${i}":{"L":[{},{}]}`).join(',');
    const file = join(tempDbPath(), '..', 'drift.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      `{${keys},"Your Activity":{"Searches":{"SearchList":[{"Date":"2024-11-02 10:00:00","SearchTerm":"cats"}]}}}`,
    );
    const s = await importPath(app, file);
    expect(s.unknownKeys).toHaveLength(51);
    expect(s.unknownKeys[0]).toEqual({ path: 'New 0', rows: 2 });
    expect(s.unknownKeys.at(-1)).toEqual({ path: '(other keys)', rows: 20 });
  });

  it('says what is in the export and what is absent', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, EXPORT);
    const byName = new Map(s.sections.map((x) => [x.name, x]));
    expect(byName.get('Watch History')).toEqual({
      name: 'Watch History',
      state: 'found',
      rows: 51,
      from: '2025-03-14T19:00:00.000Z',
      to: s.to,
      feeds: ['profile', 'feed'],
    });
    expect(byName.get('Settings (keyword filters)')).toMatchObject({ state: 'found', rows: 2 });
    expect(byName.get('Activity Summary')).toMatchObject({ state: 'found', feeds: [] });
    expect(byName.get('Block List')).toMatchObject({ state: 'found', rows: 2 });
    for (const absent of ['Share History', 'Comments', 'Favorite Sounds', 'Login History'])
      expect(byName.get(absent)).toMatchObject({ state: 'absent', rows: 0, from: null });
  });

  it('repairs the same way wherever the stream is cut into chunks (the scanner streams)', async () => {
    const bytes = readFileSync(EXPORT);
    const read = (chunk: number) =>
      readTikTokJson(
        {
          name: 'user_data_tiktok.json',
          size: bytes.length,
          open: () =>
            Readable.from(
              Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
                bytes.subarray(i * chunk, (i + 1) * chunk),
              ),
            ),
        },
        {
          fileName: 'x',
          nowMs: Date.UTC(2026, 0, 1),
          signal: new AbortController().signal,
          onProgress: () => {},
        },
      );
    const whole = await read(bytes.length);
    expect(whole.events).toHaveLength(58);
    for (const chunk of [2, 3, 7, 13, 64, 1000]) {
      const got = await read(chunk);
      expect(got.events).toEqual(whole.events);
      expect(got.repairs).toEqual(whole.repairs);
      expect(got.skippedRecords).toEqual(whole.skippedRecords);
      expect(got.unknownKeys).toEqual(whole.unknownKeys);
    }
  }, 60_000);

  it('refuses a file cut in the middle with one plain sentence, and writes nothing', async () => {
    app = testApp(tempDbPath());
    const before = dbDigest(app.db);
    const result = await app.router.invoke('import/run', { path: join(DIR, 'cut-off.json') });
    const lines = readFileSync(join(DIR, 'cut-off.json'), 'utf8').split('\n').length;
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message: `cut-off.json: the file stops in the middle of the Watch History, around line ${lines}: was it cut when you edited it?`,
      },
    });
    expect(dbDigest(app.db)).toEqual(before);
  });

  it('fails a file only when none of its records can be read', async () => {
    app = testApp(tempDbPath());
    const file = join(tempDbPath(), '..', 'all-bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      '{"Your Activity":{"Watch History":{"VideoList":[{"Date":"2015-01-01 00:00:00","Link":"x"},{"Date":"bad","Link":"y"}]}}}',
    );
    const result = await app.router.invoke('import/run', { path: file });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^all-bad\.json: a date out of range "2015-01-01/) },
    });
  });
});

describe('what the export says about itself', () => {
  it('compares its count of finished videos with the completion inferred from gaps', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, EXPORT);
    expect(s.activitySummary).toEqual({
      videosWatchedToTheEnd: 5,
      videosCommentedOn: 3,
      videosShared: 2,
    });
    // No durations yet: the export has none, so nothing can be checked.
    expect(s.completion).toMatchObject({ verdict: 'unknown', watches: 50, known: 0 });
    expect(s.completion!.sentence).toMatch(
      /^TikTok counts 5 videos watched to the end since the account was registered\. Feedlens cannot check/,
    );
    // With the videos' durations (5 s each) every watch whose gap is known looks finished: 48 of
    // 50 in this history alone, against TikTok's 5 since registration.
    unwrap(
      await app.router.invoke('enrich/file', {
        path: join(DIR, 'meta.csv'),
        datasetId: s.datasetId,
      }),
    );
    const own = unwrap(await app.router.invoke('profile/export', { datasetId: s.datasetId }));
    expect(own.completion).toMatchObject({
      verdict: 'disagree',
      exportFinished: 5,
      watches: 50,
      known: 48,
      finished: 48,
      estimate: 50,
    });
    expect(own.completion!.sentence).toContain('more than 10% above TikTok');
    expect(own.keywordFilters).toEqual(['cooking', 'prank']);
  });

  it('applies the keyword filters as the person’s own, observed, and the trace says so', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, EXPORT);
    expect(s.keywordFilters).toEqual(['cooking', 'prank']);
    unwrap(
      await app.router.invoke('enrich/file', {
        path: join(DIR, 'meta.csv'),
        datasetId: s.datasetId,
      }),
    );
    // A slate between the two sessions, before the export was made: the filters stand (they are
    // placed at the dataset's first moment, a follow in 2023).
    const feed = unwrap(
      await app.router.invoke('feed/at', {
        datasetId: s.datasetId,
        atMs: Date.UTC(2025, 2, 14, 21, 0, 0),
      }),
    );
    const filtered = feed.removed.filter((r) => r.rule === 'keyword-filter');
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) {
      expect(r.cause).toMatchObject({
        cause: 'keyword',
        keyword: 'cooking',
        setBy: { evidence: 'observed' },
      });
      expect(r.words).toMatch(
        /^matches your keyword filter “cooking” \(your own setting, observed: event e\d+\)$/,
      );
    }
    expect(feed.entries.every((e) => !/cooking/.test(e.item.caption ?? ''))).toBe(true);
  });
});
