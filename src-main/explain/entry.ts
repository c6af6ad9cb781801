// "Why this video", built once on the main side from what the engine recorded for one slate item:
// the sentence's clauses, every profile dimension behind it (shown in the sentence or not, and
// why), the waterfall's steps and each rule's words. Pure: the Feed, the Lab, the report and
// `feedlens why` all print these parts and decide nothing themselves.
import type {
  Contribution,
  Feature,
  RuleName,
  TraceBecause,
  TraceEvent,
  TraceItem,
} from '../engine';
import type { Item } from '../domain/types';
import { causeWords, dimLabel, minuteUtc, reasonDim, VERBS } from './words';

/** A piece of the sentence; `event` names a past event that can be opened in the signal log. */
export type WhyClause = { text: string; event?: { eventId: string; eventIndex: number } };

/** A past event behind a dimension, with its words. */
export type WhyEvent = { eventId: string; eventIndex: number; words: string; amount: number };

/** One profile dimension behind a feature, and whether the sentence names it (and if not, why). */
export type WhyReason = {
  feature: Feature;
  dim: string;
  value: number;
  shown: boolean;
  why: string;
  events: WhyEvent[];
  others: { count: number; value: number };
  /** The whole reason as one line: value, dimension, why (not) named, its events and the rest. */
  words: string;
};

/** One waterfall step: one feature, or the smaller rest folded into "other". */
export type WhyStep = {
  label: string;
  features: Feature[];
  value: number;
  from: number;
  to: number;
};

/** A rule's effect: 'fatigue demoted: ×0.430: negative feedback on @x 20.5 days ago (…)…'. */
export type WhyRule = { rule: RuleName; action: 'demoted' | 'promoted'; words: string };

export type Explanation = {
  sentence: WhyClause[];
  reasons: WhyReason[];
  /** From the baseline to the score; zero contributions are no step and are named in `zeros`. */
  waterfall: { baseline: number; score: number; steps: WhyStep[]; zeros: Feature[] };
  rules: WhyRule[];
};

/** What a video is known as: its caption and creator (null when the dataset lacks them). */
export type ItemNames = (
  itemId: string,
) => { caption: string | null; creator: string | null } | null;

/** Names from a catalogue's items and its id index. */
export function itemNames(items: readonly Item[], indexOf: ReadonlyMap<string, number>): ItemNames {
  return (id) => {
    const idx = indexOf.get(id);
    return idx === undefined ? null : items[idx]!;
  };
}

export type EntryInput = Pick<TraceItem, 'slot' | 'because' | 'features' | 'rules'> & {
  creator: string | null;
  baseline: number;
  /** Every feature's contribution, zeros included, in the engine's order (compareContributions). */
  contributions: readonly Contribution[];
};

// Features whose dimensions are things a person chose to watch; language and length are too
// broad to be "the reason" for one video (every English video shares language:en).
const REASON_FEATURES: readonly Feature[] = ['topic', 'creator', 'hashtag', 'sound'];
/** A dimension this small is noise, not a reason (a shared sound at 0.005 explains nothing). */
export const MIN_REASON = 0.05;
const NAMED_DIMS = 2;
const NAMED_EVENTS = 2;
const CAPTION_CHARS = 60;
/** Seven named waterfall steps at most; everything smaller is one "other" step. */
export const NAMED_STEPS = 7;

const FEATURE_WORDS: Partial<Record<Feature, string>> = {
  popularity: 'popularity',
  freshness: 'freshness',
  duration: 'length',
  language: 'language',
  'co-engagement': 'closeness to what you liked',
  exploration: 'exploration',
};

// Feature names as a person would say them on the waterfall; the raw tables keep the engine's.
const STEP_LABELS: Partial<Record<Feature, string>> = {
  hashtag: 'hashtags',
  followed: 'you follow them',
  duration: 'length',
  'seen-similarity': 'seen a lot lately',
  'co-engagement': 'near what you liked',
};

/** The explanation of one slate item at a slate built at `nowMs`. */
export function explainEntry(entry: EntryInput, nowMs: number, names: ItemNames): Explanation {
  const reasons = rankReasons(entry.because);
  const sentence = whySentence(entry, reasons, names);
  const named = new Set(sentence.flatMap((c) => (c.event ? [c.event.eventId] : [])));
  return {
    sentence,
    reasons: reasons.map(({ b, subject, why }) => {
      const events = b.events.map((e) => ({
        eventId: e.eventId,
        eventIndex: e.index,
        words: eventWords(e, names, b.dim, named.has(e.eventId)),
        amount: e.amount,
      }));
      return {
        feature: b.feature,
        dim: b.dim,
        value: b.value,
        shown: subject,
        why,
        events,
        others: b.others,
        words: reasonWords(b, why, events),
      };
    }),
    waterfall: waterfallSteps(entry.contributions, entry.baseline),
    rules: entry.rules.map((e) => ({
      rule: e.rule,
      action: e.action,
      words: `${e.rule} ${e.action}: ${causeWords(e, nowMs)}`,
    })),
  };
}

