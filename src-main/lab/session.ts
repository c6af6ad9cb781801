// A live Feed Lab session: the engine's incremental viewer over the Lab catalogue, fed one action
// at a time. Each action becomes recorded events, the viewer applies them at once (no replay from
// scratch) and the next card is ranked by the same slate builder as every feed. Deterministic: the
// clock is simulated (it moves by the seconds watched) and every draw is seeded; the handler
// measures wall time around it (operations/lab.ts).
import type { LabActionKind, LabSettings, LabTurn, PersonaId } from '../contract/lab';
import type { FeedEvent, Item } from '../domain/types';
import {
  buildSlate,
  configHash,
  createRng,
  effectiveOutOfNetwork,
  effectiveWeights,
  type EngineConfig,
  type PreparedCatalogue,
  type Rng,
  type Slate,
  type TraceItem,
} from '../engine';
import { buildModel } from '../engine/objectives';
import { createViewer, stepViewer, type Viewer } from '../engine/viewer';
import { LAB_EPOCH_MS } from './catalogue-gen';
import { decide, startPersona, type PersonaState } from './personas';

/** The catalogue every Lab session ranks: the generated items, prepared with co-engagement. */
export type LabWorld = { items: readonly Item[]; catalogue: PreparedCatalogue };

/** Sessions start at 08:00 UTC on the day after the last video was posted. */
export const LAB_START_MS = LAB_EPOCH_MS + 8 * 3_600_000;
/** Events one session can hold before it must be saved and a new one started (OURS). */
export const MAX_LAB_EVENTS = 20_000;
/** A turn between cards: the swipe itself (OURS). */
const SWIPE_MS = 600;
/** Time to tap like, share, comment or follow while a card plays (OURS). */
const TAP_MS = 1_500;

export type LabSetup = {
  name: string;
  settings: LabSettings;
  config: EngineConfig;
  seed: number;
  persona: PersonaId | null;
  personaSeed: number;
};

export type LabSession = LabSetup & {
  id: string;
  world: LabWorld;
  /** Every event the current profile rests on, in order: what a save records. */
  events: FeedEvent[];
  nextEventId: number;
  viewer: Viewer;
  atMs: number;
  /** 0-based session index of the events (a resumed run is a new session, a day later). */
  session: number;
  /** Catalogue index of the card on screen, and when it appeared; -1 when none is left. */
  card: number;
  cardAtMs: number;
  /** The latest ranking (what comes next), and the one the card on screen was taken from: a like
   * marks the card seen, so the re-ranked slate no longer holds it, but its "why" stays. */
  slate: Slate | null;
  cardSlate: Slate | null;
  /** Videos left since the start (or the last refresh or reset). */
  videos: number;
  turns: LabTurn[];
  /** Catalogue indexes of the last cards shown (newest last), for the bubble badge and the mix. */
  shown: number[];
  bubbleAfter: number | null;
  bubbleTopic: string | null;
  personaState: PersonaState | null;
  personaRng: Rng;
  /** Milliseconds per action, measured by the handler. */
  timings: number[];
  datasetId: string | null;
};

/** The bubble badge (OURS): one topic on at least 60% of the last 20 cards. */
export const BUBBLE_WINDOW = 20;
export const BUBBLE_SHARE = 0.6;

export function createSession(id: string, world: LabWorld, setup: LabSetup): LabSession {
  const events: FeedEvent[] = [];
  const s: LabSession = {
    ...setup,
    id,
    world,
    events,
    nextEventId: 0,
    viewer: freshViewer(world, setup.config, events),
    atMs: LAB_START_MS,
    session: 0,
    card: -1,
    cardAtMs: LAB_START_MS,
    slate: null,
    cardSlate: null,
    videos: 0,
    turns: [],
    shown: [],
    bubbleAfter: null,
    bubbleTopic: null,
    personaState: setup.persona ? startPersona(setup.persona) : null,
    personaRng: createRng(setup.personaSeed),
    timings: [],
    datasetId: null,
  };
  recordSettings(s);
  rank(s, true);
  return s;
}

/**
 * The viewer's log is sized up front (engine/store.ts), so a live session gets room for
 * MAX_LAB_EVENTS and then reads `events`, the very array the session appends to.
 */
function freshViewer(world: LabWorld, config: EngineConfig, events: FeedEvent[]): Viewer {
  const room = new Array<FeedEvent>(MAX_LAB_EVENTS);
  const v = createViewer(world.catalogue, config, room, { trackEvidence: true });
  v.events = events;
  while (v.applied < events.length) stepViewer(v);
  return v;
}

