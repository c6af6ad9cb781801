// Metadata from files: the fixtures of every format, bad lines as warnings with their number, and
// a refused file that leaves the database as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src-main/api/router';
import { startApp, type App } from '../../src-main/app';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';

const ENRICH = join(ROOT, 'fixtures/enrich');
const G3 = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');

let app: App;
beforeEach(() => {
  app = startApp({ shell: 'cli', db: tempDbPath(), now: () => FIXED_NOW, withoutDemo: true });
});
afterEach(() => app.close());

// Attached to every dataset unless a test names one.
const file = async (path: string, datasetId: string | null = null) =>
  app.router.invoke('enrich/file', { path, datasetId });
const count = (table: string) =>
  (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('enrich/file', () => {
  it('reads the CSV, yt-dlp lines, the info JSON and a capture, and the export gains them', async () => {
    const { datasetId } = unwrap(await app.router.invoke('import/run', { path: G3 }));
    const csv = unwrap(await file(join(ENRICH, 'meta.csv'), datasetId));
    expect(csv).toMatchObject({
      source: 'csv',
      records: 196,
      matched: 196,
      added: 0,
      warnings: [],
    });
    const lines = unwrap(await file(join(ENRICH, 'ytdlp-dump.jsonl'), datasetId));
    expect(lines).toMatchObject({ source: 'ytdlp', records: 99, warnings: [] });
    const info = unwrap(await file(join(ENRICH, 'ytdlp.info.json'), datasetId));
    expect(info).toMatchObject({ source: 'ytdlp', records: 1, matched: 1 });
    const capture = unwrap(
      await file(join(ROOT, 'fixtures/zeeschuimer/capture.ndjson'), datasetId),
    );
    expect(capture).toMatchObject({ source: 'zeeschuimer', records: 35, added: 35 });
    expect(capture.warnings[0]).toBe('line 12: skipped: not valid JSON.');

    const yt = app.db
      .prepare(`SELECT * FROM metadata WHERE source = 'ytdlp' AND id = '6987814649676466567'`)
      .get() as Record<string, unknown>;
    // yt-dlp's uploader is the handle; its numeric uploader_id is not.
    expect(yt).toMatchObject({
      creator: '@pan_priya',
      thumbnail_url: expect.stringMatching(/^https:/),
    });
    expect(JSON.parse(yt.stats as string)).toMatchObject({ plays: expect.any(Number) });
    const coverage = unwrap(await app.router.invoke('enrich/coverage', { datasetId }));
    expect(coverage.bySource).toMatchObject({ csv: 196, oembed: 0 });
    expect(coverage.withCaption).toBeGreaterThanOrEqual(196);
    expect(coverage.withTopic).toBeGreaterThan(100);
  });

  it('skips bad CSV rows with their line numbers and keeps the good ones', async () => {
    const path = write(
      'meta.csv',
      'id,caption,creator,hashtags,sound,duration\r\n' +
        '7300000000000000001,"pasta, night #cooking",chef,"#food pasta",12345,30\r\n' +
        'not-an-id,x,y,z,s,1\r\n' +
        '7300000000000000002,a,b,c,d,forever\r\n' +
        '7300000000000000003,only three\r\n' +
        '7300000000000000004,,@quiet,,,\r\n',
    );
    const result = unwrap(await file(path));
    expect(result.records).toBe(2);
    expect(result.warnings).toEqual([
      'line 3: skipped: "not-an-id" is not a TikTok video id.',
      'line 4: skipped: its duration "forever" is not a number of seconds between 0 and 36000.',
      'line 5: skipped: it has 2 fields, the header has 6.',
    ]);
    const row = app.db.prepare(`SELECT * FROM metadata WHERE id = '7300000000000000001'`).get();
    expect(row).toMatchObject({
      caption: 'pasta, night #cooking',
      creator: '@chef',
      hashtags: '["cooking","food","pasta"]',
      sound: '12345',
      sound_title: null,
      duration_s: 30,
    });
    expect(
      app.db.prepare(`SELECT caption FROM metadata WHERE id = '7300000000000000004'`).get(),
    ).toEqual({ caption: null });
  });

  it('refuses what is not a metadata file in one sentence and writes nothing', async () => {
    unwrap(await file(join(ENRICH, 'meta.csv')));
    const before = count('metadata');
    const cases: [string, RegExp][] = [
      [G3, /^user_data_tiktok\.json: not a metadata file Feedlens can read \(/],
      [write('notes.txt', 'hello\nworld\n'), /^notes\.txt: not a metadata file/],
      [write('empty.csv', ''), /^empty\.csv: the file is empty\.$/],
      [
        write('ids.csv', 'id,caption\nx,y\n'),
        /^ids\.csv: holds no usable record\. line 2: skipped: "x" is not a TikTok video id\.$/,
      ],
      [
        write('quote.csv', 'id,caption\n1,"never closed\n'),
        /^quote\.csv: a quoted field is never closed \(line 2\)\.$/,
      ],
      [join(tempDir(), 'missing.json'), /^missing\.json: no such file\.$/],
    ];
    for (const [path, message] of cases) {
      const result = await file(path);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(count('metadata')).toBe(before);
  });

  it('keeps ids as strings and refuses a numeric yt-dlp id per line', async () => {
    const path = write(
      'dump.jsonl',
      `${JSON.stringify({ id: '7300000000000000005', extractor: 'TikTok', description: 'hi #pets', uploader: 'kit', duration: 9, timestamp: 1700000000 })}\n` +
        '{"id": 7300000000000000006, "extractor": "TikTok"}\n' +
        'garbage\n',
    );
    const result = unwrap(await file(path));
    expect(result.records).toBe(1);
    expect(result.warnings).toEqual([
      'line 2: skipped: its "id" is a number; TikTok ids must be strings.',
      'line 3: skipped: not a JSON object.',
    ]);
    expect(
      app.db.prepare(`SELECT id, creator, hashtags, created_at_ms FROM metadata`).get(),
    ).toEqual({
      id: '7300000000000000005',
      creator: '@kit',
      hashtags: '["pets"]',
      created_at_ms: 1_700_000_000_000,
    });
  });
});
