// Issue #18 items 1–3 and the TXT half of 6: the late-2025 English and the Dutch TXT exports
// import with exact counts; every file is listed with its state; the private file is never
// opened; one bad record is skipped with its line; unknown names are read by shape or offered
// for a choice, and the choice is remembered.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PRIVATE_CANARY, txtExportFiles, txtExportZip } from '../../scripts/make-txt-exports';
import type { App } from '../../src-main/app';
import { openCounts } from '../../src-main/import/sources';
import type { ImportSummary, SectionChoice } from '../../src-main/import/types';
import { tempDbPath, tempDir } from '../helpers/temp';
import { dbDigest, importPath, testApp, TIKTOK } from './helpers';
import { unwrap } from '../../src-main/api/router';

let app: App | undefined;
afterEach(() => app?.close());

const EVENTS = {
  favorite: 2,
  follow: 2,
  'keyword-filter': 2,
  like: 3,
  'not-interested': 1,
  search: 3,
  share: 1,
  watch: 6,
};

const STATES = {
  en: {
    'Activity Summary.txt': ['read', 'activity-summary', 1],
    'Comments/Comments.txt': ['empty', 'comment', 0],
    'Direct Messages/Direct Messages.txt': ['private', null, 0],
    'Likes and Favorites/Favorite Sounds.txt': ['empty', 'favorite-sound', 0],
    'Likes and Favorites/Favorite Videos.txt': ['read', 'favorite-video', 2],
    'Likes and Favorites/Like List.txt': ['read', 'like', 3],
    'Profile And Settings/Block List.txt': ['read', 'block', 1],
    'Profile And Settings/Following.txt': ['read', 'follow', 2],
    'Settings.txt': ['read', 'settings', 2],
    'Your Activity/Searches.txt': ['read', 'search', 3],
    'Your Activity/Share History.txt': ['read', 'share', 1],
    'Your Activity/Watch History.txt': ['read', 'watch', 6],
  },
  nl: {
    'Directe berichten/Directe berichten.txt': ['private', null, 0],
    'Instellingen.txt': ['read', 'settings', 2],
    'Je activiteit/Geschiedenis delen.txt': ['read', 'share', 1],
    'Je activiteit/Kijkgeschiedenis.txt': ['read', 'watch', 6],
    'Je activiteit/Zoekopdrachten.txt': ['read', 'search', 3],
    'Likes en favorieten/Favoriete geluiden.txt': ['empty', 'favorite-sound', 0],
    "Likes en favorieten/Favoriete video's.txt": ['read', 'favorite-video', 2],
    'Likes en favorieten/Likelijst.txt': ['read', 'like', 3],
    'Profiel en instellingen/Blokkeringslijst.txt': ['read', 'block', 1],
    'Profiel en instellingen/Volgend.txt': ['read', 'follow', 2],
    'Reacties/Reacties.txt': ['empty', 'comment', 0],
    'Samenvatting van activiteit.txt': ['read', 'activity-summary', 1],
  },
} as const;

const run = async (path: string, sections?: Record<string, SectionChoice>) =>
  unwrap(await app!.router.invoke('import/run', { path, sections }));

