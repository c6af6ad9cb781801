// Checkpoints of a replay: the viewer's running state after the first n events, copied out as
// data, so that a later replay of the same events under the same state settings starts from the
// nearest one instead of the first event. A resumed viewer steps and ranks exactly as one that
// applied every event (test/engine/checkpoint.test.ts). These replays record no delta log
// (`recordDeltas: false`): a slate and a profile snapshot read the state alone.
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig } from './config';
import { cloneControls, type Controls } from './controls';
import { stableHash } from './hash';
import { createDeltaLog, createStore, sharesByType, type DimTop } from './store';
import { orderEvents } from './replay';
import { createViewer, stepViewer, type Viewer } from './viewer';

export type Checkpoint = {
  /** Events applied: the state after events[0 .. applied). */
  applied: number;
  w: Float64Array;
  at: Float64Array;
  has: Uint8Array;
  last: Int32Array;
  touched: number[];
  /** Keys of the dimensions interned beyond the catalogue's (searches, effects), in id order. */
  extraDims: string[];
  controls: Controls;
  lastAtMs: number;
  lastPositive: boolean;
  seen: Uint8Array;
  seenBy: Int32Array;
  recentSeen: number[];
  recentTopicCounts: Map<number, number>;
  recentPositive: number[];
  /** The log's change count: a resumed log numbers its changes on from here. */
  changes: number;
  evidence: { n: number; top: (DimTop | undefined)[]; count: number[] } | null;
};

/**
 * The settings that a slate reads and stepping does not: two configs that differ only in these
 * give the same state after every event, so they share checkpoints. Listed as the exceptions
 * (rather than listing what stepping reads) so that a new setting is state until shown otherwise.
 */
const SLATE_ONLY = [
  'preset',
  'weights',
  'rules',
  'slateSize',
  'explorationShare',
  'authorDiversity',
  'fatigue',
  'sliderMultipliers',
  'candidates',
  'affinityScale',
  'freshnessHalfLifeDays',
] as const satisfies readonly (keyof EngineConfig)[];

/** The hash of a config's state settings (everything but SLATE_ONLY). */
export function stateHash(config: EngineConfig): string {
  const state: Record<string, unknown> = { ...config };
  for (const key of SLATE_ONLY) delete state[key];
  return stableHash(state);
}

/** Copies the viewer's running state out (nothing of it is shared with the viewer). */
function takeCheckpoint(v: Viewer): Checkpoint {
  const { store, log } = v;
  const dims = store.dims;
  const extraDims: string[] = [];
  for (let id = v.catalogue.dims.keys.length; id < dims.size(); id++) extraDims.push(dims.key(id));
  const evidence = log.evidence;
  return {
    applied: v.applied,
    w: store.w.slice(),
    at: store.at.slice(),
    has: store.has.slice(),
    last: store.last.slice(),
    touched: [...store.touched],
    extraDims,
    controls: cloneControls(store.controls),
    lastAtMs: store.lastAtMs,
    lastPositive: store.lastPositive,
    seen: v.seen.slice(),
    seenBy: v.seenBy.slice(),
    recentSeen: [...v.recentSeen],
    recentTopicCounts: new Map(v.recentTopicCounts),
    recentPositive: [...v.recentPositive],
    changes: log.changes,
    evidence: evidence && {
      n: evidence.n,
      top: evidence.top.map((t) => t?.slice()),
      count: evidence.count.slice(),
    },
  };
}

/**
 * A viewer in the checkpoint's state over `events`, whose first `applied` events must be the
 * ones the checkpoint was taken after (the caller's guarantee; same catalogue, same stateHash).
 * It records no delta log (`deltaAt` is not available from it): what it serves, slates and
 * profile snapshots, reads the state alone.
 */
