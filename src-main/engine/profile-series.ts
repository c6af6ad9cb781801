// The profile over time, recorded once per dataset and cut into buckets per zoom level. A replay
// of a million events takes over a second, so it runs once; a zoom then only reads what was kept.
// Kept per sample (every `stride` events): each dimension's stored weight when it changed since
// the previous sample, so a value at any sample is that weight decayed to the sample's time.
import type { FeedEvent } from '../domain/types';
import { halfLifeMs, type DimType } from './config';
import { decay } from './signals';
import type { SteppingViewer } from './handler-support';

/** One dimension's changes: at sample `sample[k]` its stored weight was `w[k]`, stored at `at[k]`. */
export type DimTrack = { name: string; sample: number[]; w: number[]; at: number[] };

export type ProfileSeries = {
  dimension: DimType;
  halfLifeMs: number;
  /** Per sample: the time, signal-log position and id of the event the sample is taken after. */
  atMs: Float64Array;
  eventIndex: Int32Array;
  eventIds: string[];
  /** Per sample: events since the previous sample, and how many of them were not observed. */
  events: Int32Array;
  notObserved: Int32Array;
  dims: DimTrack[];
  sessions: SessionSpan[];
};

export type SessionSpan = { index: number; startMs: number; endMs: number };

/**
 * Steps `viewer` through every event once, keeping at most `maxSamples` samples of the dimensions
 * of each type in `dimensions` (the last event is always one): one series per type, in that
 * order, sharing their per-sample arrays.
 */
export function recordProfileSeries(
  viewer: SteppingViewer,
  dimensions: readonly DimType[],
  maxSamples: number,
): ProfileSeries[] {
  const n = viewer.events.length;
  const stride = Math.max(1, Math.ceil(n / maxSamples));
  const count = Math.ceil(n / stride);
  const shared = {
    halfLifeMs: halfLifeMs(viewer.state.config),
    atMs: new Float64Array(count),
    eventIndex: new Int32Array(count),
    eventIds: [] as string[],
    events: new Int32Array(count),
    notObserved: new Int32Array(count),
    sessions: [] as SessionSpan[],
  };
  // Per recorded type, its dimensions in the order they were first met, with their store ids.
  const byType = new Map(
    dimensions.map((d) => [d, { ids: [] as number[], dims: [] as DimTrack[] }]),
  );
  const store = viewer.state.store;
  let scanned = 0;
  let sample = 0;
  while (viewer.applied < n) {
    viewer.step();
    const index = viewer.applied - 1;
    const event = viewer.events[index]!;
    shared.events[sample]!++;
    if (event.evidence !== 'observed') shared.notObserved[sample]!++;
    noteSession(shared.sessions, event);
    if ((index + 1) % stride !== 0 && index !== n - 1) continue;
    // Dimensions met for the first time since the last sample.
    for (; scanned < store.touched.length; scanned++) {
      const id = store.touched[scanned]!;
      const key = store.dims.key(id);
      const colon = key.indexOf(':');
      const own = byType.get(key.slice(0, colon) as DimType);
      if (!own) continue;
      own.ids.push(id);
      own.dims.push({ name: key.slice(colon + 1), sample: [], w: [], at: [] });
    }
    for (const own of byType.values())
      own.ids.forEach((id, k) => {
        const track = own.dims[k]!;
        const at = store.at[id]!;
        if (track.at.length > 0 && track.at.at(-1) === at && track.w.at(-1) === store.w[id]) return;
        track.sample.push(sample);
        track.w.push(store.w[id]!);
        track.at.push(at);
      });
    shared.atMs[sample] = event.atMs;
    shared.eventIndex[sample] = index;
    shared.eventIds.push(event.id);
    sample++;
  }
  return dimensions.map((dimension) => ({
    dimension,
    ...shared,
    dims: byType.get(dimension)!.dims,
  }));
}

function noteSession(sessions: SessionSpan[], event: FeedEvent): void {
  const last = sessions.at(-1);
  if (last?.index === event.session) last.endMs = event.atMs;
  else sessions.push({ index: event.session, startMs: event.atMs, endMs: event.atMs });
}

/** A dimension's weight at sample `s`: its last stored weight decayed to the sample's time. */
export function valueAt(series: ProfileSeries, track: DimTrack, s: number): number {
  const k = upperBound(track.sample, s) - 1;
  return k < 0 ? 0 : decay(track.w[k]!, track.at[k]!, series.atMs[s]!, series.halfLifeMs);
}

/** The first position whose value is greater than `value` in an ascending list. */
export function upperBound(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
