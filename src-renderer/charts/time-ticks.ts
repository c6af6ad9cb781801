// Time-axis ticks that read well over a minute, a day, a week or years, in the display zone.
// Each label says only what changed since the previous tick (as d3's multi-scale format does), so
// a single day shows "Nov 20 06:00, 12:00, 18:00" instead of "Nov 20" nine times.
import { scaleTime, scaleUtc, timeFormat, utcFormat } from 'd3';
import type { DisplayZone } from '../format';

export type TimeTick = { ms: number; label: string };

/** About `count` ticks between `firstMs` and `lastMs`, each with a distinct, shortest label. */
export function timeTicks(
  firstMs: number,
  lastMs: number,
  count: number,
  zone: DisplayZone,
): TimeTick[] {
  const scale = zone === 'UTC' ? scaleUtc() : scaleTime();
  const dates = scale
    .domain([new Date(firstMs), new Date(Math.max(lastMs, firstMs + 1))])
    .ticks(count);
  const format = zone === 'UTC' ? utcFormat : timeFormat;
  const year = format('%Y');
  const month = format('%b %Y');
  const day = format('%b %-d');
  const clock = format('%H:%M');
  const seconds = format('%H:%M:%S');
  const dayKey = format('%Y-%m-%d');
  const everyYear = dates.every((d) => month(d).startsWith('Jan') && isMidnight(d));
  const everyMonth = dates.every((d) => day(d).endsWith(' 1') && isMidnight(d));
  // Ticks closer than a minute (a very short session) need the seconds to differ.
  const time = dates.some((d, i) => i > 0 && clock(d) === clock(dates[i - 1]!)) ? seconds : clock;
  return dates.map((d, i) => {
    const previous = dates[i - 1];
    const newDay = previous === undefined || dayKey(previous) !== dayKey(d);
    const label = everyYear
      ? year(d)
      : everyMonth
        ? month(d)
        : isMidnight(d)
          ? day(d)
          : newDay
            ? `${day(d)} ${time(d)}`
            : time(d);
    return { ms: d.getTime(), label };
  });

  function isMidnight(d: Date): boolean {
    return clock(d) === '00:00' && seconds(d).endsWith(':00');
  }
}
