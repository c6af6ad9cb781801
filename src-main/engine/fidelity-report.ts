// The fidelity report: the measures of fidelity.ts averaged over a seeded sample of a history's
// session-start slates, beside the same measures for random events (docs/ALGORITHM.md,
// "Explanations that prove themselves").
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig } from './config';
import {
  baselineScore,
  explainingEvents,
  FIDELITY_DEPTH,
  gain,
  randomEvents,
  standingAt,
  withoutAndOnly,
} from './fidelity';
import { replayCheckpointed } from './checkpoint';
import { createRng, drawWithoutReplacement } from './random';
import { orderEvents, replay, slateTimes } from './replay';
import type { TraceItem } from './trace';

/** Items of each sampled slate measured (from the top), and the largest k. */
export const FIDELITY_TOP = 3;
export const FIDELITY_MAX_K = 5;

export type FidelityMethod = 'attributed' | 'random';

/** One line of the report: the mean of each measure over the measured items, for k events. */
export type FidelityRow = {
  k: number;
  method: FidelityMethod;
  /** Items measured: those with at least k explaining events. */
  items: number;
  /** DEL@k: share of the item's lift (score − baseline) left without the k events (lower: faithful). */
  del: number;
  /** INS@k: share of its lift with only the k events (higher: faithful). */
  ins: number;
  /** Counterfactual NDCG@20: gain of its position without the events over its gain before. */
  ndcg: number;
  /** POS@20: share of items still in the top 20 without the events (lower: faithful). */
  pos: number;
};

export type FidelityInput = {
  events: readonly FeedEvent[];
  catalogue: PreparedCatalogue;
  config: EngineConfig;
  seed: number;
  /** The sampled slates: each one's time and its items in rank order, with their traces. */
  slates: readonly { atMs: number; items: readonly TraceItem[] }[];
  /** How many items of each slate (from the top). */
  top: number;
  /** The largest k. */
  maxK: number;
  onItem?: (done: number, total: number) => void;
};

export type FidelityResult = {
  rows: FidelityRow[];
  /** Items measured (with at least one explaining event), and those skipped because nothing
   * lifts their score above the baseline. */
  items: number;
  skipped: number;
  /** The top-attributed event alone: how often its removal lowers the item's place, and the
   * median of (score drop) / (its attributed amount), 1 where the model is additive. */
  top1: { measured: number; lowered: number; dropOverAmount: number | null };
};

/** The fidelity measures over the given slates, for k = 1..maxK, beside k random events. */
export function fidelity(input: FidelityInput): FidelityResult {
  const baseline = baselineScore(input.config);
  const sums = new Map<string, FidelityRow>();
  const row = (k: number, method: FidelityMethod): FidelityRow => {
    const key = `${method}:${k}`;
    let r = sums.get(key);
    if (!r) sums.set(key, (r = { k, method, items: 0, del: 0, ins: 0, ndcg: 0, pos: 0 }));
    return r;
  };
  const total = input.slates.reduce((n, s) => n + Math.min(input.top, s.items.length), 0);
  let done = 0;
  let measured = 0;
  let skipped = 0;
  const top1 = { measured: 0, lowered: 0, ratios: [] as number[] };
  // One replay with checkpoints: each standing resumes before the first event it changes.
  const run = replayCheckpointed(input.events, input.catalogue, input.config, {
    trackEvidence: false,
  });
  for (const slate of input.slates) {
    for (const item of slate.items.slice(0, input.top)) {
      const at = { ...input, atMs: slate.atMs, itemId: item.itemId };
      const before = standingAt({ ...at, from: { run, same: input.events.length } });
      const lift = before.score - baseline;
      const explaining = explainingEvents(item);
      if (lift <= 0) skipped++;
      else if (explaining.length > 0) measured++;
      for (let k = 1; lift > 0 && k <= Math.min(input.maxK, explaining.length); k++) {
        const picks: Record<FidelityMethod, ReadonlySet<string>> = {
          attributed: new Set(explaining.slice(0, k).map((e) => e.eventId)),
          random: randomEvents(input.events, slate.atMs, k, input.seed, item.itemId),
        };
        for (const method of ['attributed', 'random'] as const) {
          const { without, only } = withoutAndOnly(at, picks[method], run);
          const r = row(k, method);
          r.items++;
          r.del += (without.score - baseline) / lift;
          r.ins += (only.score - baseline) / lift;
          r.ndcg += gain(without.position) / gain(before.position);
          if (without.position !== null && without.position <= FIDELITY_DEPTH) r.pos++;
          if (k === 1 && method === 'attributed') {
            top1.measured++;
            if (lowers(before.position, without.position)) top1.lowered++;
            top1.ratios.push((before.score - without.score) / explaining[0]!.amount);
          }
        }
      }
      input.onItem?.(++done, total);
    }
  }
  const rows = [...sums.values()]
    .map((r) => ({
      ...r,
      del: r.del / r.items,
      ins: r.ins / r.items,
      ndcg: r.ndcg / r.items,
      pos: r.pos / r.items,
    }))
    .sort((a, b) => a.k - b.k || (a.method < b.method ? -1 : 1));
  return {
    rows,
    items: measured,
    skipped,
    top1: {
      measured: top1.measured,
      lowered: top1.lowered,
      dropOverAmount: median(top1.ratios),
    },
  };
}

/** Whether an item's place got worse: a later position, or out of the feed. */
function lowers(before: number | null, after: number | null): boolean {
  if (before === null) return false;
  return after === null || after > before;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The session starts' times after the first (whose slate has no past), `n` of them drawn. */
export function sampleSessionStarts(
  events: readonly FeedEvent[],
  n: number,
  seed: number,
): {
  times: number[];
  of: number;
} {
  const starts = slateTimes(orderEvents(events), { kind: 'session' });
  const drawable = starts.slice(1);
  const times = drawWithoutReplacement(drawable, n, createRng(seed)).sort((a, b) => a - b);
  return { times, of: starts.length };
}

export type FidelitySample = FidelityResult & {
  configHash: string;
  /** The slates sampled, of how many session starts, and the items per slate and largest k. */
  sample: { slates: number; of: number; top: number; maxK: number };
};

/** The fidelity report over `n` session-start slates drawn with the seed. */
export function fidelityOfSample(input: {
  events: readonly FeedEvent[];
  catalogue: PreparedCatalogue;
  config: EngineConfig;
  seed: number;
  n: number;
  onItem?: (done: number, total: number) => void;
}): FidelitySample {
  const { times, of } = sampleSessionStarts(input.events, input.n, input.seed);
  const result = replay({ ...input, points: { kind: 'times', atMs: times } });
  const report = fidelity({
    ...input,
    slates: result.slates.map((s) => ({ atMs: s.trace.atMs, items: s.trace.items })),
    top: FIDELITY_TOP,
    maxK: FIDELITY_MAX_K,
  });
  return {
    ...report,
    configHash: result.configHash,
    sample: { slates: times.length, of, top: FIDELITY_TOP, maxK: FIDELITY_MAX_K },
  };
}
