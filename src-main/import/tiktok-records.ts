// What each TikTok export section means as events (docs/IMPORT.md), shared by the JSON and TXT
// readers: the same record gives the same event whichever layout it came in. Records are checked
// strictly, one at a time: a record with a malformed or out-of-range date, a missing or mistyped
// field, an absurd number or no usable link is skipped and counted with its section and line, and
// the file fails only when none of its records could be read (docs/IMPORT.md, "Bad records").
import type { UserError } from '../domain/errors';
import type { Item, SkippedRecords, Target } from '../domain/types';
import { badInput, quote, type Where } from './errors';
import type { EventBudget } from './event-budget';
import { mergeTally, sectionName, type SectionKey, type SectionTally } from './export-sections';
import { creatorHandle, hashtagName, itemFromId } from './fields';
import { MAX_FIELD_BYTES, MAX_FUTURE_MS, MIN_EVENT_MS } from './limits';
import type { ImportedEvent, ReadContext } from './types';

export const SECTIONS = [
  'watch',
  'like',
  'favorite-video',
  'favorite-sound',
  'favorite-hashtag',
  'favorite-effect',
  'share',
  'comment',
  'follow',
  'search',
  'block',
  'own-hashtag',
] as const;
export type Section = (typeof SECTIONS)[number];

/** What every TikTok export lacks, in the words the summary shows. */
export const TIKTOK_LACKS = [
  'no watch durations in TikTok exports: inferred from gaps between entries',
  'no completion or rewatch flags, so no watch ratios',
  'no captions, hashtags, creators or sounds for watched videos: their topics stay unknown until metadata is added (a Zeeschuimer capture, an online lookup you agree to, a yt-dlp file or a CSV: the Metadata screen adds each)',
  'comments are not linked to the videos they were posted on',
  'watch history covers only the last months before the export (about six in 2024–25 exports)',
];

const DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: UTC)?$/;

/**
 * Account-level lists that old musical.ly accounts (merged into TikTok in 2018) carry with dates
 * from before TikTok's 2016 launch. Their records are skipped too (a timeline that starts years
 * before the rest would squash every chart), with a reason that says why they are there.
 */
const MUSICALLY_ERA: ReadonlySet<Section> = new Set([
  'block',
  'follow',
  'like',
  'favorite-video',
  'favorite-sound',
  'favorite-hashtag',
  'favorite-effect',
]);

/** Lines kept per group of skipped records (the count says how many there were). */
const LINES_KEPT = 5;

/** One record that cannot be read: why (the group it is counted in) and the one-line error. */
class RecordProblem {
  constructor(
    readonly reason: string,
    readonly error: UserError,
  ) {}
}

/** musical.ly launched in 2014; a date before that is not from any account's history. */
const MUSICALLY_FIRST_YEAR = 2014;
const VIDEO = /\/(?:video|v)\/(\d{1,19})(?:\D|$)/;

/** Reads records of one file into events and bare items (id and creation time only). */
export class TikTokCollector {
  readonly events: ImportedEvent[] = [];
  readonly items = new Map<string, Item>();
  /** Records and date spans per section, for the "What's in your export" card. */
  readonly tallies = new Map<SectionKey, SectionTally>();
  /** Skipped records by section and reason. */
  private readonly skips = new Map<string, SkippedRecords & { first: UserError }>();
  private read = 0;
  /** Hashtag ids → names, from the own posts' Hashtag list (the only place an export names them). */
  private readonly tagNames = new Map<string, string>();

  constructor(
    private readonly fileName: string,
    private readonly nowMs: number,
    private readonly budget: EventBudget,
  ) {}

  add(section: Section, record: unknown, where: Where): void {
    const tally = this.tally(section);
    tally.rows++;
    let event: ImportedEvent | null;
    try {
      event = this.toRecordEvent(section, record, where);
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      this.skip(section, error, where);
      return;
    }
    this.read++;
    if (event === null) return;
    if (tally.fromMs === null || event.atMs < tally.fromMs) tally.fromMs = event.atMs;
    if (tally.toMs === null || event.atMs > tally.toMs) tally.toMs = event.atMs;
    this.budget.take(this.fileName, where);
    this.events.push(event);
  }

