// The realistic G3 export and its metadata files (fixtures/tiktok/realistic-g3/, fixtures/enrich/):
// regenerated in memory they equal the committed bytes, and they have the shapes the real sources
// have (docs/IMPORT.md, TikTok's oEmbed, yt-dlp's TikTok extractor, RFC 4180).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRealExport, REAL_EXPORT_SEED, realExportFiles } from '../../scripts/make-real-export';
import { ROOT } from '../helpers/shell';

const read = (path: string): string => readFileSync(join(ROOT, 'fixtures', path), 'utf8');
type Rec = Record<string, string>;
const exportJson = JSON.parse(read('tiktok/realistic-g3/user_data_tiktok.json')) as {
  'Your Activity': Record<string, Record<string, Rec[] | null>>;
};
const activity = exportJson['Your Activity'];
const list = (section: string, key: string): Rec[] => activity[section]![key] ?? [];
const watches = list('Watch History', 'VideoList');
const utcMs = (date: string): number => Date.parse(`${date.replace(' ', 'T')}Z`);
const videoId = (link: string): string => /\/video\/(\d+)/.exec(link)![1]!;
/** RFC 4180, written out here so the test does not lean on the importer's own CSV reader. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
const oembed = read('enrich/oembed.jsonl')
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; status: number; body: Record<string, unknown> });

describe('make-real-export', () => {
  it('regenerates the committed files byte for byte', () => {
    const files = realExportFiles(makeRealExport(REAL_EXPORT_SEED));
    expect(Object.keys(files).sort()).toEqual([
      'enrich/meta.csv',
      'enrich/oembed.jsonl',
      'enrich/ytdlp-dump.jsonl',
      'enrich/ytdlp.info.json',
      'tiktok/realistic-g3/user_data_tiktok.json',
    ]);
    for (const [path, text] of Object.entries(files)) expect(text, path).toBe(read(path));
  });

  it('gives different data for another seed', () => {
    const other = realExportFiles(makeRealExport(REAL_EXPORT_SEED + 1));
    expect(other['enrich/oembed.jsonl']).not.toBe(read('enrich/oembed.jsonl'));
  });
});

describe('the realistic G3 export', () => {
  it('has about 2,000 watch entries over six weeks, newest first, in UTC seconds', () => {
    expect(watches.length).toBeGreaterThan(1800);
    expect(watches.length).toBeLessThan(2300);
    const times = watches.map((w) => utcMs(w.Date!));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]!);
    const days = (times[0]! - times.at(-1)!) / 86_400_000;
    expect(days).toBeGreaterThan(38);
    expect(days).toBeLessThanOrEqual(42);
    for (const w of watches) {
      expect(w.Date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(w.Link).toMatch(/^https:\/\/www\.tiktokv\.com\/share\/video\/\d{19}\/$/);
    }
  });

  it('has sessions like real ones: gaps of 3-4 s median, shared seconds, loops, hours apart', () => {
    const times = watches.map((w) => utcMs(w.Date!) / 1000).reverse();
    const ids = watches.map((w) => videoId(w.Link!)).reverse();
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const inSession = gaps.filter((g) => g < 600).sort((a, b) => a - b);
    const median = inSession[Math.floor(inSession.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(3);
    expect(median).toBeLessThanOrEqual(4);
    expect(inSession.filter((g) => g === 0).length / inSession.length).toBeGreaterThan(0.15);
    const sessions = gaps.filter((g) => g >= 600).length + 1;
    expect(sessions).toBeGreaterThan(60);
    const loops = ids.filter((id, i) => i > 0 && id === ids[i - 1] && gaps[i - 1]! <= 30);
    expect(loops.length).toBeGreaterThan(5);
  });

  it('dates every video id before its first watch (id >> 32 is its creation time)', () => {
    for (const w of watches) {
      const createdMs = Number(BigInt(videoId(w.Link!)) >> 32n) * 1000;
      expect(createdMs).toBeLessThan(utcMs(w.Date!));
    }
  });

  it('holds every other section with real key names and quirks', () => {
    expect(list('Like List', 'ItemFavoriteList').length).toBeGreaterThan(120);
    expect(Object.keys(list('Like List', 'ItemFavoriteList')[0]!)).toEqual(['date', 'link']);
    expect(activity['Like List']!.App).toBe(1);
    expect(list('Favorite Videos', 'FavoriteVideoList').length).toBeGreaterThan(30);
    expect(list('Favorite Sounds', 'FavoriteSoundList').length).toBeGreaterThan(3);
    expect(list('Favorite Hashtags', 'FavoriteHashtagList').length).toBeGreaterThan(3);
    expect(list('Favorite Effects', 'FavoriteEffectsList').length).toBeGreaterThan(1);
    expect(activity['Favorite Collection']!.FavoriteCollectionList).toBeNull();
    const follows = list('Following', 'Following');
    expect(follows.length).toBeGreaterThan(50);
    expect(follows.filter((f) => f.UserName === 'N/A')).toHaveLength(1);
    expect(list('Searches', 'SearchList').length).toBeGreaterThan(60);
    const shares = list('Share History', 'ShareHistoryList').map((s) => JSON.stringify(s));
    expect(shares.length).toBeGreaterThan(20);
    expect(shares.length - new Set(shares).size).toBe(1);
    const root = exportJson as unknown as Record<string, Record<string, Record<string, unknown>>>;
    const comments = root.Comment!.Comments!.CommentsList as Rec[];
    expect(comments.length).toBeGreaterThan(10);
    expect(Object.keys(comments[0]!)).toEqual(['date', 'comment', 'photo', 'url']);
    expect((root['App Settings']!['Block List']!.BlockList as Rec[]).length).toBe(3);
  });
});

describe('the metadata files', () => {
  const exportIds = new Set(
    [
      ...watches,
      ...list('Like List', 'ItemFavoriteList'),
      ...list('Favorite Videos', 'FavoriteVideoList'),
    ].map((r) => videoId(r.Link ?? r.link!)),
  );

  it('answer oEmbed for every video id of the export, in its documented shape', () => {
    const ids = oembed.map((line) => line.id);
    for (const id of exportIds) expect(ids).toContain(id);
    const ok = oembed.filter((line) => line.status === 200);
    for (const { id, body } of ok) {
      expect(Object.keys(body)).toEqual([
        'version',
        'type',
        'title',
        'author_url',
        'author_name',
        'width',
        'height',
        'html',
        'thumbnail_width',
        'thumbnail_height',
        'thumbnail_url',
        'provider_url',
        'provider_name',
        'author_unique_id',
        'embed_product_id',
        'embed_type',
      ]);
      expect(body).toMatchObject({ version: '1.0', type: 'video', provider_name: 'TikTok' });
      expect(body.embed_product_id).toBe(id);
      expect(body.author_url).toBe(`https://www.tiktok.com/@${body.author_unique_id as string}`);
      expect(body.html).toContain(`data-video-id="${id}"`);
    }
    const share = (status: number): number =>
      oembed.filter((line) => line.status === status).length / oembed.length;
    expect(share(404)).toBeGreaterThan(0.015);
    expect(share(404)).toBeLessThan(0.05);
    expect(share(400)).toBeGreaterThan(0.01);
    expect(share(400)).toBeLessThan(0.035);
  });

  it('give yt-dlp lines with its TikTok field names, agreeing with oEmbed', () => {
    const byId = new Map(oembed.map((line) => [line.id, line]));
    const lines = read('enrich/ytdlp-dump.jsonl').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(80);
    expect(lines.length).toBeLessThan(120);
    const info = JSON.parse(read('enrich/ytdlp.info.json')) as Record<string, unknown>;
    for (const v of [info, ...lines.map((l) => JSON.parse(l) as Record<string, unknown>)]) {
      expect(v).toMatchObject({ extractor: 'TikTok', webpage_url_domain: 'tiktok.com' });
      expect(typeof v.id).toBe('string');
      expect(v.upload_date).toMatch(/^\d{8}$/);
      expect(Number(BigInt(v.id as string) >> 32n)).toBe(v.timestamp);
      const body = byId.get(v.id as string)!.body;
      expect(v.uploader).toBe(body.author_unique_id);
      expect(v.description).toBe(body.title);
    }
  });

  it('give a CSV of about 200 rows whose quoting survives commas, quotes and line breaks', () => {
    const rows = parseCsv(read('enrich/meta.csv'));
    expect(rows[0]).toEqual(['id', 'caption', 'creator', 'hashtags', 'sound', 'duration']);
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(150);
    expect(body.length).toBeLessThan(260);
    expect(body.some((r) => r[1]!.includes('\n') && r[1]!.includes('"'))).toBe(true);
    expect(body.some((r) => r[1]!.includes(','))).toBe(true);
    for (const r of body) {
      expect(r).toHaveLength(6);
      expect(r[0]).toMatch(/^\d{19}$/);
      expect(Number.isInteger(Number(r[5]))).toBe(true);
    }
  });
});
