// Redaction before anything is written (docs/EXPORTS.md, "Redaction"): drop free text, replace
// creator handles by a keyed hash, coarsen times. It rewrites a trace or a profile delta into the
// same shape, so every format downstream (and the chain) sees only the redacted values.
import { createHmac } from 'node:crypto';
import {
  isoUtc,
  type ProfileDelta,
  type RuleCause,
  type SlateTrace,
  type TraceItem,
} from '../engine';

export type Coarsen = 'hour' | 'day';

export type Redaction = {
  /** Drop what the person typed: search terms (dimensions), filter keywords (rule causes). */
  dropText: boolean;
  /** The key of the HMAC that replaces creator handles; null keeps the handles. */
  creatorKey: string | null;
  coarsen: Coarsen | null;
};

export const NO_REDACTION: Redaction = { dropText: false, creatorKey: null, coarsen: null };

export const DROPPED = '[dropped]';

const STEP_MS: Record<Coarsen, number> = { hour: 3_600_000, day: 86_400_000 };

export type Redactor = {
  trace(t: SlateTrace): SlateTrace;
  delta(d: ProfileDelta): ProfileDelta;
};

/** The same handle always gives the same pseudonym under one key: "~" and 16 hex digits. */
export function pseudonym(key: string, handle: string): string {
  return `~${createHmac('sha256', key).update(handle).digest('hex').slice(0, 16)}`;
}

export function createRedactor(r: Redaction): Redactor {
  const step = r.coarsen === null ? 0 : STEP_MS[r.coarsen];
  const ms = (t: number): number => (step === 0 ? t : Math.floor(t / step) * step);
  const iso = (at: string): string => (step === 0 ? at : isoUtc(ms(Date.parse(at))));
  const key = r.creatorKey;

  /** A dimension key "type:value". */
  const dim = (d: string): string => {
    const colon = d.indexOf(':');
    const type = d.slice(0, colon);
    if (r.dropText && type === 'search') return `search:${DROPPED}`;
    if (key !== null && type === 'creator') return `creator:${pseudonym(key, d.slice(colon + 1))}`;
    return d;
  };
  /** A candidate source "name:dimension" (or a bare name such as "co-engagement"). */
  const source = (s: string): string => {
    const colon = s.indexOf(':');
    return colon < 0 || s === 'popular:all' ? s : `${s.slice(0, colon)}:${dim(s.slice(colon + 1))}`;
  };
  /** A rule's cause: its keys, handles, keyword and times, each redacted like the rest. */
  const cause = (c: RuleCause): RuleCause => {
    switch (c.cause) {
      case 'created-later':
        return { ...c, createdAtMs: ms(c.createdAtMs) };
      case 'seen':
        return { ...c, atMs: ms(c.atMs) };
      case 'not-interested':
      case 'negative-feedback':
        return { ...c, key: dim(c.key), atMs: ms(c.atMs) };
      case 'keyword':
        return r.dropText ? { ...c, keyword: DROPPED } : c;
      case 'not-followed':
        return key !== null && c.creator !== null
          ? { ...c, creator: pseudonym(key, c.creator) }
          : c;
      case 'same-author':
      case 'same-as-previous':
        return { ...c, key: dim(c.key) };
      case 'topic-sliders':
      case 'exploration-slot':
      case 'exploration-slots-above':
        return c;
    }
  };
  const item = (it: TraceItem): TraceItem => ({
    ...it,
    sources: it.sources.map(source),
    rules: it.rules.map((e) => ({ ...e, cause: cause(e.cause) })),
    because: it.because.map((b) => ({
      ...b,
      dim: dim(b.dim),
      events: b.events.map((e) => ({ ...e, atMs: ms(e.atMs) })),
    })),
  });

  if (!r.dropText && key === null && step === 0) return { trace: (t) => t, delta: (d) => d };
  return {
    trace: (t) => ({
      ...t,
      at: iso(t.at),
      items: t.items.map(item),
      removed: t.removed.map((x) => ({ ...x, cause: cause(x.cause) })),
      atMs: ms(t.atMs),
    }),
    delta: (d) => ({
      ...d,
      atMs: ms(d.atMs),
      changes: d.changes.map((c) => ({ ...c, dim: dim(c.dim) })),
    }),
  };
}
