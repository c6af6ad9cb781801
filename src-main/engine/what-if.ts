// A what-if as the app asks it: the facts replayed once and kept (each slate's videos and the
// profile at its time, with checkpoints), then each question replayed only where it can differ.
// Slates before the first changed event are the facts' own; the rest are replayed from the
// checkpoint before it, ranked without traces (a what-if compares videos, not reasons). Every
// slate and profile equals what `counterfactual` gives (test/engine/what-if.test.ts).
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import {
  checkpointBefore,
  checkpointCollector,
  eventsBefore,
  resumeViewer,
  stateHash,
  type Checkpoint,
} from './checkpoint';
import {
  configHash,
  effectiveOutOfNetwork,
  effectiveWeights,
  resolveConfig,
  type ConfigInput,
  type EngineConfig,
} from './config';
import {
  applyEdits,
  diffSlates,
  mergeConfig,
  profileDiff,
  type Edit,
  type PointDiff,
} from './counterfactual';
import { isoUtc } from './format';
import { buildModel } from './objectives';
import { orderEvents, slateTimes, snapshot, type SlatePoints } from './replay';
import { rankSlate, slateId, type RankedSlate } from './slate';
import { createViewer, stepViewer, type Viewer } from './viewer';

/** Slates and the profile at each slate time, from some slate on (`from`) to the last. */
export type RankedRun = {
  slates: RankedSlate[];
  profiles: Map<string, number>[];
};

export type WhatIfFacts = RankedRun & {
  /** The events as given (edits apply to them, as in `counterfactual`) and in processing order. */
  log: readonly FeedEvent[];
  events: readonly FeedEvent[];
  config: EngineConfig;
  seed: number;
  times: number[];
  checkpoints: Checkpoint[];
};

/** The factual replay every what-if on these events, settings and seed compares with. */
export function whatIfFacts(input: {
  events: readonly FeedEvent[];
  catalogue: PreparedCatalogue;
  config: EngineConfig;
  seed: number;
  points: SlatePoints;
  /** The first checkpoint's spacing (checkpoint.ts; tests use a small one). */
  firstCheckpoint?: number;
}): WhatIfFacts {
  const events = orderEvents(input.events);
  const times = slateTimes(events, input.points);
  const viewer = createViewer(input.catalogue, input.config, events, {
    trackEvidence: false,
    recordDeltas: false,
  });
  const collector = checkpointCollector(input.firstCheckpoint);
  const run = rankAt(viewer, input.config, input.seed, times, collector);
  return {
    ...run,
    log: input.events,
    events,
    config: input.config,
    seed: input.seed,
    times,
    checkpoints: collector.list,
  };
}

export type WhatIfReplay = {
  missing: string[];
  /** The edited log's events, in processing order. */
  events: readonly FeedEvent[];
  config: EngineConfig;
  /** At every slate time of the facts; the first `reused` slates and profiles are the facts'. */
  alt: RankedRun;
  reused: number;
};

/**
 * The what-if's side: the facts' log edited and replayed under `configPatch`, at the facts' slate
 * times. A slate at t sees the events before t, so one whose time is at or before both logs'
 * first differing event sees the same events as the facts' slate and, with the same settings, is
 * that slate. The replay starts from the last checkpoint whose events are all before the first
 * slate it builds, when the settings give the same state.
 */
export function whatIf(
  facts: WhatIfFacts,
  catalogue: PreparedCatalogue,
  question: { edits: readonly Edit[]; configPatch?: ConfigInput },
): WhatIfReplay {
  const { events: edited, missing } = applyEdits(facts.log, question.edits);
  const events = orderEvents(edited);
  const config = question.configPatch
    ? resolveConfig(mergeConfig(facts.config, question.configPatch))
    : facts.config;
  let first = 0;
  while (first < events.length && events[first] === facts.events[first]) first++;
  const limit = Math.min(facts.events[first]?.atMs ?? Infinity, events[first]?.atMs ?? Infinity);
  const { times } = facts;
  let reused = 0;
  if (configHash(config) === configHash(facts.config))
    while (reused < times.length && times[reused]! <= limit) reused++;
  const rest = times.slice(reused);
  const cp =
    rest.length > 0 && stateHash(config) === stateHash(facts.config)
      ? checkpointBefore(facts.checkpoints, Math.min(first, eventsBefore(events, rest[0]!)))
      : null;
  const viewer = cp
    ? resumeViewer(cp, catalogue, config, events)
    : createViewer(catalogue, config, events, { trackEvidence: false, recordDeltas: false });
  const run = rankAt(viewer, config, facts.seed, rest, null);
  return {
    missing,
    events,
    config,
    alt: {
      slates: [...facts.slates.slice(0, reused), ...run.slates],
      profiles: [...facts.profiles.slice(0, reused), ...run.profiles],
    },
    reused,
  };
}

/** Slate s of a what-if in full, as `counterfactual` gives it (the top `topDims` profile changes). */
export function pointDiff(
  facts: WhatIfFacts,
  replayed: WhatIfReplay,
  s: number,
  topDims = 20,
): PointDiff {
  const t = facts.times[s]!;
  const id = (config: EngineConfig, events: readonly FeedEvent[]) =>
    slateId(configHash(config), facts.seed, t, eventsBefore(events, t) - 1);
  const diff = profileDiff(facts.profiles[s]!, replayed.alt.profiles[s]!);
  return {
    at: isoUtc(t),
    atMs: t,
    baseSlateId: id(facts.config, facts.events),
    altSlateId: id(replayed.config, replayed.events),
    ...diffSlates(facts.slates[s]!.itemIds, replayed.alt.slates[s]!.itemIds),
    profile: diff.slice(0, topDims),
    profileDimsChanged: diff.length,
  };
}

/** Steps the viewer to each time in turn, ranking a slate and taking the profile there. */
function rankAt(
  viewer: Viewer,
  config: EngineConfig,
  seed: number,
  times: readonly number[],
  collector: ReturnType<typeof checkpointCollector> | null,
): RankedRun {
  const events = viewer.events;
  const hash = configHash(config);
  const model = buildModel(effectiveWeights(config));
  const outOfNetwork = effectiveOutOfNetwork(config);
  const step = (): void => {
    stepViewer(viewer);
    if (collector?.due(viewer.applied)) collector.add(viewer);
  };
  const slates: RankedSlate[] = [];
  const profiles: Map<string, number>[] = [];
  for (const t of times) {
    while (viewer.applied < events.length && events[viewer.applied]!.atMs < t) step();
    slates.push(rankSlate(viewer, { nowMs: t, seed, configHash: hash, model, outOfNetwork }));
    profiles.push(snapshot(viewer, t));
  }
  if (collector) while (viewer.applied < events.length) step();
  return { slates, profiles };
}
