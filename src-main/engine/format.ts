// Output-boundary helpers: rounding, ISO 8601 UTC without the Date global, and comparators that
// break every tie by id so that no order depends on insertion or engine internals.

/** Decimal places kept in traces: 1e-9 is far below anything shown and far above float noise. */
export const TRACE_DECIMALS = 9;

/** Rounds half away from zero to `decimals` places; −0 becomes 0 so JSON never prints "-0". */
export function round(x: number, decimals = TRACE_DECIMALS): number {
  if (!Number.isFinite(x)) return 0;
  const f = decimals === TRACE_DECIMALS ? TRACE_FACTOR : 10 ** decimals;
  const r = x < 0 ? -Math.round(-x * f) / f : Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}
const TRACE_FACTOR = 10 ** TRACE_DECIMALS;

/** Numeric order for decimal id strings of any length, without converting to a JS number. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Code-unit order (locale-independent). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MS_PER_DAY = 86_400_000;

/** Epoch ms → `YYYY-MM-DDTHH:MM:SS.mmmZ`, identical to Date#toISOString for years 0–9999. */
export function isoUtc(ms: number): string {
  const t = Math.floor(ms);
  const days = Math.floor(t / MS_PER_DAY);
  let rest = t - days * MS_PER_DAY;
  const { y, m, d } = civilFromDays(days);
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mm = Math.floor(rest / 60_000);
  rest -= mm * 60_000;
  const ss = Math.floor(rest / 1000);
  const msPart = rest - ss * 1000;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${pad(msPart, 3)}Z`;
}

/**
 * Days since 1970-01-01 → proleptic Gregorian date, by Howard Hinnant's `civil_from_days`
 * ("chrono-Compatible Low-Level Date Algorithms"): no Date, so the engine reads no zone.
 */
export function civilFromDays(dayNumber: number): { y: number; m: number; d: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The UTC calendar day `YYYY-MM-DD` of an epoch-ms time. */
export function dayUtc(ms: number): string {
  return isoUtc(ms).slice(0, 10);
}
