// `feedlens import` and `feedlens datasets` as a user runs them (issue #4 item 9).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PRIVATE_CANARY, txtExportFiles } from '../../scripts/make-txt-exports';
import { describe, expect, it } from 'vitest';
import { runFeedlens } from '../helpers/cli';
import { ROOT } from '../helpers/shell';
import { tempDbPath, tempDir } from '../helpers/temp';

const G3 = join(ROOT, 'fixtures/tiktok/g3/user_data_tiktok.json');

describe('feedlens import', () => {
  it('prints the summary as one JSON object with --json, and datasets lists the same counts', () => {
    const db = tempDbPath();
    const result = runFeedlens(['import', G3, '--db', db, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      datasetId: expect.stringMatching(/^tiktok-[0-9a-f]{12}$/),
      events: {
        comment: 1,
        favorite: 3,
        follow: 2,
        'keyword-filter': 2,
        like: 3,
        search: 2,
        share: 2,
        watch: 7,
      },
      sessions: 10,
      from: '2023-01-20T19:45:10.000Z',
      to: '2024-11-02T14:30:20.000Z',
      warnings: ['2 exact duplicate records were removed.'],
      alreadyImported: false,
    });
    const listed = JSON.parse(runFeedlens(['datasets', '--json', '--db', db]).stdout) as Record<
      string,
      unknown
    >[];
    // `datasets` also loads the demo on first start; ours is listed beside it.
    expect(listed.find((d) => d.datasetId === summary.datasetId)).toMatchObject({
      datasetId: summary.datasetId,
      events: summary.events,
      sessions: 10,
      from: summary.from,
      to: summary.to,
    });
    const again = runFeedlens(['import', G3, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already imported as tiktok-[0-9a-f]{12}: nothing changed\.\n/);
    expect(runFeedlens(['datasets', 'delete', String(summary.datasetId), '--db', db]).code).toBe(0);
    expect(JSON.parse(runFeedlens(['datasets', '--json', '--db', db]).stdout)).toEqual([
      expect.objectContaining({ id: 'demo' }),
    ]);
  });

  it('prints one line naming the file and exits 1 on bad input, without a stack trace', () => {
    const result = runFeedlens([
      'import',
      join(ROOT, 'fixtures/tiktok/bad/zip-slip.zip'),
      '--db',
      tempDbPath(),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'feedlens: zip-slip.zip: unsafe or malformed zip (invalid relative path: ../../evil.json).\n',
    );
  });

  it('needs exactly one path', () => {
    expect(runFeedlens(['import', '--db', tempDbPath()])).toMatchObject({ code: 1 });
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`imports the late-2025 ${lang} TXT zip with exact counts and lists every file`, () => {
      const result = runFeedlens([
        'import',
        join(ROOT, `fixtures/tiktok/txt-2025-${lang}.zip`),
        '--db',
        tempDbPath(),
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        'Events:    20 (favorite 2, follow 2, keyword-filter 2, like 3, not-interested 1, search 3, share 1, watch 6)',
      );
      const files = result.stdout.split('Files:\n')[1]!.trimEnd().split('\n');
      expect(files).toHaveLength(12);
      expect(files.filter((l) => /^\s+private /.test(l))).toHaveLength(1);
      expect(files.filter((l) => /^\s+empty /.test(l))).toHaveLength(2);
      expect(result.stdout).toMatch(
        /^Skipped: {3}Block List: 1 record\(s\) with a date before TikTok \(2016\), from the musical\.ly years.*line 4/m,
      );
      expect(result.stdout).toMatch(/^Export says: TikTok counts 1,234 videos watched to the end/m);
      expect(result.stdout.split('\n')).toContain(
        'Filters:   your keyword filters (observed, from your settings): horror, spoilers',
      );
      expect(result.stdout).toMatch(
        /^Section: {3}Watch History: 6 rows, 2025-11-03 to 2025-11-03; feeds profile and feed$/m,
      );
      expect(result.stdout).not.toContain(PRIVATE_CANARY);
    }, 60_000);
  }

  it('says which files need a choice, then takes --section and replaces the dataset', () => {
    const files = txtExportFiles('en');
    const dir = join(tempDir(), 'export');
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('Your Activity/Searches.txt', files['Your Activity/Searches.txt']!);
    write('Likes and Favorites/Lijst 7.txt', files['Likes and Favorites/Like List.txt']!);
    const db = tempDbPath();
    const first = runFeedlens(['import', dir, '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Events:    3 (search 3)');
    expect(first.stderr).toBe(
      'feedlens: one file holds dated video links under a name Feedlens does not know, and watch history, likes and favourites look alike: "Likes and Favorites/Lijst 7.txt" (3 records); say which with --section "Likes and Favorites/Lijst 7.txt=watch" (or =like, =favorite, =ignore).\n',
    );
    const second = runFeedlens([
      'import',
      dir,
      '--db',
      db,
      '--section',
      'Likes and Favorites/Lijst 7.txt=like',
    ]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain('Events:    6 (like 3, search 3)');
    expect(second.stdout).toMatch(/read\s+Likes and Favorites\/Lijst 7\.txt: like \(by choice\)/);
    const listed = JSON.parse(runFeedlens(['datasets', '--json', '--db', db]).stdout) as unknown[];
    expect(listed).toHaveLength(2); // the demo and this one, replaced in place
    const bad = runFeedlens(['import', dir, '--db', db, '--section', 'Lijst 7.txt=likes']);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('--section takes "FILE=watch"');
  }, 120_000);
});
