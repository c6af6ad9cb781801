// Offline evaluation: hold out interactions, rank every unseen item for each held-out user, and
// report Recall@K, NDCG@K and catalogue coverage, beside a most-popular baseline in the same run.
import { bareItem, type FeedEvent, type Item } from '../domain/types';
import { prepareCatalogue } from './catalogue';
import {
  configHash,
  effectiveWeights,
  halfLifeMs,
  resolveConfig,
  type EngineConfig,
} from './config';
import { F, writeFeatures, type FeatureContext } from './features';
import { compareIds, compareStrings, round } from './format';
import { buildModel, scoreFeatures } from './objectives';
import { coScores, createViewer, stepViewer } from './viewer';

export type Interaction = { user: string; itemId: string; atMs: number };
export type Split = 'leave-last-out' | 'temporal';

export type RankerReport = { recall: number; ndcg: number; coverage: number };
export type EvaluateReport = {
  split: Split;
  k: number;
  users: number;
  items: number;
  interactions: number;
  /** For the temporal split: the cutoff time (80th percentile of event times). */
  cutoffMs: number | null;
  configHash: string;
  glassBox: RankerReport;
  mostPopular: RankerReport;
};

export type EvaluateOptions = {
  split: Split;
  k: number;
  config?: EngineConfig;
  items?: readonly Item[];
};

type UserSplit = { user: string; train: Interaction[]; test: string[]; atMs: number };

/**
 * Splits the log. Repeated (user, item) pairs keep their first occurrence. leave-last-out: each
 * user's last new item is the test item (users with ≥ 2 items). temporal: a global cutoff at the
 * 80th percentile of times; a user's test items are those first met at or after it (users with
 * training and test items).
 */
export function splitInteractions(
  rows: readonly Interaction[],
  split: Split,
): { users: UserSplit[]; cutoffMs: number | null } {
  const byUser = new Map<string, Interaction[]>();
  rows.forEach((r) => {
    let list = byUser.get(r.user);
    if (!list) byUser.set(r.user, (list = []));
    list.push(r);
  });
  const users: UserSplit[] = [];
  let cutoffMs: number | null = null;
  if (split === 'temporal') {
    const times = rows.map((r) => r.atMs).sort((a, b) => a - b);
    cutoffMs = times[Math.min(times.length - 1, Math.floor(times.length * 0.8))] ?? 0;
  }
  for (const user of [...byUser.keys()].sort(compareStrings)) {
    const list = dedupe(
      byUser
        .get(user)!
        .map((r, i) => [r, i] as const)
        .sort((a, b) => a[0].atMs - b[0].atMs || a[1] - b[1])
        .map(([r]) => r),
    );
    if (split === 'leave-last-out') {
      if (list.length < 2) continue;
      const last = list[list.length - 1]!;
      users.push({ user, train: list.slice(0, -1), test: [last.itemId], atMs: last.atMs });
    } else {
      const train = list.filter((r) => r.atMs < cutoffMs!);
      const test = list.filter((r) => r.atMs >= cutoffMs!).map((r) => r.itemId);
      if (train.length > 0 && test.length > 0) users.push({ user, train, test, atMs: cutoffMs! });
    }
  }
  return { users, cutoffMs };
}

function dedupe(list: Interaction[]): Interaction[] {
  const seen = new Set<string>();
  return list.filter((r) => (seen.has(r.itemId) ? false : (seen.add(r.itemId), true)));
}

/** Top k of `scores` over items not in `exclude`, ties by item id. */
function topK(
  scores: Float64Array,
  items: readonly Item[],
  exclude: ReadonlySet<number>,
  k: number,
): number[] {
  const order: number[] = [];
  for (let i = 0; i < items.length; i++) if (!exclude.has(i)) order.push(i);
  order.sort((a, b) => scores[b]! - scores[a]! || compareIds(items[a]!.id, items[b]!.id));
  return order.slice(0, k);
}