export function resumeViewer(
  cp: Checkpoint,
  catalogue: PreparedCatalogue,
  config: EngineConfig,
  events: readonly FeedEvent[],
): Viewer {
  const shares = sharesByType(config);
  const store = createStore(catalogue);
  for (const key of cp.extraDims) store.dims.intern(key);
  Object.assign(store, {
    w: cp.w.slice(),
    at: cp.at.slice(),
    has: cp.has.slice(),
    last: cp.last.slice(),
    touched: [...cp.touched],
    controls: cloneControls(cp.controls),
    lastAtMs: cp.lastAtMs,
    lastPositive: cp.lastPositive,
  });
  const log = createDeltaLog(catalogue, shares, events.length, 0, false, 0, false);
  log.changes = cp.changes;
  log.length = cp.applied;
  log.eventStart[cp.applied] = cp.changes;
  if (cp.evidence)
    log.evidence = {
      n: cp.evidence.n,
      top: cp.evidence.top.map((t) => t?.slice()),
      count: cp.evidence.count.slice(),
    };
  return {
    catalogue,
    config,
    events,
    store,
    log,
    applied: cp.applied,
    seen: cp.seen.slice(),
    seenBy: cp.seenBy.slice(),
    recentSeen: [...cp.recentSeen],
    recentTopicCounts: new Map(cp.recentTopicCounts),
    recentPositive: [...cp.recentPositive],
    shares,
    profileOnly: false,
  };
}

/** A replay's checkpoints (rising `applied`) and the viewer after its last event. */
export type Checkpointed = {
  stateHash: string;
  checkpoints: Checkpoint[];
  final: Viewer;
};

/**
 * At most this many checkpoints are kept: when one more is due, every other one is dropped and
 * the spacing doubles, so memory stays within MAX_CHECKPOINTS copies of the state however long
 * the log is, and a resumed replay steps through at most 2 · events / MAX_CHECKPOINTS events.
 */
const MAX_CHECKPOINTS = 16;

/** Logs shorter than this get no checkpoint: replaying them whole is as fast as copying one. */
const FIRST_CHECKPOINT = 25_000;

/**
 * Collects checkpoints during a replay: `due(applied)` says whether to take one after that many
 * events; `add` takes it and thins the list when full. `first` is the first spacing (tests use
 * a small one to put checkpoints into a short log).
 */
export function checkpointCollector(first = FIRST_CHECKPOINT): {
  due: (applied: number) => boolean;
  add: (v: Viewer) => void;
  list: Checkpoint[];
} {
  let every = first;
  const list: Checkpoint[] = [];
  return {
    list,
    due: (applied) => applied > 0 && applied % every === 0,
    add(v) {
      if (list.length === MAX_CHECKPOINTS) {
        every *= 2;
        const kept = list.filter((cp) => cp.applied % every === 0);
        list.length = 0;
        list.push(...kept);
        if (v.applied % every !== 0) return;
      }
      list.push(takeCheckpoint(v));
    },
  };
}

/** Steps a fresh viewer through every event, taking checkpoints as it goes (no delta log). */
export function replayCheckpointed(
  events: readonly FeedEvent[],
  catalogue: PreparedCatalogue,
  config: EngineConfig,
  options: { trackEvidence: boolean; firstCheckpoint?: number },
): Checkpointed {
  const ordered = orderEvents(events);
  const viewer = createViewer(catalogue, config, ordered, {
    trackEvidence: options.trackEvidence,
    recordDeltas: false,
  });
  const collector = checkpointCollector(options.firstCheckpoint);
  while (viewer.applied < ordered.length) {
    stepViewer(viewer);
    if (collector.due(viewer.applied)) collector.add(viewer);
  }
  return { stateHash: stateHash(config), checkpoints: collector.list, final: viewer };
}

/** The last checkpoint taken after at most `applied` events, or null if none. */
export function checkpointBefore(list: readonly Checkpoint[], applied: number): Checkpoint | null {
  let best: Checkpoint | null = null;
  for (const cp of list) if (cp.applied <= applied) best = cp;
  return best;
}

/** How many of the (ordered) events are before t: the ones a slate at t sees. */
export function eventsBefore(events: readonly FeedEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.atMs < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The viewer a replay would hold at `atMs` (every event before it applied), under `config`
 * (whose stateHash must be the run's): the final viewer itself when every event is before
 * `atMs` (a slate only reads it), else a copy resumed from the nearest checkpoint and stepped on.
 */
export function viewerAt(run: Checkpointed, config: EngineConfig, atMs: number): Viewer {
  const { final } = run;
  const events = final.events;
  const n = eventsBefore(events, atMs);
  if (n === events.length) return final.config === config ? final : { ...final, config };
  const cp = checkpointBefore(run.checkpoints, n);
  const v = cp
    ? resumeViewer(cp, final.catalogue, config, events)
    : createViewer(final.catalogue, config, events, {
        trackEvidence: final.log.evidence !== null,
        recordDeltas: false,
      });
  while (v.applied < n) stepViewer(v);
  return v;
}
