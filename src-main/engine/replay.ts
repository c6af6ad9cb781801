// Replay: a fold over the event log. It yields every per-event delta and a slate at chosen points,
// and is a pure function of (events, catalogue, config, seed).
import type { FeedEvent, Item } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import {
  configHash,
  effectiveOutOfNetwork,
  effectiveWeights,
  halfLifeMs,
  type EngineConfig,
} from './config';
import { decay } from './signals';
import { buildModel } from './objectives';
import { applySignal, emptyState, type ProfileDelta, type UserState } from './profile';
import { buildSlate, type Slate } from './slate';
import { createViewer, stepViewer, type Viewer } from './viewer';

/** When to build slates: at each session start (default), after every N events, at given times. */
export type SlatePoints =
  | { kind: 'session' }
  | { kind: 'every'; n: number }
  | { kind: 'times'; atMs: readonly number[] }
  | { kind: 'none' };

export type ReplayInput = {
  events: readonly FeedEvent[];
  catalogue: PreparedCatalogue;
  config: EngineConfig;
  seed: number;
  points?: SlatePoints;
  /** Keep per-dimension postings so traces can name the events behind a feature (default: on). */
  trackEvidence?: boolean;
  /** Record every dimension's value at each slate time (for counterfactual diffs and metrics). */
  snapshots?: boolean;
  /** Called with each slate as it is built (for streaming traces out, e.g. to a JSONL file). */
  onSlate?: (slate: Slate, index: number) => void;
  /** Keep every slate in the result (default true); false with onSlate keeps memory flat. */
  keepSlates?: boolean;
};

export type ReplayResult = {
  viewer: Viewer;
  slates: Slate[];
  /** The slate times, in order (a slate at t sees the events with atMs < t). */
  times: number[];
  configHash: string;
  /** With `snapshots`: every non-zero dimension's value at each slate time. */
  profiles: Map<string, number>[] | null;
};

/** Events in processing order: by time, ties kept in log order (a stable sort). */
export function orderEvents(events: readonly FeedEvent[]): readonly FeedEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.atMs < events[i - 1]!.atMs) {
      return events
        .map((e, k) => [e, k] as const)
        .sort((a, b) => a[0].atMs - b[0].atMs || a[1] - b[1])
        .map(([e]) => e);
    }
  }
  return events;
}

/**
 * Slate times for a set of points. Session: the first event's time of each session (so the slate
 * sees every earlier session, as when the app opens). Every N: 1 ms after the N-th, 2N-th, ...
 * event. Times: as given. Sorted, duplicates removed.
 */
export function slateTimes(events: readonly FeedEvent[], points: SlatePoints): number[] {
  const out: number[] = [];
  switch (points.kind) {
    case 'session':
      events.forEach((e, i) => {
        if (i === 0 || e.session !== events[i - 1]!.session) out.push(e.atMs);
      });
      break;
    case 'every':
      for (let i = points.n - 1; i < events.length; i += points.n) out.push(events[i]!.atMs + 1);
      break;
    case 'times':
      out.push(...points.atMs);
      break;
    case 'none':
      break;
    default: {
      const never: never = points;
      throw new Error(`Unknown slate points ${JSON.stringify(never)}`);
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * replay(events, catalogue, config, seed) = fold(stepViewer) over the events, building a slate at
 * each slate time t from the state after every event with atMs < t.
 */
export function replay(input: ReplayInput): ReplayResult {
  const events = orderEvents(input.events);
  const config = input.config;
  const times = slateTimes(events, input.points ?? { kind: 'session' });
  const viewer = createViewer(input.catalogue, config, events, {
    trackEvidence: input.trackEvidence ?? times.length > 0,
  });
  const hash = configHash(config);
  const model = buildModel(effectiveWeights(config));
  const outOfNetwork = effectiveOutOfNetwork(config);
  const slates: Slate[] = [];
  let dropped = 0;
  const profiles: Map<string, number>[] | null = input.snapshots ? [] : null;
  for (const t of times) {
    while (viewer.applied < events.length && events[viewer.applied]!.atMs < t) stepViewer(viewer);
    const slate = buildSlate(viewer, {
      nowMs: t,
      seed: input.seed,
      configHash: hash,
      model,
      outOfNetwork,
    });
    input.onSlate?.(slate, slates.length + dropped);
    if (input.keepSlates === false) dropped++;
    else slates.push(slate);
    profiles?.push(snapshot(viewer, t));
  }
  while (viewer.applied < events.length) stepViewer(viewer);
  return { viewer, slates, times, configHash: hash, profiles };
}

/** The slate a viewer gets at `nowMs` under `config` (the viewer holds the events before it). */
export function slateAt(viewer: Viewer, config: EngineConfig, seed: number, nowMs: number): Slate {
  return buildSlate(viewer.config === config ? viewer : { ...viewer, config }, {
    nowMs,
    seed,
    configHash: configHash(config),
    model: buildModel(effectiveWeights(config)),
    outOfNetwork: effectiveOutOfNetwork(config),
  });
}

/** Every non-zero dimension's value at time t, by key. */
export function snapshot(viewer: Viewer, t: number): Map<string, number> {
  const out = new Map<string, number>();
  const h = halfLifeMs(viewer.config);
  for (const id of viewer.store.touched) {
    const w = decay(viewer.store.w[id]!, viewer.store.at[id]!, t, h);
    if (w !== 0) out.set(viewer.store.dims.key(id), w);
  }
  return out;
}

/** Profile-only replay: every delta recorded, no slates. */
export function replayProfile(
  events: readonly FeedEvent[],
  catalogue: PreparedCatalogue,
  config: EngineConfig,
): Viewer {
  const ordered = orderEvents(events);
  const viewer = createViewer(catalogue, config, ordered, {
    trackEvidence: false,
    profileOnly: true,
  });
  while (viewer.applied < ordered.length) stepViewer(viewer);
  return viewer;
}

/** The reference fold: applySignal one event at a time (slow, immutable; for checks and small logs). */
export function foldSignals(
  events: readonly FeedEvent[],
  items: readonly Item[] | ReadonlyMap<string, Item>,
  config: EngineConfig,
): { state: UserState; deltas: ProfileDelta[] } {
  const byId =
    items instanceof Map ? items : new Map((items as readonly Item[]).map((i) => [i.id, i]));
  let state = emptyState();
  const deltas: ProfileDelta[] = [];
  orderEvents(events).forEach((event, i) => {
    const step = applySignal(
      state,
      event,
      event.itemId === null ? undefined : byId.get(event.itemId),
      config,
      i,
    );
    state = step.state;
    deltas.push(step.delta);
  });
  return { state, deltas };
}
