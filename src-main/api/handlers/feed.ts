import {
  compareIds,
  FEATURES,
  replay,
  replayAgreement,
  summarisePool,
  type TraceItem,
} from '../../engine';
import type { feedCalls } from '../../contract/feed';
import type { Handlers } from '../router';
import { catalogueOf, engineConfig } from '../../operations/engine-options';
import { cachedDataset } from '../../operations/loaded';

export const feedHandlers: Pick<Handlers, keyof typeof feedCalls> = {
  /** The slate the engine would build at `atMs` from every event before it, with its full trace. */
  'feed/at': (args, ctx) => {
    const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
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
    const { trace, raw } = result.slates[0]!;
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
        return {
          item: pool.items[idx]!,
          pool: pool.sources[idx]!,
          rank: t.rank,
          score: raw.attributions[i]!.score,
          baseline: raw.attributions[i]!.baseline,
          contributions: FEATURES.map((feature, f) => ({
            feature,
            value: raw.attributions[i]!.total[f]!,
          }))
            .filter((c) => c.value !== 0)
            .sort(
              (a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.feature < b.feature ? -1 : 1),
            ),
          objectives: t.objectives,
          sources: t.sources,
          rules: t.rules,
          because: t.because,
          slot: t.slot,
          rankScore: t.rankScore,
          features: t.features,
        };
      }),
      removed: [...trace.removed]
        .sort((a, b) => compareIds(a.itemId, b.itemId))
        .map((r) => {
          const item = pool.items[catalogue.indexOf.get(r.itemId)!];
          return { ...r, caption: item?.caption ?? null, creator: item?.creator ?? null };
        }),
      rules: trace.rules,
      pool: summarisePool(pool, catalogue, result.viewer.events, at),
    };
  },
  /** Agreement with the real feed: a slate of k at every session start against what was watched. */
  'feed/agreement': (args, ctx) => {
    const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
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
