import type { FeedEvent, Item } from '../domain/types';
import {
  AMPLIFICATION_THRESHOLD,
  agreement,
  applyEdits,
  compareIds,
  configHash,
  diffSlates,
  orderEvents,
  pointDiff,
  profileDiff,
  replay,
  replayMetrics,
  slateMetrics,
  timeToAmplification,
  whatIf as whatIfReplay,
  whatIfFacts,
  type AgreementSummary,
  type Edit,
  type EngineConfig,
  type Pool,
  type PreparedCatalogue,
  type ReplayResult,
  type Slate,
  type SlateMetrics,
  type SlatePoints,
  type WhatIfFacts,
  type WhatIfReplay,
} from '../engine';
import { UserError } from '../domain/errors';
import type { ParsedArgs } from '../contract';
import type {
  Amplification,
  CounterfactualDiff,
  PointSummary,
  ReplayRun,
  SlateDetail,
} from '../contract/replay';
import type { Context } from './context';
import { catalogueOf, engineConfig } from './engine-options';
import { cachedDataset } from './loaded';

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

/** A what-if with every slate in full, kept so that asking for another slate does not replay. */
type WhatIf = {
  head: Omit<CounterfactualDiff, 'shown' | 'details' | 'items'>;
  slates: { base: string[]; alt: string[] }[];
  metrics: { base: SlateMetrics[]; alt: SlateMetrics[] };
  item: (id: string) => Item;
};

/** The facts every what-if on a pool with given settings and seed compares with, and their measures. */
type Facts = { facts: WhatIfFacts; metrics: SlateMetrics[] };

/**
 * The last three what-ifs asked of each loaded pool (not happened, a skip, a rule off: a few MB at
 * a million events), and the facts the last was compared with (one replay with checkpoints, kept
 * so that the next question replays only its own side); a new load, after any dataset changes,
 * drops them with the pool.
 */
const kept = new WeakMap<Pool, { asked: Map<string, WhatIf>; facts: Map<string, Facts> }>();
const KEPT_PER_POOL = 3;
/**
 * One set of facts per pool: they hold the profile at every slate (every dimension the person
 * has touched), which for a heavy user with metadata is the largest thing a what-if keeps.
 */
const KEPT_FACTS = 1;

/** How many slates each side of the shown one are answered in full, for stepping through them. */
const NEIGHBOURS = 2;

/** How many topics the profile difference chart draws (charts/profile-diff-math.ts). */
const CHART_TOPICS = 5;

function whatIf(
  datasetId: string,
  { facts, metrics }: Facts,
  replayed: WhatIfReplay,
  edits: Edit[],
  items: readonly Item[],
  catalogue: PreparedCatalogue,
): WhatIf {
  const { alt, reused } = replayed;
  const points: PointSummary[] = [];
  const topicDiffs: Record<string, number>[] = [];
  const altMetrics: SlateMetrics[] = [];
  facts.times.forEach((atMs, s) => {
    // A reused slate is the facts' own: nothing differs.
    const profile = s < reused ? [] : profileDiff(facts.profiles[s]!, alt.profiles[s]!);
    const { entered, left, moved } = diffSlates(facts.slates[s]!.itemIds, alt.slates[s]!.itemIds);
    points.push({
      atMs,
      entered: entered.length,
      left: left.length,
      moved: moved.length,
      profileDimsChanged: profile.length,
    });
    topicDiffs.push(
      Object.fromEntries(
        profile
          .filter((d) => d.dim.startsWith('topic:'))
          .map((d) => [d.dim.slice('topic:'.length), d.diff]),
      ),
    );
    const a = alt.slates[s]!;
    altMetrics.push(
      s < reused
        ? metrics[s]!
        : slateMetrics(a.itemIds, a.slots, alt.profiles[s]!, atMs, catalogue),
    );
  });
  const changed = points.findIndex(isChanged);
  return {
    head: {
      datasetId,
      configHash: { base: configHash(facts.config), alt: configHash(replayed.config) },
      missing: replayed.missing,
      edits,
      points,
      firstChanged: changed < 0 ? null : pointDiff(facts, replayed, changed),
      topicDiffs: onlyTopics(topicDiffs, chartTopics(topicDiffs)),
    },
    slates: facts.slates.map((b, s) => ({ base: b.itemIds, alt: alt.slates[s]!.itemIds })),
    metrics: { base: metrics, alt: altMetrics },
    item: (id) => items[catalogue.indexOf.get(id)!]!,
  };
}