  /**
   * Counts a record of a section that is listed but not read (Follower, Login History, ...): its
   * date, when it has a readable one, widens the section's span; nothing else is looked at.
   */
  count(section: SectionKey, record: unknown): void {
    const tally = this.tally(section);
    tally.rows++;
    const rec =
      record !== null && typeof record === 'object' ? (record as Record<string, unknown>) : {};
    const raw = rec.Date ?? rec.date;
    const m = typeof raw === 'string' ? DATE.exec(raw.trim()) : null;
    if (!m) return;
    const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    if (!Number.isFinite(ms)) return;
    this.tallies.set(section, mergeTally(tally, { rows: 0, fromMs: ms, toMs: ms }));
  }

  /** Marks a section as present even when it holds no records (an empty list). */
  found(section: SectionKey): void {
    this.tally(section);
  }

  /**
   * Skips a record the TXT layout could not even split into fields (a line that is not
   * `Key: value`, a key twice): counted with the section's other skipped records.
   */
  reject(section: Section, reason: string, where: Where): void {
    this.tally(section).rows++;
    this.skip(section, this.problem(reason, reason, where), where);
  }

  /** Records read into events (or names) so far, and records skipped so far. */
  counts(): { read: number; skipped: number } {
    let skipped = 0;
    for (const group of this.skips.values()) skipped += group.count;
    return { read: this.read, skipped };
  }

  /** The skipped records by section and reason, in the order first met. */
  skipped(): SkippedRecords[] {
    return [...this.skips.values()].map(({ section, reason, count, lines }) => ({
      section,
      reason,
      count,
      lines,
    }));
  }

  /**
   * A file fails only when it had records and none of them could be read: then with the first
   * record's own one-line error (its problem and position).
   */
  nothingRead(): UserError | null {
    if (this.read > 0 || this.skips.size === 0) return null;
    return this.skips.values().next().value!.first;
  }

  private tally(section: SectionKey): SectionTally {
    let t = this.tallies.get(section);
    if (!t) this.tallies.set(section, (t = { rows: 0, fromMs: null, toMs: null }));
    return t;
  }

  private skip(section: Section, problem: RecordProblem, where: Where): void {
    const key = `${section}\u0000${problem.reason}`;
    let group = this.skips.get(key);
    if (!group) {
      group = {
        section: sectionName(section),
        reason: problem.reason,
        count: 0,
        lines: [],
        first: problem.error,
      };
      this.skips.set(key, group);
    }
    group.count++;
    if (where.line !== undefined && group.lines.length < LINES_KEPT) group.lines.push(where.line);
  }

