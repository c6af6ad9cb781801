// Every section TikTok's export documents, the name it has in the English export and what it
// feeds in Feedlens: the one table behind the "What's in your export" card (docs/IMPORT.md, "Per
// export section: what it feeds", is its prose twin and cites each section's source). Private
// sections (Direct Messages, chat) are not listed: they are never opened.
import type { ExportSectionReport } from '../domain/types';

export type SectionKey =
  | 'watch'
  | 'like'
  | 'favorite-video'
  | 'favorite-sound'
  | 'favorite-hashtag'
  | 'favorite-effect'
  | 'own-hashtag'
  | 'share'
  | 'comment'
  | 'follow'
  | 'search'
  | 'block'
  | 'settings'
  | 'activity-summary'
  | 'follower'
  | 'login-history'
  | 'favorite-collection';

type SectionSpec = { key: SectionKey; name: string; feeds: ExportSectionReport['feeds'] };

/**
 * `profile`: its events move the interest profile; `feed`: it steers which videos a feed may
 * show (the seen rule, followed creators, "not interested", keyword filters); [] nothing yet.
 */
export const EXPORT_SECTIONS: readonly SectionSpec[] = [
  { key: 'watch', name: 'Watch History', feeds: ['profile', 'feed'] },
  { key: 'like', name: 'Like List', feeds: ['profile'] },
  { key: 'favorite-video', name: 'Favorite Videos', feeds: ['profile'] },
  { key: 'favorite-sound', name: 'Favorite Sounds', feeds: ['profile'] },
  { key: 'favorite-hashtag', name: 'Favorite Hashtags', feeds: ['profile'] },
  { key: 'favorite-effect', name: 'Favorite Effects', feeds: ['profile'] },
  { key: 'share', name: 'Share History', feeds: ['profile'] },
  { key: 'comment', name: 'Comments', feeds: ['profile'] },
  { key: 'follow', name: 'Following', feeds: ['profile', 'feed'] },
  { key: 'search', name: 'Searches', feeds: ['profile'] },
  { key: 'block', name: 'Block List', feeds: ['profile', 'feed'] },
  { key: 'settings', name: 'Settings (keyword filters)', feeds: ['feed'] },
  // Checks the completion inferred from gaps; it moves nothing.
  { key: 'activity-summary', name: 'Activity Summary', feeds: [] },
  // Names the ids of favourite hashtags; by itself it moves nothing.
  { key: 'own-hashtag', name: 'Hashtag', feeds: [] },
  { key: 'favorite-collection', name: 'Favorite Collection', feeds: [] },
  { key: 'follower', name: 'Follower', feeds: [] },
  { key: 'login-history', name: 'Login History', feeds: [] },
];

/** What one import saw of a section: its records and the span of their dates (epoch ms). */
export type SectionTally = { rows: number; fromMs: number | null; toMs: number | null };

export function sectionName(key: SectionKey): string {
  return EXPORT_SECTIONS.find((s) => s.key === key)!.name;
}

/** Adds `b` into `a` (one section read from several files). */
export function mergeTally(a: SectionTally | undefined, b: SectionTally): SectionTally {
  if (a === undefined) return { ...b };
  return {
    rows: a.rows + b.rows,
    fromMs: minOf(a.fromMs, b.fromMs),
    toMs: a.toMs === null ? b.toMs : b.toMs === null ? a.toMs : Math.max(a.toMs, b.toMs),
  };
}

/** The card: every documented section, found (with its rows and dates) or absent. */
export function reportSections(
  tallies: ReadonlyMap<SectionKey, SectionTally>,
): ExportSectionReport[] {
  return EXPORT_SECTIONS.map(({ key, name, feeds }) => {
    const t = tallies.get(key);
    return {
      name,
      state: t === undefined ? 'absent' : 'found',
      rows: t?.rows ?? 0,
      from: t?.fromMs == null ? null : new Date(t.fromMs).toISOString(),
      to: t?.toMs == null ? null : new Date(t.toMs).toISOString(),
      feeds: [...feeds],
    };
  });
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
