// The words for what the engine recorded: each rule's cause (engine/rules.ts, RuleCause), past
// events and profile dimensions. Pure (no clock: times are written in UTC from the trace's own
// numbers), so the Feed, the Lab, the report and `feedlens why` print the same sentence.
import type { EventKind, Evidence } from '../domain/types';
import { dayUtc, isoUtc } from '../engine/format';
import type { RuleCause, RuleName } from '../engine';

const DAY = 86_400_000;

/** '2026-05-03 14:05 UTC': the minute, in UTC on every surface. */
export function minuteUtc(ms: number): string {
  return `${isoUtc(ms).slice(0, 16).replace('T', ' ')} UTC`;
}

/** What the viewer did, as the verb after "you". */
export const VERBS: Record<EventKind, string> = {
  impression: 'were shown',
  watch: 'watched',
  rewatch: 'rewatched',
  like: 'liked',
  unlike: 'unliked',
  favorite: 'saved',
  share: 'shared',
  comment: 'commented on',
  follow: 'followed',
  unfollow: 'unfollowed',
  search: 'searched',
  skip: 'skipped',
  'not-interested': 'said “not interested” to',
  'keyword-filter': 'filtered out',
  'topic-control': 'steered',
};

/** 'topic:fitness' → 'fitness'; 'hashtag:gymtok' → '#gymtok'; 'sound:123' → 'its sound'. */
export function dimLabel(dim: string): string {
  const [type = '', ...rest] = dim.split(':');
  const name = rest.join(':');
  switch (type) {
    case 'hashtag':
      return `#${name}`;
    case 'sound':
      return 'its sound';
    case 'duration':
      return `${name} videos`;
    case 'language':
      return `videos in ${name}`;
    default:
      return name || dim;
  }
}

/**
 * A dimension as the reasons list names it: its key ('topic:cooking'), except a sound's, whose
 * key is a bare id that means nothing to a reader: the video's own sound is 'its sound'.
 */
export function reasonDim(dim: string): string {
  return dim.startsWith('sound:') ? 'its sound' : dim;
}

/**
 * A creator or sound key as a rule names it: 'creator:@x' → '@x'; 'sound:123' → 'its sound'. A
 * sound's key is a bare number that means nothing to a reader (issue 19 item 6), and the rule's
 * key is always the candidate's own sound, so "its sound" names it exactly.
 */
export function keyLabel(key: string): string {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  const name = key.slice(colon + 1);
  return type === 'creator' ? name : type === 'sound' ? 'its sound' : `${type} ${name}`;
}

/** A key after "same": 'creator:@x' → '@x'; 'sound:123' → 'sound'. */
const sameLabel = (key: string): string => (key.startsWith('sound:') ? 'sound' : keyLabel(key));

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const ordinal = (n: number): string => ORDINALS[n - 1] ?? `${n}th`;
const times = (factor: number): string => `×${factor.toFixed(3)}`;
const ago = (atMs: number, nowMs: number): string =>
  `${((nowMs - atMs) / DAY).toFixed(1)} days ago (${dayUtc(atMs)})`;

/** A rule's effect or removal, with its ranks and factor, at a slate built at `nowMs`. */
export type CauseInput = { cause: RuleCause; factor?: number; from?: number; to?: number };

/**
 * The words for one rule's cause, from the data the engine recorded and nothing else: what the
 * Feed, the Lab, the report and `feedlens why` print for a removal or a demotion.
 */
export function causeWords(e: CauseInput, nowMs: number): string {
  const c = e.cause;
  const factor = e.factor === undefined ? '' : `${times(e.factor)}: `;
  const moved = e.from !== undefined && e.to !== undefined ? `from rank ${e.from} to ${e.to}` : '';
  switch (c.cause) {
    case 'created-later':
      return `not yet published: created ${dayUtc(c.createdAtMs)}, after this moment`;
    case 'seen':
      return `already seen: you ${VERBS[c.kind]} it on ${minuteUtc(c.atMs)}`;
    case 'not-interested':
      return `you marked ${keyLabel(c.key)} “not interested” on ${dayUtc(c.atMs)}`;
    case 'negative-feedback':
      return e.factor === undefined
        ? `negative feedback on ${keyLabel(c.key)} ${ago(c.atMs, nowMs)}: filtered for ${c.filterDays} days after it`
        : `${factor}negative feedback on ${keyLabel(c.key)} ${ago(c.atMs, nowMs)}, fading until it no longer counts`;
    case 'keyword':
      return `matches your keyword filter “${c.keyword}”${keywordOrigin(c.setBy)}`;
    case 'topic-sliders':
      return `${factor}your topic slider${c.levels.length === 1 ? '' : 's'} ${c.levels
        .map((l) => `${l.topic} at ${l.level}`)
        .join(', ')}`;
    case 'not-followed':
      return `${factor}out of network: you do not follow ${c.creator ?? 'its creator'}`;
    case 'same-author':
      return `${factor}the ${ordinal(c.n)} video by ${keyLabel(c.key)} in this feed`;
    case 'exploration-slot':
      return `moved ${moved} into an exploration slot`;
    case 'exploration-slots-above':
      return `moved ${moved} by the exploration slots above it`;
    case 'same-as-previous':
      return `passed over at rank ${c.atRank}: same ${sameLabel(c.key)} as rank ${c.atRank - 1}${
        e.to === undefined ? '' : `; placed at rank ${e.to}`
      }`;
  }
}

/**
 * How the Feed counts removals by rule ("12 already seen"). Only filters remove; the fatigue
 * filter says what it did: negative feedback, not "shown too often".
 */
export function removedPhrase(rule: RuleName, filterDays: number | null): string {
  switch (rule) {
    case 'unpublished':
      return 'not yet published at that moment';
    case 'seen':
      return 'already seen';
    case 'not-interested':
      return 'from a creator or sound you marked “not interested”';
    case 'keyword-filter':
      return 'matching one of your keyword filters';
    case 'fatigue':
      return `after your negative feedback on their creator or sound (filtered for ${filterDays ?? '?'} days)`;
    default:
      return `removed by ${rule}`;
  }
}

/** Where a keyword filter came from: an export's own Settings are observed, not assumed. */
function keywordOrigin(setBy: { eventId: string; evidence: Evidence } | null): string {
  if (setBy === null) return '';
  return setBy.evidence === 'observed'
    ? ` (your own setting, observed: event ${setBy.eventId})`
    : ` (set by event ${setBy.eventId}, ${setBy.evidence})`;
}
