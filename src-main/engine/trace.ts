// Decision traces: the stable, rounded JSON record of one slate (docs/trace.schema.json), and the
// walk from a feature's contribution back to the past events that built the dimensions behind it.
import type { EventKind } from '../domain/types';
import type { Attribution } from './attribution';
import type { Candidate, Source } from './candidates';
import type { RuleName } from './config';
import {
  dimValue,
  F,
  FEATURE_DIM_TYPE,
  FEATURES,
  type Feature,
  type FeatureContext,
} from './features';
import { round } from './format';
import type { Objective } from './presets';
import type { Removal, RuleEffect } from './rules';
import type { DeltaLog } from './store';
import type { FeedEvent } from '../domain/types';
import type { Viewer } from './viewer';

/**
 * A past event behind a dimension: its place in the replayed events (the signal log's index), its
 * id, kind, video and time, and its share of the dimension's part of the contribution.
 */
export type TraceEvent = {
  index: number;
  eventId: string;
  kind: EventKind;
  itemId: string | null;
  atMs: number;
  amount: number;
};

/** One dimension behind a feature: its share of the feature's contribution and the events behind it. */
export type TraceBecause = {
  feature: Feature;
  dim: string;
  value: number;
  events: TraceEvent[];
  /** Older or smaller events (and float remainder), summed so that events + others = value. */
  others: { count: number; value: number };
};

export type TraceObjective = {
  p: number;
  baseline: number;
  weight: number;
  contributions: Record<Feature, number>;
};

export type TraceItem = {
  itemId: string;
  rank: number;
  score: number;
  baseline: number;
  contributions: Record<Feature, number>;
  objectives: Record<Objective, TraceObjective>;
  sources: string[];
  rules: RuleEffect[];
  /** Score after the multiplicative rules (what the order was built from). */
  rankScore: number;
  slot: 'exploit' | 'explore';
  features: Record<Feature, number>;
  because: TraceBecause[];
};

export type TraceRemoval = Removal;

export type RuleSummary = { on: boolean; removed: number; demoted: number; promoted: number };

export type SlateTrace = {
  traceVersion: number;
  slateId: string;
  at: string;
  seed: number;
  preset: string;
  configHash: string;
  engineVersion: string;
  profileRef: { eventIndex: number; eventId: string | null; events: number; dimensions: number };
  items: TraceItem[];
  removed: TraceRemoval[];
  atMs: number;
  candidates: { total: number; bySource: Record<Source, number> };
  rules: Record<RuleName, RuleSummary>;
};

/** Serialises a trace as one JSON line (keys are built in a fixed order; numbers already rounded). */
export const traceLine = (trace: SlateTrace): string => JSON.stringify(trace);

/** The events behind one dimension at time t, before scaling to a feature's contribution. */
export type DimEvidence = {
  /** Up to n largest |Δ_e · 0.5^((t − t_e)/h)|: event index and decayed change. */
  top: { e: number; part: number }[];
  /** How many changes of the dimension happened before t. */
  count: number;
};

/**
 * The n events with the largest decayed changes Δ_e · 0.5^((t − t_e)/h) for dimension d (the
 * weight at t is the sum of all of them), read from the log's per-dimension top list. A slate at t
 * only sees events before t, so every listed event is in the past.
 */
export function dimEvidence(
  log: DeltaLog,
  events: readonly FeedEvent[],
  dimId: number,
  t: number,
  decayRate: number,
): DimEvidence {
  const ev = log.evidence;
  const list = ev?.top[dimId];
  if (!ev || !list) return { top: [], count: 0 };
  const top: DimEvidence['top'] = [];
  for (let i = 0; i < list.length; i += 3) {
    const e = list[i + 1]!;
    top.push({ e, part: list[i + 2]! * Math.exp(-(t - events[e]!.atMs) * decayRate) });
  }
  return { top, count: ev.count[dimId] ?? 0 };
}

/**
 * Splits `value` (the part of a feature's contribution that rests on a dimension whose weight at
 * t is `weight`) over the events that built the dimension: event e gets value · Δ_e · 0.5^((t −
 * t_e)/h) / weight, exact because the weight is the decayed sum of its changes. The listed events
 * and `others` (the rest, and float remainder) add up to `value`.
 */
