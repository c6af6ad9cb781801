// Everything the realistic G3 export holds, read by the importer into a real database: the counts
// per kind are computed here from the fixture's own JSON (not copied from an import), and the
// sections added for issue 7 (comment text, the block list, named favourite hashtags) are checked
// one by one, in the JSON layout and in the TXT layout.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { loadEvents } from '../../src-main/db/datasets';
import type { FeedEvent } from '../../src-main/domain/types';
import { tempDbPath } from '../helpers/temp';
import { importPath, testApp, TIKTOK } from './helpers';

const PATH = join(TIKTOK, 'realistic-g3', 'user_data_tiktok.json');
type Rec = Record<string, string>;
type Tree = Record<string, Record<string, Record<string, Rec[] | null>>>;
const root = JSON.parse(readFileSync(PATH, 'utf8')) as Tree;
const activity = root['Your Activity']!;
const list = (section: string, key: string): Rec[] => activity[section]![key] ?? [];
const comments = root.Comment!.Comments!.CommentsList!;
const blocks = root['App Settings']!['Block List']!.BlockList!;
const ownTags = list('Hashtag', 'HashtagList');
/** Records that differ in at least one field: TikTok writes some twice, the importer keeps one. */
const distinct = (records: Rec[]): number => new Set(records.map((r) => JSON.stringify(r))).size;
const tagId = (link: string): string => /\/tag\/(\d+)\.html/.exec(link)![1]!;

let app: App | undefined;
afterEach(() => app?.close());

async function importEvents(path: string): Promise<FeedEvent[]> {
  app = testApp(tempDbPath());
  const summary = await importPath(app, path);
  return loadEvents(app.db, summary.datasetId);
}
const targets = (events: FeedEvent[], kind: string): string[] =>
  events
    .filter((e) => e.kind === kind)
    .map((e) => `${e.target?.type}:${e.target?.value}`)
    .sort();

describe('the realistic G3 export, imported', () => {
  it('gives one event per distinct record of every section, and says what it lacks', async () => {
    app = testApp(tempDbPath());
    const s = await importPath(app, PATH);
    const favorites =
      distinct(list('Favorite Videos', 'FavoriteVideoList')) +
      distinct(list('Favorite Sounds', 'FavoriteSoundList')) +
      distinct(list('Favorite Hashtags', 'FavoriteHashtagList')) +
      distinct(list('Favorite Effects', 'FavoriteEffectsList'));
    expect(s.events).toEqual({
      watch: distinct(list('Watch History', 'VideoList')),
      like: distinct(list('Like List', 'ItemFavoriteList')),
      favorite: favorites,
      follow: distinct(list('Following', 'Following')),
      search: distinct(list('Searches', 'SearchList')),
      share: distinct(list('Share History', 'ShareHistoryList')),
      comment: comments.length,
      'not-interested': blocks.length,
      'keyword-filter': 2,
    });
    const videoLinks = [
      ...list('Watch History', 'VideoList').map((r) => r.Link!),
      ...list('Like List', 'ItemFavoriteList').map((r) => r.link!),
      ...list('Favorite Videos', 'FavoriteVideoList').map((r) => r.Link!),
      ...list('Share History', 'ShareHistoryList').map((r) => r.Link!),
    ].filter((link) => link.includes('/video/'));
    expect(s.itemCount).toBe(new Set(videoLinks).size);
    expect(s.itemsWithMetadata).toBe(0);
    expect(s.duplicatesRemoved).toBe(1); // the share TikTok wrote twice
    expect(s.lacks.join(' ')).toContain('an online lookup you agree to, a yt-dlp file or a CSV');
    // The summary is shown in the app: no CLI command and no markdown in it (issue #19).
    expect(s.lacks.join(' ')).not.toMatch(/`|feedlens /);
  });

  it('keeps each comment’s text as its target, observed', async () => {
    const events = await importEvents(PATH);
    const got = events.filter((e) => e.kind === 'comment');
    expect(got.map((e) => e.target!.value).sort()).toEqual(comments.map((c) => c.comment).sort());
    for (const e of got) {
      expect(e).toMatchObject({ itemId: null, evidence: 'observed', target: { type: 'text' } });
    }
  });

  it('reads the block list as not-interested in each blocked creator', async () => {
    const events = await importEvents(PATH);
    expect(targets(events, 'not-interested')).toEqual(
      blocks.map((b) => `creator:@${b.UserName}`).sort(),
    );
    const blocked = events.filter((e) => e.kind === 'not-interested');
    expect(blocked.every((e) => e.evidence === 'observed' && e.itemId === null)).toBe(true);
  });

  it('names a favourite hashtag where the own posts’ Hashtag list names its id', async () => {
    const names = new Map(ownTags.map((t) => [tagId(t.HashtagLink!), t.HashtagName!]));
    const expected = list('Favorite Hashtags', 'FavoriteHashtagList').map((f) => {
      const id = tagId(f.Link!);
      return `hashtag:${names.get(id) ?? id}`;
    });
    // The fixture names some favourites and not others, so both paths are exercised.
    expect(expected.filter((t) => /^hashtag:\d+$/.test(t)).length).toBeGreaterThan(0);
    expect(expected.filter((t) => /^hashtag:[a-z]+$/.test(t)).length).toBeGreaterThan(0);
    const events = await importEvents(PATH);
    expect(targets(events, 'favorite').filter((t) => t.startsWith('hashtag:'))).toEqual(
      expected.sort(),
    );
  });

  it('names the tag whichever comes first in the file, the Hashtag list or the favourites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedlens-tags-'));
    const path = join(dir, 'user_data_tiktok.json');
    writeFileSync(
      path,
      JSON.stringify({
        'Your Activity': {
          Hashtag: {
            HashtagList: [
              {
                HashtagName: 'Arsenal',
                HashtagLink: 'https://m.tiktok.com/h5/share/tag/1045048.html',
              },
            ],
          },
          'Favorite Hashtags': {
            FavoriteHashtagList: [
              {
                Date: '2025-01-08 05:07:27',
                Link: 'https://m.tiktok.com/h5/share/tag/1045048.html',
              },
            ],
          },
        },
      }),
    );
    expect(targets(await importEvents(path), 'favorite')).toEqual(['hashtag:arsenal']);
  });
});

describe('the TXT layout', () => {
  it('keeps the comment text of Comments.txt ("Comment:")', async () => {
    const events = await importEvents(join(TIKTOK, 'txt-folders'));
    expect(targets(events, 'comment')).toEqual(['text:so good, saving this']);
  });

  it('reads Block List.txt, and a comment that spans lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedlens-txt-'));
    writeFileSync(
      join(dir, 'Block List.txt'),
      'Date: 2025-02-19 21:06:57\nUsername: theo.clips\n\nDate: 2025-02-11 20:51:10\nUsername: sara.daily\n',
    );
    writeFileSync(
      join(dir, 'Comments.txt'),
      'Date: 2025-02-20 10:00:00\nComment: Rice MOTM\nno debate\n',
    );
    const events = await importEvents(dir);
    expect(targets(events, 'not-interested')).toEqual([
      'creator:@sara.daily',
      'creator:@theo.clips',
    ]);
    expect(targets(events, 'comment')).toEqual(['text:Rice MOTM\nno debate']);
  });
});