describe('the late-2025 TXT exports, in English and in Dutch', () => {
  it('are the bytes scripts/make-txt-exports.ts writes', () => {
    for (const lang of ['en', 'nl'] as const)
      expect(readFileSync(join(TIKTOK, `txt-2025-${lang}.zip`)).equals(txtExportZip(lang))).toBe(
        true,
      );
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`${lang}: imports with exact counts, every file listed, the private one never opened`, async () => {
      app = testApp(tempDbPath());
      const zip = join(TIKTOK, `txt-2025-${lang}.zip`);
      const summary = await importPath(app, zip);
      expect(summary).toMatchObject({
        format: 'tiktok-txt',
        events: EVENTS,
        eventCount: 20,
        itemCount: 11,
        from: '2025-09-01T09:00:00.000Z',
        to: '2025-11-03T21:41:00.000Z',
      });
      const states = Object.fromEntries(
        summary.files.map((f) => [f.name, [f.state, f.section, f.rows]]),
      );
      expect(states).toEqual(STATES[lang]);
      // The musical.ly-era block (2015) is skipped and named with its section and line.
      const block = summary.files.find((f) => f.section === 'block')!;
      expect(block).toMatchObject({ rows: 1, skipped: 1 });
      // In the same list as a JSON export's skipped records: section, reason, lines.
      expect(summary.skippedRecords).toEqual([
        {
          section: 'Block List',
          reason: 'a date before TikTok (2016), from the musical.ly years: old accounts carry them',
          count: 1,
          lines: [4],
        },
      ]);
      // What the export says about itself, exactly as a JSON import shows it: the Activity
      // Summary's count (with the completion check) and the For You keyword filters, observed
      // and at the dataset's first moment (the Following feed's filter is not read).
      expect(summary.activitySummary).toEqual({
        videosWatchedToTheEnd: 1234,
        videosCommentedOn: expect.any(Number),
        videosShared: expect.any(Number),
      });
      expect(summary.completion).toMatchObject({ exportFinished: 1234, watches: 6 });
      expect(summary.keywordFilters).toEqual(['horror', 'spoilers']);
      const filters = app.db
        .prepare(
          "SELECT at_ms AS atMs, evidence FROM events WHERE kind = 'keyword-filter' ORDER BY target_value",
        )
        .all();
      const firstAt = Date.parse('2025-09-01T09:00:00.000Z');
      expect(filters).toEqual([
        { atMs: firstAt, evidence: 'observed' },
        { atMs: firstAt, evidence: 'observed' },
      ]);
      // The "What's in your export" card lists the TXT export's sections.
      const found = new Map(summary.sections.map((x) => [x.name, x]));
      for (const [name, rows] of [
        ['Watch History', 6],
        ['Like List', 3],
        ['Searches', 3],
        ['Following', 2],
        ['Settings (keyword filters)', 2],
        ['Activity Summary', 1],
      ] as const)
        expect(found.get(name), name).toMatchObject({ state: 'found', rows });
      expect(found.get('Watch History')).toMatchObject({
        from: '2025-11-03T20:04:30.000Z',
        feeds: ['profile', 'feed'],
      });
      expect(found.get('Comments')).toMatchObject({ state: 'found', rows: 0 });
      expect(found.get('Favorite Effects')).toMatchObject({ state: 'absent' });
      // Opening is counted at the byte-source layer; the private member was never opened.
      const member = Object.keys(STATES[lang]).find(
        (n) => STATES[lang][n as never][0] === 'private',
      )!;
      expect(openCounts.get(`txt-2025-${lang}.zip › ${member}`)).toBeUndefined();
      expect(
        openCounts.get(`txt-2025-${lang}.zip › ${Object.keys(STATES[lang])[1]}`),
      ).toBeGreaterThan(0);
      expect(JSON.stringify(summary)).not.toContain(PRIVATE_CANARY);
      const rows = app.db.prepare('SELECT * FROM events').all();
      expect(JSON.stringify(rows)).not.toContain(PRIVATE_CANARY);
      expect(JSON.stringify(rows)).not.toContain('demo.friend');
    });
  }
});

it('refuses a private file picked on its own without opening it', async () => {
  app = testApp(tempDbPath());
  const path = join(tempDir(), 'Directe berichten.txt');
  writeFileSync(path, `Datum: 2025-11-01 10:00:00\nInhoud: ${PRIVATE_CANARY}\n`);
  const result = await app.router.invoke('import/run', { path });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toBe(
    'Directe berichten.txt: is a private section (messages or a chat): Feedlens never opens it.',
  );
  expect(openCounts.get('Directe berichten.txt')).toBeUndefined();
});