export function eventsBehind(
  evidence: DimEvidence,
  events: readonly FeedEvent[],
  weight: number,
  value: number,
): { events: TraceEvent[]; others: { count: number; value: number } } {
  if (weight === 0 || evidence.top.length === 0)
    return { events: [], others: { count: evidence.count, value: round(value) } };
  const scale = value / weight;
  let listed = 0;
  const out = evidence.top.map(({ e, part }): TraceEvent => {
    const amount = part * scale;
    listed += amount;
    const ev = events[e]!;
    return {
      index: e,
      eventId: ev.id,
      kind: ev.kind,
      itemId: ev.itemId,
      atMs: ev.atMs,
      amount: round(amount),
    };
  });
  return {
    events: out,
    others: { count: evidence.count - out.length, value: round(value - listed) },
  };
}

/**
 * The rounded features x[o .. o + F) by name. Written as one literal (keys in FEATURES order) so
 * that the ~160 records of every slate share one object shape instead of growing key by key.
 */
export function featureRecord(x: Float64Array, o: number): Record<Feature, number> {
  return {
    topic: round(x[o]!),
    hashtag: round(x[o + 1]!),
    creator: round(x[o + 2]!),
    sound: round(x[o + 3]!),
    followed: round(x[o + 4]!),
    popularity: round(x[o + 5]!),
    freshness: round(x[o + 6]!),
    duration: round(x[o + 7]!),
    language: round(x[o + 8]!),
    'seen-similarity': round(x[o + 9]!),
    'co-engagement': round(x[o + 10]!),
    exploration: round(x[o + 11]!),
  };
}

/** A rule effect as the trace shows it: factor rounded. */
export function roundEffect(e: RuleEffect): RuleEffect {
  // Keys in a fixed order: rule, action, factor, from, to, cause.
  return {
    rule: e.rule,
    action: e.action,
    ...(e.factor !== undefined ? { factor: round(e.factor) } : {}),
    ...(e.from !== undefined ? { from: e.from } : {}),
    ...(e.to !== undefined ? { to: e.to } : {}),
    cause: e.cause,
  };
}

/** One feature's signed contribution to an item's score. */
export type Contribution = { feature: Feature; value: number };

/** The one order every surface shows contributions in: largest |value| first, ties by name. */
export function compareContributions(a: Contribution, b: Contribution): number {
  return Math.abs(b.value) - Math.abs(a.value) || (a.feature < b.feature ? -1 : 1);
}

/** Every feature's contribution (zeros included), in the order of compareContributions. */
export function sortedContributions(total: Float64Array): Contribution[] {
  return FEATURES.map((feature, f) => ({ feature, value: total[f]! })).sort(compareContributions);
}

/** For each affinity feature with a contribution: its dimensions and the events behind them. */
export function because(
  v: Viewer,
  c: Candidate,
  a: Attribution,
  X: Float64Array,
  offset: number,
  fctx: FeatureContext,
  cache: Map<number, DimEvidence>,
): TraceBecause[] {
  const cat = v.catalogue;
  const out: TraceBecause[] = [];
  const scale = v.config.affinityScale;
  const end = cat.dimStart[c.idx + 1]!;
  for (let f = 0; f < F; f++) {
    const name = FEATURES[f]!;
    const type = FEATURE_DIM_TYPE[name];
    const total = a.total[f]!;
    const xf = X[offset + f]!;
    if (type === undefined || total === 0 || xf === 0) continue;
    for (let p = cat.dimStart[c.idx]!; p < end; p++) {
      if (cat.dimType[p] !== type) continue;
      const d = cat.dimId[p]!;
      const w = dimValue(fctx, d);
      if (w === 0) continue;
      const part = (cat.dimSplit[p]! * Math.tanh(w / scale)) / xf;
      const value = total * part;
      let evidence = cache.get(d);
      if (!evidence)
        cache.set(d, (evidence = dimEvidence(v.log, v.events, d, fctx.nowMs, fctx.decayRate)));
      const ev = eventsBehind(evidence, v.events, w, value);
      out.push({
        feature: name,
        dim: cat.dims.keys[d]!,
        value: round(value),
        events: ev.events,
        others: ev.others,
      });
    }
  }
  return out;
}
