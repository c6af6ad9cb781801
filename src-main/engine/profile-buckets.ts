// Cuts a recorded profile series (profile-series.ts) into at most `buckets` points for the time
// range on screen: each bucket is the profile after its last event, with the evidence of the
// events it covers. Zooming in asks again with a narrower range, so detail grows with the zoom.
import { round } from './format';
import { upperBound, valueAt, type ProfileSeries, type SessionSpan } from './profile-series';

export type ProfileBucket = {
  /** The bucket's last event: the profile is taken after it. */
  atMs: number;
  eventIndex: number;
  eventId: string;
  /** The shown dimensions' weights. */
  weights: Record<string, number>;
  /** The summed weight of every other dimension of the type. */
  other: number;
  /** Events in the bucket, and how many were inferred or only loaded rather than observed. */
  events: number;
  notObserved: number;
};

export type TimeRange = { fromMs: number; toMs: number };

/** A pause longer than this between two sessions breaks the chart's lines (a week, OURS). */
export const LONG_GAP_MS = 7 * 86_400_000;

export type BucketedProfile = {
  /** The strongest dimensions at the end of the whole timeline, strongest first. */
  topics: string[];
  /** No bucket spans a gap: one ends at or before each gap's start, the next begins after it. */
  buckets: ProfileBucket[];
  /**
   * The pauses longer than LONG_GAP_MS between the end of one session and the start of the next
   * that overlap the range: a time the data says nothing about, not a time the weights held.
   */
  gaps: TimeRange[];
  /** The sessions overlapping the range; empty when more than `maxSessions` would be. */
  sessions: SessionSpan[];
  sessionCount: number;
  full: TimeRange;
  range: TimeRange;
};

export type BucketOptions = {
  fromMs?: number;
  toMs?: number;
  buckets: number;
  topics: number;
  maxSessions: number;
};

export function bucketProfile(series: ProfileSeries, options: BucketOptions): BucketedProfile {
  const n = series.atMs.length;
  const full = { fromMs: series.atMs[0] ?? 0, toMs: series.atMs[n - 1] ?? 0 };
  const range = {
    fromMs: Math.max(full.fromMs, options.fromMs ?? full.fromMs),
    toMs: Math.min(full.toMs, options.toMs ?? full.toMs),
  };
  if (n === 0)
    return { topics: [], buckets: [], gaps: [], sessions: [], sessionCount: 0, full, range };
  const strongest = series.dims
    .map((track) => ({ track, w: valueAt(series, track, n - 1) }))
    .filter((d) => d.w > 0)
    .sort((a, b) => b.w - a.w || (a.track.name < b.track.name ? -1 : 1));
  const shown = strongest.slice(0, options.topics).map((d) => d.track);
  const others = strongest.slice(options.topics).map((d) => d.track);
  // Samples inside the range; a range between two samples shows the one just after it.
  const lo = Math.min(n - 1, lowerBound(series.atMs, range.fromMs));
  const hi = Math.max(lo, upperBound(series.atMs, range.toMs) - 1);
  const gaps = longGaps(series.sessions).filter(
    (g) => g.toMs > range.fromMs && g.fromMs < range.toMs,
  );
  // The last sample before each gap ends a bucket. With a sample every k events (a million
  // events), the sample after it may hold a few events from before the gap as well.
  const cuts = gaps
    .map((g) => upperBound(series.atMs, g.fromMs) - 1)
    .filter((s) => s >= lo && s < hi);
  const slots = Math.max(1, options.buckets - 1 - cuts.length);
  const every = Math.max(1, Math.ceil((hi - lo) / slots));
  const buckets: ProfileBucket[] = [];
  let previous = lo - 1;
  let cut = 0;
  for (let end = lo; ;) {
    let events = 0;
    let notObserved = 0;
    for (let s = Math.max(0, previous + 1); s <= end; s++) {
      events += series.events[s]!;
      notObserved += series.notObserved[s]!;
    }
    let other = 0;
    for (const track of others) other += valueAt(series, track, end);
    buckets.push({
      atMs: series.atMs[end]!,
      eventIndex: series.eventIndex[end]!,
      eventId: series.eventIds[end]!,
      weights: Object.fromEntries(shown.map((t) => [t.name, round(valueAt(series, t, end))])),
      other: round(other),
      events,
      notObserved,
    });
    previous = end;
    if (end === hi) break;
    while (cut < cuts.length && cuts[cut]! <= end) cut++;
    end = Math.min(hi, end + every, cuts[cut] ?? hi);
  }
  const sessions = series.sessions.filter(
    (s) => s.endMs >= range.fromMs && s.startMs <= range.toMs,
  );
  return {
    topics: shown.map((t) => t.name),
    buckets,
    gaps,
    sessions: sessions.length > options.maxSessions ? [] : sessions,
    sessionCount: sessions.length,
    full,
    range,
  };
}

/** The pauses longer than LONG_GAP_MS between consecutive sessions (which are in time order). */
function longGaps(sessions: readonly SessionSpan[]): TimeRange[] {
  const gaps: TimeRange[] = [];
  for (let i = 1; i < sessions.length; i++) {
    const fromMs = sessions[i - 1]!.endMs;
    const toMs = sessions[i]!.startMs;
    if (toMs - fromMs > LONG_GAP_MS) gaps.push({ fromMs, toMs });
  }
  return gaps;
}

/** The first position whose value is at least `value` in an ascending list. */
function lowerBound(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
