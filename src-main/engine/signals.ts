// Signals → profile changes: what each event kind does to which dimensions, and by how much.
// Shared by the pure transition (profile.ts) and the fast replay store (store.ts), so both give
// bit-identical numbers. Keyword filters and topic sliders are controls, not signals (controls.ts).
import type { FeedEvent, Item, Target } from '../domain/types';
import { topicsForQuery, topicsForText } from '../domain/taxonomy';
import type { EngineConfig } from './config';
import { dimKey, normaliseHashtag, normaliseSearchTerm } from './dims';

export const REASONS = [
  'watch-short',
  'watch-partial',
  'watch-finished',
  'watch-looped',
  'watch-unknown',
  'rewatch',
  'like',
  'unlike',
  'favorite',
  'share',
  'comment',
  'follow',
  'unfollow',
  'search',
  'skip',
  'not-interested',
  'loaded-impression',
] as const;
export type Reason = (typeof REASONS)[number];
export const REASON_CODE: Record<Reason, number> = Object.fromEntries(
  REASONS.map((r, i) => [r, i]),
) as Record<Reason, number>;

/** What an event does to the profile before evidence scaling. */
export type SignalPlan =
  | { scope: 'none' }
  /** Every dimension d of the item moves by amount · factor · dimensionShare[type(d)] · split(d). */
  | { scope: 'item'; amount: number; reason: Reason }
  /** Named dimensions move by amount · factor. */
  | { scope: 'dims'; reason: Reason; targets: { key: string; amount: number }[] };

/** The watch ratio of an event: recorded, else watched seconds / duration, else null. */
export function watchRatioOf(event: FeedEvent, item: Item | undefined): number | null {
  if (event.watchRatio !== null && Number.isFinite(event.watchRatio))
    return Math.max(0, event.watchRatio);
  const d = item?.durationS;
  if (event.watchS !== null && d && d > 0) return Math.max(0, event.watchS / d);
  return null;
}

/**
 * Watch amount as a function of watch ratio r and duration d (all coefficients OURS):
 *   r < 1:  skipFloor + (finish − skipFloor) · r            (−0.5 at r = 0, 0 at r = 1/3)
 *   r ≥ 1:  (finish + loopBonus · min(r − 1, 1)) · (1 + longBonus · min(d / 60 s, 1))
 * A skip moves the profile down, a completion up; finishing a longer video counts more (TikTok
 * 2020). The maximum, 1.5 · 1.5 = 2.25, stays below a rewatch (2.5), the strongest watch signal.
 */
export function watchAmount(
  r: number | null,
  durationS: number | null,
  config: EngineConfig,
): { amount: number; reason: Reason } {
  return { amount: watchValue(r, durationS, config), reason: watchReason(r) };
}

/**
 * The amount of an item-level signal (before evidence, share and split), or null for kinds that
 * are not item-level and for events without a video (a favourited sound, a shared profile, a
 * comment whose video TikTok does not name: signalPlan reads their targets). Allocation-free: the
 * replay's hot path calls it once per event.
 */
export function itemSignalAmount(
  event: FeedEvent,
  item: Item | undefined,
  config: EngineConfig,
): number | null {
  if (event.itemId === null) return null;
  const s = config.signal;
  switch (event.kind) {
    case 'impression':
      // What a page loaded (a capture) counts only through the loaded evidence factor (0 by
      // default); any other impression precedes the watch or skip that says what it meant.
      return event.evidence === 'loaded' ? s.loadedImpression : null;
    case 'watch': {
      const r = watchRatioOf(event, item);
      return watchValue(r, item?.durationS ?? null, config);
    }
    case 'rewatch':
      return s.rewatch;
    case 'like':
      return s.like;
    case 'unlike':
      return s.unlike;
    case 'favorite':
      return s.favorite;
    case 'share':
      return s.share;
    case 'comment':
      return s.comment;
    case 'skip':
      return s.skip;
    default:
      return null;
  }
}

/** The reason recorded for an item-level signal. */
export function itemSignalReason(event: FeedEvent, item: Item | undefined): Reason {
  if (event.kind === 'watch') return watchReason(watchRatioOf(event, item));
  if (event.kind === 'impression') return 'loaded-impression';
  return event.kind as Reason;
}