describe('files whose names Feedlens does not know', () => {
  it('offers date + video-link files for a choice, imports the rest, and remembers the choice', async () => {
    app = testApp(tempDbPath());
    const files = txtExportFiles('en');
    const renamed = writeExport({
      ...files,
      'Likes and Favorites/Like List.txt': undefined,
      'Likes and Favorites/Lijst 7.txt': files['Likes and Favorites/Like List.txt'],
    });
    const first = await run(renamed);
    expect(first.events).toEqual({ ...EVENTS, like: undefined });
    const pending = first.files.find((f) => f.name === 'Likes and Favorites/Lijst 7.txt');
    expect(pending).toMatchObject({
      state: 'needs-choice',
      rows: 3,
      firstAt: '2025-10-30T08:15:00.000Z',
      lastAt: '2025-11-03T21:39:55.000Z',
    });
    const before = dbDigest(app.db);
    // The same export again without a choice changes nothing.
    expect((await run(renamed)).alreadyImported).toBe(true);
    expect(dbDigest(app.db)).toEqual(before);
    // With the choice, the same dataset is replaced, with the likes in it.
    const second = await run(renamed, { 'Likes and Favorites/Lijst 7.txt': 'like' });
    expect(second).toMatchObject({ datasetId: first.datasetId, events: EVENTS });
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM datasets').get()).toEqual({ n: 1 });
    // Another export with the same file name needs no asking: the choice was remembered.
    const other = writeExport({
      'Likes and Favorites/Lijst 7.txt': files['Likes and Favorites/Like List.txt'],
      'Your Activity/Searches.txt': files['Your Activity/Searches.txt'],
    });
    const third = await run(other);
    expect(third.events).toEqual({ like: 3, search: 3 });
    expect(third.files[0]).toMatchObject({ state: 'read', section: 'like', by: 'choice' });
  });

  it('with nothing else to import, says in one sentence which files need a choice and how', async () => {
    app = testApp(tempDbPath());
    const dir = writeExport({
      'Lijst.txt': txtExportFiles('nl')['Likes en favorieten/Likelijst.txt'],
    });
    const result = await app.router.invoke('import/run', { path: dir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(
      /one file holds dated video links .*"Lijst\.txt" \(3 records\); say which with --section "Lijst\.txt=watch" \(or =like, =favorite, =ignore\)\.$/,
    );
  });

  it('fails only a file none of whose records can be read, and the import goes on', async () => {
    app = testApp(tempDbPath());
    const files = txtExportFiles('en');
    const dir = writeExport({
      'Your Activity/Searches.txt': files['Your Activity/Searches.txt'],
      'Likes and Favorites/Like List.txt':
        'Date: 2024-13-01 10:00:00\nLink: https://www.tiktokv.com/share/video/1/\n\nDate: 2024-01-01 10:00:00\nLink: not a link\n',
    });
    const summary = await run(dir);
    expect(summary.events).toEqual({ search: 3 });
    expect(summary.files.find((f) => f.section === 'like')).toMatchObject({
      state: 'failed',
      skipped: 2,
      note: 'an impossible date "2024-13-01 10:00:00" (line 1)',
    });
  });
});

/** The TXT fixtures as path → text, read from their folders or made by the generator. */
const TXT_FIXTURES: Record<string, () => Record<string, string | Buffer>> = {
  'txt-folders': () => readFolder(join(TIKTOK, 'txt-folders')),
  'txt-2020': () => readFolder(join(TIKTOK, 'txt-2020')),
  'txt-2025-en': () => txtExportFiles('en'),
  'txt-2025-nl': () => txtExportFiles('nl'),
};
const CHOICE: Record<string, SectionChoice> = {
  watch: 'watch',
  like: 'like',
  'favorite-video': 'favorite',
};

describe('every TXT fixture under random file names (folders kept)', () => {
  for (const [fixture, load] of Object.entries(TXT_FIXTURES)) {
    it(`${fixture}: never fails whole, reads by shape, asks for video links, and ends equal`, async () => {
      const files = load();
      app = testApp(tempDbPath());
      const original = await run(writeExport(files));
      const sectionOf = new Map(original.files.map((f) => [f.name, f]));
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{4,10}$/), {
            minLength: Object.keys(files).length,
            maxLength: Object.keys(files).length,
          }),
          async (names) => {
            const renamedFrom = new Map<string, string>();
            const renamed: Record<string, string | Buffer> = {};
            Object.entries(files).forEach(([path, text], i) => {
              const to = join(dirname(path), `x${names[i]}.txt`).replace(/^\.\//, '');
              renamedFrom.set(to, path);
              renamed[to] = text;
            });
            const dir = writeExport(renamed);
            const first = await run(dir);
            expect(first.alreadyImported).toBe(false);
            expect(first.files.map((f) => f.name).sort()).toEqual(Object.keys(renamed).sort());
            const choices: Record<string, SectionChoice> = {};
            for (const f of first.files) {
              const was = sectionOf.get(renamedFrom.get(f.name)!)!;
              if (was.state === 'private') expect(f.state).toBe('private');
              if (was.section === 'search' || was.section === 'follow')
                expect(f).toMatchObject({ state: 'read', section: was.section, by: 'shape' });
              if (f.state === 'needs-choice') choices[f.name] = CHOICE[was.section!]!;
              // Watch history, likes and favourite videos look alike: each one is asked about.
              if (was.state === 'read' && was.section! in CHOICE)
                expect(f).toMatchObject({ state: 'needs-choice', section: 'video-links' });
            }
            const second = Object.keys(choices).length ? await run(dir, choices) : first;
            expect(second.events).toEqual(expectedEvents(original, first, renamedFrom));
            expect(second.datasetId).toBe(first.datasetId);
            app!.db.prepare('DELETE FROM datasets').run();
            app!.db.prepare('DELETE FROM section_choices').run();
          },
        ),
        { numRuns: 3 },
      );
    });
  }
});

/**
 * The original's counts, with the one documented difference: a file of dates and user names
 * under an unknown name reads as Following, so a renamed follower or block list adds follows.
 */
function expectedEvents(
  original: ImportSummary,
  renamed: ImportSummary,
  from: ReadonlyMap<string, string>,
): ImportSummary['events'] {
  const out = { ...original.events };
  for (const f of renamed.files) {
    const was = original.files.find((o) => o.name === from.get(f.name))!;
    if (f.section !== 'follow' || was.section === 'follow') continue;
    out.follow = (out.follow ?? 0) + f.rows;
    if (was.section === 'block') out['not-interested'] = (out['not-interested'] ?? 0) - was.rows;
  }
  if (out['not-interested'] === 0) delete out['not-interested'];
  return out;
}

/** Writes path → text (undefined: left out) into a fresh folder, returned as the export. */
function writeExport(files: Record<string, string | Buffer | undefined>): string {
  const dir = join(tempDir(), 'export');
  for (const [path, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function readFolder(root: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full)] = readFileSync(full);
    }
  };
  walk(root);
  return out;
}