  /** The record's event, null for an undated own-hashtag record; a RecordProblem when unreadable. */
  private toRecordEvent(section: Section, record: unknown, where: Where): ImportedEvent | null {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw this.problem(
        'a value that is not a record (an object)',
        `expected a record (an object) in the ${section} list`,
        where,
      );
    }
    const rec = record as Record<string, unknown>;
    for (const key in rec) {
      const v = rec[key];
      if (typeof v === 'number' && (!Number.isFinite(v) || v < 0 || v > Number.MAX_SAFE_INTEGER)) {
        throw this.problem('an absurd number', `an absurd number ${v} in "${key}"`, where);
      }
    }
    // The own posts' hashtags are undated: they only name the tag ids that favourites link to.
    if (section === 'own-hashtag') {
      this.nameTag(rec, where);
      return null;
    }
    const atMs = this.date(section, rec, where);
    const event = this.toEvent(section, rec, atMs, where);
    if (typeof event === 'string') throw this.problem(event, event, where);
    return event;
  }

  private problem(reason: string, text: string, where: Where): RecordProblem {
    return new RecordProblem(reason, badInput(this.fileName, text, where));
  }

  // Hot path (a million records in a big export): no closures or spreads per record.
  private toEvent(
    section: Exclude<Section, 'own-hashtag'>,
    rec: Record<string, unknown>,
    atMs: number,
    where: Where,
  ): ImportedEvent | string {
    switch (section) {
      case 'watch':
      case 'like':
      case 'favorite-video': {
        const id = this.videoId(this.text(rec, 'Link', 'link', 'VideoLink', where));
        if (id === null) return 'no readable video link';
        return event(section === 'favorite-video' ? 'favorite' : section, atMs, id, null);
      }
      case 'favorite-sound':
      case 'favorite-hashtag':
      case 'favorite-effect': {
        const type =
          section === 'favorite-sound'
            ? 'sound'
            : section === 'favorite-hashtag'
              ? 'hashtag'
              : 'effect';
        const value = linkName(this.text(rec, 'Link', 'link', 'EffectLink', where), type);
        return value === null ? 'no link' : event('favorite', atMs, null, { type, value });
      }
      case 'share': {
        // SharedContent ("video", "profile", "sound", ...) and Method ("chat_merge", "copy_link")
        // add nothing the link does not say: the link alone decides the target.
        const link = this.text(rec, 'Link', 'link', '', where) ?? '';
        const id = this.videoId(link);
        if (id !== null) return event('share', atMs, id, null);
        return event('share', atMs, null, sharedTarget(link));
      }
      case 'comment': {
        // The text is kept as the comment's target: exports do not say which video it was on.
        const text = this.text(rec, 'comment', 'Comment', '', where)?.trim() ?? '';
        const itemId = this.videoId(this.text(rec, 'Url', 'url', '', where));
        return event(
          'comment',
          atMs,
          itemId,
          text === '' ? null : { type: 'text', value: capped(text) },
        );
      }
      case 'block': {
        // Blocking an account is TikTok's strongest "show me less" of a creator.
        const name = this.text(rec, 'UserName', 'Username', 'userName', where);
        const handle = name === null || name === 'N/A' ? null : creatorHandle(name);
        return handle === null
          ? 'no user name'
          : event('not-interested', atMs, null, { type: 'creator', value: handle });
      }
      case 'follow': {
        const name = this.text(rec, 'UserName', 'Username', 'userName', where);
        const handle = name === null || name === 'N/A' ? null : creatorHandle(name);
        return event(
          'follow',
          atMs,
          null,
          handle === null ? null : { type: 'creator', value: handle },
        );
      }
      case 'search': {
        const term = this.text(rec, 'SearchTerm', 'searchTerm', '', where)?.trim() ?? '';
        return term === ''
          ? 'no search term'
          : event('search', atMs, null, { type: 'query', value: term });
      }
    }
  }

  private nameTag(rec: Record<string, unknown>, where: Where): void {
    const name = hashtagName(this.text(rec, 'HashtagName', 'Hashtag Name', '', where) ?? '');
    const link = this.text(rec, 'HashtagLink', 'Hashtag Link', 'Link', where);
    const id = linkName(link, 'hashtag');
    if (name !== null && id !== null && /^\d+$/.test(id)) this.tagNames.set(id, name);
  }

  /**
   * Favourite hashtags arrive as tag ids; where the export's own Hashtag list names an id (in
   * any order in the file), the favourite gets the name. Unnamed ids stay ids.
   */
  finish(): void {
    if (this.tagNames.size === 0) return;
    for (const e of this.events) {
      const name = e.target?.type === 'hashtag' ? this.tagNames.get(e.target.value) : undefined;
      if (name !== undefined) e.target = { type: 'hashtag', value: name };
    }
  }

  private date(section: Section, rec: Record<string, unknown>, where: Where): number {
    const raw = this.text(rec, 'Date', 'date', '', where);
    if (raw === null) throw this.problem('no date', 'a record without a Date', where);
    const ms = parseTikTokDate(raw, this.nowMs, section);
    if (typeof ms !== 'number') throw this.problem(ms.reason, ms.text, where);
    return ms;
  }

  /** The first of up to three spellings of a field that is present; '' stands for none. */
  private text(
    rec: Record<string, unknown>,
    a: string,
    b: string,
    c: string,
    where: Where,
  ): string | null {
    // Direct loads first: within one list every record has the same keys, so these stay fast.
    const first = rec[a];
    if (typeof first === 'string') return first;
    const key = first != null ? a : rec[b] != null ? b : c !== '' && rec[c] != null ? c : null;
    if (key === null) return null;
    const v = rec[key];
    if (typeof v !== 'string')
      throw this.problem(
        'a field that is not text',
        `"${key}" is ${typeof v}, expected text`,
        where,
      );
    return v;
  }

  /** The video id in a link, kept as a string; its upper 32 bits date the video. */
  private videoId(link: string | null): string | null {
    const digits = link === null ? undefined : videoDigits(link);
    if (digits === undefined) return null;
    // At most 19 digits, so below 2^64; leading zeros dropped so one video has one id.
    const id = digits.length > 1 && digits[0] === '0' ? digits.replace(/^0+(?=\d)/, '') : digits;
    if (!this.items.has(id)) this.items.set(id, itemFromId(id));
    return id;
  }
}