const feedChanged = (p: PointSummary) => p.entered + p.left + p.moved > 0;
const isChanged = (p: PointSummary) => feedChanged(p) || p.profileDimsChanged > 0;

/** The slate to show first: the first where the feeds differ, else the first where anything does. */
export function firstShownSlate(points: readonly PointSummary[]): number {
  const feed = points.findIndex(feedChanged);
  return feed >= 0 ? feed : Math.max(0, points.findIndex(isChanged));
}

/** The topics whose largest |difference| at any slate is largest, ties by id. */
function chartTopics(diffs: readonly Record<string, number>[]): Set<string> {
  const peaks = new Map<string, number>();
  for (const diff of diffs)
    for (const [topic, d] of Object.entries(diff))
      peaks.set(topic, Math.max(peaks.get(topic) ?? 0, Math.abs(d)));
  const ranked = [...peaks]
    .filter(([, peak]) => peak > 0)
    .sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]));
  return new Set(ranked.slice(0, CHART_TOPICS).map(([topic]) => topic));
}

function onlyTopics(diffs: readonly Record<string, number>[], topics: ReadonlySet<string>) {
  return diffs.map((diff) =>
    Object.fromEntries(Object.entries(diff).filter(([t]) => topics.has(t))),
  );
}

/** The answer for one slate: every slate in brief, that one and its neighbours in full. */
function answer(w: WhatIf, slate: number | undefined): CounterfactualDiff {
  const count = w.slates.length;
  if (slate !== undefined && slate >= Math.max(count, 1))
    throw new UserError(
      'bad-args',
      count === 0
        ? `There is no slate ${slate} in this what-if: it has none.`
        : `There is no slate ${slate} in this what-if: it has ${count} (0 to ${count - 1}).`,
    );
  const shown = slate ?? firstShownSlate(w.head.points);
  const details: SlateDetail[] = [];
  for (let s = Math.max(0, shown - NEIGHBOURS); s <= Math.min(count - 1, shown + NEIGHBOURS); s++)
    details.push({
      index: s,
      ...w.slates[s]!,
      metrics: { base: w.metrics.base[s]!, alt: w.metrics.alt[s]! },
    });
  const shownIds = new Set(details.flatMap((d) => [...d.base, ...d.alt]));
  return {
    ...w.head,
    shown,
    details,
    items: [...shownIds].sort(compareIds).map(w.item),
  };
}

export type ReplayArgs = ParsedArgs<'replay/run'>;

/** A replay/run's slates, as replayDataset builds them, with what both its callers report. */
type Replayed = {
  config: EngineConfig;
  catalogue: PreparedCatalogue;
  /** The events replayed (the dataset's, less `without`) and the `without` ids it lacks. */
  edited: { events: FeedEvent[]; missing: string[] };
  result: ReplayResult;
  slates: number;
  engineVersion: string;
  /** Agreement with the real feed, when the slates are at session starts. */
  agreement: AgreementSummary | null;
};

/**
 * The replay behind `replay/run` and a trace export (export/traces.ts): the dataset less the
 * events `without` names, slates at the points asked. `onSlate` sees each slate as it is built;
 * with `keep` the result keeps them, with profile snapshots, for the measures; without, memory
 * stays flat however many slates there are.
 */
