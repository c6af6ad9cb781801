// `feedlens import` and `feedlens datasets` as a user runs them (issue #4 item 9).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFeedlens } from '../helpers/cli';
import { ROOT } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

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
});
