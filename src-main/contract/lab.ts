// The Feed Lab (docs/LAB.md): a live, simulated For You feed over the demo catalogue, driven by a
// person or by a persona, with the same engine and the same "why" as a user's own data. A session
// lives on the main side; every call names it by `sessionId` and answers with its new state.
import { z } from 'zod';
import type { Item } from '../domain/types';
import { PRESETS, RULES } from '../engine';
import { defineCall } from './define';
import { datasetId } from './datasets';
import type { FeedEntry } from './feed';

/** The shipped personas (src-main/lab/personas.ts, docs/LAB.md "Personas"). */
export const PERSONA_IDS = [
  'casual',
  'drifter',
  'doomscroller',
  'explorer',
  'not-interested',
] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

/**
 * What a person can do to the card on screen. `watch`, `skip` and `not-interested` leave the card
 * (the next one shows); `like`, `share`, `comment`, `follow` and `rewatch` act on it and keep it
 * on screen, re-ranking what comes after it.
 */
export const LAB_ACTIONS = [
  'watch',
  'skip',
  'not-interested',
  'like',
  'share',
  'comment',
  'follow',
  'rewatch',
] as const;
export type LabActionKind = (typeof LAB_ACTIONS)[number];

/** Engine settings of a Lab session; anything left out keeps the preset's documented default. */
export const labSettings = z
  .object({
    preset: z.enum(PRESETS).default('tiktok-algo101'),
    /** ε: the share of each slate given to exploration slots (0 switches exploration off). */
    explorationShare: z.number().min(0).max(1).optional(),
    /** Switch re-ranking rules on or off by name (`not-interested`, `author-diversity`, ...). */
    rules: z.partialRecord(z.enum(RULES), z.boolean()).optional(),
    /** Topic sliders (TikTok's "Manage topics"), by taxonomy topic id: 0 least, 1 neutral, 2 most. */
    topicLevels: z.record(z.string().min(1).max(60), z.number().min(0).max(2)).optional(),
    /** Keyword filters (TikTok allows at most 200). */
    keywords: z.array(z.string().trim().min(1).max(60)).max(200).optional(),
  })
  .strict();
export type LabSettings = z.output<typeof labSettings>;

const sessionId = z.string().min(1).max(100);
const seed = z.number().int().min(0).max(0xffffffff);

/** One dimension of the profile, as the Lab's chart shows it. */
export type LabDim = {
  /** `topic:cooking`, `creator:@chef.ana`, ... */
  key: string;
  type: string;
  /** Without the type prefix. */
  name: string;
  /** Decayed weight at the session's current time. */
  weight: number;
  /** Share of the positive weights of its type (0–1). */
  share: number;
};

export type LabProfile = {
  /** Every topic with a positive weight, strongest first (ties by key). */
  topics: LabDim[];
  /** The strongest dimensions of every other type (creator, hashtag, sound, ...), at most 12. */
  others: LabDim[];
};

export type LabMetrics = {
  /** Videos left so far (watched, skipped or marked not interested). */
  videos: number;
  /** Events recorded so far (a like and a watch of one video are two). */
  events: number;
  /** Shannon entropy (bits) of the profile's positive topic weights. */
  profileEntropy: number;
  /** Share of the three strongest topics. */
  top3Share: number;
  /**
   * Per topic: after how many events its share of the profile first reached the threshold
   * (engine/metrics.ts timeToAmplification; null if never). Topics never touched are left out.
   */
  timeToAmplification: Record<string, number | null>;
  /** The threshold used for timeToAmplification and the bubble (0.3, OURS). */
  amplificationThreshold: number;
  /**
   * The "bubble after N swipes" badge: the number of videos after which one topic first held at
   * least `bubbleShare` of the last `bubbleWindow` cards shown; null while that has not happened.
   */
  bubbleAfter: number | null;
  bubbleTopic: string | null;
  bubbleShare: number;
  bubbleWindow: number;
  /** Topic mix of the last `bubbleWindow` cards shown (topic → share), strongest first. */
  recentMix: { topic: string; share: number }[];
  /** Distinct creators among the last `bubbleWindow` cards shown (author diversity spreads these). */
  recentCreators: number;
};

/** One thing done in a session, as recorded. */
export type LabTurn = {
  /** 1-based video number the action was taken on. */
  video: number;
  itemId: string;
  topics: string[];
  creator: string | null;
  action: LabActionKind;
  watchS: number | null;
  /** Who acted: the person at the screen, or a persona's id. */
  by: 'person' | PersonaId;
};

export type LabTiming = {
  /** Milliseconds from receiving the last action to having the next card ranked. */
  lastMs: number | null;
  /** 95th percentile over the session's actions so far (nearest rank); null before any. */
  p95Ms: number | null;
  samples: number;
};

export type LabState = {
  sessionId: string;
  name: string;
  settings: LabSettings;
  /** Seed of the engine's exploration draws. */
  seed: number;
  /** The persona autopilot runs as (null for a person-only session) and its seed. */
  persona: PersonaId | null;
  personaSeed: number;
  configHash: string;
  /** The card on screen with its full "why" (the Feed screen's WhyPanel renders it); null when the catalogue is exhausted. */
  card: FeedEntry | null;
  /** The next few cards as ranked now (they change after every action). */
  upNext: Item[];
  /** Simulated clock of the session (epoch ms): it moves by each watch's seconds. */
  atMs: number;
  profile: LabProfile;
  metrics: LabMetrics;
  /** The last actions, newest last (at most 50; the recorded dataset holds them all). */
  recent: LabTurn[];
  timing: LabTiming;
  /** The dataset this session was saved to or resumed from, if any. */
  datasetId: string | null;
  /** Always true: the Lab is a simulation over a synthetic catalogue, not TikTok. */
  simulated: true;
};

