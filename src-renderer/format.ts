// How the UI writes times: UTC, to the second, without the ISO punctuation. Exports carry UTC
// times without a zone; we show local time only once the user has told us their zone.

/** '2024-11-02T14:30:20.000Z' or epoch ms → '2024-11-02 14:30:20 UTC'; null → '—'. */
export function formatUtc(
  time: string | number | null,
  precision: 'second' | 'minute' | 'day' = 'second',
): string {
  if (time === null) return '—';
  const iso = new Date(time).toISOString();
  const length = precision === 'day' ? 10 : precision === 'minute' ? 16 : 19;
  return `${iso.slice(0, length).replace('T', ' ')}${precision === 'day' ? '' : ' UTC'}`;
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
