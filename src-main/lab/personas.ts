// Personas: simulated viewers for the Feed Lab's autopilot. Given the card on screen, the
// persona's state and an RNG, a persona decides what to do with it and for how long, and how its
// own interests move. Pure and seeded: no clock, no Math.random. Every number here is OURS (a
// teaching model, not a fitted one); docs/LAB.md "Personas" describes each in words.
import type { Item } from '../domain/types';
import type { Rng } from '../engine';
import type { LabActionKind, PersonaId, PersonaSummary } from '../contract/lab';
import { DIET_TAGS } from './catalogue-words';

/** What a persona does with one card: how it leaves it, after how long, and what else it does. */
export type PersonaDecision = {
  leave: Extract<LabActionKind, 'watch' | 'skip' | 'not-interested'>;
  watchS: number;
  /** Done while the card is on screen, before leaving it, in this order. */
  extras: Extract<LabActionKind, 'like' | 'share' | 'comment' | 'follow' | 'rewatch'>[];
};

export type PersonaState = {
  /** Videos decided so far. */
  videos: number;
  /** Interest per topic (and `diet` for the diet-culture hashtags), 0–1. */
  interest: Record<string, number>;
  /** Topics of the last 10 cards, for the explorer's appetite for novelty. */
  recentTopics: string[];
  followed: string[];
};

type Persona = PersonaSummary & {
  interest: Record<string, number>;
  /** Interest in a topic not listed. */
  rest: number;
  likeRate: number;
  shareRate: number;
  commentRate: number;
  /** Chance to follow a creator after liking a video it loves (affinity ≥ 0.8). */
  followRate: number;
  /** How the persona's interests move after a card it watched `ratio` of (0 when skipped), in place. */
  drift: (s: PersonaState, item: Item, ratio: number) => void;
  /** Affinity of the persona for a card, 0–1 (may read the state beyond interests). */
  affinity?: (s: PersonaState, item: Item) => number;
  /** Topics it says "not interested" to at once. */
  rejects: string[];
};

const isDiet = (item: Item): boolean => item.hashtags.some((h) => DIET_TAGS.includes(h));
const clamp = (x: number): number => Math.min(1, Math.max(0, x));
const bump = (s: PersonaState, key: string, by: number): void => {
  s.interest[key] = clamp((s.interest[key] ?? 0) + by);
};

const PERSONAS: Record<PersonaId, Persona> = {
  casual: {
    id: 'casual',
    name: 'Casual: cooking and travel',
    description:
      'Watches cooking and travel videos to the end and often likes them, laughs at the odd comedy or pet video, and skips the rest after a second or two. Likes about a third of what it loves, rarely shares, follows a favourite creator now and then. Its interests do not drift.',
    startTopics: ['cooking', 'travel', 'comedy', 'pets'],
    interest: { cooking: 0.85, travel: 0.75, comedy: 0.4, pets: 0.4 },
    rest: 0.1,
    likeRate: 0.35,
    shareRate: 0.05,
    commentRate: 0.03,
    followRate: 0.05,
    drift: () => undefined,
    rejects: [],
  },
  drifter: {
    id: 'drifter',
    name: 'Drifter: gaming → fitness → diet culture',
    description:
      'Starts as a gamer who likes the odd gym video. Every fitness video it finishes makes it want fitness more (and diet videos a little), every diet video it finishes pulls it further in, and gaming fades as it goes: a rabbit hole that only forms if the feed keeps offering the next step. Watches what it wants long, likes and shares it, skips the rest.',
    startTopics: ['gaming', 'fitness'],
    interest: { gaming: 0.9, fitness: 0.6, anime: 0.3, diet: 0.05 },
    rest: 0.08,
    likeRate: 0.3,
    shareRate: 0.06,
    commentRate: 0.04,
    followRate: 0.04,
    drift: (s, item, ratio) => {
      if (ratio < 0.5) return;
      // Finishing pulls twice as hard as watching half.
      const pull = ratio >= 0.9 ? 2 : 1;
      if (isDiet(item)) bump(s, 'diet', 0.04 * pull);
      else if (item.topics.includes('fitness')) {
        bump(s, 'fitness', 0.04 * pull);
        bump(s, 'diet', 0.015 * pull);
      }
      // Boredom: every gaming video it watches makes the next one a little less appealing.
      if (item.topics.includes('gaming')) bump(s, 'gaming', -0.006);
    },
    affinity: (s, item) =>
      isDiet(item) ? Math.max(s.interest.diet ?? 0, topicAffinity(s, item, 0.08)) : -1,
    rejects: [],
  },
  doomscroller: {
    id: 'doomscroller',
    name: 'News doomscroller',
    description:
      'Watches news and politics to the end and past it, however grim, rarely likes it but shares and comments on it more than anything else, skims finance, and flicks past everything else within a second. Each news video it finishes makes it want the next one a little more.',
    startTopics: ['news-politics', 'finance'],
    interest: { 'news-politics': 0.9, finance: 0.4 },
    rest: 0.06,
    likeRate: 0.05,
    shareRate: 0.15,
    commentRate: 0.12,
    followRate: 0.03,
    drift: (s, item, ratio) => {
      if (ratio >= 0.9 && item.topics.includes('news-politics')) bump(s, 'news-politics', 0.005);
    },
    rejects: [],
  },
  explorer: {
    id: 'explorer',
    name: 'Explorer',
    description:
      'Curious about everything: gives every topic a fair chance and watches a topic it has not met in its last ten cards longer than one it just saw. Likes a few of everything, follows almost no one; its interests stay broad.',
    startTopics: [],
    interest: {},
    rest: 0.5,
    likeRate: 0.2,
    shareRate: 0.03,
    commentRate: 0.02,
    followRate: 0.01,
    drift: () => undefined,
    affinity: (s, item) => {
      const recent = item.topics.filter((t) => s.recentTopics.includes(t)).length;
      return item.topics.length === 0 ? 0.4 : recent === 0 ? 0.85 : 0.35;
    },
    rejects: [],
  },
  'not-interested': {
    id: 'not-interested',
    name: 'Uses “not interested”',
    description:
      'Enjoys comedy, pets and dance. The moment a prank or a news video appears it says “not interested” (which, with that rule on, suppresses the video’s creator and sound) instead of merely skipping; everything else it treats like a casual viewer.',
    startTopics: ['comedy', 'pets', 'dance'],
    interest: { comedy: 0.8, pets: 0.75, dance: 0.6 },
    rest: 0.15,
    likeRate: 0.3,
    shareRate: 0.05,
    commentRate: 0.03,
    followRate: 0.04,
    drift: () => undefined,
    rejects: ['pranks', 'news-politics'],
  },
};

