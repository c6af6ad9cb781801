// Explanations put to the test (engine/fidelity.ts): "Prove it" for one video of the feed, and
// the fidelity report of a dataset over a seeded sample of its session-start slates.
import type { ParsedArgs } from '../contract';
import type { FidelityReport, Proof } from '../contract/fidelity';
import {
  baselineScore,
  explainingEvents,
  fidelityOfSample,
  replay,
  standingAt,
  withoutAndOnly,
} from '../engine';
import { UserError } from '../domain/errors';
import { fidelityVerdict, onlySentence, withoutSentence } from '../explain';
import type { Context } from './context';
import { catalogueOf, engineConfig } from './engine-options';
import { cachedDataset } from './loaded';

/** Top k explaining events taken away (and kept alone) by "Prove it". */
const PROOF_KS = [1, 3, 5];

/** "Prove it": the item's place without its top 1, 3 and 5 explaining events, and with only them. */
export function proveItem(ctx: Context, args: ParsedArgs<'feed/prove'>): Proof {
  const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
  const config = engineConfig({ ...args, slateSize: args.k });
  const catalogue = catalogueOf(pool);
  const atMs = args.atMs ?? (events.at(-1)?.atMs ?? 0) + 1;
  const slate = replay({
    events,
    catalogue,
    config,
    seed: args.seed,
    points: { kind: 'times', atMs: [atMs] },
  }).slates[0]!;
  const item = slate.trace.items.find((i) => i.itemId === args.itemId);
  if (!item)
    throw new UserError('not-found', `Video ${args.itemId} is not in the feed at that moment.`);
  const at = { events, catalogue, config, seed: args.seed, atMs, itemId: args.itemId };
  const explaining = explainingEvents(item);
  const before = standingAt(at);
  const ks = PROOF_KS.filter((k, i) => i === 0 || PROOF_KS[i - 1]! < explaining.length);
  return {
    itemId: args.itemId,
    atMs,
    before,
    baseline: baselineScore(config),
    steps:
      explaining.length === 0
        ? []
        : ks.map((k) => {
            const picked = explaining.slice(0, k);
            const { without, only } = withoutAndOnly(at, new Set(picked.map((e) => e.eventId)));
            return {
              k: picked.length,
              events: picked.map(({ eventId, amount }) => ({ eventId, amount })),
              without,
              only,
              words: {
                without: withoutSentence(picked.length, before, without),
                only: onlySentence(picked.length, only),
              },
            };
          }),
  };
}

/** The fidelity report over `sample` session-start slates drawn with the seed. */
export function fidelityReport(
  ctx: Context,
  args: ParsedArgs<'fidelity/run'>,
  onProgress?: (done: number, total: number) => void,
): FidelityReport {
  const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
  const config = engineConfig(args);
  const report = fidelityOfSample({
    events,
    catalogue: catalogueOf(pool),
    config,
    seed: args.seed,
    n: args.sample,
    ...(onProgress ? { onItem: onProgress } : {}),
  });
  return {
    ...report,
    datasetId: args.datasetId,
    seed: args.seed,
    preset: config.preset,
    verdict: fidelityVerdict(report.rows),
  };
}
