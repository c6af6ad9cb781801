// "Why this video" in one plain sentence, built only from what the engine recorded (the entry's
// `because`: the profile dimensions behind its features and the past events behind those) and,
// when the dataset can name them, each event's video (profile/events). Pure: the caller passes
// the time formatter, so the sentence reads the same in tests and in any time zone.
import type { FeedEntry } from '@main/contract/feed';
import type { NamedEvent } from '@main/contract/profile';
import type { EventKind } from '@main/domain/types';
import { countOf } from '../format';

/** A piece of the sentence; a `link` piece names a past event that can be opened in the signal log. */
export type SentencePart = { text: string; link?: { eventId: string; eventIndex: number } };

export type WhyInput = Pick<FeedEntry, 'slot' | 'item' | 'because' | 'features' | 'contributions'>;

type Because = FeedEntry['because'][number];
type PastEvent = Because['events'][number];

// Features whose dimensions are things a person chose to watch; language and length are too
// broad to be "the reason" for one video (every English video shares language:en).
const REASON_FEATURES: readonly string[] = ['topic', 'creator', 'hashtag', 'sound'];
// A dimension this small is noise, not a reason (a shared sound at 0.005 explains nothing).
const MIN_REASON = 0.05;
const NAMED_EVENTS = 2;
const CAPTION_CHARS = 60;

const VERBS: Record<EventKind, string> = {
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
  'not-interested': 'marked as not interested',
  'keyword-filter': 'filtered out',
  'topic-control': 'steered',
};

const FEATURE_WORDS: Record<string, string> = {
  popularity: 'popularity',
  freshness: 'freshness',
  duration: 'length',
  language: 'language',
  'co-engagement': 'closeness to what you liked',
  exploration: 'exploration',
};

/**
 * One sentence for one recommendation: the strongest profile dimensions behind it, the past events
 * that built them (by caption and creator when `named` has them, else by kind), how many more
 * there were, and whether you follow the creator. Exploration items say so first.
 */
export function whySentence(
  entry: WhyInput,
  named: ReadonlyMap<string, NamedEvent> | null,
  when: (atMs: number) => string,
): SentencePart[] {
  const reasons = entry.because
    .filter((b) => b.value >= MIN_REASON && REASON_FEATURES.includes(b.feature))
    .sort(byValue);
  const explore = entry.slot === 'explore';
  // Exploration serves the item regardless; it "matches" only if the profile is for it on balance.
  const onBalance = entry.contributions
    .filter((c) => REASON_FEATURES.includes(c.feature))
    .reduce((sum, c) => sum + c.value, 0);
  if (explore && (reasons.length === 0 || onBalance <= 0))
    return exploreSentence(entry, named, when);
  if (reasons.length === 0) return [{ text: noSignalSentence(entry) }];
  const main = reasons[0]!;
  const second = reasons.find((b) => b.feature !== main.feature);
  const subjects = second ? [main, second] : [main];
  const picked = pickEvents(subjects, (e) => e.amount > 0);
  const fromMain = picked.filter((p) => p.from === main).length;
  const more = main.events.length + main.others.count - fromMain;
  const parts: SentencePart[] = [
    {
      text: `${explore ? 'Shown to explore, and it also matches' : 'Picked for'} ${subjects.map((b) => dimLabel(b.dim)).join(' and ')}: `,
    },
    ...eventList(picked, named, when),
  ];
  if (more > 0)
    parts.push({ text: `, and ${countOf(more, 'more signal')} about ${dimLabel(main.dim)}` });
  // "you follow" adds nothing when the sentence already names the follow itself.
  const followNamed = picked.some((p) => p.event.kind === 'follow' && p.from.feature === 'creator');
  const follows = entry.features.followed === 1 && entry.item.creator && !followNamed;
  parts.push({ text: follows ? `; you follow ${entry.item.creator}.` : '.' });
  return parts;
}

/** The sentence as plain text (for labels and tests). */
export function sentenceText(parts: readonly SentencePart[]): string {
  return parts.map((p) => p.text).join('');
}

function exploreSentence(
  entry: WhyInput,
  named: ReadonlyMap<string, NamedEvent> | null,
  when: (atMs: number) => string,
): SentencePart[] {
  const parts: SentencePart[] = [{ text: 'Shown to explore: nothing in your profile points here' }];
  const against = entry.because
    .filter((b) => b.value < 0 && REASON_FEATURES.includes(b.feature))
    .sort((a, b) => a.value - b.value || (a.dim < b.dim ? -1 : 1))[0];
  const event = against && pickEvents([against], (e) => e.amount < 0).slice(0, 1);
  if (event && event.length > 0)
    parts.push({ text: '; ' }, ...eventList(event, named, when), {
      text: ', which counts against it',
    });
  parts.push({ text: '.' });
  return parts;
}

function noSignalSentence(entry: WhyInput): string {
  const drivers = entry.contributions
    .filter((c) => c.value > 0)
    .sort((a, b) => b.value - a.value || (a.feature < b.feature ? -1 : 1))
    .slice(0, 2)
    .map((c) => FEATURE_WORDS[c.feature] ?? c.feature);
  const lead = drivers.length > 0 ? `Ranked for its ${drivers.join(' and ')}` : 'Ranked';
  return `${lead}: none of your past signals points to it directly.`;
}

type Picked = { event: PastEvent; from: Because };

/** The strongest events of each dimension in turn (one each, then the next), never one twice. */
function pickEvents(subjects: readonly Because[], keep: (e: PastEvent) => boolean): Picked[] {
  const queues = subjects.map((b) =>
    b.events
      .filter(keep)
      .sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || (x.eventId < y.eventId ? -1 : 1)),
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

function eventList(
  picked: readonly Picked[],
  named: ReadonlyMap<string, NamedEvent> | null,
  when: (atMs: number) => string,
): SentencePart[] {
  return picked.flatMap(({ event, from }, i): SentencePart[] => {
    const known = named?.get(event.eventId);
    const atMs = known?.atMs ?? Date.parse(event.at);
    const phrase = `${eventPhrase(event.kind, known ?? null, from.dim)} (${when(atMs)})`;
    const lead = i === 0 ? 'you ' : ' and ';
    return [
      { text: lead },
      known
        ? { text: phrase, link: { eventId: known.eventId, eventIndex: known.eventIndex } }
        : { text: phrase },
    ];
  });
}

/** 'liked “pasta in 5 minutes” by @chef.ana'; 'followed @chef.ana'; 'shared a video'. */
export function eventPhrase(kind: EventKind, named: NamedEvent | null, dim: string): string {
  const verb = VERBS[kind];
  const creator =
    named?.creator ?? (dim.startsWith('creator:') ? dim.slice('creator:'.length) : null);
  if (kind === 'follow' || kind === 'unfollow') return creator ? `${verb} ${creator}` : verb;
  if (kind === 'search') return verb;
  const caption = named?.caption?.trim();
  const video = caption ? `“${clip(caption)}”` : 'a video';
  return named?.creator ? `${verb} ${video} by ${named.creator}` : `${verb} ${video}`;
}

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

function clip(text: string): string {
  return text.length <= CAPTION_CHARS ? text : `${text.slice(0, CAPTION_CHARS - 1).trimEnd()}…`;
}

function byValue(a: Because, b: Because): number {
  return b.value - a.value || (a.dim < b.dim ? -1 : 1);
}