export function personaSummaries(): PersonaSummary[] {
  return Object.values(PERSONAS).map(({ id, name, description, startTopics }) => ({
    id,
    name,
    description,
    startTopics,
  }));
}

export function startPersona(id: PersonaId): PersonaState {
  return { videos: 0, interest: { ...PERSONAS[id].interest }, recentTopics: [], followed: [] };
}

function topicAffinity(s: PersonaState, item: Item, rest: number): number {
  let best = item.topics.length === 0 ? rest : 0;
  for (const t of item.topics) best = Math.max(best, s.interest[t] ?? rest);
  return best;
}

/**
 * The persona's decision on a card, and its next state. Affinity a ∈ [0, 1] drives everything:
 * it watches with probability a (else skips after 0.5–2.5 s), watching a share 0.3 + 0.8·a·u of
 * the video (u uniform in [0.5, 1.5], so a loved short video loops), and likes, shares and
 * comments with probability rate·a once it has watched at least half.
 */
export function decide(
  id: PersonaId,
  state: PersonaState,
  item: Item,
  rng: Rng,
): { decision: PersonaDecision; state: PersonaState } {
  const p = PERSONAS[id];
  const s: PersonaState = {
    videos: state.videos + 1,
    interest: { ...state.interest },
    recentTopics: [...item.topics, ...state.recentTopics].slice(0, 10),
    followed: [...state.followed],
  };
  const duration = item.durationS ?? 15;
  const short = (lo: number, hi: number): number => round1(lo + (hi - lo) * rng.next());
  if (item.topics.some((t) => p.rejects.includes(t))) {
    return { decision: { leave: 'not-interested', watchS: short(0.5, 2), extras: [] }, state: s };
  }
  const custom = p.affinity?.(state, item) ?? -1;
  const a = custom >= 0 ? custom : topicAffinity(state, item, p.rest);
  if (rng.next() >= a) {
    p.drift(s, item, 0);
    return { decision: { leave: 'skip', watchS: short(0.5, 2.5), extras: [] }, state: s };
  }
  const ratio = 0.3 + 0.8 * a * (0.5 + rng.next());
  // Long videos are at most finished; short ones loop when they hold the viewer.
  const watched = duration > 60 ? Math.min(ratio, 1) : ratio;
  const extras: PersonaDecision['extras'] = [];
  if (watched >= 0.5) {
    const liked = rng.next() < p.likeRate * a;
    if (liked) extras.push('like');
    if (rng.next() < p.shareRate * a) extras.push('share');
    if (rng.next() < p.commentRate * a) extras.push('comment');
    const creator = item.creator;
    if (liked && a >= 0.8 && creator && !s.followed.includes(creator)) {
      if (rng.next() < p.followRate) {
        extras.push('follow');
        s.followed.push(creator);
      }
    }
    if (watched >= 1 && duration <= 30 && rng.next() < 0.15 * a) extras.push('rewatch');
  }
  p.drift(s, item, watched);
  return {
    decision: { leave: 'watch', watchS: round1(Math.max(0.5, watched * duration)), extras },
    state: s,
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