/** Recall@K = hits / |test|; NDCG@K = Σ_hits 1/log2(rank + 1) / Σ_{r ≤ min(K, |test|)} 1/log2(r + 1). */
export function recallNdcg(
  ranked: readonly string[],
  test: readonly string[],
  k: number,
): { recall: number; ndcg: number } {
  const relevant = new Set(test);
  let hits = 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, r) => {
    if (relevant.has(id)) {
      hits++;
      dcg += 1 / Math.log2(r + 2);
    }
  });
  let idcg = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r++) idcg += 1 / Math.log2(r + 2);
  return { recall: relevant.size ? hits / relevant.size : 0, ndcg: idcg ? dcg / idcg : 0 };
}

/**
 * Evaluates the glass-box ranker (profile from the user's training interactions, each read as an
 * observed finished watch; score Σ_k V_k P_k over all unseen items; no exploration or re-ranking
 * rules, since this measures the ranker) against most-popular (training counts), same split.
 */
export function evaluate(rows: readonly Interaction[], options: EvaluateOptions): EvaluateReport {
  const config = options.config ?? resolveConfig({});
  const { users, cutoffMs } = splitInteractions(rows, options.split);
  const known = new Map((options.items ?? []).map((i) => [i.id, i]));
  const ids = [...new Set(rows.map((r) => r.itemId))].sort(compareIds);
  const items: Item[] = ids.map((id) => known.get(id) ?? bareItem(id, null));
  for (const item of options.items ?? []) if (!ids.includes(item.id)) items.push(item);
  const counts = new Map<string, number>();
  for (const u of users)
    for (const r of u.train) counts.set(r.itemId, (counts.get(r.itemId) ?? 0) + 1);
  const catalogue = prepareCatalogue(items, {
    popularityCounts: counts,
    interactions: users.map((u) => u.train.map((r) => r.itemId)),
  });
  const model = buildModel(effectiveWeights(config));
  const popScores = Float64Array.from(items, (it) => counts.get(it.id) ?? 0);
  const k = options.k;
  const glass = { recall: 0, ndcg: 0, covered: new Set<number>() };
  const pop = { recall: 0, ndcg: 0, covered: new Set<number>() };
  const x = new Float64Array(F);
  const scores = new Float64Array(items.length);
  for (const u of users) {
    const events: FeedEvent[] = u.train.map((r, i) => ({
      id: `${u.user}:${i}`,
      atMs: r.atMs,
      kind: 'watch',
      itemId: r.itemId,
      target: null,
      watchS: null,
      watchRatio: 1,
      level: null,
      evidence: 'observed',
      session: 0,
    }));
    const viewer = createViewer(catalogue, config, events, { trackEvidence: false });
    while (viewer.applied < events.length) stepViewer(viewer);
    const exclude = new Set(u.train.map((r) => catalogue.indexOf.get(r.itemId)!));
    const ctx: FeatureContext = {
      catalogue,
      store: viewer.store,
      config,
      nowMs: u.atMs,
      decayRate: Math.LN2 / halfLifeMs(config),
      followedDims: new Set(),
      recentTopicCounts: viewer.recentTopicCounts,
      recentSize: viewer.recentSeen.length,
      coScores: coScores(viewer),
    };
    for (let i = 0; i < items.length; i++) {
      if (exclude.has(i)) continue;
      writeFeatures(ctx, i, false, x, 0);
      scores[i] = scoreFeatures(model, x, 0);
    }
    for (const [acc, s] of [
      [glass, scores],
      [pop, popScores],
    ] as const) {
      const top = topK(s, items, exclude, k);
      top.forEach((i) => acc.covered.add(i));
      const m = recallNdcg(
        top.map((i) => items[i]!.id),
        u.test,
        k,
      );
      acc.recall += m.recall;
      acc.ndcg += m.ndcg;
    }
  }
  const report = (acc: typeof glass): RankerReport => ({
    recall: round(users.length ? acc.recall / users.length : 0, 6),
    ndcg: round(users.length ? acc.ndcg / users.length : 0, 6),
    coverage: round(items.length ? acc.covered.size / items.length : 0, 6),
  });
  return {
    split: options.split,
    k,
    users: users.length,
    items: items.length,
    interactions: rows.length,
    cutoffMs,
    configHash: configHash(config),
    glassBox: report(glass),
    mostPopular: report(pop),
  };
}
