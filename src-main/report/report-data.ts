// What the audit report says, computed from one replay of a dataset and a few counterfactual
// replays. Pure: a function of (events, catalogue, config, seed), like the engine it calls,
// so the same inputs give the same report byte for byte.
import type { EventKind, Evidence, FeedEvent } from '../domain/types';
import {
  agreement,
  fidelityOfSample,
  FEATURES,
  replay,
  replayMetrics,
  timeToAmplification,
  round,
  RULES,
  type AgreementSummary,
  type EngineConfig,
  type Feature,
  type FidelitySample,
  type PreparedCatalogue,
  type ReplayResult,
  type Slate,
  type SlateMetrics,
} from '../engine';
import { compareStrings } from '../engine/format';
import {
  explainRemovals,
  explainSlateItem,
  itemNames,
  removedByRule,
  type Explanation,
  type RemovalWords,
  type RemovedByRule,
} from '../explain';
import {
  reportCounterfactuals,
  type CounterfactualSummary,
  type RuleEffectTotal,
} from './counterfactuals';

export type Provenance = {
  appVersion: string;
  engineVersion: string;
  traceVersion: number;
  configHash: string;
  preset: string;
  seed: number;
  datasetId: string;
  datasetName: string;
  datasetKind: string;
  /** SHA-256 of the dataset's events and items as replayed (what a re-run must be given). */
  inputSha256: string;
  /** SHA-256 of the file the dataset was imported from, when it came from one. */
  sourceSha256: string | null;
};

export type ReportInput = {
  provenance: Omit<Provenance, 'engineVersion' | 'traceVersion' | 'configHash' | 'preset'>;
  events: readonly FeedEvent[];
  catalogue: PreparedCatalogue;
  config: EngineConfig;
};

export type SignalCount = { kind: EventKind; total: number } & Record<Evidence, number>;
/** The last slate explained in the words every surface prints (src-main/explain/). */
export type SlateDecisions = {
  atMs: number;
  served: { rank: number; itemId: string; explanation: Explanation }[];
  removedByRule: RemovedByRule[];
  /** Up to REMOVALS_SHOWN removals of each rule, in id order, with their words. */
  removals: RemovalWords[];
};

export type ReportData = {
  provenance: Provenance;
  events: number;
  slates: number;
  timesMs: number[];
  /** The strongest dimensions at the last slate, and their weights at every slate time. */
  profile: { dim: string; values: number[] }[];
  signals: SignalCount[];
  /** Mean contribution of each feature to a served video's score, over every slate. */
  features: { feature: Feature; mean: number }[];
  /** The dimensions behind the most score, summed over every served video. */
  dims: { dim: string; value: number }[];
  rules: RuleEffectTotal[];
  counterfactuals: CounterfactualSummary[];
  metrics: SlateMetrics[];
  /** Topics that came to hold AMPLIFICATION_THRESHOLD of the profile (engine/metrics.ts), and when. */
  amplified: { topic: string; afterEvents: number }[];
  agreement: AgreementSummary | null;
  decisions: SlateDecisions | null;
  /** Do the explanations name the events that matter? (engine/fidelity-report.ts) */
  fidelity: FidelitySample;
};

/** Slates the report's fidelity section samples: enough to compare with chance, a few seconds. */
export const REPORT_FIDELITY_SLATES = 10;

const PROFILE_DIMS = 6;
/** A heavy user's slate removes thousands as seen: the report words the first few of each rule. */
export const REMOVALS_SHOWN = 5;
const TOP_DIMS = 10;

