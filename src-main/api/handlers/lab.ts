import type { labCalls } from '../../contract/lab';
import { shippedLessons, shippedScenarios } from '../../lab/files';
import { personaSummaries } from '../../lab/personas';
import {
  actInLab,
  autopilot,
  configureLab,
  endLab,
  gradeLesson,
  labStateOf,
  loadScenario,
  refreshLab,
  resetLab,
  resumeLab,
  saveLab,
  saveScenario,
  startLab,
} from '../../operations/lab';
import type { Handlers } from '../handler';

export const labHandlers: Pick<Handlers, keyof typeof labCalls> = {
  'lab/personas': () => personaSummaries(),
  'lab/scenarios': (_args, ctx) => shippedScenarios(ctx.fixturesDir),
  'lab/lessons': (_args, ctx) => shippedLessons(ctx.fixturesDir),
  'lab/scenario-load': ({ json }) => loadScenario(json),
  'lab/scenario-save': ({ scenario }) => saveScenario(scenario),
  'lab/start': (args, ctx) => startLab(ctx, args),
  'lab/state': ({ sessionId }, ctx) => labStateOf(ctx, sessionId),
  'lab/act': (args, ctx) => actInLab(ctx, args),
  'lab/autopilot': (args, ctx) => autopilot(ctx, args),
  'lab/configure': ({ sessionId, settings }, ctx) => configureLab(ctx, sessionId, settings),
  'lab/refresh': ({ sessionId }, ctx) => refreshLab(ctx, sessionId),
  'lab/reset': ({ sessionId }, ctx) => resetLab(ctx, sessionId),
  'lab/save': (args, ctx) => saveLab(ctx, args),
  'lab/resume': ({ datasetId }, ctx) => resumeLab(ctx, datasetId),
  'lab/grade': ({ a, b }, ctx) => gradeLesson(ctx, a, b),
  'lab/end': ({ sessionId }, ctx) => endLab(ctx, sessionId),
};
