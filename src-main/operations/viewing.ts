// "Your viewing" as an operation: read the dataset, turn the asked time zone into the table of UTC
// offsets the pure engine takes (Intl knows the zone's rules; the engine reads no clock or zone),
// compute once. Every shell gets the same numbers through viewing/overview.
import type { Context } from './context';
import { cachedDataset } from './loaded';
import type { ViewingOverviewResult } from '../contract/viewing';
import { viewingOverview, type ZoneOffset } from '../engine/viewing';

const DAY_MS = 86_400_000;

export function getViewingOverview(
  ctx: Context,
  datasetId: string,
  timeZone: string,
): ViewingOverviewResult {
  const { events } = cachedDataset(ctx, datasetId);
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    if (e.atMs < first) first = e.atMs;
    if (e.atMs > last) last = e.atMs;
  }
  const offsets = first > last ? [] : zoneOffsets(timeZone, first, last);
  return { datasetId, timeZone, ...viewingOverview(events, offsets) };
}

/**
 * The zone's offsets from UTC between two instants: the offset at `fromMs`, then one entry per
 * change (daylight saving), found to the millisecond. Zones change offset at most a few times a
 * year, never twice in a day, so a daily sample finds every change and a bisection places it.
 */
export function zoneOffsets(timeZone: string, fromMs: number, toMs: number): ZoneOffset[] {
  const offsetAt = offsetReader(timeZone);
  const out: ZoneOffset[] = [{ fromMs, offsetMinutes: offsetAt(fromMs) }];
  for (let at = fromMs + DAY_MS; at - DAY_MS < toMs; at += DAY_MS) {
    const now = offsetAt(Math.min(at, toMs));
    if (now === out.at(-1)!.offsetMinutes) continue;
    // The change lies in (at − 1 day, at]: the first millisecond with the new offset.
    let lo = at - DAY_MS;
    let hi = Math.min(at, toMs);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === now) hi = mid;
      else lo = mid;
    }
    out.push({ fromMs: hi, offsetMinutes: now });
  }
  return out;
}

/** ms → the zone's offset in minutes at that instant, from its wall clock as Intl writes it. */
function offsetReader(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms) => {
    const part: Record<string, number> = {};
    for (const p of format.formatToParts(ms)) part[p.type] = Number(p.value);
    const wall = Date.UTC(
      part.year!,
      part.month! - 1,
      part.day!,
      part.hour!,
      part.minute!,
      part.second!,
    );
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  };
}
