// Reads TikTok's JSON export, generations G1–G4 (docs/IMPORT.md), in one streaming pass: lists
// are found by their own key and their parent's, wherever a generation put them, so a section that
// moves (G4 put likes under "Likes and Favorites") is still found.
import { EventBudget } from './event-budget';
import { badInput, cancelled } from './errors';
import { JsonScanner, type Selection } from './json-scan';
import {
  keywordFilters,
  requireNow,
  TikTokCollector,
  TIKTOK_LACKS,
  type Section,
} from './tiktok-records';
import type { Reader } from './types';

/** A list key → its section; keys shared by several sections also need their parent's key. */
const LISTS: Record<string, Section | Record<string, Section>> = {
  VideoList: { 'Video Browsing History': 'watch', 'Watch History': 'watch' },
  ItemFavoriteList: 'like',
  FavoriteVideoList: 'favorite-video',
  FavoriteSoundList: 'favorite-sound',
  FavoriteHashtagList: 'favorite-hashtag',
  FavoriteEffectsList: 'favorite-effect',
  ShareHistoryList: 'share',
  CommentsList: 'comment',
  Following: { 'Following List': 'follow', Following: 'follow' },
  SearchList: 'search',
  // App Settings › "Block List" (older: "Block") › BlockList[] {Date, UserName}; see docs/IMPORT.md.
  BlockList: 'block',
  HashtagList: 'own-hashtag',
};

/** Top-level keys only TikTok writes; a JSON object with none of them is another platform's. */
const TIKTOK_ROOTS = new Set([
  'Activity',
  'Your Activity',
  'App Settings',
  'Comment',
  'Direct Messages',
  'Direct Message',
  'Likes and Favorites',
  'Profile',
  'Profile And Settings',
  'Tiktok Live',
  'Video',
  'Post',
  'Ads and data',
]);

/** Large sections that carry no signal about what was watched: not even looked into. */
const SKIPPED_ROOTS = new Set([
  'Direct Messages',
  'Direct Message',
  'Ads and data',
  'Tiktok Live',
  'TikTok Shop',
  'Tiktok Shopping',
]);

// The export does not date its settings: filters are placed at its last recorded moment.
const UNTIMED = {
  itemId: null,
  watchS: null,
  watchRatio: null,
  level: null,
  evidence: 'inferred',
} as const;

export const readTikTokJson: Reader = async (source, ctx) => {
  const budget = ctx.events ?? new EventBudget();
  const collector = new TikTokCollector(source.name, requireNow(ctx), budget);
  const warnings: string[] = [];
  let roots = 0;
  let keywords: string[] = [];
  let records = 0;

  const scanner = new JsonScanner(source.name, {
    select(path, kind): Selection {
      if (path.length === 0) {
        if (kind !== 'object')
          throw badInput(source.name, 'this JSON is a list, not a TikTok export');
        return 'descend';
      }
      if (path.length === 1 && TIKTOK_ROOTS.has(path[0]!)) roots++;
      if (path.length === 1 && SKIPPED_ROOTS.has(path[0]!)) return 'skip';
      const key = path.at(-1)!;
      if (key === 'Content Preferences') return { mode: 'whole', id: 'keywords' };
      const list = LISTS[key];
      const section = typeof list === 'string' ? list : list?.[path.at(-2) ?? ''];
      if (section && kind === 'array') return { mode: 'elements', id: section };
      return path.length >= 5 ? 'skip' : 'descend';
    },
    onValues(id, values, at) {
      if (id === 'keywords') {
        keywords = keywordFilters(values[0]);
        return;
      }
      for (let k = 0; k < values.length; k++) {
        collector.add(id as Section, values[k], { line: at.lines[k], byte: at.bytes[k] });
      }
      records += values.length;
    },
    onTrailing(byte, first) {
      if (first !== 0x7b) return false;
      warnings.push(
        `${source.name}: TikTok wrote this file's content twice (a second copy starts at byte ${byte}); read the first copy.`,
      );
      return true;
    },
  });

  const stream = source.open();
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      if (ctx.signal.aborted) throw cancelled(source.name);
      scanner.push(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      ctx.onProgress({ bytes, totalBytes: source.size, records });
      if (scanner.stopped) break;
    }
    scanner.end();
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
  if (roots === 0) {
    throw badInput(
      source.name,
      'this is not a TikTok export: none of its sections ("Activity", "Your Activity", ...) is there; is it another platform’s export?',
    );
  }
  collector.finish();
  const events = collector.events;
  if (keywords.length > 0) {
    const last = events.reduce((max, e) => Math.max(max, e.atMs), Number.NEGATIVE_INFINITY);
    if (Number.isFinite(last)) {
      for (const value of keywords) {
        const target = { type: 'keyword' as const, value };
        budget.take(source.name);
        events.push({ ...UNTIMED, atMs: last, kind: 'keyword-filter', target });
      }
    } else
      warnings.push(
        `${source.name}: keyword filters found but no dated event to place them at; left out.`,
      );
  }
  for (const [reason, n] of collector.skipped)
    warnings.push(`${source.name}: skipped ${n} ${reason}.`);
  return {
    format: 'tiktok-json',
    datasetKind: 'tiktok-export',
    items: [...collector.items.values()],
    events,
    warnings,
    lacks: TIKTOK_LACKS,
  };
};
