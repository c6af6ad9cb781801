import type { Item } from '../../domain/types';
import {
  AMPLIFICATION_THRESHOLD,
  agreement,
  applyEdits,
  compareIds,
  counterfactual,
  orderEvents,
  profileDiff,
  replay,
  replayMetrics,
  timeToAmplification,
  type CounterfactualResult,
  type EngineConfig,
  type PreparedCatalogue,
  type Slate,
  type SlatePoints,
} from '../../engine';
import type { Amplification, CounterfactualDiff, replayCalls } from '../contract/replay';
import type { Handlers } from '../router';
import { catalogueOf, engineConfig } from './engine-options';
import { loadDataset } from './load';

function amplification(
  events: Parameters<typeof timeToAmplification>[0],
  catalogue: Parameters<typeof timeToAmplification>[1],
  config: Parameters<typeof timeToAmplification>[2],
): Amplification {
  const ordered = orderEvents(events);
  const byTopic = timeToAmplification(ordered, catalogue, config, AMPLIFICATION_THRESHOLD);
  return {
    threshold: AMPLIFICATION_THRESHOLD,
    topics: Object.entries(byTopic).map(([topic, n]) => ({
      topic,
      events: n,
      atMs: n === null ? null : ordered[n - 1]!.atMs,
    })),
  };
}

function points(every: 'session' | number, times: number[] | undefined): SlatePoints {
  if (times) return { kind: 'times', atMs: times };
  return every === 'session' ? { kind: 'session' } : { kind: 'every', n: every };
}

/** What the side-by-side what-if draws beyond the diff: both feeds, their videos and measures. */
function sideBySide(
  result: CounterfactualResult,
  items: readonly Item[],
  catalogue: PreparedCatalogue,
  config: EngineConfig,
): Pick<CounterfactualDiff, 'slates' | 'items' | 'metrics' | 'topicDiffs'> {
  const ids = (slate: Slate) => slate.trace.items.map((i) => i.itemId);
  const slates = result.base.slates.map((b, s) => ({
    base: ids(b),
    alt: ids(result.alt.slates[s]!),
  }));
  const shown = new Set(slates.flatMap((s) => [...s.base, ...s.alt]));
  return {
    slates,
    items: [...shown].sort(compareIds).map((id) => items[catalogue.indexOf.get(id)!]!),
    // Both replays keep profile snapshots, which the measures read (the config is their fallback).
    metrics: {
      base: replayMetrics(result.base, catalogue, config),
      alt: replayMetrics(result.alt, catalogue, config),
    },
    topicDiffs: result.base.profiles!.map((profile, s) =>
      Object.fromEntries(
        profileDiff(profile, result.alt.profiles![s]!)
          .filter((d) => d.dim.startsWith('topic:'))
          .map((d) => [d.dim.slice('topic:'.length), d.diff]),
      ),
    ),
  };
}

export const replayHandlers: Pick<Handlers, keyof typeof replayCalls> = {
  'replay/run': (args, ctx) => {
    const { pool, events } = loadDataset(ctx, args.datasetId, { withDemo: args.withDemo });
    const config = engineConfig(args);
    const catalogue = catalogueOf(pool);
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
    // Agreement needs a slate at every session start, which is what `every: 'session'` builds.
    const atSessions = args.every === 'session' && args.times === undefined;
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
      agreement: atSessions
        ? agreement({
            events: result.viewer.events,
            catalogue,
            slates: new Map(result.slates.map((s) => [s.trace.atMs, s.raw.itemIds])),
            k: config.slateSize,
            rules: config.rules,
          })
        : null,
      amplification: amplification(edited.events, catalogue, config),
    };
  },
  'replay/counterfactual': (args, ctx) => {
    const { pool, events } = loadDataset(ctx, args.datasetId, { withDemo: args.withDemo });
    const config = engineConfig(args);
    const catalogue = catalogueOf(pool);
    const result = counterfactual({
      events,
      catalogue,
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
      ...sideBySide(result, pool.items, catalogue, config),
    };
  },
};