type Ranked = { b: TraceBecause; subject: boolean; why: string };

/**
 * Every dimension, strongest first (ties by name), each with whether the sentence names it: the
 * strongest reason and the strongest of another feature; the rest say why they are not named.
 */
function rankReasons(because: readonly TraceBecause[]): Ranked[] {
  const sorted = [...because].sort((a, b) => b.value - a.value || (a.dim < b.dim ? -1 : 1));
  const subjects: TraceBecause[] = [];
  return sorted.map((b) => {
    if (!REASON_FEATURES.includes(b.feature))
      return { b, subject: false, why: `${b.feature}: too broad to be the reason for one video` };
    if (b.value < 0) return { b, subject: false, why: 'counts against it' };
    if (b.value < MIN_REASON)
      return { b, subject: false, why: `below ${MIN_REASON}: too small to be a reason` };
    const main = subjects[0];
    if (subjects.length < NAMED_DIMS && (!main || main.feature !== b.feature)) {
      subjects.push(b);
      return { b, subject: true, why: 'named in the sentence' };
    }
    return {
      b,
      subject: false,
      why: `the sentence names the strongest ${NAMED_DIMS} of different features`,
    };
  });
}

function whySentence(entry: EntryInput, reasons: Ranked[], names: ItemNames): WhyClause[] {
  const subjects = reasons.filter((r) => r.subject).map((r) => r.b);
  const explore = entry.slot === 'explore';
  // Exploration serves the item regardless; it "matches" only if the profile is for it on balance.
  const onBalance = entry.contributions
    .filter((c) => REASON_FEATURES.includes(c.feature))
    .reduce((sum, c) => sum + c.value, 0);
  if (explore && (subjects.length === 0 || onBalance <= 0)) return exploreSentence(reasons, names);
  if (subjects.length === 0) return [{ text: noSignalSentence(entry.contributions) }];
  const main = subjects[0]!;
  const picked = pickEvents(subjects, (e) => e.amount > 0);
  const fromMain = picked.filter((p) => p.from === main).length;
  const more = main.events.length + main.others.count - fromMain;
  const clauses: WhyClause[] = [
    {
      text: `${explore ? 'Shown to explore, and it also matches' : 'Picked for'} ${subjects.map((b) => dimLabel(b.dim)).join(' and ')}: `,
    },
    ...eventClauses(picked, names),
  ];
  if (more > 0)
    clauses.push({
      text: `, and ${more} more signal${more === 1 ? '' : 's'} about ${dimLabel(main.dim)}`,
    });
  // "you follow" adds nothing when the sentence already names the follow itself.
  const followNamed = picked.some((p) => p.event.kind === 'follow' && p.from.feature === 'creator');
  const follows = entry.features.followed === 1 && entry.creator && !followNamed;
  clauses.push({ text: follows ? `; you follow ${entry.creator}.` : '.' });
  return clauses;
}

function exploreSentence(reasons: Ranked[], names: ItemNames): WhyClause[] {
  const clauses: WhyClause[] = [{ text: 'Shown to explore: nothing in your profile points here' }];
  const against = reasons
    .map((r) => r.b)
    .filter((b) => b.value < 0 && REASON_FEATURES.includes(b.feature))
    .sort((a, b) => a.value - b.value || (a.dim < b.dim ? -1 : 1))[0];
  const event = against && pickEvents([against], (e) => e.amount < 0).slice(0, 1);
  if (event && event.length > 0)
    clauses.push({ text: '; ' }, ...eventClauses(event, names), {
      text: ', which counts against it',
    });
  clauses.push({ text: '.' });
  return clauses;
}

function noSignalSentence(contributions: readonly Contribution[]): string {
  const drivers = contributions
    .filter((c) => c.value > 0)
    .slice(0, 2)
    .map((c) => FEATURE_WORDS[c.feature] ?? c.feature);
  const lead = drivers.length > 0 ? `Ranked for its ${drivers.join(' and ')}` : 'Ranked';
  return `${lead}: none of your past signals points to it directly.`;
}

