// The Feed Lab's operations (contract/lab.ts). Live sessions are kept in memory per database, by
// id; saving one writes it as a dataset of kind `lab`, with what resuming it needs in app_state.
import { z } from 'zod';
import { getAppState, setAppState } from '../db/app-state';
import type { Db } from '../db/connection';
import { deleteDataset, getDataset, insertDataset, loadEvents } from '../db/datasets';
import { TOPICS } from '../domain/taxonomy';
import { labWorld } from '../lab/files';
import { measuredGuess } from '../lab/guesses';
import type { PersonaState } from '../lab/personas';
import {
  act,
  configure,
  createSession,
  NoCard,
  refresh,
  reset,
  resumeSession,
  runPersona,
  SessionFull,
  type LabSession,
  type LabSetup,
} from '../lab/session';
import { labState, timingOf } from './lab-view';
import { UserError } from '../domain/errors';
import type { ParsedArgs } from '../contract';
import {
  labSettings,
  PERSONA_IDS,
  scenarioSchema,
  type LabAutopilot,
  type LabSettings,
  type LabState,
  type SavedLab,
  type Scenario,
} from '../contract/lab';
import type { Context } from './context';
import { engineConfig } from './engine-options';

const sessions = new WeakMap<Db, Map<string, LabSession>>();
let made = 0;

function live(ctx: Context): Map<string, LabSession> {
  let map = sessions.get(ctx.db);
  if (!map) sessions.set(ctx.db, (map = new Map()));
  return map;
}

function sessionOf(ctx: Context, id: string): LabSession {
  const s = live(ctx).get(id);
  if (!s)
    throw new UserError(
      'not-found',
      'This Lab session has ended; start a new one or resume a saved one.',
    );
  return s;
}

const TOPIC_IDS = new Set(TOPICS.map((t) => t.id));

function configFor(settings: LabSettings): LabSetup['config'] {
  const unknown = Object.keys(settings.topicLevels ?? {}).find((t) => !TOPIC_IDS.has(t));
  if (unknown)
    throw new UserError('bad-args', `There is no topic "${unknown}" to set a slider for.`);
  return engineConfig({
    preset: settings.preset,
    rules: settings.rules,
    explorationShare: settings.explorationShare,
  });
}

/** Runs a session step, turning the session's own failures into one clear sentence. */
function step<T>(s: LabSession, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof NoCard)
      throw new UserError(
        'conflict',
        'Every video of the Lab catalogue has been shown; reset or refresh the feed.',
      );
    if (error instanceof SessionFull)
      throw new UserError('conflict', `Session "${s.name}" is full; save it and start a new one.`);
    throw error;
  }
}

/** What resuming a saved run needs besides its events (kept in app_state under `lab:<id>`). */
const savedMeta = z.object({
  name: z.string(),
  settings: labSettings,
  seed: z.number().int(),
  persona: z.enum(PERSONA_IDS).nullable(),
  personaSeed: z.number().int(),
  personaState: z
    .object({
      videos: z.number().int(),
      interest: z.record(z.string(), z.number()),
      recentTopics: z.array(z.string()),
      followed: z.array(z.string()),
    })
    .nullable(),
  personaRng: z.number().int(),
});