function watchValue(r: number | null, durationS: number | null, config: EngineConfig): number {
  const s = config.signal;
  if (r === null) return s.watchUnknown;
  if (r < 1) return s.watchSkipFloor + (s.watchFinish - s.watchSkipFloor) * r;
  const length =
    durationS !== null && durationS > 0 ? 1 + s.watchLongBonus * Math.min(durationS / 60, 1) : 1;
  return (s.watchFinish + s.watchLoopBonus * Math.min(r - 1, 1)) * length;
}

function watchReason(r: number | null): Reason {
  if (r === null) return 'watch-unknown';
  if (r < 1) return r < 1 / 3 ? 'watch-short' : 'watch-partial';
  return r > 1 ? 'watch-looped' : 'watch-finished';
}

/** The profile change an event asks for. Exhaustive over EventKind. */
export function signalPlan(
  event: FeedEvent,
  item: Item | undefined,
  config: EngineConfig,
): SignalPlan {
  const s = config.signal;
  const amount = itemSignalAmount(event, item, config);
  if (amount !== null) return { scope: 'item', amount, reason: itemSignalReason(event, item) };
  switch (event.kind) {
    case 'impression':
    case 'keyword-filter':
    case 'topic-control':
      return { scope: 'none' };
    case 'watch':
    case 'rewatch':
    case 'like':
    case 'unlike':
    case 'skip':
      return { scope: 'none' }; // item-level (above); without a video there is nothing to move
    case 'favorite':
      return namedTargetPlan(event.target, 'favorite', {
        hashtag: s.favoriteHashtag,
        sound: s.favoriteSound,
        effect: s.favoriteEffect,
      });
    case 'share': {
      // A shared profile, sound or hashtag (Share History links to it, not to a video).
      const amount = s.shareTarget;
      return namedTargetPlan(event.target, 'share', {
        creator: amount,
        sound: amount,
        hashtag: amount,
      });
    }
    case 'comment': {
      // TikTok exports do not say which video a comment was on; its words may still say a topic.
      if (event.target?.type !== 'text') return { scope: 'none' };
      const topics = topicsForText(event.target.value, []);
      return topics.length
        ? { scope: 'dims', reason: 'comment', targets: split(topics, s.commentText) }
        : { scope: 'none' };
    }
    case 'follow':
    case 'unfollow': {
      const creator = creatorOf(event, item);
      if (!creator) return { scope: 'none' };
      const amount = event.kind === 'follow' ? s.follow : s.unfollow;
      return {
        scope: 'dims',
        reason: event.kind,
        targets: [{ key: dimKey('creator', creator), amount }],
      };
    }
    case 'search': {
      const query = event.target?.value ?? '';
      const targets = split(topicsForQuery(query), s.search);
      const term = normaliseSearchTerm(query);
      if (term !== '') targets.push({ key: dimKey('search', term), amount: s.searchTerm });
      return targets.length ? { scope: 'dims', reason: 'search', targets } : { scope: 'none' };
    }
    case 'not-interested': {
      // TikTok: "not interested" suppresses the creator and the sound of that video (and, OURS,
      // nudges its topics down a little).
      const targets: { key: string; amount: number }[] = [];
      if (event.target?.type === 'creator' || event.target?.type === 'sound') {
        targets.push({
          key: dimKey(event.target.type, event.target.value),
          amount: s.notInterested,
        });
      } else if (item) {
        const topics = [...new Set(item.topics)];
        for (const t of topics)
          targets.push({ key: dimKey('topic', t), amount: s.notInterestedTopic / topics.length });
        if (item.creator)
          targets.push({ key: dimKey('creator', item.creator), amount: s.notInterested });
        if (item.sound) targets.push({ key: dimKey('sound', item.sound), amount: s.notInterested });
      }
      return targets.length
        ? { scope: 'dims', reason: 'not-interested', targets }
        : { scope: 'none' };
    }
    default: {
      const never: never = event.kind;
      throw new Error(`Unknown event kind ${String(never)}`);
    }
  }
}

type Targets = { key: string; amount: number }[];

/** `amount` split evenly over the topics (none for no topic). */
function split(topics: readonly string[], amount: number): Targets {
  return topics.map((t) => ({ key: dimKey('topic', t), amount: amount / topics.length }));
}