type Picked = { event: TraceEvent; from: TraceBecause };

/** The strongest events of each dimension in turn (one each, then the next), never one twice. */
function pickEvents(subjects: readonly TraceBecause[], keep: (e: TraceEvent) => boolean): Picked[] {
  const queues = subjects.map((b) =>
    b.events
      .filter(keep)
      .sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || x.index - y.index),
  );
  const picked: Picked[] = [];
  const seen = new Set<string>();
  for (
    let round = 0;
    picked.length < NAMED_EVENTS && queues.some((q) => q.length > round);
    round++
  ) {
    queues.forEach((queue, i) => {
      const event = queue[round];
      if (!event || seen.has(event.eventId) || picked.length >= NAMED_EVENTS) return;
      seen.add(event.eventId);
      picked.push({ event, from: subjects[i]! });
    });
  }
  return picked;
}

function eventClauses(picked: readonly Picked[], names: ItemNames): WhyClause[] {
  return picked.flatMap(({ event, from }, i): WhyClause[] => [
    { text: i === 0 ? 'you ' : ' and ' },
    {
      text: `${eventPhrase(event, names, from.dim)} (${minuteUtc(event.atMs)})`,
      event: { eventId: event.eventId, eventIndex: event.index },
    },
  ]);
}

/** 'liked “pasta in 5 minutes” by @chef.ana'; 'followed @chef.ana'; 'searched'; 'shared a video'. */
function eventPhrase(event: TraceEvent, names: ItemNames, dim: string): string {
  const verb = VERBS[event.kind];
  const known = event.itemId === null ? null : names(event.itemId);
  const creator =
    known?.creator ?? (dim.startsWith('creator:') ? dim.slice('creator:'.length) : null);
  // A follow, a search, a "not interested" on a creator: about a creator or a query, not a video.
  if (event.itemId === null || event.kind === 'follow' || event.kind === 'unfollow')
    return creator ? `${verb} ${creator}` : verb;
  const caption = known?.caption?.trim();
  const video = caption ? `“${clip(caption)}”` : 'a video';
  return known?.creator ? `${verb} ${video} by ${known.creator}` : `${verb} ${video}`;
}

/** An event in the reasons list: 'you liked “pasta” by @chef (2026-05-03 14:05 UTC, e000042)'. */
function eventWords(event: TraceEvent, names: ItemNames, dim: string, inSentence: boolean): string {
  const where = `${minuteUtc(event.atMs)}, event ${event.index + 1}`;
  return `you ${eventPhrase(event, names, dim)} (${where}${inSentence ? ', named above' : ''})`;
}

/** '+0.310 from topic:cooking (named in the sentence): you liked … +0.200; 3 older or smaller +0.110'. */
function reasonWords(b: TraceBecause, why: string, events: WhyEvent[]): string {
  const listed = events.map((e) => `${e.words} ${signed(e.amount)}`);
  if (b.others.count > 0)
    listed.push(`${b.others.count} older or smaller ${signed(b.others.value)}`);
  return `${signed(b.value)} from ${reasonDim(b.dim)} (${why})${listed.length > 0 ? `: ${listed.join('; ')}` : ''}`;
}

/** A signed number to 3 decimals, as every surface prints contributions. */
export function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(3)}`;
}

function clip(text: string): string {
  return text.length <= CAPTION_CHARS ? text : `${text.slice(0, CAPTION_CHARS - 1).trimEnd()}…`;
}

/**
 * The waterfall: one step per non-zero contribution in the engine's order (|value| desc, ties by
 * name), the first NAMED_STEPS named and the rest folded into "other"; each step starts where
 * the last ended, and the last ends at baseline + Σ contributions (= the score).
 */
export function waterfallSteps(
  contributions: readonly Contribution[],
  baseline: number,
): Explanation['waterfall'] {
  const moving = contributions.filter((c) => c.value !== 0);
  const groups = moving
    .slice(0, NAMED_STEPS)
    .map((c) => ({ label: STEP_LABELS[c.feature] ?? c.feature, parts: [c] }));
  const rest = moving.slice(NAMED_STEPS);
  if (rest.length > 0) groups.push({ label: `other (${rest.length})`, parts: rest });
  let total = baseline;
  const steps = groups.map(({ label, parts }) => {
    const value = parts.reduce((sum, c) => sum + c.value, 0);
    const from = total;
    total += value;
    return { label, features: parts.map((c) => c.feature), value, from, to: total };
  });
  const zeros = contributions.filter((c) => c.value === 0).map((c) => c.feature);
  return { baseline, score: total, steps, zeros };
}
