// What each TikTok export section means as events (formats.md §1–3), shared by the JSON and TXT
// readers: the same record gives the same event whichever layout it came in. Records are checked
// strictly: a malformed date or an absurd value fails the import with its position; a record that
// is merely not about a video (a live stream, a profile) is skipped and counted.
import type { Item, Target } from '../domain/types';
import { badInput, quote, type Where } from './errors';
import type { EventBudget } from './event-budget';
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
  'no captions, hashtags, creators or sounds for watched videos: their topics stay unknown until metadata is added (a Zeeschuimer capture, `feedlens enrich` online, a yt-dlp file or a CSV)',
  'comments are not linked to the videos they were posted on',
  'watch history covers only the last months before the export (about six in 2024–25 exports)',
];

const DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: UTC)?$/;
const VIDEO = /\/(?:video|v)\/(\d{1,19})(?:\D|$)/;

/** Reads records of one file into events and bare items (id and creation time only). */
export class TikTokCollector {
  readonly events: ImportedEvent[] = [];
  readonly items = new Map<string, Item>();
  /** Reasons a record was skipped → how many. */
  readonly skipped = new Map<string, number>();
  /** Hashtag ids → names, from the own posts' Hashtag list (the only place an export names them). */
  private readonly tagNames = new Map<string, string>();

  constructor(
    private readonly fileName: string,
    private readonly nowMs: number,
    private readonly budget: EventBudget,
  ) {}

  add(section: Section, record: unknown, where: Where): void {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw badInput(this.fileName, `expected a record (an object) in the ${section} list`, where);
    }
    const rec = record as Record<string, unknown>;
    for (const key in rec) {
      const v = rec[key];
      if (typeof v === 'number' && (!Number.isFinite(v) || v < 0 || v > Number.MAX_SAFE_INTEGER)) {
        throw badInput(this.fileName, `an absurd number ${v} in "${key}"`, where);
      }
    }
    // The own posts' hashtags are undated: they only name the tag ids that favourites link to.
    if (section === 'own-hashtag') return this.nameTag(rec, where);
    const atMs = this.date(rec, where);
    const event = this.toEvent(section, rec, atMs, where);
    if (typeof event === 'string') this.skipped.set(event, (this.skipped.get(event) ?? 0) + 1);
    else {
      this.budget.take(this.fileName, where);
      this.events.push(event);
    }
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
        if (id === null) return `${section} entries without a video link`;
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
        return value === null
          ? `favourite ${type}s without a link`
          : event('favorite', atMs, null, { type, value });
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
          ? 'blocked accounts without a name'
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
          ? 'searches without a search term'
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

  private date(rec: Record<string, unknown>, where: Where): number {
    const raw = this.text(rec, 'Date', 'date', '', where);
    if (raw === null) throw badInput(this.fileName, 'a record without a Date', where);
    const ms = parseTikTokDate(raw, this.nowMs);
    if (typeof ms === 'string') throw badInput(this.fileName, ms, where);
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
      throw badInput(this.fileName, `"${key}" is ${typeof v}, expected text`, where);
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
 * A TikTok date in milliseconds, or why it cannot be one (a sentence for the summary). Exports
 * write UTC without saying so (formats.md §3): never read as local time.
 */
export function parseTikTokDate(raw: string, nowMs: number): number | string {
  const m = DATE.exec(raw.trim());
  if (!m) return `a Date that is not "YYYY-MM-DD HH:MM:SS": ${quote(raw)}`;
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
    return `an impossible date ${quote(raw)}`;
  }
  if (ms < MIN_EVENT_MS || ms > nowMs + MAX_FUTURE_MS) {
    return `a date out of range ${quote(raw)} (TikTok exports run from 2016 to today)`;
  }
  return ms;
}

/** Keyword filters from App Settings › Content Preferences, whatever shape that value takes. */
export function keywordFilters(value: unknown): string[] {
  const found = new Set<string>();
  const take = (v: unknown) => {
    const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,\n]/) : [];
    for (const k of list)
      if (typeof k === 'string' && k.trim() !== '' && k.length <= 200) found.add(k.trim());
  };
  const walk = (v: unknown, key: string) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, inner] of Object.entries(v)) {
      // The For You filters only: filters for the Following feed do not shape recommendations.
      if (/keyword/i.test(k) && !/following/i.test(k)) take(inner);
      else walk(inner, `${key}.${k}`);
    }
  };
  walk(value, '');
  return [...found].sort();
}

/** The clock a TikTok reader checks dates against; a caller that gives none is a programming error. */
export function requireNow(ctx: ReadContext): number {
  if (ctx.nowMs === undefined) throw new Error('TikTok readers need ReadContext.nowMs');
  return ctx.nowMs;
}
