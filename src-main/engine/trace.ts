// Decision traces: the stable, rounded JSON record of one slate (docs/trace.schema.json), and the
// walk from a feature's contribution back to the past events that built the dimensions behind it.
import type { EventKind } from '../domain/types';
import type { RuleName } from './config';
import type { Feature } from './features';
import { isoUtc, round } from './format';
import type { Objective } from './presets';
import type { RuleEffect } from './rules';
import type { Source } from './candidates';
import type { DeltaLog } from './store';
import type { FeedEvent } from '../domain/types';

export type TraceEvent = { eventId: string; kind: EventKind; at: string; amount: number };

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

export type TraceRemoval = { itemId: string; rule: RuleName; detail: string };

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
  const top: { e: number; part: number }[] = [];
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
  const out = evidence.top.map(({ e, part }) => {
    const amount = part * scale;
    listed += amount;
    const ev = events[e]!;
    return { eventId: ev.id, kind: ev.kind, at: isoUtc(ev.atMs), amount: round(amount) };
  });
  return {
    events: out,
    others: { count: evidence.count - out.length, value: round(value - listed) },
  };
}