export function buildReportData(input: ReportInput): ReportData {
  const { events, catalogue, config } = input;
  const seed = input.provenance.seed;
  const base = replay({ events, catalogue, config, seed, snapshots: true });
  const traces = base.slates.map((s) => s.trace);
  const rules = ruleTotals(base);
  const dims = driverDims(base);
  return {
    provenance: {
      ...input.provenance,
      engineVersion: traces[0]?.engineVersion ?? '',
      traceVersion: traces[0]?.traceVersion ?? 0,
      configHash: base.configHash,
      preset: config.preset,
    },
    events: events.length,
    slates: traces.length,
    timesMs: base.times,
    profile: profileSeries(base),
    signals: signalMix(events),
    features: featureMeans(base),
    dims,
    rules,
    counterfactuals: reportCounterfactuals({ events, catalogue, config, seed }, base, rules),
    fidelity: fidelityOfSample({ events, catalogue, config, seed, n: REPORT_FIDELITY_SLATES }),
    metrics: replayMetrics(base, catalogue, config),
    amplified: Object.entries(timeToAmplification(events, catalogue, config))
      .flatMap(([topic, afterEvents]) => (afterEvents === null ? [] : [{ topic, afterEvents }]))
      .sort((a, b) => a.afterEvents - b.afterEvents || compareStrings(a.topic, b.topic)),
    agreement: agreement({
      events: base.viewer.events,
      catalogue,
      slates: new Map(base.slates.map((s) => [s.trace.atMs, s.raw.itemIds])),
      k: config.slateSize,
      rules: config.rules,
    }),
    decisions: base.slates.length > 0 ? slateDecisions(base.slates.at(-1)!, catalogue) : null,
  };
}

/** A slate explained for the report: every served video and the first removals of each rule. */
export function slateDecisions(slate: Slate, catalogue: PreparedCatalogue): SlateDecisions {
  const names = itemNames(catalogue.items, catalogue.indexOf);
  const shown = new Map<string, number>();
  return {
    atMs: slate.trace.atMs,
    served: slate.trace.items.map((t, i) => ({
      rank: t.rank,
      itemId: t.itemId,
      explanation: explainSlateItem(slate, i, names(t.itemId)?.creator ?? null, names),
    })),
    removedByRule: removedByRule(slate.trace.removed),
    removals: explainRemovals(slate).filter((r) => {
      const n = shown.get(r.rule) ?? 0;
      shown.set(r.rule, n + 1);
      return n < REMOVALS_SHOWN;
    }),
  };
}

function profileSeries(base: ReplayResult): ReportData['profile'] {
  const snapshots = base.profiles ?? [];
  const last = snapshots.at(-1) ?? new Map<string, number>();
  // Topics tell the story when the videos have metadata; a bare export has only other dimensions.
  const topics = [...last].filter(([dim]) => dim.startsWith('topic:'));
  const pool = topics.length > 0 ? topics : [...last];
  const top = pool
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || compareStrings(a[0], b[0]))
    .slice(0, PROFILE_DIMS)
    .map(([dim]) => dim);
  return top.map((dim) => ({ dim, values: snapshots.map((s) => round(s.get(dim) ?? 0)) }));
}

function signalMix(events: readonly FeedEvent[]): SignalCount[] {
  const counts = new Map<EventKind, SignalCount>();
  for (const e of events) {
    let c = counts.get(e.kind);
    if (!c)
      counts.set(e.kind, (c = { kind: e.kind, total: 0, observed: 0, inferred: 0, loaded: 0 }));
    c.total++;
    c[e.evidence]++;
  }
  return [...counts.values()].sort((a, b) => b.total - a.total || compareStrings(a.kind, b.kind));
}

function featureMeans(base: ReplayResult): ReportData['features'] {
  const sums = new Map<Feature, number>(FEATURES.map((f) => [f, 0]));
  let served = 0;
  for (const slate of base.slates) {
    for (const item of slate.trace.items) {
      served++;
      for (const f of FEATURES) sums.set(f, sums.get(f)! + item.contributions[f]);
    }
  }
  return FEATURES.map((feature) => ({
    feature,
    mean: round(served ? sums.get(feature)! / served : 0),
  })).sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean) || compareStrings(a.feature, b.feature));
}

function driverDims(base: ReplayResult): ReportData['dims'] {
  const sums = new Map<string, number>();
  for (const slate of base.slates)
    for (const item of slate.trace.items)
      for (const b of item.because) sums.set(b.dim, (sums.get(b.dim) ?? 0) + b.value);
  return [...sums]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || compareStrings(a[0], b[0]))
    .slice(0, TOP_DIMS)
    .map(([dim, value]) => ({ dim, value: round(value) }));
}

function ruleTotals(base: ReplayResult): RuleEffectTotal[] {
  return RULES.map((rule) => {
    const total: RuleEffectTotal = { rule, on: false, removed: 0, demoted: 0, promoted: 0 };
    for (const slate of base.slates) {
      const r = slate.trace.rules[rule];
      total.on ||= r.on;
      total.removed += r.removed;
      total.demoted += r.demoted;
      total.promoted += r.promoted;
    }
    return total;
  });
}
