// "Your viewing": what an export says about when and how much a person watched, with no metadata.
// One pass over the events, pure and deterministic: the time zone arrives as a table of UTC
// offsets (computed by the caller, which may ask Intl), never read from the machine.
import type { Evidence, FeedEvent } from '../domain/types';
import { civilFromDays } from './format';

/**
 * The published average the minutes are shown beside: "users spending, on average, more than
 * 850 minutes per month on the app" ("What makes TikTok tick?", the article Feedlens starts from;
 * docs/IMPORT.md). A reported average over all users, not a measurement from exports.
 */
export const PUBLISHED_MINUTES_PER_MONTH = 850;

/**
 * A watch whose watch time is under this many seconds was left within seconds: DataSkop's rule
 * (AlgorithmWatch), which treats a gap under 2 s to the next entry as a skip. The watch time
 * itself is the importer's (import/infer.ts: the gap to the next watch in the same session).
 */
export const LEFT_WITHIN_S = 2;

/** Session lengths are counted in these bins (minutes, lower bound inclusive; the last is open). */
export const SESSION_LENGTH_BINS_MIN = [0, 1, 5, 15, 30, 60, 120] as const;

/** How many of the longest sessions are listed. */
export const LONGEST_SESSIONS = 10;

/** From `fromMs` on (until the next entry), local time is UTC + `offsetMinutes`. */
export type ZoneOffset = { fromMs: number; offsetMinutes: number };

export type ViewingDay = {
  /** Local date, 'YYYY-MM-DD'. */
  date: string;
  /** Estimated minutes watched (the watch times of the videos started that day). */
  minutes: number;
  /** Videos started. */
  watches: number;
  /** Sessions with a watch that started that day. */
  sessions: number;
};

export type ViewingMonth = {
  /** Local month, 'YYYY-MM'. */
  month: string;
  minutes: number;
  watches: number;
  /** Days of the month inside the watch history's first to last day; a full month has them all. */
  coveredDays: number;
  daysInMonth: number;
};

export type ActivityMonth = { month: string; likes: number; shares: number; searches: number };

export type ViewingSession = {
  /** 0-based session index within the dataset. */
  session: number;
  startMs: number;
  /** Local start, 'YYYY-MM-DD HH:MM'. */
  startLocal: string;
  /** From the session's first entry to its last (start times: the last video's own time is unknown). */
  lengthS: number;
  watches: number;
  minutes: number;
};

export type ViewingOverview = {
  /** Videos started: every watch entry (their start times are recorded). */
  watches: number;
  /** Watches with a watch time (recorded or estimated); the rest (each session's last) have none. */
  timedWatches: number;
  /** Sum of the watch times, in minutes. */
  minutes: number;
  /** 'inferred' when any of those times was estimated from gaps; null when there are none. */
  minutesEvidence: Evidence | null;
  /** Watches with a watch time under LEFT_WITHIN_S, of `timedWatches`. */
  leftWithinSeconds: number;
  /** Sessions that hold at least one watch. */
  sessions: number;
  days: ViewingDay[];
  months: ViewingMonth[];
  /** Likes, shares and searches per month, from the first such event's month to the last's. */
  activity: ActivityMonth[];
  /** Videos started per weekday (0 = Monday) × hour: index weekday · 24 + hour. */
  heatmapWatches: number[];
  /** Estimated minutes per weekday × hour, indexed as heatmapWatches. */
  heatmapMinutes: number[];
  /** Sessions per length bin (SESSION_LENGTH_BINS_MIN). */
  sessionLengths: number[];
  /** The longest sessions, longest first (ties: the earlier first). */
  longestSessions: ViewingSession[];
  publishedMinutesPerMonth: number;
  leftWithinS: number;
};

const DAY_MS = 86_400_000;

type SessionAcc = {
  first: number;
  last: number;
  firstWatch: number;
  watches: number;
  seconds: number;
};
type DayAcc = { seconds: number; watches: number; sessions: number };
type ActivityAcc = { likes: number; shares: number; searches: number };

