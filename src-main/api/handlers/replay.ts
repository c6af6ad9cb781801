import { applyEdits, counterfactual, replay, replayMetrics, type SlatePoints } from '../../engine';
import type { replayCalls } from '../contract/replay';
import type { Handlers } from '../router';
import { catalogueOf, engineConfig } from './engine-options';
import { loadDataset } from './load';

function points(every: 'session' | number, times: number[] | undefined): SlatePoints {
  if (times) return { kind: 'times', atMs: times };
  return every === 'session' ? { kind: 'session' } : { kind: 'every', n: every };
}

export const replayHandlers: Pick<Handlers, keyof typeof replayCalls> = {
  'replay/run': (args, ctx) => {
    const { items, events } = loadDataset(ctx, args.datasetId);
    const config = engineConfig(args);
    const catalogue = catalogueOf(items);
    const edited = applyEdits(
      events,
      args.without.map((eventId) => ({ op: 'remove' as const, eventId })),
    );
    const result = replay({
      events: edited.events,
      catalogue,
      config,
      seed: args.seed,
      points: points(args.every, args.times),
      snapshots: true,
    });
    return {
      datasetId: args.datasetId,
      seed: args.seed,
      preset: config.preset,
      configHash: result.configHash,
      engineVersion: result.slates[0]?.trace.engineVersion ?? '',
      events: edited.events.length,
      missing: edited.missing,
      traces: args.includeTraces ? result.slates.map((s) => s.trace) : [],
      metrics: replayMetrics(result, catalogue, config),
    };
  },
  'replay/counterfactual': (args, ctx) => {
    const { items, events } = loadDataset(ctx, args.datasetId);
    const config = engineConfig(args);
    const result = counterfactual({
      events,
      catalogue: catalogueOf(items),
      config,
      seed: args.seed,
      points: points(args.every, undefined),
      edits: args.edits,
      configPatch: args.altRules ? { rules: { ...config.rules, ...args.altRules } } : undefined,
    });
    return {
      datasetId: args.datasetId,
      configHash: { base: result.base.configHash, alt: result.alt.configHash },
      missing: result.missing,
      edits: result.edits,
      points: result.points,
    };
  },
};