/**
 * A favourite or a share without a video, by what it names: a hashtag moves `hashtag:<name>` and
 * the topics the name maps to (a numeric tag id, which is all many exports give, moves
 * `hashtag:<id>` alone: no topic can be read from a number); a sound `sound:<id>`, an effect
 * `effect:<id>`, a profile `creator:<handle>`. `amounts` has the amount for each target type the
 * signal applies to (nobody favourites a profile in an export, nor shares an effect).
 */
function namedTargetPlan(
  target: Target | null,
  reason: 'favorite' | 'share',
  amounts: Partial<Record<'hashtag' | 'sound' | 'effect' | 'creator', number>>,
): SignalPlan {
  if (!target) return { scope: 'none' };
  switch (target.type) {
    case 'hashtag':
    case 'sound':
    case 'effect':
    case 'creator': {
      const amount = amounts[target.type];
      const value =
        target.type === 'hashtag' ? normaliseHashtag(target.value.trim()) : target.value.trim();
      if (amount === undefined || value === '') return { scope: 'none' };
      const targets = [{ key: dimKey(target.type, value), amount }];
      if (target.type === 'hashtag' && !/^\d+$/.test(value))
        targets.push(...split(topicsForText(null, [value]), amount));
      return { scope: 'dims', reason, targets };
    }
    case 'query':
    case 'keyword':
    case 'topic':
    case 'text':
      return { scope: 'none' };
    default: {
      const never: never = target.type;
      throw new Error(`Unknown target type ${String(never)}`);
    }
  }
}

/**
 * Why an event moved no dimension, so the signal log can say so instead of "no change":
 * `control` a keyword filter or topic slider (they steer the feed, not the profile);
 * `loaded-not-seen` a page load counted at factor 0 (loaded is not seen); `not-counted` other
 * evidence whose factor is set to 0; `impression` an impression, which only marks a video seen;
 * `unknown-video` a video with no caption, hashtag, creator, sound or duration to move;
 * `nothing-matched` anything else (a search whose words name no topic and no term, a follow
 * without a name).
 */
export const NO_CHANGE = [
  'control',
  'loaded-not-seen',
  'not-counted',
  'impression',
  'unknown-video',
  'nothing-matched',
] as const;
export type NoChange = (typeof NO_CHANGE)[number];

/**
 * The reason for an event that changed no dimension (null when one changed). `itemHasDims`:
 * the event's video is in the catalogue with at least one dimension.
 */
export function noChangeReason(
  event: FeedEvent,
  factor: number,
  itemHasDims: boolean,
  changed: boolean,
): NoChange | null {
  if (changed) return null;
  if (event.kind === 'keyword-filter' || event.kind === 'topic-control') return 'control';
  if (factor === 0) return event.evidence === 'loaded' ? 'loaded-not-seen' : 'not-counted';
  if (event.kind === 'impression' && event.evidence !== 'loaded') return 'impression';
  if (event.itemId !== null && !itemHasDims) return 'unknown-video';
  return 'nothing-matched';
}

export function creatorOf(event: FeedEvent, item: Item | undefined): string | null {
  if (event.target?.type === 'creator') return event.target.value;
  return item?.creator ?? null;
}

/** One item-level change: amount · factor · share · split, in this order in both code paths. */
export function itemChangeAmount(
  amount: number,
  factor: number,
  share: number,
  split: number,
): number {
  return amount * factor * share * split;
}

/** Exponential decay: w · 0.5^((to − from) / halfLife); exactly w when no time has passed. */
export function decay(w: number, fromMs: number, toMs: number, halfLifeMs: number): number {
  return toMs === fromMs ? w : w * Math.pow(0.5, (toMs - fromMs) / halfLifeMs);
}

/** Whether an event means the person saw the item ("loaded is not seen"). */
export function marksSeen(event: FeedEvent): boolean {
  if (event.itemId === null || event.evidence === 'loaded') return false;
  switch (event.kind) {
    case 'impression':
    case 'watch':
    case 'rewatch':
    case 'like':
    case 'unlike':
    case 'favorite':
    case 'share':
    case 'comment':
    case 'skip':
    case 'not-interested':
      return true;
    case 'follow':
    case 'unfollow':
    case 'search':
    case 'keyword-filter':
    case 'topic-control':
      return false;
    default: {
      const never: never = event.kind;
      throw new Error(`Unknown event kind ${String(never)}`);
    }
  }
}