/**
 * The overview of a dataset's viewing in one pass over `events` (any order). Days, hours and
 * weekdays are local to the zone `offsets` describes (sorted by `fromMs`; the first entry applies
 * before it too; an empty table is UTC). Minutes are Σ watchS / 60 of the watches started in the
 * period; sessions are the events' own session indices (cut at import by the dataset's gap).
 */
export function viewingOverview(
  events: readonly FeedEvent[],
  offsets: readonly ZoneOffset[],
): ViewingOverview {
  const local = localClock(offsets);
  const days = new Map<number, DayAcc>();
  const sessions = new Map<number, SessionAcc>();
  const activity = new Map<number, ActivityAcc>();
  const heatmapWatches = new Array<number>(7 * 24).fill(0);
  const heatmapSeconds = new Array<number>(7 * 24).fill(0);
  let watches = 0;
  let timed = 0;
  let seconds = 0;
  let inferred = false;
  let left = 0;
  let day: DayAcc | undefined;
  let dayNumber = Number.NaN;
  let session: SessionAcc | undefined;
  let sessionIndex = Number.NaN;

  for (const e of events) {
    if (e.session !== sessionIndex) {
      sessionIndex = e.session;
      session = sessions.get(sessionIndex);
      if (!session) sessions.set(sessionIndex, (session = emptySession(e.atMs)));
    }
    session!.first = Math.min(session!.first, e.atMs);
    session!.last = Math.max(session!.last, e.atMs);
    if (e.kind === 'like' || e.kind === 'share' || e.kind === 'search') {
      const month = monthNumber(Math.floor(local(e.atMs) / DAY_MS));
      const acc = activity.get(month) ?? { likes: 0, shares: 0, searches: 0 };
      activity.set(month, acc);
      if (e.kind === 'like') acc.likes++;
      else if (e.kind === 'share') acc.shares++;
      else acc.searches++;
      continue;
    }
    if (e.kind !== 'watch') continue;
    const at = local(e.atMs);
    const n = Math.floor(at / DAY_MS);
    if (n !== dayNumber) {
      dayNumber = n;
      day = days.get(n);
      if (!day) days.set(n, (day = { seconds: 0, watches: 0, sessions: 0 }));
    }
    const cell = weekday(n) * 24 + Math.floor((at - n * DAY_MS) / 3_600_000);
    watches++;
    day!.watches++;
    session!.watches++;
    session!.firstWatch = Math.min(session!.firstWatch, e.atMs);
    heatmapWatches[cell]!++;
    const s = e.watchS;
    if (s === null || !Number.isFinite(s)) continue;
    timed++;
    seconds += s;
    day!.seconds += s;
    session!.seconds += s;
    heatmapSeconds[cell]! += s;
    if (s < LEFT_WITHIN_S) left++;
    if (e.evidence === 'inferred') inferred = true;
  }

  const viewingSessions = [...sessions.entries()]
    .filter(([, s]) => s.watches > 0)
    .sort((a, b) => a[0] - b[0]);
  const sessionLengths = new Array<number>(SESSION_LENGTH_BINS_MIN.length).fill(0);
  for (const [, s] of viewingSessions) {
    days.get(Math.floor(local(s.firstWatch) / DAY_MS))!.sessions++;
    sessionLengths[lengthBin((s.last - s.first) / 60_000)]!++;
  }
  const longestSessions = viewingSessions
    .map(([index, s]) => ({ index, s }))
    .sort((a, b) => b.s.last - b.s.first - (a.s.last - a.s.first) || a.index - b.index)
    .slice(0, LONGEST_SESSIONS)
    .map(({ index, s }) => ({
      session: index,
      startMs: s.first,
      startLocal: localDateTime(local(s.first)),
      lengthS: round((s.last - s.first) / 1000),
      watches: s.watches,
      minutes: round(s.seconds / 60),
    }));

  return {
    watches,
    timedWatches: timed,
    minutes: round(seconds / 60),
    minutesEvidence: timed === 0 ? null : inferred ? 'inferred' : 'observed',
    leftWithinSeconds: left,
    sessions: viewingSessions.length,
    ...dayAndMonthSeries(days),
    activity: activitySeries(activity),
    heatmapWatches,
    heatmapMinutes: heatmapSeconds.map((s) => round(s / 60)),
    sessionLengths,
    longestSessions,
    publishedMinutesPerMonth: PUBLISHED_MINUTES_PER_MONTH,
    leftWithinS: LEFT_WITHIN_S,
  };
}

