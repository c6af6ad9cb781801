// How the UI writes times: to the second, without the ISO punctuation, with the zone named. Exports
// carry UTC times; we show them in the reader's own time zone unless they chose UTC in the
// settings. The choice is one display preference for the whole page, like the locale: App sets it
// and re-renders every screen, so the formatters need not take it from every caller.

/** Where times are shown: the reader's own zone ('local') or UTC. */
export type DisplayZone = 'local' | 'UTC';

let displayZone: DisplayZone = 'local';

export function setDisplayZone(zone: DisplayZone): void {
  displayZone = zone;
}

export function getDisplayZone(): DisplayZone {
  return displayZone;
}

type Precision = 'second' | 'minute' | 'day';

/** A time in the display zone: '2024-11-02 14:30:20 UTC', '2024-11-02 09:30 EST'; null → '—'. */
export function formatTime(time: string | number | null, precision: Precision = 'second'): string {
  return formatTimeIn(displayZone, time, precision);
}

const FORMATTERS = new Map<DisplayZone, Intl.DateTimeFormat>();

/** `formatTime` in a given zone (pure for 'UTC'; 'local' follows the runtime's zone). */
export function formatTimeIn(
  zone: DisplayZone,
  time: string | number | null,
  precision: Precision = 'second',
): string {
  if (time === null) return '—';
  let formatter = FORMATTERS.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      ...(zone === 'UTC' ? { timeZone: 'UTC' } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    FORMATTERS.set(zone, formatter);
  }
  const part = Object.fromEntries(
    formatter.formatToParts(new Date(time)).map((p) => [p.type, p.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string>;
  const day = `${part.year}-${part.month}-${part.day}`;
  if (precision === 'day') return day;
  const clock =
    precision === 'minute'
      ? `${part.hour}:${part.minute}`
      : `${part.hour}:${part.minute}:${part.second}`;
  return `${day} ${clock} ${part.timeZoneName}`;
}

/** The display zone's name for headings: 'UTC', 'EST'. */
export function zoneName(at: number = 0): string {
  return formatTimeIn(displayZone, at).split(' ').at(-1) ?? 'UTC';
}

// Numbers in the reader's own locale (the runtime's default: "1,990" in English, "1.990" in
// German); the words around them are English, so plurals follow English rules.
const LOCALE = undefined;
const NUMBER = new Intl.NumberFormat(LOCALE);
const PLURAL = new Intl.PluralRules('en');

/** 1990 → '1,990' (in the reader's locale). */
export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** (1, 'video') → '1 video'; (1990, 'video') → '1,990 videos'; irregular plurals are passed. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${PLURAL.select(n) === 'one' ? singular : plural}`;
}

/** 0.384 → '38%'; below 1 % one decimal ('0.4%'), so a small chance level is not shown as 0. */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  const digits = percent > 0 && percent < 1 ? 1 : 0;
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(percent)}%`;
}

/** A rough duration for plans and ETAs: 'under a minute', 'about 17 minutes', 'about 2 hours 5 minutes'. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${countOf(minutes, 'minute')}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${countOf(hours, 'hour')}${rest === 0 ? '' : ` ${countOf(rest, 'minute')}`}`;
}

/** Minutes watched: '0 minutes', 'under a minute', '45 minutes', '2 hours 5 minutes'. */
export function formatMinutes(minutes: number): string {
  if (minutes <= 0) return countOf(0, 'minute');
  if (minutes < 1) return 'under a minute';
  const whole = Math.round(minutes);
  if (whole < 60) return countOf(whole, 'minute');
  const rest = whole % 60;
  return `${countOf(Math.floor(whole / 60), 'hour')}${rest === 0 ? '' : ` ${countOf(rest, 'minute')}`}`;
}
