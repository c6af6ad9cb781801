import { replay, replayAgreement, summarisePool, type TraceItem } from '../../engine';
import type { feedCalls } from '../../contract/feed';
import { explainRemovals, explainSlateItem, itemNames, removedByRule } from '../../explain';
import type { Handlers } from '../router';
import { catalogueOf, engineConfig } from './engine-options';
import { loadDataset } from './load';

export const feedHandlers: Pick<Handlers, keyof typeof feedCalls> = {
  /** The slate the engine would build at `atMs` from every event before it, with its full trace. */
  'feed/at': (args, ctx) => {
    const { pool, events } = loadDataset(ctx, args.datasetId, { withDemo: args.withDemo });
    const config = engineConfig({ ...args, slateSize: args.k });
    const at = args.atMs ?? (events.at(-1)?.atMs ?? 0) + 1;
    const catalogue = catalogueOf(pool);
    const result = replay({
      events,
      catalogue,
      config,
      seed: args.seed,
      points: { kind: 'times', atMs: [at] },
    });
    const slate = result.slates[0]!;
    const { trace, raw } = slate;
    const names = itemNames(pool.items, catalogue.indexOf);
    return {
      datasetId: args.datasetId,
      atMs: at,
      engineVersion: trace.engineVersion,
      seed: trace.seed,
      preset: trace.preset,
      configHash: trace.configHash,
      slateId: trace.slateId,
      // Unrounded score, baseline and contributions (the trace file rounds them), so that the
      // contributions sum to score − baseline within 1e-9 here too.
      entries: trace.items.map((t: TraceItem, i) => {
        const idx = catalogue.indexOf.get(t.itemId)!;
        const item = pool.items[idx]!;
        return {
          item,
          pool: pool.sources[idx]!,
          rank: t.rank,
          score: raw.attributions[i]!.score,
          baseline: raw.attributions[i]!.baseline,
          contributions: raw.contributions[i]!,
          objectives: t.objectives,
          sources: t.sources,
          rules: t.rules,
          slot: t.slot,
          rankScore: t.rankScore,
          features: t.features,
          explanation: explainSlateItem(slate, i, item.creator, names),
        };
      }),
      removed: explainRemovals(slate).map((r) => {
        const item = names(r.itemId);
        return { ...r, caption: item?.caption ?? null, creator: item?.creator ?? null };
      }),
      removedByRule: removedByRule(trace.removed),
      rules: trace.rules,
      pool: summarisePool(pool, catalogue, result.viewer.events, at),
    };
  },
  /** Agreement with the real feed: a slate of k at every session start against what was watched. */
  'feed/agreement': (args, ctx) => {
    const { pool, events } = loadDataset(ctx, args.datasetId, { withDemo: args.withDemo });
    const config = engineConfig({ ...args, slateSize: args.k });
    const summary = replayAgreement({
      events,
      catalogue: catalogueOf(pool),
      config,
      seed: args.seed,
    });
    return { datasetId: args.datasetId, ...summary };
  },
};