/** The result of an autopilot run: the state after it, and every turn it took. */
export type LabAutopilot = { state: LabState; turns: LabTurn[] };

export type PersonaSummary = {
  id: PersonaId;
  name: string;
  /** One paragraph: what it watches, for how long, when it likes, skips, follows, drifts. */
  description: string;
  /** The topics it starts with, strongest first. */
  startTopics: string[];
};

/** A shareable Lab scenario (fixtures/lab/scenarios/*.json): settings, persona, length, lesson. */
export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'lower-case letters, digits and dashes, at most 60'),
    title: z.string().min(1).max(120),
    /** One paragraph shown before the run. */
    lesson: z.string().min(1).max(2000),
    persona: z.enum(PERSONA_IDS),
    personaSeed: seed.default(1),
    videos: z.number().int().min(1).max(2000),
    /** One configuration, or two for the split screen (`a` left, `b` right). */
    a: labSettings,
    b: labSettings.optional(),
    /** What the learner predicts before the run. */
    predict: z.string().min(1).max(500),
    /** What the run shows (revealed after the guess). */
    reveal: z.string().min(1).max(2000),
    /** Questions for the class discussion. */
    discuss: z.array(z.string().min(1).max(500)).max(10).default([]),
  })
  .strict();
export type Scenario = z.output<typeof scenarioSchema>;

/** A prediction a learner can commit to in a lesson step. */
export type Guess = { id: string; label: string };

/** One step of the guided path (fixtures/lab/lessons.json). */
export type LessonStep = {
  id: string;
  title: string;
  /** Minutes of playing time, stated up front. */
  minutes: number;
  /** The one rule or knob this step changes. */
  knob: string;
  scenario: Scenario;
  /** What the learner can predict (graded by lab/grade once the run is done). */
  choices: Guess[];
};
export type Lessons = { title: string; totalMinutes: number; steps: LessonStep[] };

export type SavedLab = { datasetId: string; name: string; events: number; videos: number };

export const labCalls = {
  'lab/personas': defineCall<PersonaSummary[]>()(z.object({}).strict()),
  /** The shipped scenarios (fixtures/lab/scenarios). */
  'lab/scenarios': defineCall<Scenario[]>()(z.object({}).strict()),
  /** The guided path: one rule and one knob at a time. */
  'lab/lessons': defineCall<Lessons>()(z.object({}).strict()),
  /** Validates a scenario file's text (as shared between classes) and returns it parsed. */
  'lab/scenario-load': defineCall<Scenario>()(z.object({ json: z.string().max(100_000) }).strict()),
  /** A scenario as the JSON text of a shareable file (validated first). */
  'lab/scenario-save': defineCall<{ fileName: string; json: string }>()(
    z.object({ scenario: scenarioSchema }).strict(),
  ),
  /** Starts a fresh session over the demo catalogue. */
  'lab/start': defineCall<LabState>()(
    z
      .object({
        settings: labSettings.default({ preset: 'tiktok-algo101' }),
        seed: seed.default(0),
        persona: z.enum(PERSONA_IDS).nullable().default(null),
        personaSeed: seed.default(1),
        name: z.string().trim().min(1).max(120).optional(),
      })
      .strict(),
  ),
  'lab/state': defineCall<LabState>()(z.object({ sessionId }).strict()),
  /** One action on the card on screen; `watchS` is the seconds watched (for watch and skip). */
  'lab/act': defineCall<LabState>()(
    z
      .object({
        sessionId,
        action: z.enum(LAB_ACTIONS),
        watchS: z.number().min(0).max(3600).optional(),
        /** The card the action is meant for; a stale click (another card on screen) is refused. */
        itemId: z.string().min(1).max(40).optional(),
      })
      .strict(),
  ),
  /** Runs the session's persona (or the one named) for `videos` cards, in one call. */
  'lab/autopilot': defineCall<LabAutopilot>()(
    z
      .object({
        sessionId,
        videos: z.number().int().min(1).max(2000),
        persona: z.enum(PERSONA_IDS).optional(),
      })
      .strict(),
  ),
  /** New settings from now on (the profile so far is kept; the next card is re-ranked). */
  'lab/configure': defineCall<LabState>()(z.object({ sessionId, settings: labSettings }).strict()),
  /** "Refresh feed" as TikTok describes it: start as if new, keeping the filters and sliders. */
  'lab/refresh': defineCall<LabState>()(z.object({ sessionId }).strict()),
  /** Back to the start: no history, the session's settings. */
  'lab/reset': defineCall<LabState>()(z.object({ sessionId }).strict()),
  /** Saves the session as a dataset of kind `lab` (replace the one it was saved to before). */
  'lab/save': defineCall<SavedLab>()(
    z.object({ sessionId, name: z.string().trim().min(1).max(120).optional() }).strict(),
  ),
  /** Resumes a saved Lab dataset as a live session (next class period). */
  'lab/resume': defineCall<LabState>()(z.object({ datasetId }).strict()),
  /**
   * Which of a lesson step's choices the run bears out, read from the sessions that ran it: side A
   * and, on a split screen, side B (src-main/lab/guesses.ts).
   */
  'lab/grade': defineCall<{ measured: string }>()(
    z.object({ a: sessionId, b: sessionId.nullable() }).strict(),
  ),
  /** Forgets a live session (a saved dataset stays). */
  'lab/end': defineCall<{ ended: boolean }>()(z.object({ sessionId }).strict()),
};