function emptySession(atMs: number): SessionAcc {
  return { first: atMs, last: atMs, firstWatch: Infinity, watches: 0, seconds: 0 };
}

/** Every day and month from the first watch's to the last's, empty ones included (as zeros). */
function dayAndMonthSeries(days: ReadonlyMap<number, DayAcc>): {
  days: ViewingDay[];
  months: ViewingMonth[];
} {
  if (days.size === 0) return { days: [], months: [] };
  const numbers = [...days.keys()];
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const outDays: ViewingDay[] = [];
  const months = new Map<number, ViewingMonth & { seconds: number }>();
  for (let n = first; n <= last; n++) {
    const acc = days.get(n) ?? { seconds: 0, watches: 0, sessions: 0 };
    const { y, m, d } = civilFromDays(n);
    outDays.push({
      date: `${y}-${pad(m)}-${pad(d)}`,
      minutes: round(acc.seconds / 60),
      watches: acc.watches,
      sessions: acc.sessions,
    });
    const key = y * 12 + m - 1;
    let month = months.get(key);
    if (!month) {
      month = {
        month: `${y}-${pad(m)}`,
        minutes: 0,
        seconds: 0,
        watches: 0,
        coveredDays: 0,
        daysInMonth: daysInMonth(y, m),
      };
      months.set(key, month);
    }
    month.seconds += acc.seconds;
    month.watches += acc.watches;
    month.coveredDays++;
  }
  return {
    days: outDays,
    months: [...months.values()].map(({ seconds, ...m }) => ({
      ...m,
      minutes: round(seconds / 60),
    })),
  };
}

function activitySeries(activity: ReadonlyMap<number, ActivityAcc>): ActivityMonth[] {
  if (activity.size === 0) return [];
  const keys = [...activity.keys()];
  const out: ActivityMonth[] = [];
  for (let k = Math.min(...keys); k <= Math.max(...keys); k++) {
    const acc = activity.get(k) ?? { likes: 0, shares: 0, searches: 0 };
    out.push({ month: `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`, ...acc });
  }
  return out;
}

/** UTC ms → local ms ("UTC" read as the wall clock) for the offset table; a cursor makes runs O(1). */
function localClock(offsets: readonly ZoneOffset[]): (utcMs: number) => number {
  if (offsets.length === 0) return (ms) => ms;
  let i = 0;
  return (ms) => {
    if (ms < offsets[i]!.fromMs || (i + 1 < offsets.length && ms >= offsets[i + 1]!.fromMs)) {
      let lo = 0;
      let hi = offsets.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (offsets[mid]!.fromMs <= ms) lo = mid;
        else hi = mid - 1;
      }
      i = lo;
    }
    return ms + offsets[i]!.offsetMinutes * 60_000;
  };
}

/** Day 0 (1970-01-01) was a Thursday: Monday = 0 … Sunday = 6. */
function weekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function monthNumber(dayNumber: number): number {
  const { y, m } = civilFromDays(dayNumber);
  return y * 12 + m - 1;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function localDateTime(localMs: number): string {
  const n = Math.floor(localMs / DAY_MS);
  const { y, m, d } = civilFromDays(n);
  const minutes = Math.floor((localMs - n * DAY_MS) / 60_000);
  return `${y}-${pad(m)}-${pad(d)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function lengthBin(minutes: number): number {
  let bin = 0;
  while (bin + 1 < SESSION_LENGTH_BINS_MIN.length && minutes >= SESSION_LENGTH_BINS_MIN[bin + 1]!)
    bin++;
  return bin;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One decimal at the output boundary keeps answers stable. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}
