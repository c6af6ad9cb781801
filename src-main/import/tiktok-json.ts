// Reads TikTok's JSON export, generations G1–G4 (docs/IMPORT.md), in one streaming pass: lists are
// found by their own key and their parent's, wherever a generation put them, so a section that
// moves (G4 put likes under "Likes and Favorites") is still found. What the reader does not know
// (a new top-level or section key) is counted, never read, so a user can report the drift; what
// hand editing damaged (a trailing comma, a cut-off record) is repaired and said.
import type { ActivitySummary, UnknownKey } from '../domain/types';
import { readActivitySummaryJson } from './activity-summary';
import { EventBudget } from './event-budget';
import { badInput, cancelled } from './errors';
import { sectionName, type SectionKey } from './export-sections';
import { JsonScanner, type Selection } from './json-scan';
import { readSettingsJson } from './settings';
import { requireNow, TikTokCollector, TIKTOK_LACKS, type Section } from './tiktok-records';
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

/** Lists that are counted for the "What's in your export" card but not read. */
const COUNTED: Record<string, SectionKey> = {
  FansList: 'follower',
  LoginHistoryList: 'login-history',
  FavoriteCollectionList: 'favorite-collection',
};

/** Section keys (one level under a top-level key) → the section, so an empty one counts as found. */
const SECTION_KEYS: Record<string, SectionKey> = {
  'Video Browsing History': 'watch',
  'Watch History': 'watch',
  'Like List': 'like',
  'Favorite Videos': 'favorite-video',
  'Favorite Sounds': 'favorite-sound',
  'Favorite Hashtags': 'favorite-hashtag',
  'Favorite Effects': 'favorite-effect',
  'Share History': 'share',
  Comments: 'comment',
  'Following List': 'follow',
  Following: 'follow',
  'Search History': 'search',
  Searches: 'search',
  Block: 'block',
  'Block List': 'block',
  Hashtag: 'own-hashtag',
  Settings: 'settings',
  'Activity Summary': 'activity-summary',
  'Follower List': 'follower',
  Follower: 'follower',
  'Login History': 'login-history',
  'Favorite Collection': 'favorite-collection',
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

/** Large or private sections that carry no signal about what was watched: never looked into. */
const SKIPPED_ROOTS = new Set([
  'Direct Messages',
  'Direct Message',
  'Ads and data',
  'Tiktok Live',
  'TikTok Live',
  'TikTok Shop',
  'Tiktok Shopping',
  'Income Plus Wallet Transactions',
]);

/**
 * Section keys (one level under a top-level key) seen in real exports or documented by the parsers
 * docs/IMPORT.md cites. Any other is listed as unknown with its record count.
 */
const KNOWN_SECTIONS = new Set([
  'Video Browsing History',
  'Watch History',
  'Like List',
  'Favorite Videos',
  'Favorite Sounds',
  'Favorite Hashtags',
  'Favorite Effects',
  'Favorite Collection',
  'Share History',
  'Login History',
  'Follower List',
  'Follower',
  'Following List',
  'Following',
  'Search History',
  'Searches',
  'Comments',
  'Hashtag',
  'Status',
  'Activity Summary',
  'Most Recent Location Data',
  'Purchase History',
  'Settings',
  'Block',
  'Block List',
  'Videos',
  'Posts',
  'Recently Deleted Posts',
  'Profile Information',
  'Profile Info',
  'Auto Fill',
]);

/** Unknown keys listed one by one; the rest are summed under OTHER_KEYS. */
const MAX_UNKNOWN_KEYS = 50;
const OTHER_KEYS = '(other keys)';

function short(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}

/** The place a path points into, as TikTok names it ("the Watch History"), for plain errors. */
function describe(path: readonly string[]): string | null {
  for (let i = path.length - 1; i >= 1; i--) {
    const key = path[i]!;
    const list = LISTS[key];
    const section = typeof list === 'string' ? list : list?.[path[i - 1] ?? ''];
    if (section) return `the ${sectionName(section)}`;
    if (KNOWN_SECTIONS.has(key)) return `the ${key}`;
  }
  return path.length > 0 && path[0] !== '[]' ? `"${path[0]}"` : null;
}

export const readTikTokJson: Reader = async (source, ctx) => {
  const budget = ctx.events ?? new EventBudget();
  const collector = new TikTokCollector(source.name, requireNow(ctx), budget);
  const warnings: string[] = [];
  const unknown = new Map<string, number>();
  const repaired = { 'trailing-comma': [] as number[], 'cut-record': [] as string[] };
  let roots = 0;
  let keywords: string[] = [];
  let activity: ActivitySummary | null = null;
  let records = 0;

  /** The unknown top-level or section key a path is under, if any (long names shortened). */
  const unknownUnder = (path: readonly string[]): string | null => {
    if (!TIKTOK_ROOTS.has(path[0]!) && !SKIPPED_ROOTS.has(path[0]!)) return short(path[0]!);
    if (path.length >= 2 && path[1] !== '[]' && !KNOWN_SECTIONS.has(path[1]!))
      return `${path[0]} › ${short(path[1]!)}`;
    return null;
  };

  const scanner = new JsonScanner(source.name, {
    select(path, kind): Selection {
      if (path.length === 0) {
        if (kind !== 'object')
          throw badInput(source.name, 'this JSON is a list, not a TikTok export');
        return 'descend';
      }
      if (path.length === 1 && TIKTOK_ROOTS.has(path[0]!)) roots++;
      if (SKIPPED_ROOTS.has(path[0]!)) return 'skip';
      const key = path.at(-1)!;
      if (path.length === 2 && Object.hasOwn(SECTION_KEYS, key))
        collector.found(SECTION_KEYS[key]!);
      if (key === 'Content Preferences') return { mode: 'whole', id: 'settings' };
      if (key === 'ActivitySummaryMap') return { mode: 'whole', id: 'activity-summary' };
      const list = LISTS[key];
      const section = typeof list === 'string' ? list : list?.[path.at(-2) ?? ''];
      if (section && kind === 'array') return { mode: 'elements', id: section };
      if (section) collector.found(section);
      if (COUNTED[key] && kind === 'array') return { mode: 'elements', id: `count:${key}` };
      let outside = unknownUnder(path);
      if (outside !== null) {
        // A hostile file may hold thousands of keys: past the first few they are counted as one.
        if (!unknown.has(outside) && unknown.size >= MAX_UNKNOWN_KEYS) outside = OTHER_KEYS;
        if (!unknown.has(outside)) unknown.set(outside, 0);
        // Counted, never kept: the records of an unknown key are parsed only to be counted.
        if (kind === 'array') return { mode: 'elements', id: `unknown:${outside}` };
      }
      return path.length >= 5 ? 'skip' : 'descend';
    },
    onValues(id, values, at) {
      if (id === 'settings') {
        keywords = readSettingsJson(values[0]);
        collector.found('settings');
        collector.tallies.get('settings')!.rows = keywords.length;
        return;
      }
      if (id === 'activity-summary') {
        activity = readActivitySummaryJson(values[0]);
        collector.found('activity-summary');
        collector.tallies.get('activity-summary')!.rows = activity === null ? 0 : 1;
        return;
      }
      if (id.startsWith('unknown:')) {
        const key = id.slice('unknown:'.length);
        unknown.set(key, unknown.get(key)! + values.length);
        return;
      }
      if (id.startsWith('count:')) {
        const section = COUNTED[id.slice('count:'.length)]!;
        for (const v of values) collector.count(section, v);
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
    onRepair(kind, line, path) {
      if (kind === 'trailing-comma') repaired['trailing-comma'].push(line);
      else repaired['cut-record'].push(`${describe(path) ?? 'a list'} (line ${line})`);
    },
    describe,
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
  const nothing = collector.nothingRead();
  if (nothing) throw nothing;
  collector.finish();
  return {
    format: 'tiktok-json',
    datasetKind: 'tiktok-export',
    items: [...collector.items.values()],
    events: collector.events,
    warnings,
    lacks: TIKTOK_LACKS,
    activitySummary: activity,
    keywordFilters: keywords,
    sections: collector.tallies,
    repairs: repairSentences(source.name, repaired),
    skippedRecords: collector.skipped(),
    unknownKeys: [...unknown].map(([path, rows]): UnknownKey => ({ path, rows })),
  };
};

function repairSentences(
  file: string,
  repaired: { 'trailing-comma': number[]; 'cut-record': string[] },
): string[] {
  const out: string[] = [];
  const commas = repaired['trailing-comma'];
  if (commas.length > 0) {
    const lines = commas.slice(0, 5).join(', ');
    out.push(
      `${file}: ${commas.length === 1 ? 'a trailing comma' : `${commas.length} trailing commas`} (line ${lines}${commas.length > 5 ? ', …' : ''}) ignored: TikTok never writes them, so the file was probably edited by hand.`,
    );
  }
  for (const where of repaired['cut-record'])
    out.push(`${file}: the last record of ${where} was cut off, so it was left out.`);
  return out;
}