type Draft = Pick<FeedEvent, 'kind'> & Partial<FeedEvent>;

function record(s: LabSession, draft: Draft): void {
  if (s.events.length >= MAX_LAB_EVENTS) throw new SessionFull();
  s.events.push({
    id: `e${String(s.nextEventId++).padStart(6, '0')}`,
    atMs: s.atMs,
    itemId: null,
    target: null,
    watchS: null,
    watchRatio: null,
    level: null,
    evidence: 'observed',
    session: s.session,
    ...draft,
  });
  stepViewer(s.viewer);
}

export class SessionFull extends Error {}

/** Topic sliders and keyword filters are controls, recorded as events like TikTok's settings. */
function recordSettings(s: LabSession): void {
  const levels = Object.entries(s.settings.topicLevels ?? {}).sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );
  for (const [topic, level] of levels) {
    record(s, { kind: 'topic-control', target: { type: 'topic', value: topic }, level });
  }
  for (const word of s.settings.keywords ?? []) {
    record(s, { kind: 'keyword-filter', target: { type: 'keyword', value: word } });
  }
}

/** Ranks the next slate at the session's clock; `advance` puts its top card on screen. */
function rank(s: LabSession, advance: boolean): void {
  const config = s.config;
  s.slate = buildSlate(s.viewer, {
    nowMs: s.atMs,
    seed: s.seed,
    configHash: configHash(config),
    model: buildModel(effectiveWeights(config)),
    outOfNetwork: effectiveOutOfNetwork(config),
  });
  if (!advance) return;
  const top = nextCard(s.slate, s.videos, config);
  s.card = top ? s.world.catalogue.indexOf.get(top.itemId)! : -1;
  s.cardSlate = s.slate;
  s.cardAtMs = s.atMs;
  if (s.card >= 0) {
    s.shown.push(s.card);
    if (s.shown.length > BUBBLE_WINDOW) s.shown.shift();
    checkBubble(s);
  }
}

/**
 * A feed serves slates of `slateSize` and the person scrolls through each one. The Lab re-ranks
 * before every card, so it serves the n-th card from position n mod slateSize of a fresh slate:
 * the rest of the batch as it would be ranked now. Exploration slots land where the slate builder
 * puts them (every 1/ε-th position, engine/rules.ts isExploreSlot); always taking the first item
 * instead would never explore (position 0 is always exploit) and would over-exploit.
 */
function nextCard(slate: Slate, position: number, config: EngineConfig): TraceItem | undefined {
  const items = slate.trace.items;
  return items[position % config.slateSize] ?? items.at(-1);
}