export function replayDataset(
  ctx: Context,
  args: ReplayArgs,
  options: { keep: boolean; onSlate?: (slate: Slate) => void },
): Replayed {
  const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
  const config = engineConfig(args);
  const catalogue = catalogueOf(pool);
  const edited = applyEdits(
    events,
    args.without.map((eventId) => ({ op: 'remove' as const, eventId })),
  );
  // Agreement needs each session start's ranked ids (20 per slate), which is what
  // `every: 'session'` builds; not the traces.
  const atSessions = args.every === 'session' && args.times === undefined;
  const ranked = new Map<number, readonly string[]>();
  let slates = 0;
  let engineVersion = '';
  const result = replay({
    events: edited.events,
    catalogue,
    config,
    seed: args.seed,
    points: points(args.every, args.times),
    ...(options.keep ? { snapshots: true } : { keepSlates: false }),
    onSlate: (slate) => {
      options.onSlate?.(slate);
      if (atSessions) ranked.set(slate.trace.atMs, slate.raw.itemIds);
      engineVersion ||= slate.trace.engineVersion;
      slates++;
    },
  });
  return {
    config,
    catalogue,
    edited,
    result,
    slates,
    engineVersion,
    agreement: atSessions
      ? agreement({
          events: result.viewer.events,
          catalogue,
          slates: ranked,
          k: config.slateSize,
          rules: config.rules,
        })
      : null,
  };
}

/** replay/run: the slates' measures, agreement and amplification, and the traces when asked. */
export function replayRun(ctx: Context, args: ReplayArgs): ReplayRun {
  const run = replayDataset(ctx, args, { keep: true });
  return {
    datasetId: args.datasetId,
    seed: args.seed,
    preset: run.config.preset,
    configHash: run.result.configHash,
    engineVersion: run.engineVersion,
    events: run.edited.events.length,
    missing: run.edited.missing,
    traces: args.includeTraces ? run.result.slates.map((s) => s.trace) : [],
    metrics: replayMetrics(run.result, run.catalogue, run.config),
    agreement: run.agreement,
    amplification: amplification(run.edited.events, run.catalogue, run.config),
  };
}

/** A what-if: the dataset replayed as it is and edited (or with other rules), compared. */
export function whatIfAnswer(
  ctx: Context,
  args: ParsedArgs<'replay/counterfactual'>,
): CounterfactualDiff {
  const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
  const { slate, ...question } = args;
  const key = JSON.stringify(question);
  const pooled = kept.get(pool) ?? { asked: new Map<string, WhatIf>(), facts: new Map() };
  kept.set(pool, pooled);
  let w = pooled.asked.get(key);
  if (!w) {
    const config = engineConfig(args);
    const catalogue = catalogueOf(pool);
    const factsKey = JSON.stringify([configHash(config), args.seed, args.every]);
    let facts = pooled.facts.get(factsKey);
    if (!facts) {
      const replayed = whatIfFacts({
        events,
        catalogue,
        config,
        seed: args.seed,
        points: points(args.every, undefined),
      });
      facts = {
        facts: replayed,
        metrics: replayed.slates.map((b, s) =>
          slateMetrics(b.itemIds, b.slots, replayed.profiles[s]!, replayed.times[s]!, catalogue),
        ),
      };
    }
    keepRecent(pooled.facts, factsKey, facts, KEPT_FACTS);
    const replayed = whatIfReplay(facts.facts, catalogue, {
      edits: args.edits,
      configPatch: args.altRules ? { rules: { ...config.rules, ...args.altRules } } : undefined,
    });
    w = whatIf(args.datasetId, facts, replayed, [...args.edits], pool.items, catalogue);
  }
  keepRecent(pooled.asked, key, w, KEPT_PER_POOL);
  return answer(w, slate);
}

/** Puts `value` last (most recent) and drops the oldest beyond `most`. */
function keepRecent<T>(map: Map<string, T>, key: string, value: T, most: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) if (map.size > most) map.delete(oldest);
}
