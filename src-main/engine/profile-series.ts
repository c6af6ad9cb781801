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
 * Steps `viewer` through every event, keeping at most `maxSamples` samples of the dimensions of
 * type `dimension` (the last event is always one).
 */
export function recordProfileSeries(
  viewer: SteppingViewer,
  dimension: DimType,
  maxSamples: number,
): ProfileSeries {
  const n = viewer.events.length;
  const stride = Math.max(1, Math.ceil(n / maxSamples));
  const count = Math.ceil(n / stride);
  const series: ProfileSeries = {
    dimension,
    halfLifeMs: halfLifeMs(viewer.state.config),
    atMs: new Float64Array(count),
    eventIndex: new Int32Array(count),
    eventIds: [],
    events: new Int32Array(count),
    notObserved: new Int32Array(count),
    dims: [],
    sessions: [],
  };
  const store = viewer.state.store;
  const prefix = `${dimension}:`;
  const ids: number[] = [];
  let scanned = 0;
  let sample = 0;
  while (viewer.applied < n) {
    viewer.step();
    const index = viewer.applied - 1;
    const event = viewer.events[index]!;
    series.events[sample]!++;
    if (event.evidence !== 'observed') series.notObserved[sample]!++;
    noteSession(series.sessions, event);
    if ((index + 1) % stride !== 0 && index !== n - 1) continue;
    // Dimensions met for the first time since the last sample.
    for (; scanned < store.touched.length; scanned++) {
      const id = store.touched[scanned]!;
      const key = store.dims.key(id);
      if (!key.startsWith(prefix)) continue;
      ids.push(id);
      series.dims.push({ name: key.slice(prefix.length), sample: [], w: [], at: [] });
    }
    ids.forEach((id, k) => {
      const track = series.dims[k]!;
      const at = store.at[id]!;
      if (track.at.length > 0 && track.at.at(-1) === at && track.w.at(-1) === store.w[id]) return;
      track.sample.push(sample);
      track.w.push(store.w[id]!);
      track.at.push(at);
    });
    series.atMs[sample] = event.atMs;
    series.eventIndex[sample] = index;
    series.eventIds.push(event.id);
    sample++;
  }
  return series;
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
