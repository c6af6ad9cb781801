// The Feed screen's operations: the slate the engine would build at a moment, with its full
// trace, and the agreement of a dataset's slates with what the person really watched.
import type { ParsedArgs } from '../contract';
import type { Agreement, Feed } from '../contract/feed';
import type { FeedEvent } from '../domain/types';
import {
  replayAgreement,
  replayCheckpointed,
  slateAt,
  stateHash,
  summarisePool,
  viewerAt,
  type Checkpointed,
  type EngineConfig,
  type PreparedCatalogue,
} from '../engine';
import { explainRemovals, itemNames, removedByRule } from '../explain';
import { UserError } from '../domain/errors';
import type { Context } from './context';
import { catalogueOf, engineConfig } from './engine-options';
import { feedEntry } from './feed-entry';
import { cachedDataset } from './loaded';

/** The slate the engine would build at `atMs` from every event before it, with its full trace. */
export function feedAt(ctx: Context, args: ParsedArgs<'feed/at'>): Feed {
  const demoOnly = args.candidates === 'demo';
  const { pool, events } = cachedDataset(ctx, args.datasetId, {
    withDemo: args.withDemo === true || demoOnly,
  });
  // The demo and Lab sessions have the demo catalogue as their own videos, not beside them.
  if (demoOnly && !pool.sources.includes('demo'))
    throw new UserError(
      'bad-args',
      'Only an imported dataset can apply its profile to the demo catalogue: this one’s videos are the demo’s already.',
    );
  const config = engineConfig({ ...args, slateSize: args.k });
  const at = args.atMs ?? (events.at(-1)?.atMs ?? 0) + 1;
  const catalogue = catalogueOf(pool, demoOnly ? 'demo' : 'all');
  const viewer = viewerAt(checkpointedRun(catalogue, events, config), config, at);
  const slate = slateAt(viewer, config, args.seed, at);
  const { trace } = slate;
  const names = itemNames(pool.items, catalogue.indexOf);
  return {
    datasetId: args.datasetId,
    atMs: at,
    engineVersion: trace.engineVersion,
    seed: trace.seed,
    preset: trace.preset,
    configHash: trace.configHash,
    slateId: trace.slateId,
    entries: trace.items.map((t, i) => {
      const idx = catalogue.indexOf.get(t.itemId)!;
      return feedEntry(slate, i, pool.items[idx]!, pool.sources[idx]!, names);
    }),
    removed: explainRemovals(slate).map((r) => {
      const item = names(r.itemId);
      return { ...r, caption: item?.caption ?? null, creator: item?.creator ?? null };
    }),
    removedByRule: removedByRule(trace.removed),
    rules: trace.rules,
    pool: summarisePool(pool, catalogue, viewer.events, at),
    candidates: args.candidates,
  };
}

/**
 * Each loaded pool's replays with checkpoints (the events as read, every event applied, with the
 * traces' evidence), by catalogue (the pool's own videos, or only the demo's served) and
 * stateHash: a feed at any moment steps on from the nearest checkpoint, a feed after the last
 * event reads the final state, and settings that only change the slate (weights, rules, slate
 * size) share one. Dropped with the pool (and its catalogues) when any dataset changes.
 */
const checkpointed = new WeakMap<PreparedCatalogue, Map<string, Checkpointed>>();
const KEPT_PER_POOL = 2;

function checkpointedRun(
  catalogue: PreparedCatalogue,
  events: readonly FeedEvent[],
  config: EngineConfig,
): Checkpointed {
  const runs = checkpointed.get(catalogue) ?? new Map<string, Checkpointed>();
  checkpointed.set(catalogue, runs);
  const key = stateHash(config);
  const run =
    runs.get(key) ?? replayCheckpointed(events, catalogue, config, { trackEvidence: true });
  // Most recent last, so the first key is the one to drop.
  runs.delete(key);
  runs.set(key, run);
  for (const oldest of runs.keys()) if (runs.size > KEPT_PER_POOL) runs.delete(oldest);
  return run;
}

/** Agreement with the real feed: a slate of k at every session start against what was watched. */
export function feedAgreement(ctx: Context, args: ParsedArgs<'feed/agreement'>): Agreement {
  const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
  const config = engineConfig({ ...args, slateSize: args.k });
  const summary = replayAgreement({
    events,
    catalogue: catalogueOf(pool),
    config,
    seed: args.seed,
  });
  return { datasetId: args.datasetId, ...summary };
}