function checkBubble(s: LabSession): void {
  if (s.bubbleAfter !== null || s.shown.length < BUBBLE_WINDOW) return;
  const counts = new Map<string, number>();
  for (const i of s.shown) {
    for (const t of s.world.items[i]!.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (best && best[1] >= BUBBLE_SHARE * BUBBLE_WINDOW) {
    s.bubbleAfter = s.videos;
    s.bubbleTopic = best[0];
  }
}

export class NoCard extends Error {}

/**
 * One action on the card on screen. Leaving it (watch, skip, not interested) moves the clock by
 * the seconds watched and puts the next card on screen; the others record and re-rank what comes
 * after, keeping the card.
 */
export function act(
  s: LabSession,
  kind: LabActionKind,
  watchS: number | undefined,
  by: LabTurn['by'],
  options: { rankAfter?: boolean } = {},
): void {
  if (s.card < 0) throw new NoCard();
  const item = s.world.items[s.card]!;
  const duration = item.durationS ?? null;
  const watched = (seconds: number): Partial<FeedEvent> => ({
    watchS: seconds,
    watchRatio: duration ? seconds / duration : null,
  });
  const leave = (seconds: number): void => {
    s.atMs = Math.max(s.atMs, s.cardAtMs + Math.round(seconds * 1000));
  };
  const itemId = item.id;
  let leaving = false;
  switch (kind) {
    case 'watch': {
      const seconds = watchS ?? duration ?? 15;
      leave(seconds);
      record(s, { kind: 'watch', itemId, ...watched(seconds) });
      leaving = true;
      break;
    }
    case 'skip': {
      const seconds = watchS ?? 1;
      leave(seconds);
      record(s, { kind: 'skip', itemId, ...watched(seconds) });
      leaving = true;
      break;
    }
    case 'not-interested': {
      const seconds = watchS ?? 1;
      leave(seconds);
      record(s, { kind: 'skip', itemId, ...watched(seconds) });
      s.atMs += TAP_MS;
      record(s, { kind: 'not-interested', itemId });
      leaving = true;
      break;
    }
    case 'rewatch': {
      const seconds = duration ?? 15;
      s.atMs += Math.round(seconds * 1000);
      record(s, { kind: 'rewatch', itemId, ...watched(seconds) });
      break;
    }
    case 'follow':
      s.atMs += TAP_MS;
      record(s, {
        kind: 'follow',
        itemId,
        target: item.creator ? { type: 'creator', value: item.creator } : null,
      });
      break;
    case 'like':
    case 'share':
    case 'comment':
      s.atMs += TAP_MS;
      record(s, { kind, itemId });
      break;
    default: {
      const never: never = kind;
      throw new Error(`Unknown Lab action ${String(never)}`);
    }
  }
  const turn: LabTurn = {
    video: s.videos + 1,
    itemId,
    topics: [...item.topics],
    creator: item.creator,
    action: kind,
    watchS: s.events.at(-1)!.watchS,
    by,
  };
  s.turns.push(turn);
  if (leaving) {
    s.videos++;
    s.atMs += SWIPE_MS;
  }
  if (leaving || options.rankAfter !== false) rank(s, leaving);
}

/**
 * Autopilot: the persona decides on each card (personas.ts) and its extras and its way of leaving
 * are applied as actions. Only leaving a card re-ranks here: a persona does not look at what is
 * queued behind the card, so ranking after each like would change nothing it sees.
 */
export function runPersona(s: LabSession, persona: PersonaId, videos: number): LabTurn[] {
  if (s.persona !== persona || !s.personaState) {
    s.persona = persona;
    s.personaState = startPersona(persona);
  }
  const from = s.turns.length;
  for (let n = 0; n < videos && s.card >= 0; n++) {
    const item = s.world.items[s.card]!;
    const { decision, state } = decide(persona, s.personaState!, item, s.personaRng);
    s.personaState = state;
    for (const extra of decision.extras) act(s, extra, undefined, persona, { rankAfter: false });
    act(s, decision.leave, decision.watchS, persona);
  }
  return s.turns.slice(from);
}

/**
 * "Refresh feed" as TikTok describes it: the feed starts as if new (no history, no profile),
 * keeping the filters and sliders. The person (or persona) stays who they are.
 */
export function refresh(s: LabSession): void {
  restart(s);
}

/** Back to the very start: as refresh, and the persona starts over from its seed. */
export function reset(s: LabSession): void {
  restart(s);
  s.personaState = s.persona ? startPersona(s.persona) : null;
  s.personaRng = createRng(s.personaSeed);
}

function restart(s: LabSession): void {
  s.events = [];
  s.nextEventId = 0;
  s.viewer = freshViewer(s.world, s.config, s.events);
  s.videos = 0;
  s.turns = [];
  s.shown = [];
  s.bubbleAfter = null;
  s.bubbleTopic = null;
  s.timings = [];
  recordSettings(s);
  rank(s, true);
}

/**
 * New settings from now on: the same events are read again under the new config (a few thousand
 * at most, so well under the per-action budget), with the controls recorded again now.
 */
export function configure(s: LabSession, settings: LabSettings, config: EngineConfig): void {
  s.settings = settings;
  s.config = config;
  s.viewer = freshViewer(s.world, config, s.events);
  recordSettings(s);
  rank(s, true);
  // The card on screen was ranked under the old settings: the new ranking replaces it.
  s.shown.pop();
  if (s.card >= 0) s.shown.push(s.card);
}

/** Resumes recorded events as a live session: a new viewing session, the next morning. */
export function resumeSession(
  id: string,
  world: LabWorld,
  setup: LabSetup,
  events: FeedEvent[],
  persona: { state: PersonaState | null; rngState: number },
): LabSession {
  const s = createSession(id, world, setup);
  const last = events.at(-1);
  s.events = [...events];
  s.nextEventId = events.length;
  s.viewer = freshViewer(world, setup.config, s.events);
  s.session = (last?.session ?? -1) + 1;
  s.atMs = Math.max(LAB_START_MS, nextMorning(last?.atMs ?? LAB_START_MS));
  s.videos = events.filter((e) => e.kind === 'watch' || e.kind === 'skip').length;
  s.turns = [];
  s.shown = [];
  s.personaState = persona.state;
  // mulberry32's state is its seed: creating it from the saved state resumes the stream.
  s.personaRng = createRng(persona.rngState);
  rank(s, true);
  return s;
}

const DAY_MS = 86_400_000;
const nextMorning = (atMs: number): number =>
  Math.floor(atMs / DAY_MS) * DAY_MS + DAY_MS + 8 * 3_600_000;
