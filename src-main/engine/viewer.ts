// The viewer's running state inside a replay: profile store and delta log, seen items, the recent
// windows that feed the repetition and co-engagement features. Updated once per event.
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig } from './config';
import { DIM_TYPE_CODE } from './dims';
import {
  applyToStore,
  createDeltaLog,
  createStore,
  estimateChanges,
  sharesByType,
  type DeltaLog,
  type ProfileStore,
} from './store';
import { marksSeen } from './signals';

export type Viewer = {
  catalogue: PreparedCatalogue;
  config: EngineConfig;
  events: readonly FeedEvent[];
  store: ProfileStore;
  log: DeltaLog;
  /** Events applied so far (events[0 .. applied)). */
  applied: number;
  /**
   * 1 for each catalogue item seen so far. A flag per item, not a set: every candidate of every
   * slate is tested, and a typed-array read is far cheaper than a hash lookup.
   */
  seen: Uint8Array;
  /** For each seen item, the index of the last event that showed it (the seen filter's cause). */
  seenBy: Int32Array;
  /** Ring of the last `seenWindow` seen items and the topic counts over it. */
  recentSeen: number[];
  recentTopicCounts: Map<number, number>;
  /** The last `coEngagementWindow` items with a positive item-level signal, oldest first. */
  recentPositive: number[];
  shares: Float64Array;
  /** Profile and deltas only: no seen flags or recent windows (they only serve slates). */
  profileOnly: boolean;
};

export function createViewer(
  catalogue: PreparedCatalogue,
  config: EngineConfig,
  events: readonly FeedEvent[],
  options: { trackEvidence: boolean; profileOnly?: boolean; recordDeltas?: boolean },
): Viewer {
  const shares = sharesByType(config);
  return {
    catalogue,
    config,
    events,
    store: createStore(catalogue),
    log: createDeltaLog(
      catalogue,
      shares,
      events.length,
      estimateChanges(events, catalogue),
      options.trackEvidence,
      config.traceEventsPerFeature,
      options.recordDeltas ?? true,
    ),
    applied: 0,
    seen: new Uint8Array(catalogue.size),
    seenBy: new Int32Array(catalogue.size).fill(-1),
    recentSeen: [],
    recentTopicCounts: new Map(),
    recentPositive: [],
    shares,
    profileOnly: options.profileOnly ?? false,
  };
}

/** Applies the next event: profile, delta log, seen flags and recent windows. */
export function stepViewer(v: Viewer): void {
  const i = v.applied;
  const event = v.events[i]!;
  const idx = applyToStore(v.store, v.log, event, i, v.catalogue, v.config, v.shares);
  v.applied = i + 1;
  if (idx < 0 || v.profileOnly) return;
  if (marksSeen(event)) {
    v.seenBy[idx] = i;
    if (v.seen[idx] === 0) {
      v.seen[idx] = 1;
      pushRecentSeen(v, idx);
    }
  }
  if (v.store.lastPositive) {
    const pos = v.recentPositive.indexOf(idx);
    if (pos >= 0) v.recentPositive.splice(pos, 1);
    v.recentPositive.push(idx);
    if (v.recentPositive.length > v.config.coEngagementWindow) v.recentPositive.shift();
  }
}

function pushRecentSeen(v: Viewer, idx: number): void {
  const cat = v.catalogue;
  const bump = (item: number, by: number): void => {
    for (let p = cat.dimStart[item]!; p < cat.dimStart[item + 1]!; p++) {
      if (cat.dimType[p] !== DIM_TYPE_CODE.topic) continue;
      const d = cat.dimId[p]!;
      const n = (v.recentTopicCounts.get(d) ?? 0) + by;
      if (n === 0) v.recentTopicCounts.delete(d);
      else v.recentTopicCounts.set(d, n);
    }
  };
  v.recentSeen.push(idx);
  bump(idx, 1);
  if (v.recentSeen.length > v.config.seenWindow) bump(v.recentSeen.shift()!, -1);
}

/** Σ co-engagement weights from the recent positives to each neighbour: coScore(i) = Σ_j w(j, i). */
export function coScores(v: Viewer): Map<number, number> {
  const out = new Map<number, number>();
  const co = v.catalogue.coEngagement;
  if (!co) return out;
  for (const j of v.recentPositive) {
    for (let p = co.start[j]!; p < co.start[j + 1]!; p++) {
      const i = co.nbr[p]!;
      out.set(i, (out.get(i) ?? 0) + co.w[p]!);
    }
  }
  return out;
}
