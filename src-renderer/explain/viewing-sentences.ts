// The sentences under the Viewing screen's charts: what each shows, in words, from the numbers the
// main side computed. Pure; tested in test/renderer/viewing-charts.test.ts.
import type { ViewingOverviewResult } from '@main/contract/viewing';
import { countOf, formatCount, formatMinutes } from '../format';

const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

type Overview = Pick<
  ViewingOverviewResult,
  'months' | 'days' | 'minutes' | 'publishedMinutesPerMonth' | 'heatmapWatches' | 'sessions'
>;

/** Months the watch history covers from their first day to their last. */
export function fullMonths(o: Pick<Overview, 'months'>) {
  return o.months.filter((m) => m.coveredDays === m.daysInMonth);
}

/** Minutes per month beside the published average, over full months only (the ends are partial). */
export function monthsSentence(o: Overview): string {
  const published = formatCount(o.publishedMinutesPerMonth);
  const full = fullMonths(o);
  if (full.length > 0) {
    const mean = full.reduce((sum, m) => sum + m.minutes, 0) / full.length;
    const side =
      Math.abs(mean - o.publishedMinutesPerMonth) < 0.05 * o.publishedMinutesPerMonth
        ? 'about the same as'
        : mean > o.publishedMinutesPerMonth
          ? 'more than'
          : 'less than';
    return `In ${countOf(full.length, 'full month')} of history, about ${formatMinutes(mean)} a month: ${side} the published average of ${published} minutes.`;
  }
  const perDay = o.days.length === 0 ? 0 : o.minutes / o.days.length;
  return `No full month yet: over ${countOf(o.days.length, 'day')}, about ${formatMinutes(perDay)} a day, or ${formatMinutes(perDay * 30)} in 30 days (published average: ${published} minutes a month).`;
}

/** The daily average over every day from the first video to the last, and the busiest day. */
export function daysSentence(o: Pick<Overview, 'days' | 'minutes'>): string {
  if (o.days.length === 0) return 'No video was started.';
  const busiest = o.days.reduce((a, b) => (b.minutes > a.minutes ? b : a));
  return `From ${o.days[0]!.date} to ${o.days.at(-1)!.date}, about ${formatMinutes(o.minutes / o.days.length)} a day on average; the most, ${formatMinutes(busiest.minutes)}, on ${busiest.date}.`;
}

/** The busiest hour of the week. */
export function heatmapSentence(o: Pick<Overview, 'heatmapWatches'>, zone: string): string {
  const max = Math.max(0, ...o.heatmapWatches);
  if (max === 0) return 'No video was started.';
  const i = o.heatmapWatches.indexOf(max);
  const hour = i % 24;
  return `Most videos were started on ${WEEKDAY_NAMES[Math.floor(i / 24)]}s between ${pad(hour)}:00 and ${pad((hour + 1) % 24)}:00 (${countOf(max, 'video')}; hours in ${zone}).`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
