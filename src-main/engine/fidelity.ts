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
import { createRng, deriveSeed, drawWithoutReplacement } from './random';
import { orderEvents } from './replay';
import { rankCandidates } from './slate';
import type { TraceItem } from './trace';
import { checkpointBefore, eventsBefore, resumeViewer, type Checkpointed } from './checkpoint';
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
  /**
   * A checkpointed replay of the whole history (same catalogue and config) whose first `same`
   * events these events share: the replay resumes from its last checkpoint within them.
   */
  from?: { run: Checkpointed; same: number };
};

/** Where `itemId` stands in the feed built at `atMs` from the events before it. */
export function standingAt(input: StandingInput): Standing {
  const { catalogue, config } = input;
  const ordered = orderEvents(input.events);
  const n = eventsBefore(ordered, input.atMs);
  const cp = input.from
    ? checkpointBefore(input.from.run.checkpoints, Math.min(input.from.same, n))
    : null;
  const viewer = cp
    ? resumeViewer(cp, catalogue, config, ordered)
    : createViewer(catalogue, config, ordered, { trackEvidence: false, recordDeltas: false });
  while (viewer.applied < n) stepViewer(viewer);
  const model = buildModel(effectiveWeights(config));
  const ranking = rankCandidates(
    viewer,
    {
      nowMs: input.atMs,
      seed: input.seed,
      configHash: configHash(config),
      model,
      outOfNetwork: effectiveOutOfNetwork(config),
    },
    false,
  );
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

/**
 * The item's standing without the events `ids` names, and with only them. With `run` (a
 * checkpointed replay of these events), the first replay resumes before the first one taken out.
 */
export function withoutAndOnly(
  input: Omit<StandingInput, 'from'>,
  ids: ReadonlySet<string>,
  run?: Checkpointed,
): { without: Standing; only: Standing } {
  const ordered = orderEvents(input.events);
  const first = ordered.findIndex((e) => ids.has(e.id));
  const same = first < 0 ? ordered.length : first;
  return {
    without: standingAt({
      ...input,
      events: ordered.filter((e) => !ids.has(e.id)),
      ...(run ? { from: { run, same } } : {}),
    }),
    only: standingAt({ ...input, events: ordered.filter((e) => ids.has(e.id)) }),
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
  return new Set(
    drawWithoutReplacement(before, k, createRng(deriveSeed(seed, `${atMs}:${itemId}`))),
  );
}

/** The score of an item with every feature at zero: what its lift (score − baseline) is over. */
export function baselineScore(config: EngineConfig): number {
  return scoreFeatures(buildModel(effectiveWeights(config)), new Float64Array(F), 0);
}

/** DCG weight of a position within the depth: 1 / log2(position + 1); 0 below it or out. */
export function gain(position: number | null): number {
  return position !== null && position <= FIDELITY_DEPTH ? 1 / Math.log2(position + 1) : 0;
}