/** Validates a scenario file's text (as shared between classes) and returns it parsed. */
export function loadScenario(json: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UserError('bad-input', 'This scenario file is not JSON.');
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at "${first.path.join('.')}"` : '';
    throw new UserError(
      'bad-input',
      `This scenario file is not valid${where}: ${first?.message ?? 'invalid'}.`,
    );
  }
  configFor(parsed.data.a);
  if (parsed.data.b) configFor(parsed.data.b);
  return parsed.data;
}

/** A scenario as the JSON text of a shareable file. */
export function saveScenario(scenario: Scenario): { fileName: string; json: string } {
  return { fileName: `${scenario.id}.json`, json: `${JSON.stringify(scenario, null, 2)}\n` };
}

export function startLab(ctx: Context, args: ParsedArgs<'lab/start'>): LabState {
  const config = configFor(args.settings);
  const id = `lab-${++made}`;
  const name = args.name ?? (args.persona ? `${args.persona} run` : 'My Lab feed');
  const s = createSession(id, labWorld(ctx.fixturesDir), {
    name,
    settings: args.settings,
    config,
    seed: args.seed,
    persona: args.persona,
    personaSeed: args.personaSeed,
  });
  live(ctx).set(id, s);
  return labState(s);
}

export const labStateOf = (ctx: Context, sessionId: string): LabState =>
  labState(sessionOf(ctx, sessionId));

/** One action on the card on screen, timed from the action to the next card's state. */
export function actInLab(
  ctx: Context,
  { sessionId, action, watchS, itemId }: ParsedArgs<'lab/act'>,
): LabState {
  const s = sessionOf(ctx, sessionId);
  const onScreen = s.card >= 0 ? s.world.items[s.card]!.id : null;
  if (itemId !== undefined && itemId !== onScreen)
    throw new UserError(
      'conflict',
      'That video is no longer on screen; the action was not recorded.',
    );
  // Wall time from the action to the next card's state (ranking, profile and metrics), the
  // figure docs/LAB.md reports; performance.now is a duration, not the app's clock.
  const t0 = performance.now();
  step(s, () => act(s, action, watchS, 'person'));
  const state = labState(s);
  s.timings.push(performance.now() - t0);
  return { ...state, timing: timingOf(s.timings) };
}

export function autopilot(
  ctx: Context,
  { sessionId, videos, persona }: ParsedArgs<'lab/autopilot'>,
): LabAutopilot {
  const s = sessionOf(ctx, sessionId);
  const who = persona ?? s.persona;
  if (!who) throw new UserError('bad-args', 'Choose a persona to run the autopilot.');
  const turns = step(s, () => runPersona(s, who, videos));
  return { state: labState(s), turns };
}

export function configureLab(ctx: Context, sessionId: string, settings: LabSettings): LabState {
  const s = sessionOf(ctx, sessionId);
  step(s, () => configure(s, settings, configFor(settings)));
  return labState(s);
}

export function refreshLab(ctx: Context, sessionId: string): LabState {
  const s = sessionOf(ctx, sessionId);
  step(s, () => refresh(s));
  return labState(s);
}

export function resetLab(ctx: Context, sessionId: string): LabState {
  const s = sessionOf(ctx, sessionId);
  step(s, () => reset(s));
  return labState(s);
}

export function saveLab(ctx: Context, { sessionId, name }: ParsedArgs<'lab/save'>): SavedLab {
  const s = sessionOf(ctx, sessionId);
  if (name) s.name = name;
  const datasetId =
    s.datasetId ??
    `lab-${new Date(ctx.now())
      .toISOString()
      .replace(/[^0-9]/g, '')
      .slice(0, 14)}-${s.id}`;
  const meta: z.input<typeof savedMeta> = {
    name: s.name,
    settings: s.settings,
    seed: s.seed,
    persona: s.persona,
    personaSeed: s.personaSeed,
    personaState: s.personaState,
    personaRng: s.personaRng.state(),
  };
  ctx.db.transaction(() => {
    deleteDataset(ctx.db, datasetId);
    insertDataset(
      ctx.db,
      {
        id: datasetId,
        name: `Lab: ${s.name}`,
        kind: 'lab',
        sourceSha256: null,
        createdAt: new Date(ctx.now()).toISOString(),
        warnings: [],
      },
      s.world.items,
      s.events,
    );
    setAppState(ctx.db, `lab:${datasetId}`, JSON.stringify(meta));
  })();
  s.datasetId = datasetId;
  ctx.emit('datasets/changed', { datasetIds: [datasetId] });
  return { datasetId, name: s.name, events: s.events.length, videos: s.videos };
}

export function resumeLab(ctx: Context, datasetId: string): LabState {
  const summary = getDataset(ctx.db, datasetId);
  const stored = getAppState(ctx.db, `lab:${datasetId}`);
  if (!summary || summary.kind !== 'lab' || stored === undefined)
    throw new UserError('not-found', 'There is no saved Lab run with that id to resume.');
  const meta = savedMeta.parse(JSON.parse(stored));
  const id = `lab-${++made}`;
  const s = resumeSession(
    id,
    labWorld(ctx.fixturesDir),
    {
      name: meta.name,
      settings: meta.settings,
      config: configFor(meta.settings),
      seed: meta.seed,
      persona: meta.persona,
      personaSeed: meta.personaSeed,
    },
    loadEvents(ctx.db, datasetId),
    { state: meta.personaState as PersonaState | null, rngState: meta.personaRng },
  );
  s.datasetId = datasetId;
  live(ctx).set(id, s);
  return labState(s);
}

/** Which guess the run of a lesson step bears out (lab/guesses.ts), from its sessions' badges. */
export function gradeLesson(ctx: Context, a: string, b: string | null): { measured: string } {
  const left = sessionOf(ctx, a).bubbleAfter;
  return {
    measured: measuredGuess(left, b === null ? undefined : sessionOf(ctx, b).bubbleAfter),
  };
}

export const endLab = (ctx: Context, sessionId: string) => ({
  ended: live(ctx).delete(sessionId),
});
