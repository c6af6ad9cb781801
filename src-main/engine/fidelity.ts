// Do the events an explanation names decide the item's place? Remove them and replay (deletion),
// or keep only them (insertion), and see where the item lands: the fidelity measures of LXR
// (Barkan et al., "Learning to Explain Recommendations", 2023) and of "Refining Fidelity Metrics
// for Explainable Recommendations" (SIGIR 2025), computed with real replays, not estimates.
// Definitions: docs/ALGORITHM.md, "Explanations that prove themselves".
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import { configHash, effectiveOutOfNetwork, effectiveWeights, type EngineConfig } from './config';
import { F, writeFeatures } from './features';
import { buildModel, scoreFeatures } from './objectives';
import { createRng, deriveSeed } from './random';
import { orderEvents } from './replay';
import { rankSlate } from './slate';
import type { TraceItem } from './trace';
import { createViewer, stepViewer } from './viewer';

/** The feed's depth that counts as "still recommended" (POS@20, NDCG@20). */
export const FIDELITY_DEPTH = 20;

export type Standing = {
  /**
   * The item's place in the feed: the slate's positions, then the other ranked candidates in
   * rank order. Null when it is no candidate at all or a rule removes it.
   */
  position: number | null;
  /** Its score (before the multiplicative rules), whether or not it is a candidate. */
  score: number;
};

export type StandingInput = {
  events: readonly FeedEvent[];
  catalogue: PreparedCatalogue;
  config: EngineConfig;
  seed: number;
  atMs: number;
  itemId: string;
};

/** Where `itemId` stands in the feed built at `atMs` from the events before it. */
export function standingAt(input: StandingInput): Standing {
  const { catalogue, config } = input;
  const ordered = orderEvents(input.events);
  const viewer = createViewer(catalogue, config, ordered, { trackEvidence: false });
  while (viewer.applied < ordered.length && ordered[viewer.applied]!.atMs < input.atMs)
    stepViewer(viewer);
  const model = buildModel(effectiveWeights(config));
  const ranking = rankSlate(viewer, {
    nowMs: input.atMs,
    seed: input.seed,
    configHash: configHash(config),
    model,
    outOfNetwork: effectiveOutOfNetwork(config),
  });
  const idx = catalogue.indexOf.get(input.itemId);
  if (idx === undefined) throw new Error(`Unknown item ${input.itemId}`);
  const j = ranking.cands.findIndex((c) => c.idx === idx);
  const placed = ranking.placed.findIndex((p) => p.j === j);
  let position: number | null = null;
  if (placed >= 0) position = placed + 1;
  else if (j >= 0) {
    const used = new Set(ranking.placed.map((p) => p.j));
    const rest = ranking.ranked.filter((r) => !used.has(r.j));
    const at = rest.findIndex((r) => r.j === j);
    if (at >= 0) position = ranking.placed.length + at + 1;
  }
  if (j >= 0) return { position, score: ranking.scores[j]! };
  const x = new Float64Array(F);
  writeFeatures(ranking.fctx, idx, false, x, 0);
  return { position, score: scoreFeatures(model, x, 0) };
}

/** A past event behind an item's score, with the part of the score it carries. */
export type ExplainingEvent = { eventId: string; index: number; amount: number };

/**
 * The events behind an item's score, largest part first (ties by index): each event's amounts
 * summed over the dimensions it built. Only events that raise the score are listed.
 */
export function explainingEvents(item: TraceItem): ExplainingEvent[] {
  const byId = new Map<string, ExplainingEvent>();
  for (const because of item.because)
    for (const e of because.events) {
      const known = byId.get(e.eventId);
      if (known) known.amount += e.amount;
      else byId.set(e.eventId, { eventId: e.eventId, index: e.index, amount: e.amount });
    }
  return [...byId.values()]
    .filter((e) => e.amount > 0)
    .sort((a, b) => b.amount - a.amount || a.index - b.index);
}

/** The item's standing with `removed` taken out of the events, and with only `kept` left. */
export function withoutAndOnly(
  input: Omit<StandingInput, 'events'> & { events: readonly FeedEvent[] },
  ids: ReadonlySet<string>,
): { without: Standing; only: Standing } {
  return {
    without: standingAt({ ...input, events: input.events.filter((e) => !ids.has(e.id)) }),
    only: standingAt({ ...input, events: input.events.filter((e) => ids.has(e.id)) }),
  };
}

/** k distinct events drawn uniformly from those before `atMs` (seeded by the slate and item). */
export function randomEvents(
  events: readonly FeedEvent[],
  atMs: number,
  k: number,
  seed: number,
  itemId: string,
): Set<string> {
  const before = events.filter((e) => e.atMs < atMs).map((e) => e.id);
  const rng = createRng(deriveSeed(seed, `${atMs}:${itemId}`));
  // A partial Fisher–Yates shuffle: the first k of a uniform permutation.
  const n = Math.min(k, before.length);
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(before.length - i);
    [before[i], before[j]] = [before[j]!, before[i]!];
  }
  return new Set(before.slice(0, n));
}

/** The score of an item with every feature at zero: what its lift (score − baseline) is over. */
export function baselineScore(config: EngineConfig): number {
  return scoreFeatures(buildModel(effectiveWeights(config)), new Float64Array(F), 0);
}

/** DCG weight of a position within the depth: 1 / log2(position + 1); 0 below it or out. */
export function gain(position: number | null): number {
  return position !== null && position <= FIDELITY_DEPTH ? 1 / Math.log2(position + 1) : 0;
}

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
  for (const slate of input.slates) {
    for (const item of slate.items.slice(0, input.top)) {
      const at = { ...input, atMs: slate.atMs, itemId: item.itemId };
      const before = standingAt(at);
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
          const { without, only } = withoutAndOnly(at, picks[method]);
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
