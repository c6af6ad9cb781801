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
