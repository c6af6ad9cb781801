// What the export says about itself: `Activity Summary` (JSON `Activity Summary ›
// ActivitySummaryMap`; TXT `Activity Summary.txt`, Dutch `Samenvatting van activiteit.txt`) holds
// lifetime counts since the account was registered. Forms as d3i's TikTok extractor reads them
// (docs/IMPORT.md):
//   "videosWatchedToTheEndSinceAccountRegistration": 1234            (JSON, number or text)
//   Videos watched to the end since account registration: 1234        (TXT, English)
//   Video's tot het einde bekeken sinds accountregistratie: 1234      (TXT, Dutch)
import type { ActivitySummary, CompletionCheck, FeedEvent, Item } from '../domain/types';
import { watchRatioOf } from '../engine/signals';

type Count = keyof ActivitySummary;

/** Each count: its JSON key, and the words that name it in a TXT line, per language. */
const COUNTS: { count: Count; jsonKey: string; txt: RegExp }[] = [
  {
    count: 'videosWatchedToTheEnd',
    jsonKey: 'videosWatchedToTheEndSinceAccountRegistration',
    txt: /watched to the end|tot het einde bekeken/i,
  },
  {
    count: 'videosCommentedOn',
    jsonKey: 'videosCommentedOnSinceAccountRegistration',
    txt: /commented on|gereageerd/i,
  },
  {
    count: 'videosShared',
    jsonKey: 'videosSharedSinceAccountRegistration',
    txt: /shared since|gedeeld sinds/i,
  },
];

const NONE: ActivitySummary = {
  videosWatchedToTheEnd: null,
  videosCommentedOn: null,
  videosShared: null,
};

/** The counts in `ActivitySummaryMap` (or the object holding it); null when it has none. */
export function readActivitySummaryJson(value: unknown): ActivitySummary | null {
  if (value === null || typeof value !== 'object') return null;
  const map = (value as Record<string, unknown>).ActivitySummaryMap ?? value;
  if (map === null || typeof map !== 'object') return null;
  const out = { ...NONE };
  for (const { count, jsonKey } of COUNTS)
    out[count] = toCount((map as Record<string, unknown>)[jsonKey]);
  return found(out);
}

/** The counts in the lines of a TXT Activity Summary, in English or Dutch; null when none. */
export function readActivitySummaryTxt(lines: readonly string[]): ActivitySummary | null {
  const out = { ...NONE };
  for (const line of lines) {
    const m = /^(.*):\s*(\d[\d.,\s]*)$/.exec(line.trim());
    if (!m) continue;
    const spec = COUNTS.find((c) => c.txt.test(m[1]!));
    if (spec) out[spec.count] = toCount(m[2]!.replace(/[.,\s]/g, ''));
  }
  return found(out);
}

function toCount(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function found(summary: ActivitySummary): ActivitySummary | null {
  return Object.values(summary).some((v) => v !== null) ? summary : null;
}

/** Below this many watches with a known ratio, a finished share is noise (one watch moves it 5%). */
export const MIN_KNOWN_RATIOS = 20;
/**
 * How far Feedlens's estimate may exceed TikTok's count before they "disagree": TikTok's count and
 * the watch history are not necessarily taken at the same moment, and the estimate extrapolates
 * from the watches whose length is known to all of them; 10% absorbs both without hiding an
 * estimate that is plainly too high. Only "too high" can be checked: the count covers the
 * account's whole life, the history its last months, so a count far above the estimate is normal.
 */
export const COMPLETION_TOLERANCE = 0.1;

/**
 * The export's own count of videos watched to the end against the completion the engine infers
 * (engine/signals.ts watchRatioOf: the gap-inferred watch time over the video's duration, ≥ 1 is
 * finished). The finished share among watches with a known ratio, times every watch in the
 * history, must not exceed the count since registration by more than the tolerance.
 */
export function checkCompletion(
  summary: ActivitySummary | null,
  events: readonly FeedEvent[],
  itemOf: (id: string) => Item | undefined,
): CompletionCheck | null {
  const count = summary?.videosWatchedToTheEnd ?? null;
  if (count === null) return null;
  let watches = 0;
  let known = 0;
  let finished = 0;
  for (const e of events) {
    if (e.kind !== 'watch') continue;
    watches++;
    const r = watchRatioOf(e, e.itemId === null ? undefined : itemOf(e.itemId));
    if (r === null) continue;
    known++;
    if (r >= 1) finished++;
  }
  const estimate = known >= MIN_KNOWN_RATIOS ? Math.round((finished / known) * watches) : null;
  const verdict =
    estimate === null
      ? 'unknown'
      : estimate > count * (1 + COMPLETION_TOLERANCE)
        ? 'disagree'
        : 'consistent';
  const n = (x: number) => x.toLocaleString('en-US');
  const tiktok = `TikTok counts ${n(count)} videos watched to the end since the account was registered`;
  const inferred = `Feedlens infers ${n(finished)} of the ${n(known)} watches with a known video length finished (${Math.round((finished / Math.max(known, 1)) * 100)}%), about ${n(estimate ?? 0)} of the ${n(watches)} watches in this history`;
  const sentence =
    verdict === 'unknown'
      ? `${tiktok}. Feedlens cannot check its own completion estimate against it yet: only ${n(known)} of ${n(watches)} watches have a known video length (add metadata with durations).`
      : verdict === 'consistent'
        ? `${tiktok}; ${inferred}: consistent with TikTok's count.`
        : `${tiktok}, but ${inferred} alone: more than ${COMPLETION_TOLERANCE * 100}% above TikTok's count, so the gaps between entries overstate completion here (a gap runs on while a video loops, pauses or the app stays open). Read "finished" on this dataset with care.`;
  return { exportFinished: count, watches, known, finished, estimate, verdict, sentence };
}