/** The digits after "/video/" (or "/v/"), found without a regex on the common path. */
function videoDigits(link: string): string | undefined {
  const at = link.indexOf('/video/');
  if (at < 0) return VIDEO.exec(link)?.[1];
  let end = at + 7;
  while (
    end < link.length &&
    end - at - 7 < 20 &&
    link.charCodeAt(end) >= 48 &&
    link.charCodeAt(end) <= 57
  )
    end++;
  const n = end - at - 7;
  return n >= 1 &&
    n <= 19 &&
    (end === link.length || link.charCodeAt(end) < 48 || link.charCodeAt(end) > 57)
    ? link.slice(at + 7, end)
    : undefined;
}

/** One shape for every event, so a million of them stay compact. */
function event(
  kind: ImportedEvent['kind'],
  atMs: number,
  itemId: string | null,
  target: Target | null,
): ImportedEvent {
  return {
    atMs,
    kind,
    itemId,
    target,
    watchS: null,
    watchRatio: null,
    level: null,
    // The export records that a like, share or follow happened and when; only a watch's
    // duration is estimated (from the gap to the next entry), so only watches are inferred.
    evidence: kind === 'watch' ? 'inferred' : 'observed',
  };
}

/** The id (or name) in a sound, hashtag or effect link; the link itself when it has neither. */
function linkName(link: string | null, type: 'sound' | 'hashtag' | 'effect'): string | null {
  const trimmed = link?.trim() ?? '';
  if (trimmed === '') return null;
  const segment = type === 'sound' ? 'music' : type === 'hashtag' ? 'tag' : 'effect';
  const m = new RegExp(`/${segment}/([^/?#]+?)(?:\\.html)?(?:[/?#]|$)`).exec(trimmed)?.[1];
  if (m === undefined) return trimmed;
  const id = /(\d{5,})$/.exec(m)?.[1];
  if (id !== undefined) return id;
  return type === 'hashtag' ? (hashtagName(decodeURIComponentSafe(m)) ?? trimmed) : m;
}

/** What a shared link that is not a video points to: a profile, a sound or a hashtag. */
function sharedTarget(link: string): Target | null {
  const user = /tiktok\.com\/@([\w.]+)/.exec(link)?.[1];
  const handle = user === undefined ? null : creatorHandle(user);
  if (handle !== null) return { type: 'creator', value: handle };
  if (link.includes('/music/')) return { type: 'sound', value: linkName(link, 'sound')! };
  if (link.includes('/tag/')) return { type: 'hashtag', value: linkName(link, 'hashtag')! };
  return null;
}

/** Text at most the field limit long, never cut inside a surrogate pair. */
function capped(text: string): string {
  if (text.length <= MAX_FIELD_BYTES) return text;
  const end = /[\uDC00-\uDFFF]/.test(text[MAX_FIELD_BYTES]!)
    ? MAX_FIELD_BYTES - 1
    : MAX_FIELD_BYTES;
  return text.slice(0, end);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The one date rule of both TikTok formats: a TikTok date in epoch ms, or why it cannot be one
 * (`reason` groups skipped records in the summary, `text` is the one-line error). Every section
 * accepts 2016-01-01 to now + 1 day; 2014–15 in the musical.ly-era lists gets its own reason.
 * Exports write UTC without saying so (docs/IMPORT.md): never read as local time. `section` is
 * null for records whose section is not decided yet (a file waiting for the person's choice).
 */
export function parseTikTokDate(
  raw: string,
  nowMs: number,
  section: Section | null,
): number | { reason: string; text: string } {
  const m = DATE.exec(raw.trim());
  if (!m)
    return {
      reason: 'an unreadable date',
      text: `a Date that is not "YYYY-MM-DD HH:MM:SS": ${quote(raw)}`,
    };
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { reason: 'an impossible date', text: `an impossible date ${quote(raw)}` };
  }
  const range = `a date out of range ${quote(raw)} (TikTok exports run from 2016 to today)`;
  if (
    ms < MIN_EVENT_MS &&
    y >= MUSICALLY_FIRST_YEAR &&
    section !== null &&
    MUSICALLY_ERA.has(section)
  ) {
    return {
      reason: 'a date before TikTok (2016), from the musical.ly years: old accounts carry them',
      text: range,
    };
  }
  if (ms < MIN_EVENT_MS) return { reason: 'a date before TikTok (2016)', text: range };
  if (ms > nowMs + MAX_FUTURE_MS) return { reason: 'a date in the future', text: range };
  return ms;
}

/** The clock a TikTok reader checks dates against; a caller that gives none is a programming error. */
export function requireNow(ctx: ReadContext): number {
  if (ctx.nowMs === undefined) throw new Error('TikTok readers need ReadContext.nowMs');
  return ctx.nowMs;
}
